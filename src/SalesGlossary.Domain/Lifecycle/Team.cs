using Ardalis.SmartEnum;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents a team that owns part of the funnel: marketing, sales or service.</summary>
/// <remarks>
/// Ownership matters at handoffs: when a contact's lifecycle stage passes from a stage owned by one team to a
/// stage owned by another (marketing to sales at the qualified-lead stages, sales to service at Customer), the
/// agreement expects the receiving team to act. Values are stored; they never change.
/// </remarks>
public sealed class Team : SmartEnum<Team>
{
    /// <summary>Marketing: attracts strangers and nurtures them until they are qualified.</summary>
    public static readonly Team Marketing = new(nameof(Marketing), 1);

    /// <summary>Sales: engages qualified leads, works deals and closes them.</summary>
    public static readonly Team Sales = new(nameof(Sales), 2);

    /// <summary>Service: delights customers so that they stay, buy again and refer others.</summary>
    public static readonly Team Service = new(nameof(Service), 3);

    private Team(string name, int value)
        : base(name, value)
    {
    }
}
