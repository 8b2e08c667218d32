using System.Text.Json;
using RulesEngine.Models;
using SalesGlossary.Domain.Scoring;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// The baseline: plain RulesEngine on the same file, one <c>ExecuteAllRulesAsync</c> for the lead's rules and one per
/// activity, summing the points of matched rules with the same decay, windows, daily maximums and caps.
/// </summary>
internal sealed class NaiveRulesEngineScorer
{
    private readonly RulesEngine.RulesEngine engine = new([LeadScoringModel.SampleJson]);
    private readonly Dictionary<string, RuleInfo> rules = [];

    public NaiveRulesEngineScorer()
    {
        using var document = JsonDocument.Parse(LeadScoringModel.SampleJson);
        foreach (var rule in document.RootElement.GetProperty("Rules").EnumerateArray())
        {
            var p = rule.GetProperty("Properties");
            var group = p.GetProperty("group").GetString()!;
            var scope = p.TryGetProperty("scope", out var s) ? s.GetString()! : group == "engagement" ? "activity" : "lead";
            rules[rule.GetProperty("RuleName").GetString()!] = new RuleInfo(
                group == "fit",
                scope == "activity",
                p.GetProperty("points").GetDecimal(),
                p.TryGetProperty("windowDays", out var w) ? w.GetDecimal() : decimal.MaxValue,
                p.TryGetProperty("maxPerDay", out var m) ? m.GetInt32() : int.MaxValue,
                p.TryGetProperty("decay", out var d) ? (d.GetProperty("percent").GetDecimal(), d.GetProperty("everyDays").GetDecimal()) : null);
        }
    }

    public decimal Score(LeadFacts lead, DateTimeOffset asOf)
    {
        decimal fit = 0, engagement = 0;
        var leadInput = RuleParameter.Create("lead", lead);
        foreach (var result in engine.ExecuteAllRulesAsync("sample-lead-scoring", leadInput, RuleParameter.Create<LeadActivity>("activity", null!)).AsTask().GetAwaiter().GetResult())
        {
            var info = rules[result.Rule.RuleName];
            if (result.IsSuccess && !info.PerActivity)
            {
                if (info.Fit) { fit += info.Points; } else { engagement += info.Points; }
            }
        }

        var perDay = new Dictionary<(string, long), int>();
        foreach (var activity in lead.Activities.Where(a => a.OccurredAt <= asOf).OrderByDescending(a => a.OccurredAt))
        {
            var age = (decimal)(asOf - activity.OccurredAt).TotalDays;
            var day = activity.OccurredAt.UtcTicks / TimeSpan.TicksPerDay;
            foreach (var result in engine.ExecuteAllRulesAsync("sample-lead-scoring", leadInput, RuleParameter.Create("activity", activity)).AsTask().GetAwaiter().GetResult())
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

                engagement += info.Decay is var (percent, every)
                    ? Math.Round(info.Points * Math.Clamp(1m - (percent / 100m * age / every), 0m, 1m), 2, MidpointRounding.AwayFromZero)
                    : info.Points;
            }
        }

        return Math.Min(Math.Min(fit, 100m) + Math.Min(engagement, 100m), 150m);
    }

    private sealed record RuleInfo(bool Fit, bool PerActivity, decimal Points, decimal Window, int MaxPerDay, (decimal Percent, decimal Every)? Decay);
}
