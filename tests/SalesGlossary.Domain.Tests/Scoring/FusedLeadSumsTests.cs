using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The lead rules' fused delegates that sum points inside themselves, against a scorer written here in plain C#: generated
/// models of 1–150 lead rules (one to three chunks of 64), one to six groups (a chunk with a rule of a fifth or sixth
/// group is summed by the walk instead), rules that fail on some leads, and the largest points a rule may have. Totals,
/// completeness and matched rules must be those of the plain scorer.
/// </summary>
public class FusedLeadSumsTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    /// <summary>Rule expressions with the same rule in C#; <see langword="null"/> from the C# form means the rule fails (throws).</summary>
    private static readonly (string Expression, Func<LeadFacts, bool?> Twin)[] Shapes =
    [
        ("lead.Industry == \"Software\"", l => l.Industry == "Software"),
        ("lead.Employees >= 200 && lead.Employees <= 2000", l => l.Employees >= 200 && l.Employees <= 2000),
        ("lead.JobTitle != null && lead.JobTitle.Contains(\"VP\")", l => l.JobTitle != null && l.JobTitle.Contains("VP", StringComparison.Ordinal)),
        ("lead.JobTitle.StartsWith(\"Chief\")", l => l.JobTitle is null ? null : l.JobTitle.StartsWith("Chief", StringComparison.Ordinal)),
        ("lead.Unsubscribed", l => l.Unsubscribed),
        ("new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)", l => l.Country is "DE" or "AT" or "CH"),
        ("lead.Email != null && lead.Email.EndsWith(\"@gmail.com\")", l => l.Email != null && l.Email.EndsWith("@gmail.com", StringComparison.Ordinal)),
        ("lead.JobTitle.Length > 12", l => l.JobTitle is null ? null : l.JobTitle.Length > 12),
        ("lead.Employees < 20", l => l.Employees < 20),
        ("true", _ => true),
        ("lead.Country == \"US\" || lead.HardBounced", l => l.Country == "US" || l.HardBounced),
        ("lead.Department == \"Marketing\" && !lead.Unsubscribed", l => l.Department == "Marketing" && !l.Unsubscribed),
    ];

    [Property(MaxTest = 60)]
    public Property FusedLeadSums_EqualAPlainScorer_ForGeneratedModels() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.ArrayOf(Generators.Leads(), 12).ToArbitrary(), (seed, leads) =>
        {
            var random = new Random(seed);
            var model = GeneratedModel.Create(random);
            var loaded = LeadScoringModel.Load(model.Json);
            var totals = new decimal[leads.Length];
            var matches = new ulong[leads.Length * loaded.MatchWordsPerLead];
            var summary = loaded.ScoreTotals(leads, Now, totals, matches);
            var plainTotals = new decimal[leads.Length];
            var plainSummary = loaded.ScoreTotals(leads, Now, plainTotals); // without matched rules: the walk-free path of small models

            var failures = new StringBuilder();
            var incomplete = 0;
            for (var i = 0; i < leads.Length; i++)
            {
                var (expected, complete, matched) = model.Score(leads[i]);
                incomplete += complete ? 0 : 1;
                var score = loaded.Score(leads[i], Now);
                if (score.Total != expected || totals[i] != expected || plainTotals[i] != expected || score.IsComplete != complete)
                {
                    failures.Append(CultureInfo.InvariantCulture, $"lead {i}: expected {expected} ({(complete ? "complete" : "incomplete")}), explained {score.Total} ({score.IsComplete}), bulk {totals[i]} and {plainTotals[i]}; ");
                }

                for (var r = 0; r < matched.Length; r++)
                {
                    if (loaded.RuleMatched(matches, i, r) != matched[r])
                    {
                        failures.Append(CultureInfo.InvariantCulture, $"lead {i} rule {r}: matched bit {!matched[r]}, expected {matched[r]}; ");
                    }
                }
            }

            return (failures.Length == 0 && summary.Incomplete == incomplete && plainSummary.Incomplete == incomplete)
                .Label($"seed {seed}, {model.Rules.Length} rules in {model.Groups} groups, large points {model.Large}: {failures} incomplete {summary.Incomplete} and {plainSummary.Incomplete} vs {incomplete}");
        });

    /// <summary>A generated lead-only model and its plain C# scorer.</summary>
    private sealed record GeneratedModel(string Json, (int Shape, int Group, decimal Points)[] Rules, int Groups, decimal?[] GroupCaps, decimal? TotalCap, bool Large)
    {
        public static GeneratedModel Create(Random random)
        {
            var groups = random.Next(1, 7);
            var count = random.Next(3) switch { 0 => random.Next(1, 20), 1 => random.Next(60, 70), _ => random.Next(1, 151) };
            var rules = Enumerable.Range(0, count)
                .Select(_ => (Shape: random.Next(Shapes.Length), Group: random.Next(groups), Points: Math.Round((decimal)(random.NextDouble() * 200 - 100), random.Next(3))))
                .ToArray();
            var large = count >= 2 && random.Next(4) == 0;
            if (large)
            {
                // The largest points a rule may have, both signs, in one group.
                rules[0] = (rules[0].Shape, 0, 1_000_000_000m);
                rules[^1] = (rules[^1].Shape, 0, -999_999_999.99m);
            }

            var caps = Enumerable.Range(0, groups)
                .Select(g => rules.Any(r => r.Group == g) && random.Next(3) == 0 ? Math.Round((decimal)random.NextDouble() * 150, 2) : (decimal?)null)
                .ToArray();
            decimal? totalCap = random.Next(2) == 0 ? Math.Round((decimal)random.NextDouble() * 200, 1) : null;
            var json = new StringBuilder("{\"WorkflowName\":\"generated\",\"ScoringModel\":{\"Version\":\"1\"");
            if (totalCap is { } t)
            {
                json.Append(CultureInfo.InvariantCulture, $",\"TotalCap\":{t}");
            }

            var capped = caps.Select((c, g) => c is { } cap ? string.Create(CultureInfo.InvariantCulture, $"\"g{g}\":{cap}") : null).Where(c => c is not null).ToArray();
            if (capped.Length > 0)
            {
                json.Append(",\"GroupCaps\":{").Append(string.Join(',', capped)).Append('}');
            }

            json.Append("},\"Rules\":[");
            json.AppendJoin(',', rules.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
                $"{{\"RuleName\":\"R{i}\",\"Expression\":{System.Text.Json.JsonSerializer.Serialize(Shapes[r.Shape].Expression)},\"Properties\":{{\"points\":{r.Points},\"group\":\"g{r.Group}\"}}}}")));
            json.Append("]}");
            return new GeneratedModel(json.ToString(), rules, groups, caps, totalCap, large);
        }

        /// <summary>Scores a lead rule by rule in C#: a failing rule does not match and makes the score incomplete; groups are capped, then the total.</summary>
        public (decimal Total, bool Complete, bool[] Matched) Score(LeadFacts lead)
        {
            var sums = new decimal[Groups];
            var present = new bool[Groups];
            var complete = true;
            var matched = new bool[Rules.Length];
            for (var r = 0; r < Rules.Length; r++)
            {
                present[Rules[r].Group] = true;
                var answer = Shapes[Rules[r].Shape].Twin(lead);
                complete &= answer is not null;
                if (answer == true)
                {
                    matched[r] = true;
                    sums[Rules[r].Group] += Rules[r].Points;
                }
            }

            var total = Enumerable.Range(0, Groups).Where(g => present[g]).Sum(g => GroupCaps[g] is { } cap ? Math.Min(cap, sums[g]) : sums[g]);
            return (TotalCap is { } t ? Math.Min(t, total) : total, complete, matched);
        }
    }
}
