using System.Text.Json;
using RulesEngine.Models;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// An independent reference: runs the sample model file on plain RulesEngine (<c>ExecuteAllRulesAsync</c>, default
/// settings), reads the points from each matched rule's Properties, and applies decay, windows, daily maximums and caps
/// as the format documents them.
/// </summary>
internal static class PlainRulesEngineReference
{
    private static readonly RulesEngine.RulesEngine Engine = new([LeadScoringModel.SampleJson]);
    private static readonly JsonDocument Model = JsonDocument.Parse(LeadScoringModel.SampleJson);

    public static decimal Total(LeadFacts lead, DateTimeOffset asOf)
    {
        var settings = Model.RootElement.GetProperty("ScoringModel");
        var leadInput = RuleParameter.Create("lead", lead);
        var points = new List<(string Group, decimal Points)>();
        foreach (var result in Run(leadInput, RuleParameter.Create<LeadActivity>("activity", null!)))
        {
            var (group, scope, value) = Describe(result.Rule);
            if (result.IsSuccess && scope == "lead")
            {
                points.Add((group, value));
            }
        }

        var ordered = lead.Activities.Select((a, i) => (Activity: a, Index: i))
            .Where(x => x.Activity.OccurredAt <= asOf)
            .OrderByDescending(x => x.Activity.OccurredAt).ThenBy(x => x.Index)
            .ToArray();
        var perRule = new Dictionary<string, List<(LeadActivity Activity, decimal Points)>>();
        foreach (var (activity, _) in ordered)
        {
            foreach (var result in Run(leadInput, RuleParameter.Create("activity", activity)))
            {
                var (_, scope, value) = Describe(result.Rule);
                if (result.IsSuccess && scope == "activity")
                {
                    (perRule.TryGetValue(result.Rule.RuleName, out var list) ? list : perRule[result.Rule.RuleName] = []).Add((activity, value));
                }
            }
        }

        foreach (var rule in Model.RootElement.GetProperty("Rules").EnumerateArray())
        {
            var name = rule.GetProperty("RuleName").GetString()!;
            var properties = rule.GetProperty("Properties");
            if (!perRule.TryGetValue(name, out var hits))
            {
                continue;
            }

            var perDay = new Dictionary<DateOnly, int>();
            foreach (var (activity, value) in hits)
            {
                var age = (decimal)(asOf - activity.OccurredAt).TotalDays;
                if (properties.TryGetProperty("windowDays", out var window) && age > window.GetDecimal())
                {
                    continue;
                }

                var day = DateOnly.FromDateTime(activity.OccurredAt.UtcDateTime);
                perDay[day] = perDay.GetValueOrDefault(day) + 1;
                if (properties.TryGetProperty("maxPerDay", out var max) && perDay[day] > max.GetInt32())
                {
                    continue;
                }

                var earned = value;
                if (properties.TryGetProperty("decay", out var decay))
                {
                    var factor = 1m - (decay.GetProperty("percent").GetDecimal() / 100m * age / decay.GetProperty("everyDays").GetDecimal());
                    earned = Math.Round(value * Math.Clamp(factor, 0m, 1m), 2, MidpointRounding.AwayFromZero);
                }

                points.Add((properties.GetProperty("group").GetString()!, earned));
            }
        }

        var total = 0m;
        foreach (var group in points.GroupBy(p => p.Group))
        {
            var sum = group.Sum(p => p.Points);
            total += settings.GetProperty("GroupCaps").TryGetProperty(group.Key, out var cap) ? Math.Min(sum, cap.GetDecimal()) : sum;
        }

        return Math.Min(total, settings.GetProperty("TotalCap").GetDecimal());
    }

    /// <summary>The lead rules plain RulesEngine reports as matched for a lead, in document order.</summary>
    public static IReadOnlyList<string> MatchedLeadRules(LeadFacts lead) =>
        [.. Run(RuleParameter.Create("lead", lead), RuleParameter.Create<LeadActivity>("activity", null!))
            .Where(r => r.IsSuccess && Describe(r.Rule).Scope == "lead")
            .Select(r => r.Rule.RuleName)];

    private static List<RuleResultTree> Run(params RuleParameter[] inputs) =>
        Engine.ExecuteAllRulesAsync("sample-lead-scoring", inputs).AsTask().GetAwaiter().GetResult();

    private static (string Group, string Scope, decimal Points) Describe(Rule rule)
    {
        var properties = rule.Properties;
        var group = ((JsonElement)properties["group"]).GetString()!;
        var scope = properties.TryGetValue("scope", out var s) ? ((JsonElement)s).GetString()! : group == "engagement" ? "activity" : "lead";
        return (group, scope, ((JsonElement)properties["points"]).GetDecimal());
    }
}
