using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Tests.Scoring;

namespace SalesGlossary.Domain.Tests;

/// <summary>The instruments are process-wide, so these tests run alone, after every parallel test, and count exactly.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class DomainTelemetryTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    [Fact]
    public void Score_CountsOneExplainedLead_AndItsRuleErrors()
    {
        var model = FragileModel();
        using var leads = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");
        using var errors = Collector("salesglossary.scoring.rule_errors");

        var ok = model.Score(Lead("L-1", "CTO"), Now);
        var failed = model.Score(Lead("L-2", null), Now);

        Assert.True(ok.IsComplete);
        Assert.False(failed.IsComplete);
        Assert.Equal(2, Sum(leads, model.Name, DomainTelemetry.Explained));
        Assert.Equal(1, Sum(incomplete, model.Name, DomainTelemetry.Explained));
        Assert.Equal(failed.Errors.Count, Sum(errors, model.Name, DomainTelemetry.Explained));
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(3, 1000)]
    public void ScoreTotals_CountsOncePerRun_NotPerLead(int parallelism, int batchSize)
    {
        var model = FragileModel();
        var leads = Enumerable.Range(0, 250).Select(i => Lead("L-" + i, i % 5 == 0 ? null : "Head of sales")).ToArray();
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");

        var summary = model.ScoreTotalsParallel(leads, Now, new decimal[leads.Length], null, new BulkScoringOptions { MaxDegreeOfParallelism = parallelism, BatchSize = batchSize });

        var runs = Of(scored, model.Name, DomainTelemetry.Bulk);
        Assert.Single(runs);
        Assert.Equal(250, runs[0].Value);
        Assert.Equal(50, summary.Incomplete);
        Assert.Equal(summary.Incomplete, Sum(incomplete, model.Name, DomainTelemetry.Bulk));
    }

    [Fact]
    public void ListenerAttachedMidRun_CountsTheWholeRunOnce_AndTracesNothingHalfStarted()
    {
        var model = FragileModel();
        var leads = Enumerable.Range(0, 250).Select(i => Lead("L-" + i, i % 5 == 0 ? null : "Head of sales")).ToArray();
        MetricCollector<long>? scored = null;
        MetricCollector<long>? incomplete = null;
        var activities = new List<Activity>();
        ActivityListener? listener = null;
        var attach = new Lock();
        var progress = new Synchronous<BulkScoringProgress>(_ =>
        {
            lock (attach)
            {
                if (scored is null)
                {
                    scored = Collector("salesglossary.scoring.leads");
                    incomplete = Collector("salesglossary.scoring.incomplete_leads");
                    listener = Listen(activities);
                }
            }
        });

        try
        {
            var totals = new decimal[leads.Length];
            var summary = model.ScoreTotalsParallel(leads, Now, totals, null, new BulkScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 10, Progress = progress });
            var after = model.ScoreTotalsParallel(leads, Now, new decimal[leads.Length], null, new BulkScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 10 });

            Assert.NotNull(scored);
            Assert.Equal([250L, 250L], Of(scored, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
            Assert.Equal([summary.Incomplete, after.Incomplete], Of(incomplete!, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
            Assert.Equal(50, summary.Incomplete);

            // The run that started unobserved has no activity; the next one has exactly one, complete.
            var traced = Assert.Single(activities, a => a.OperationName == "salesglossary.scoring.bulk" && Equals(a.GetTagItem(DomainTelemetry.ModelTag), model.Name));
            Assert.Equal(50L, traced.GetTagItem("salesglossary.scoring.incomplete_leads"));
        }
        finally
        {
            scored?.Dispose();
            incomplete?.Dispose();
            listener?.Dispose();
        }
    }

    private sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public void ColumnarScoreTotals_CountsAndTracesOncePerRun()
    {
        var model = FragileModel();
        var leads = Enumerable.Range(0, 40).Select(i => Lead("L-" + i, i % 4 == 0 ? null : "Head of sales")).ToArray();
        var batches = SalesGlossary.Domain.Arrow.LeadRecordBatches.From(leads);
        var columns = SalesGlossary.Domain.Arrow.ColumnarLeads.FromArrow(batches.Leads, batches.Activities);
        var columnar = SalesGlossary.Domain.Arrow.ColumnarScoringModel.Create(model);
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");
        var activities = new List<Activity>();
        using var listener = Listen(activities);

        var summary = columnar.ScoreTotals(columns, Now, new decimal[leads.Length]);

        Assert.Equal(10, summary.Incomplete);
        Assert.Equal([40L], Of(scored, model.Name, DomainTelemetry.Columnar).Select(m => m.Value));
        Assert.Equal([10L], Of(incomplete, model.Name, DomainTelemetry.Columnar).Select(m => m.Value));
        var run = Assert.Single(activities, a => a.OperationName == "salesglossary.scoring.bulk" && Equals(a.GetTagItem(DomainTelemetry.ModelTag), model.Name));
        Assert.Equal(DomainTelemetry.Columnar, run.GetTagItem(DomainTelemetry.ModeTag));
        Assert.Equal(10L, run.GetTagItem("salesglossary.scoring.incomplete_leads"));
    }

    [Fact]
    public async Task ScoreEachAsync_CountsAndTracesOncePerBatch()
    {
        var model = FragileModel();
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");
        var activities = new List<Activity>();
        using var listener = Listen(activities);

        var results = new List<ScoredLead<LeadFacts>>();
        await foreach (var result in model.ScoreEachAsync(Leads(25), Now, new BulkScoringOptions { BatchSize = 10, MaxDegreeOfParallelism = 2 }))
        {
            results.Add(result);
        }

        Assert.Equal([10L, 10L, 5L], Of(scored, model.Name, DomainTelemetry.Stream).Select(m => m.Value));
        Assert.Equal(results.Count(r => !r.IsComplete), Sum(incomplete, model.Name, DomainTelemetry.Stream));
        var batches = activities.Where(a => a.OperationName == "salesglossary.scoring.bulk" && Equals(a.GetTagItem(DomainTelemetry.ModelTag), model.Name)).ToArray();
        Assert.Equal([10L, 10L, 5L], batches.Select(a => (long)a.GetTagItem("salesglossary.scoring.leads")!));
        Assert.All(batches, a => Assert.Equal(DomainTelemetry.Stream, a.GetTagItem(DomainTelemetry.ModeTag)));
    }

    [Fact]
    public void ScoreEach_CountsTheLeadsEnumerated_WhenTheCallerStopsEarly()
    {
        var model = FragileModel();
        using var scored = Collector("salesglossary.scoring.leads");

        var taken = model.ScoreEach(Enumerable.Range(0, 100).Select(i => Lead("L-" + i, "VP")), Now).Take(30).Count();

        Assert.Equal(30, taken);
        Assert.Equal(30, Sum(scored, model.Name, DomainTelemetry.Stream));
    }

    [Fact]
    public void ModelLoad_IsTraced_WithTheModelsNameAndVersion_OrTheFailure()
    {
        var activities = new List<Activity>();
        using var listener = Listen(activities);

        var model = FragileModel();
        Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule("lead.GetType() != null")));

        var loads = activities.Where(a => a.OperationName == "salesglossary.scoring.model.load").ToArray();
        Assert.Equal(2, loads.Length);
        Assert.Equal(model.Name, loads[0].GetTagItem("salesglossary.definition.name"));
        Assert.Equal("fragile", loads[0].GetTagItem("salesglossary.definition.version"));
        Assert.Equal(ActivityStatusCode.Unset, loads[0].Status);
        Assert.Equal(ActivityStatusCode.Error, loads[1].Status);
        Assert.Equal(typeof(DefinitionValidationException).FullName, loads[1].GetTagItem("error.type"));
    }

    [Fact]
    public void AgreementLoad_IsTraced()
    {
        var activities = new List<Activity>();
        using var listener = Listen(activities);

        var agreement = ServiceLevelAgreementLoad();

        var load = Assert.Single(activities, a => a.OperationName == "salesglossary.agreement.load");
        Assert.Equal(agreement.Name, load.GetTagItem("salesglossary.definition.name"));
        Assert.Equal(agreement.Version, load.GetTagItem("salesglossary.definition.version"));
    }

    [Fact]
    public void Contact_CountsTransitionsByTrigger_AndRefusedMoves()
    {
        using var transitions = Collector("salesglossary.lifecycle.transitions");
        using var refused = Collector("salesglossary.lifecycle.refused_moves");
        var contact = Contact.Create("C-T", LifecycleStage.Lead, LifecyclePolicy.Default, new FakeTimeProvider(Now), By.Integration);

        contact.ApplyScore(500m, By.Integration);
        Assert.Throws<LifecycleTransitionException>(() => contact.BecomeAdvocate(By.Sales));
        Assert.Throws<LifecycleTransitionException>(() => contact.Reopen("Back in budget", By.Sales));

        var recorded = contact.History.Skip(1).Select(t => t.Trigger.Name).ToArray();
        Assert.NotEmpty(recorded);
        Assert.Equal(recorded, transitions.GetMeasurementSnapshot().Select(m => (string)m.Tags[DomainTelemetry.TriggerTag]!));
        Assert.Equal(
            [LifecycleTrigger.BecomeAdvocate.Name, LifecycleTrigger.Reopen.Name],
            refused.GetMeasurementSnapshot().Select(m => (string)m.Tags[DomainTelemetry.TriggerTag]!));
    }

    [Fact]
    public void Deal_CountsTransitionsByTrigger_AndRefusedMoves()
    {
        using var transitions = Collector("salesglossary.deal.transitions");
        using var refused = Collector("salesglossary.deal.refused_moves");
        var time = new FakeTimeProvider(Now);
        var contact = Contact.Create("C-T", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        var deal = Deal.Open("D-T", Pipeline.Default, contact, 1_000m, null, time, By.Sales);
        var opened = transitions.GetMeasurementSnapshot().Count;

        Assert.Throws<DealTransitionException>(() => deal.Resume(By.Sales));
        deal.PutOnHold(By.Sales, "Budget review");

        Assert.Equal([DealTrigger.PutOnHold.Name], transitions.GetMeasurementSnapshot().Skip(opened).Select(m => (string)m.Tags[DomainTelemetry.TriggerTag]!));
        Assert.Equal([DealTrigger.Resume.Name], refused.GetMeasurementSnapshot().Select(m => (string)m.Tags[DomainTelemetry.TriggerTag]!));
    }

    [Fact]
    public void SlaBreaches_AreCountedOnce_WhenTheTimersRecordThem_NotWhenEvaluated()
    {
        using var breaches = Collector("salesglossary.sla.breaches");
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var handoff = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(handoff);
        var contact = prospect.CreateContact("C-SLA", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(500m, By.System);
        Assert.Equal(Team.Sales, contact.Policy.OwnerOf(contact.Stage));
        time.Advance(TimeSpan.FromDays(30));

        // Evaluating the connect policy reports breaches but records none: nothing is counted, however often it runs.
        var evaluation = prospect.ConnectPolicy.Evaluate(contact.HandedOverAt!.Value, contact.ConnectAttempts, time.GetUtcNow());
        _ = prospect.ConnectPolicy.Evaluate(contact.HandedOverAt!.Value, contact.ConnectAttempts, time.GetUtcNow());
        Assert.NotEmpty(evaluation.Breaches);
        Assert.Empty(breaches.GetMeasurementSnapshot());

        var fired = contact.FireSlaTimers();
        var firedAgain = contact.FireSlaTimers();
        var rehydrated = Contact.Rehydrate(contact.ToState(), contact.Policy, time);
        var firedAfterRehydration = rehydrated.FireSlaTimers();
        _ = prospect.ConnectPolicy.Evaluate(contact.HandedOverAt!.Value, contact.ConnectAttempts, time.GetUtcNow());

        Assert.Equal(evaluation.Breaches.Count, fired.Count);
        Assert.Empty(firedAgain);
        Assert.Empty(firedAfterRehydration);
        Assert.Equal(contact.SlaBreaches.Select(b => b.Rule), breaches.GetMeasurementSnapshot().Select(m => (string)m.Tags[DomainTelemetry.BreachKindTag]!));
        Assert.All(breaches.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public void BudgetStopped_CountsTheStopsOfARun_AndNothingForNone()
    {
        using var stops = Collector("salesglossary.scoring.budget_stops");

        DomainTelemetry.BudgetStopped("telemetry-budget", DomainTelemetry.Bulk, 0);
        DomainTelemetry.BudgetStopped("telemetry-budget", DomainTelemetry.Bulk, 3);

        var measurement = Assert.Single(stops.GetMeasurementSnapshot());
        Assert.Equal(3, measurement.Value);
        Assert.Equal("telemetry-budget", measurement.Tags[DomainTelemetry.ModelTag]);
        Assert.Equal(DomainTelemetry.Bulk, measurement.Tags[DomainTelemetry.ModeTag]);
    }

    [Fact]
    public void Instruments_FollowTheNamingConvention()
    {
        _ = DomainTelemetry.Source;
        var names = new List<(string Name, string? Unit)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == SalesGlossaryTelemetry.MeterName)
                {
                    lock (names)
                    {
                        names.Add((instrument.Name, instrument.Unit));
                    }
                }
            },
        };
        listener.Start();

        Assert.Equal(9, names.Count);
        Assert.All(names, n => Assert.Matches("^salesglossary(\\.[a-z_]+)+$", n.Name));
        Assert.All(names, n => Assert.Matches("^\\{[a-z]+\\}$", n.Unit));
    }

    private static ServiceLevelAgreement ServiceLevelAgreementLoad() =>
        ServiceLevelAgreement.Load(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string> { ["sample-lead-scoring"] = LeadScoringModel.SampleJson });

    /// <summary>A sample model under a name of its own, with a rule that fails for leads without a job title.</summary>
    private static LeadScoringModel<LeadFacts, LeadActivity> FragileModel([CallerMemberName] string name = "") =>
        LeadScoringModel.Load(ModelJson.Sample(model =>
        {
            model["WorkflowName"] = "telemetry-" + name;
            model["ScoringModel"]!["Version"] = "fragile";
            model["Rules"]!.AsArray().Add(JsonNode.Parse("{\"RuleName\":\"LongTitle\",\"Expression\":\"lead.JobTitle.Length > 12\",\"Properties\":{\"points\":7}}"));
        }));

    private static LeadFacts Lead(string id, string? title) =>
        new LeadFacts { Id = id, Email = id + "@example.com", JobTitle = title, Department = "Sales", Industry = "Software", Employees = 250, AnnualRevenue = 10_000_000m, Country = "DE", LeadSource = "Webinar", Activities = [] };

    private static async IAsyncEnumerable<LeadFacts> Leads(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return Lead("L-" + i, i % 4 == 0 ? null : "Director of operations");
        }
    }

    internal static MetricCollector<long> Collector(string instrument) => new(null, SalesGlossaryTelemetry.MeterName, instrument);

    internal static CollectedMeasurement<long>[] Of(MetricCollector<long> collector, string model, string mode) =>
        [.. collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags[DomainTelemetry.ModelTag], model) && Equals(m.Tags[DomainTelemetry.ModeTag], mode))];

    private static long Sum(MetricCollector<long> collector, string model, string mode) => Of(collector, model, mode).Sum(m => m.Value);

    /// <summary>Collects every activity of the library that stops, until disposed.</summary>
    internal static ActivityListener Listen(List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SalesGlossaryTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
