using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// What an explained score and a model load report to telemetry. Each test names its model uniquely and counts only
/// that model's measurements and activities, so tests running beside it cannot change what it sees.
/// </summary>
public class ScoringTelemetryEdgeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static string UniqueModel(string expression) =>
        ModelJson.WithRule(expression).Replace("\"WorkflowName\":\"test\"", "\"WorkflowName\":\"t-" + Guid.NewGuid().ToString("N") + "\"", StringComparison.Ordinal);

    private static long Sum(MetricCollector<long> collector, string model) =>
        collector.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags[DomainTelemetry.ModelTag], model) && Equals(m.Tags[DomainTelemetry.ModeTag], DomainTelemetry.Explained))
            .Sum(m => m.Value);

    [Fact]
    public void Score_CountsEachExplainedLead_TheIncompleteOnes_AndTheirRuleErrors()
    {
        var model = LeadScoringModel.Load(UniqueModel("lead.JobTitle.Length > 1 || lead.Department.Length > 1"));
        using var leads = new MetricCollector<long>(null, SalesGlossaryTelemetry.MeterName, "salesglossary.scoring.leads");
        using var incomplete = new MetricCollector<long>(null, SalesGlossaryTelemetry.MeterName, "salesglossary.scoring.incomplete_leads");
        using var errors = new MetricCollector<long>(null, SalesGlossaryTelemetry.MeterName, "salesglossary.scoring.rule_errors");

        model.Score(new LeadFacts { Id = "ok", JobTitle = "CTO" }, AsOf);
        var failed = model.Score(new LeadFacts { Id = "failed" }, AsOf);

        Assert.Single(failed.Errors);
        Assert.Equal(2, Sum(leads, model.Name));
        Assert.Equal(1, Sum(incomplete, model.Name));
        Assert.Equal(1, Sum(errors, model.Name));
    }

    [Fact]
    public void Load_TracesTheModelsNameAndVersion_OrTheFailure()
    {
        var json = UniqueModel("true");
        var name = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("WorkflowName").GetString()!;
        var broken = json.Replace("\"Expression\":\"true\"", "\"Expression\":\"true &&\"", StringComparison.Ordinal)
            .Replace(name, name + "-broken", StringComparison.Ordinal);
        var stopped = new List<Activity>();
        using var listener = DomainTelemetryTests.Listen(stopped);

        LeadScoringModel.Load(json);
        Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(broken));

        Activity[] loads;
        lock (stopped)
        {
            loads = [.. stopped.Where(a => a.OperationName == "salesglossary.scoring.model.load")];
        }

        var loaded = Assert.Single(loads, a => Equals(a.GetTagItem("salesglossary.definition.name"), name));
        Assert.Equal("1", loaded.GetTagItem("salesglossary.definition.version"));
        Assert.Equal(ActivityStatusCode.Unset, loaded.Status);
        Assert.Contains(loads, a => a.Status == ActivityStatusCode.Error && a.GetTagItem("salesglossary.definition.name") is null);
    }
}
