using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesGlossary.Domain;

/// <summary>
/// Rules and leads chosen to expose the host: text that cases, compares and sorts differently in Turkish, German or Czech,
/// numbers with decimals, and instants near midnight in every time zone. Scoring them must give the same fingerprint on
/// every host.
/// </summary>
public static class HostProbe
{
    /// <summary>Accepted rule expressions that read text, numbers and dates the ways a host could influence.</summary>
    public static readonly string[] Fragments =
    [
        "lead.JobTitle.ToLower() == \"vp ınside\"",
        "lead.JobTitle.ToLower().Contains(\"i\")",
        "lead.JobTitle.ToUpper().Contains(\"I\")",
        "lead.JobTitle.ToUpper() == \"VP INSIDE\"",
        "lead.JobTitle.StartsWith(\"i\")",
        "lead.JobTitle.EndsWith(\"E\")",
        "lead.JobTitle.IndexOf(\"İ\") >= 0",
        "lead.JobTitle.IndexOf(\"i\", 1) >= 0",
        "lead.JobTitle.Equals(\"VP INSIDE\", StringComparison.OrdinalIgnoreCase)",
        "lead.JobTitle.Contains(\"SIDE\", StringComparison.OrdinalIgnoreCase)",
        "lead.Country.CompareTo(\"ch\") > 0",
        "string.Compare(lead.Country, \"CZ\") < 0",
        "string.Compare(lead.Country, \"cz\", StringComparison.OrdinalIgnoreCase) == 0",
        "lead.Country > \"Ch\"",
        "lead.Industry.ToLowerInvariant() == \"straße\"",
        "lead.Industry.ToUpperInvariant() == \"STRASSE\"",
        "lead.Industry.Trim().Length == 6",
        "lead.Email + \"-\" + lead.Country == \"ı@x.tr-ch\"",
        "(lead.AnnualRevenue ?? 0) > 1000.5",
        "(lead.AnnualRevenue ?? 0) * 1.5m > 1500.75m",
        "Math.Round((lead.AnnualRevenue ?? 0m) / 3m, 2) > 333.5m",
        "activity.OccurredAt.Hour >= 12",
        "activity.OccurredAt.Day == 1",
        "activity.OccurredAt.DayOfWeek == DayOfWeek.Sunday",
        "activity.OccurredAt > DateTimeOffset(2026, 2, 28, 23, 30, 0, TimeSpan.FromHours(0))",
        "activity.OccurredAt.UtcDateTime.Hour < 1",
        "activity.OccurredAt.Date.Day == 28",
        "activity.OccurredAt.ToUniversalTime().Hour == 23",
        "activity.OccurredAt.AddHours(1).Day == 1",
        "activity.OccurredAt.DateTime > DateTime(2026, 2, 28, 23, 0, 0)",
        "lead.JobTitle.ToUpper().Contains(\"\uA7CB\")",
        "lead.JobTitle.ToUpperInvariant() == \"\u0264 \u019B\"",
        "lead.Industry.ToLower() == \"\u0264\"",
        "lead.Industry.ToLowerInvariant().Contains(\"\u0264\")",
        "lead.JobTitle.ToUpper() == \"ÄÖÜ Ɤ\"",
    ];

    /// <summary>Leads whose text, numbers and dates sit on the boundaries a host could move.</summary>
    public static IReadOnlyList<LeadFacts> Leads()
    {
        var midnight = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        LeadActivity[] activities =
        [
            new() { Type = "PageView", OccurredAt = midnight.AddMinutes(-20) },
            new() { Type = "PageView", OccurredAt = midnight.AddMinutes(20) },
            new() { Type = "PageView", OccurredAt = new DateTimeOffset(2026, 2, 28, 23, 50, 0, TimeSpan.FromHours(-3.5)) },
            new() { Type = "PageView", OccurredAt = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(9)) },
        ];
        return
        [
            new LeadFacts { Id = "T-1", Email = "ı@x.tr", JobTitle = "VP INSIDE", Industry = "Straße", AnnualRevenue = 1000.6m, Country = "ch", Activities = activities },
            new LeadFacts { Id = "T-2", Email = "i@x.de", JobTitle = "vp ınside", Industry = "STRASSE", AnnualRevenue = 1000.4m, Country = "CZ", Activities = activities },
            new LeadFacts { Id = "T-3", Email = "İ@x.cz", JobTitle = "İnside sales", Industry = " straße ", AnnualRevenue = 1500.5m, Country = "Ch", Activities = activities },
            new LeadFacts { Id = "T-4", Email = "I@x.com", JobTitle = "ip", Industry = "strasse", AnnualRevenue = 999.99m, Country = "cz", Activities = activities },
            new LeadFacts { Id = "T-5", Email = "\u0264@x.com", JobTitle = "\u0264 \u019B", Industry = "\uA7CB", AnnualRevenue = 1.5m, Country = "cz", Activities = activities },
            new LeadFacts { Id = "T-6", Email = "a@x.com", JobTitle = "äöü ɤ", Industry = "ÄÖÜ", AnnualRevenue = 2m, Country = "de", Activities = activities },
        ];
    }

    /// <summary>A model document with the given fragments as rules; activity fragments become activity rules.</summary>
    public static string Model(IEnumerable<int> fragmentIndexes)
    {
        var rules = fragmentIndexes.Select(i =>
            "{\"RuleName\":\"F" + i.ToString(CultureInfo.InvariantCulture) + "\",\"Expression\":" + JsonSerializer.Serialize(Fragments[i])
            + ",\"Properties\":{\"points\":" + (i + 1).ToString(CultureInfo.InvariantCulture) + ",\"scope\":\""
            + (Fragments[i].Contains("activity.", StringComparison.Ordinal) ? "activity" : "lead") + "\"}}");
        return "{\"WorkflowName\":\"host-probe\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[" + string.Join(",", rules) + "]}";
    }

    /// <summary>Loads the model and scores every probe lead; returns every total, contribution and error as invariant text.</summary>
    public static string Fingerprint(IEnumerable<int> fragmentIndexes)
    {
        var asOf = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var model = LeadScoringModel.Load(Model(fragmentIndexes));
        var text = new StringBuilder();
        foreach (var lead in Leads())
        {
            var score = model.Score(lead, asOf);
            text.Append(lead.Id).Append(' ').Append(score.Total.ToString(CultureInfo.InvariantCulture)).Append(':');
            foreach (var c in score.Contributions)
            {
                text.Append(' ').Append(c.Rule).Append('#').Append(c.ActivityIndex?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }

            foreach (var e in score.Errors)
            {
                text.Append(" ERROR ").Append(e.Rule).Append(' ').Append(e.Message);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
