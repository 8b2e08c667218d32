using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

public class LifecyclePolicyTests
{
    private static readonly string[] GuardDescriptions =
    [
        LifecyclePolicy.MqlThresholdGuard, LifecyclePolicy.SqlByAcceptanceGuard, LifecyclePolicy.SqlByScoreGuard,
        LifecyclePolicy.SqlThresholdGuard, LifecyclePolicy.HandRaiseToMqlGuard, LifecyclePolicy.HandRaiseToSqlGuard,
        LifecyclePolicy.OpportunityByDealGuard, LifecyclePolicy.OpportunityByConnectGuard, LifecyclePolicy.UnableToReachGuard,
        LifecyclePolicy.ReasonGuard,
    ];

    [Fact]
    public void MermaidGraph_ContainsEveryStageAndEveryGuardDescription()
    {
        var graph = LifecyclePolicy.Default.ToMermaidGraph();

        Assert.StartsWith("stateDiagram-v2", graph, StringComparison.Ordinal);
        Assert.All(LifecycleStage.List, stage => Assert.Contains(stage.Name, graph, StringComparison.Ordinal));
        Assert.All(GuardDescriptions, guard => Assert.Contains("[" + guard + "]", graph, StringComparison.Ordinal));
        Assert.Contains("Subscriber --> Lead : Convert", graph, StringComparison.Ordinal);
        Assert.Contains("SalesQualifiedLead --> Lead : ReturnToMarketing [a reason is given]", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Function", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void DotGraph_ContainsEveryStage()
    {
        var graph = LifecyclePolicy.Default.ToDotGraph();
        Assert.StartsWith("digraph", graph, StringComparison.Ordinal);
        Assert.All(LifecycleStage.List, stage => Assert.Contains(stage.Name, graph, StringComparison.Ordinal));
        Assert.Contains(LifecyclePolicy.UnableToReachGuard, graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_Invalid_ReportsEveryProblemWithItsPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new LifecyclePolicy(new LifecycleDefinitions
        {
            DefaultThresholds = new QualificationThresholds(0m),
            LeadTypeThresholds = new Dictionary<string, QualificationThresholds> { ["customer"] = new(200m, 150m) },
            SqlQualification = SqlQualification.Score,
            HandRaiseRoute = LifecycleStage.Customer,
            NurtureStage = LifecycleStage.Opportunity,
        }));

        Assert.Equal(
            """
            The lifecycle definitions is invalid (5 problems); fix every problem listed and load it again:
            - $.defaultThresholds.mql: The MQL threshold must be above 0; it is 0.
            - $.defaultThresholds.sql: SQLs are qualified by score only, so an SQL threshold is required.
            - $.leadTypeThresholds['customer'].sql: The SQL threshold 150 must be above the MQL threshold 200.
            - $.handRaiseRoute: A hand-raise can route to MarketingQualifiedLead or SalesQualifiedLead, not Customer.
            - $.nurtureStage: Returned and recycled contacts are nurtured as Subscriber or Lead, not Opportunity.
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Definitions_RoundTripThroughJson()
    {
        var definitions = new LifecycleDefinitions
        {
            DefaultThresholds = new QualificationThresholds(100m, 250m),
            LeadTypeThresholds = new Dictionary<string, QualificationThresholds> { ["existing-customer"] = new(200m) },
            SqlQualification = SqlQualification.SalesAcceptanceOrScore,
            HandRaiseRoute = null,
        };

        var json = JsonSerializer.Serialize(definitions, SalesGlossaryJson.Options);
        var back = JsonSerializer.Deserialize<LifecycleDefinitions>(json, SalesGlossaryJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, SalesGlossaryJson.Options));
        Assert.Equal(200m, back.ThresholdsFor("existing-customer").Mql);
        Assert.Equal(100m, back.ThresholdsFor("unknown").Mql);
        Assert.Contains("\"sqlQualification\":\"SalesAcceptanceOrScore\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedPolicy_IsSafeAcrossThreads()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var contacts = Enumerable.Range(0, 2000)
            .Select(i => Contact.Create("C-" + i, LifecycleStage.Lead, LifecyclePolicy.Default, time, Actor.Integration))
            .ToArray();

        Parallel.ForEach(contacts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, (contact, _, i) =>
        {
            contact.ApplyScore(i % 2 == 0 ? 150 : 50, Actor.System);
            if (contact.Stage == LifecycleStage.MarketingQualifiedLead)
            {
                contact.AcceptBySales(Actor.Sales);
                contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
            }
        });

        Assert.All(contacts.Where((_, i) => i % 2 == 0), c => Assert.Equal((LifecycleStage.SalesQualifiedLead, LeadStatus.AttemptedToContact, 4), (c.Stage, c.LeadStatus, c.Version)));
        Assert.All(contacts.Where((_, i) => i % 2 == 1), c => Assert.Equal((LifecycleStage.Lead, 1), (c.Stage, c.Version)));
    }
}
