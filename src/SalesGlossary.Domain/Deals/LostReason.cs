using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents why a deal was lost, as a code both teams and the CRM share.</summary>
/// <remarks>
/// The shipped reasons are the common ones; an agreement may define its own (see <c>Vocabulary</c>). Losing a deal with a
/// reason code records its display name as the loss's reason, so reports group losses by it. Values are stored; they never change.
/// </remarks>
public sealed class LostReason : SmartEnum<LostReason>
{
    /// <summary>Price: the buyer found the offer too expensive.</summary>
    public static readonly LostReason Price = new(nameof(Price), 1, "Price");

    /// <summary>Competitor: the buyer chose a competitor.</summary>
    public static readonly LostReason Competitor = new(nameof(Competitor), 2, "Chose a competitor");

    /// <summary>No decision: the buyer stopped the purchase or went silent.</summary>
    public static readonly LostReason NoDecision = new(nameof(NoDecision), 3, "No decision");

    /// <summary>Timing: the purchase moved beyond the horizon of the pipeline.</summary>
    public static readonly LostReason Timing = new(nameof(Timing), 4, "Timing");

    /// <summary>No budget: the money is not there.</summary>
    public static readonly LostReason NoBudget = new(nameof(NoBudget), 5, "No budget");

    /// <summary>Product fit: the offer lacks what the buyer needs.</summary>
    public static readonly LostReason ProductFit = new(nameof(ProductFit), 6, "Product fit");

    /// <summary>Other: any other reason; the note says which.</summary>
    public static readonly LostReason Other = new(nameof(Other), 7, "Other");

    private LostReason(string name, int value, string displayName)
        : base(name, value)
    {
        DisplayName = displayName;
    }

    /// <summary>Gets the reason as people write it.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether an agreement defined the reason (it is not one the library ships).</summary>
    public bool IsDefinedByAgreement => Value >= 100;

    /// <summary>Gets the reason's name as people write it in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in, for example <c>de-DE</c>; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The name in that language; for a reason an agreement defines, its <see cref="DisplayName"/> (an agreement names its own terms per language through <c>Vocabulary.GetDisplayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture) => Localization.TermName(nameof(LostReason), Name, culture) ?? DisplayName;

    /// <summary>Gets what the reason means, in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The description, or <see langword="null"/> for a reason an agreement defines (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture) => Localization.TermDescription(nameof(LostReason), Name, culture);

    /// <summary>Determines whether another reason is the same: the same number and name.</summary>
    /// <param name="other">The other reason.</param>
    /// <returns><see langword="true"/> when both have the same number and name.</returns>
    public override bool Equals(SmartEnum<LostReason, int>? other) => base.Equals(other) && (other is null || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>Returns the hash code of the reason's number.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => base.GetHashCode();

    internal static LostReason Define(SalesGlossary.Domain.ReasonDefinition definition) => new(definition.Name, definition.Number, definition.DisplayName ?? definition.Name);
}
