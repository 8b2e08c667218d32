using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents why a lead was disqualified (moved to the Other stage with status Unqualified).</summary>
/// <remarks>
/// The reasons follow the SiriusDecisions waterfall. <see cref="UnableToReach"/> is special: it is accepted only
/// after the agreement's connect-attempt policy was met, so that "could not reach them" means the same to both teams.
/// Values are stored; they never change.
/// </remarks>
public sealed class DisqualificationReason : SmartEnum<DisqualificationReason>
{
    /// <summary>Unable to reach: every attempt the connect policy requires was made, none connected.</summary>
    public static readonly DisqualificationReason UnableToReach = new(nameof(UnableToReach), 1, "Unable to reach", requiresExhaustedConnectPolicy: true);

    /// <summary>Inaccurate data: the contact data is wrong or fake.</summary>
    public static readonly DisqualificationReason InaccurateData = new(nameof(InaccurateData), 2, "Inaccurate data", requiresExhaustedConnectPolicy: false);

    /// <summary>No interest or need: the person has no problem the offer solves.</summary>
    public static readonly DisqualificationReason NoInterestOrNeed = new(nameof(NoInterestOrNeed), 3, "No interest or need", requiresExhaustedConnectPolicy: false);

    /// <summary>No budget: the need exists, the money does not.</summary>
    public static readonly DisqualificationReason NoBudget = new(nameof(NoBudget), 4, "No budget", requiresExhaustedConnectPolicy: false);

    /// <summary>No fit: the company or person is outside the ideal customer profile.</summary>
    public static readonly DisqualificationReason NoFit = new(nameof(NoFit), 5, "No fit", requiresExhaustedConnectPolicy: false);

    /// <summary>Other: any other reason; the free-text note must say which.</summary>
    public static readonly DisqualificationReason Other = new(nameof(Other), 6, "Other", requiresExhaustedConnectPolicy: false);

    private DisqualificationReason(string name, int value, string displayName, bool requiresExhaustedConnectPolicy)
        : base(name, value)
    {
        DisplayName = displayName;
        RequiresExhaustedConnectPolicy = requiresExhaustedConnectPolicy;
    }

    /// <summary>Gets the reason as people write it.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether the reason is accepted only after the connect policy's attempts were exhausted.</summary>
    public bool RequiresExhaustedConnectPolicy { get; }

    /// <summary>Gets a value indicating whether an agreement defined the reason (it is not one the library ships).</summary>
    public bool IsDefinedByAgreement => Value >= 100;

    /// <summary>Gets the reason's name as people write it in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in, for example <c>de-DE</c>; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The name in that language; for a reason an agreement defines, its <see cref="DisplayName"/> (an agreement names its own terms per language through <c>Vocabulary.GetDisplayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture) => Localization.TermName(nameof(DisqualificationReason), Name, culture) ?? DisplayName;

    /// <summary>Gets what the reason means, in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The description, or <see langword="null"/> for a reason an agreement defines (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture) => Localization.TermDescription(nameof(DisqualificationReason), Name, culture);

    /// <summary>Determines whether another reason is the same: the same number and name.</summary>
    /// <param name="other">The other reason.</param>
    /// <returns><see langword="true"/> when both have the same number and name.</returns>
    public override bool Equals(SmartEnum<DisqualificationReason, int>? other) => base.Equals(other) && (other is null || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>Returns the hash code of the reason's number.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => base.GetHashCode();

    internal static DisqualificationReason Define(ReasonDefinition definition) =>
        new(definition.Name, definition.Number, definition.DisplayName ?? definition.Name, definition.RequiresExhaustedConnectPolicy);
}
