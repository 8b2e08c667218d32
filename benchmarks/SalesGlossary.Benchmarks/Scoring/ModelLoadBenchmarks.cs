using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RulesEngine.Models;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// Cold start: each launch is a fresh process and measures one call. Baseline: RulesEngine's own first execution of the
/// sample file (engine, workflow, compile on first run); against it, the library's full load (check, parse, compile).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class ModelLoadBenchmarks
{
    private readonly LeadFacts lead = BenchmarkLeads.Create(1)[0];

    [Benchmark(Baseline = true)]
    public bool RulesEngineFirstExecution()
    {
        var engine = new RulesEngine.RulesEngine([LeadScoringModel.SampleJson]);
        var results = engine.ExecuteAllRulesAsync("sample-lead-scoring", RuleParameter.Create("lead", lead), RuleParameter.Create<LeadActivity>("activity", null!))
            .AsTask().GetAwaiter().GetResult();
        return results.Count > 0;
    }

    [Benchmark]
    public decimal LibraryLoadAndFirstScore() => LeadScoringModel.Load(LeadScoringModel.SampleJson).Score(lead, BenchmarkLeads.AsOf).Total;
}
