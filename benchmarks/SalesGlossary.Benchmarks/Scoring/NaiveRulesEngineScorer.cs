using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Models;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// The sample model on plain RulesEngine 6.0.1, summing the points of matched rules with the same windows, daily
/// maximums, decay (exact, in hundredths) and caps. Naive: the whole workflow (all 21 rules) runs once for the lead and
/// once per activity, as a first integration would. Used well (<c>split</c>): the file is split into a lead
/// workflow run once per lead and an activity workflow run once per activity, so each rule runs only where it applies.
/// </summary>
internal sealed class NaiveRulesEngineScorer
{
    private const long Day = TimeSpan.TicksPerDay;
    private const string Whole = "sample-lead-scoring";
    private const string LeadWorkflow = "sample-lead-rules";
    private const string ActivityWorkflow = "sample-activity-rules";

    private readonly RulesEngine.RulesEngine engine;
    private readonly Dictionary<string, RuleInfo> rules = [];
    private readonly bool split;

    public NaiveRulesEngineScorer(bool split = false)
    {
        this.split = split;
        using var document = JsonDocument.Parse(LeadScoringModel.SampleJson);
        foreach (var rule in document.RootElement.GetProperty("Rules").EnumerateArray())
        {
            var p = rule.GetProperty("Properties");
            var group = p.GetProperty("group").GetString()!;
            var scope = p.TryGetProperty("scope", out var s) ? s.GetString()! : group == "engagement" ? "activity" : "lead";
            rules[rule.GetProperty("RuleName").GetString()!] = new RuleInfo(
                group == "fit",
                scope == "activity",
                (long)(p.GetProperty("points").GetDecimal() * 100),
                p.TryGetProperty("windowDays", out var w) ? (long)(w.GetDecimal() * Day) : long.MaxValue,
                p.TryGetProperty("maxPerDay", out var m) ? m.GetInt32() : int.MaxValue,
                p.TryGetProperty("decay", out var d) ? (long)(d.GetProperty("everyDays").GetDecimal() * 100 / d.GetProperty("percent").GetDecimal() * Day) : 0);
        }

        engine = split ? new RulesEngine.RulesEngine([Part(LeadWorkflow, activity: false), Part(ActivityWorkflow, activity: true)]) : new RulesEngine.RulesEngine([LeadScoringModel.SampleJson]);
    }

    /// <summary>The total in hundredths of a point.</summary>
    public long Score(LeadFacts lead, DateTimeOffset asOf)
    {
        long fit = 0, engagement = 0;
        var leadInput = RuleParameter.Create("lead", lead);
        foreach (var result in Run(split ? LeadWorkflow : Whole, leadInput, RuleParameter.Create<LeadActivity>("activity", null!)))
        {
            var info = rules[result.Rule.RuleName];
            if (result.IsSuccess && !info.PerActivity)
            {
                if (info.Fit) { fit += info.Points; } else { engagement += info.Points; }
            }
        }

        var now = asOf.UtcTicks;
        var perDay = new Dictionary<(string, long), int>();
        foreach (var activity in lead.Activities.Where(a => a.OccurredAt.UtcTicks <= now).OrderByDescending(a => a.OccurredAt.UtcTicks))
        {
            var age = now - activity.OccurredAt.UtcTicks;
            var day = activity.OccurredAt.UtcTicks / Day;
            foreach (var result in Run(split ? ActivityWorkflow : Whole, leadInput, RuleParameter.Create("activity", activity)))
            {
                var info = rules[result.Rule.RuleName];
                if (!result.IsSuccess || !info.PerActivity || age > info.Window)
                {
                    continue;
                }

                var key = (result.Rule.RuleName, day);
                perDay[key] = perDay.GetValueOrDefault(key) + 1;
                if (perDay[key] > info.MaxPerDay)
                {
                    continue;
                }

                engagement += info.DecayZeroAt == 0 ? info.Points
                    : age >= info.DecayZeroAt ? 0
                    : ((2 * info.Points * (info.DecayZeroAt - age)) + info.DecayZeroAt) / (2 * info.DecayZeroAt);
            }
        }

        return Math.Min(Math.Min(fit, 10_000) + Math.Min(engagement, 10_000), 15_000);
    }

    private static string Part(string name, bool activity)
    {
        var root = JsonNode.Parse(LeadScoringModel.SampleJson)!.AsObject();
        root["WorkflowName"] = name;
        var kept = new JsonArray();
        foreach (var rule in root["Rules"]!.AsArray())
        {
            var p = rule!["Properties"]!;
            var group = p["group"]!.GetValue<string>();
            var isActivity = p["scope"] is { } s ? s.GetValue<string>() == "activity" : group == "engagement";
            if (isActivity == activity)
            {
                kept.Add(rule.DeepClone());
            }
        }

        root["Rules"] = kept;
        return root.ToJsonString();
    }

    private List<RuleResultTree> Run(string workflow, params RuleParameter[] inputs) =>
        engine.ExecuteAllRulesAsync(workflow, inputs).AsTask().GetAwaiter().GetResult();

    private sealed record RuleInfo(bool Fit, bool PerActivity, long Points, long Window, int MaxPerDay, long DecayZeroAt);
}
