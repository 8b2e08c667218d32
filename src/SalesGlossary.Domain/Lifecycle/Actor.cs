using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

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

    private Actor(string name, int value, string? displayName = null)
        : base(name, value)
    {
        DisplayName = displayName ?? name;
    }

    /// <summary>Gets the actor as people write it.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether an agreement defined the actor (it is not one the library ships).</summary>
    public bool IsDefinedByAgreement => Value >= 100;

    /// <summary>Gets the actor's name as people write it in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in, for example <c>de-DE</c>; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The name in that language; for an actor an agreement defines, its <see cref="DisplayName"/> (an agreement names its own terms per language through <c>Vocabulary.GetDisplayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture) => Localization.TermName(nameof(Actor), Name, culture) ?? DisplayName;

    /// <summary>Gets what the actor means, in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The description, or <see langword="null"/> for an actor an agreement defines (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture) => Localization.TermDescription(nameof(Actor), Name, culture);

    /// <summary>Determines whether another actor is the same: the same number and name.</summary>
    /// <param name="other">The other actor.</param>
    /// <returns><see langword="true"/> when both have the same number and name.</returns>
    public override bool Equals(SmartEnum<Actor, int>? other) => base.Equals(other) && (other is null || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>Returns the hash code of the actor's number.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => base.GetHashCode();

    internal static Actor Define(TermDefinition definition) => new(definition.Name, definition.Number, definition.DisplayName);
}
