using BenchmarkDotNet.Attributes;
using SalesGlossary.Domain.Arrow;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// What-if over a whole database: one million leads (sample model, 0–8 activities each) rescored per candidate model.
/// The row path rescores the lead objects; the columnar path rescores columns encoded once and kept resident (the first
/// encode is paid once, outside the measurement; each candidate compiles its columnar plan and builds its per-value
/// tables inside it). Candidate models are loaded in setup: loading costs both paths the same. One operation is one
/// candidate model over all leads.
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class WhatIfRescoringBenchmarks
{
    public const int Leads = 1_000_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private ColumnarLeads resident = null!;
    private LeadScoringModel<LeadFacts, LeadActivity>[] candidates = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Leads);
        totals = new decimal[Leads];
        var batches = LeadRecordBatches.From(leads);
        resident = ColumnarLeads.FromArrow(batches.Leads, batches.Activities);

        // Candidates: the sample model with other points for the senior-title and demo rules.
        candidates = [.. Enumerable.Range(0, 4).Select(k => LeadScoringModel.Load(LeadScoringModel.SampleJson
            .Replace("\"points\": 15, \"group\": \"fit\" }", $"\"points\": {15 + k}, \"group\": \"fit\" }}", StringComparison.Ordinal)
            .Replace("\"points\": 40,", $"\"points\": {40 - k},", StringComparison.Ordinal)))];
        var model = candidates[3];
        var row = new decimal[Leads];
        model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, row.AsSpan());
        ColumnarScoringModel.Create(model).ScoreTotals(resident, BenchmarkLeads.AsOf, totals);
        if (!row.AsSpan().SequenceEqual(totals))
        {
            throw new InvalidOperationException("The row path and the columnar path disagree on a candidate model.");
        }
    }

    [Benchmark(Baseline = true)]
    public BulkScoringSummary RowPathPerCandidate() =>
        candidates[next++ % candidates.Length].ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());

    [Benchmark]
    public BulkScoringSummary ColumnarResidentPerCandidate() =>
        ColumnarScoringModel.Create(candidates[next++ % candidates.Length]).ScoreTotals(resident, BenchmarkLeads.AsOf, totals);
}
