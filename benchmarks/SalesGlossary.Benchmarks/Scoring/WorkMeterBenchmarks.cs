using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// What the work meter costs on the bulk path: the sample model plus four rules that loop over the lead's activities or
/// build text (the only rules that carry meter calls), compiled with and without the meter, rescoring 100,000 leads on
/// one thread. Times are per lead.
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class WorkMeterBenchmarks
{
    public const int Leads = 100_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private LeadScoringModel<LeadFacts, LeadActivity> metered = null!;
    private LeadScoringModel<LeadFacts, LeadActivity> unmetered = null!;

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Leads);
        totals = new decimal[Leads];
        var json = ModelWithLoopingRules();
        metered = LeadScoringModel.Load(json);
        unmetered = LeadScoringModel.Load(json, new ScoringLimits { Metered = false });

        // The comparison is only meaningful if both compute the same totals.
        var check = new decimal[Leads];
        metered.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());
        unmetered.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, check.AsSpan());
        if (!totals.AsSpan().SequenceEqual(check))
        {
            throw new InvalidOperationException("The metered and unmetered models disagree.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    public long WithoutMeter() => unmetered.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    [Benchmark(OperationsPerInvoke = Leads)]
    public long WithMeter() => metered.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    private static string ModelWithLoopingRules()
    {
        var model = JsonNode.Parse(LeadScoringModel.SampleJson)!.AsObject();
        var rules = model["Rules"]!.AsArray();
        (string Name, string Expression, string Scope)[] looping =
        [
            ("ManyPageViews", "lead.Activities.Count(a => a.Type == \"PageView\") >= 3", "lead"),
            ("SawPricing", "lead.Activities.Any(a => a.Url != null && a.Url.Contains(\"pricing\"))", "lead"),
            ("VpTitle", "lead.JobTitle != null && lead.JobTitle.ToLower().Contains(\"vp\")", "lead"),
            ("TypedPageView", "(activity.Type + \":\" + (activity.Url ?? \"\")).StartsWith(\"PageView:/pricing\")", "activity"),
        ];
        foreach (var (name, expression, scope) in looping)
        {
            rules.Add(new JsonObject
            {
                ["RuleName"] = name,
                ["Expression"] = expression,
                ["Properties"] = new JsonObject { ["points"] = 3, ["group"] = "fit", ["scope"] = scope },
            });
        }

        return model.ToJsonString();
    }
}
