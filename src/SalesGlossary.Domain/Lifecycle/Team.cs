using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

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

    private Team(string name, int value, string? displayName = null)
        : base(name, value)
    {
        DisplayName = displayName ?? name;
    }

    /// <summary>Gets the team as people write it, for example <c>Customer Success</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether an agreement defined the team (it is not one the library ships).</summary>
    public bool IsDefinedByAgreement => Value >= 100;

    /// <summary>Gets the team's name as people write it in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in, for example <c>de-DE</c>; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The name in that language; for a team an agreement defines, its <see cref="DisplayName"/> (an agreement names its own terms per language through <c>Vocabulary.GetDisplayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture) => Localization.TermName(nameof(Team), Name, culture) ?? DisplayName;

    /// <summary>Gets what the team means, in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The description, or <see langword="null"/> for a team an agreement defines (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture) => Localization.TermDescription(nameof(Team), Name, culture);

    /// <summary>Determines whether another team is the same: the same number and name.</summary>
    /// <param name="other">The other team.</param>
    /// <returns><see langword="true"/> when both have the same number and name.</returns>
    public override bool Equals(SmartEnum<Team, int>? other) => base.Equals(other) && (other is null || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>Returns the hash code of the team's number.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => base.GetHashCode();

    internal static Team Define(TermDefinition definition) => new(definition.Name, definition.Number, definition.DisplayName);
}
