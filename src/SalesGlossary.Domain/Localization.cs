using System.Globalization;
using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace SalesGlossary.Domain;

/// <summary>The one home of the library's texts in English (neutral resources) and German (<c>de</c>): term names and descriptions, refusal messages and guards.</summary>
/// <remarks>Every lookup takes the culture from its caller; none reads the thread's culture.</remarks>
internal static class Localization
{
    private static readonly ResourceManager TermTexts = new("SalesGlossary.Domain.Resources.Terms", typeof(Localization).Assembly);
    private static readonly ResourceManager MessageTexts = new("SalesGlossary.Domain.Resources.Messages", typeof(Localization).Assembly);

    // The guards' English descriptions, as the machines carry them, mapped to their resource keys.
    private static readonly Dictionary<string, string> GuardKeys = new(StringComparer.Ordinal)
    {
        ["the lead score reached the MQL threshold of the contact's lead type"] = "Guard.MqlThreshold",
        ["the agreement qualifies SQLs by sales acceptance"] = "Guard.SqlByAcceptance",
        ["the agreement qualifies SQLs by score"] = "Guard.SqlByScore",
        ["the lead score reached the SQL threshold of the contact's lead type"] = "Guard.SqlThreshold",
        ["the agreement routes hand-raises to MQL"] = "Guard.HandRaiseToMql",
        ["the agreement routes hand-raises straight to SQL"] = "Guard.HandRaiseToSql",
        ["the agreement defines an Opportunity as a contact with an open deal"] = "Guard.OpportunityByDeal",
        ["the agreement defines an Opportunity as a contact whose first connect attempt succeeded"] = "Guard.OpportunityByConnect",
        ["'unable to reach' only after the connect policy's attempts are exhausted"] = "Guard.UnableToReach",
        ["a reason is given"] = "Guard.Reason",
        ["a returned or recycled contact gained the new points (or waited the cool-off) its requalification rule asks for"] = "Guard.Requalification",
        ["the next open stage"] = "Guard.DealForward",
        ["the pipeline lets deals skip stages"] = "Guard.DealSkip",
        ["the pipeline lets deals move back, with a reason"] = "Guard.DealBack",
        ["a lost reason is given, where the pipeline requires one"] = "Guard.LostReason",
        ["the contact is an MQL or SQL (or in a stage added after one)"] = "Guard.WorkStage",
        ["the contact is in a stage sales owns"] = "Guard.SalesStage",
        ["a note says the reason, for disqualification reason Other"] = "Guard.OtherNote",
    };

    /// <summary>Gets a shipped term's name in a culture, or <see langword="null"/> for a term the library does not ship.</summary>
    internal static string? TermName(string kind, string name, CultureInfo culture) => TermTexts.GetString(kind + "." + name + ".Name", Guard.NotNull(culture));

    /// <summary>Gets a shipped term's description in a culture, or <see langword="null"/> for a term the library does not ship.</summary>
    internal static string? TermDescription(string kind, string name, CultureInfo culture) => TermTexts.GetString(kind + "." + name + ".Description", Guard.NotNull(culture));

    /// <summary>Formats a message of the library in a culture; a missing key is a bug of the library and fails loudly.</summary>
    internal static string Format(string key, CultureInfo culture, params object?[] arguments)
    {
        var text = MessageTexts.GetString(key, culture) ?? throw new MissingManifestResourceException("The library has no text for '" + key + "'.");
        return string.Format(culture, text, arguments);
    }

    /// <summary>Gets a guard's description in a culture; a guard the library does not ship (an agreement's own words) stays as written.</summary>
    internal static string GuardText(string english, CultureInfo culture) =>
        GuardKeys.TryGetValue(english, out var key) ? MessageTexts.GetString(key, culture) ?? english : english;

    /// <summary>Gets the resource keys of every shipped guard, for tests that check each has a text.</summary>
    internal static IReadOnlyCollection<string> GuardDescriptions => GuardKeys.Keys;
}
