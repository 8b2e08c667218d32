using Ardalis.SmartEnum;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents who caused a transition: marketing, sales, the system itself or an integration.</summary>
/// <remarks>Recorded on every transition so that reports can tell a sales acceptance from an automatic promotion. Values are stored; they never change.</remarks>
public sealed class Actor : SmartEnum<Actor>
{
    /// <summary>Marketing: a marketer, for example an administrative correction.</summary>
    public static readonly Actor Marketing = new(nameof(Marketing), 1);

    /// <summary>Sales: a seller, for example accepting or returning a lead.</summary>
    public static readonly Actor Sales = new(nameof(Sales), 2);

    /// <summary>System: the library's own rules, for example a promotion because the score reached a threshold.</summary>
    public static readonly Actor System = new(nameof(System), 3);

    /// <summary>Integration: another system, for example a CRM sync or a form handler.</summary>
    public static readonly Actor Integration = new(nameof(Integration), 4);

    private Actor(string name, int value)
        : base(name, value)
    {
    }
}
