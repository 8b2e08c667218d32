using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

public class LifecyclePolicyTests
{
    [Fact]
    public void MermaidGraph_DrawsOnlyWhatTheChoicesAllow_WithEveryRemainingGuardInWords()
    {
        var graph = LifecyclePolicy.Default.ToMermaidGraph();

        Assert.StartsWith("stateDiagram-v2", graph, StringComparison.Ordinal);
        Assert.All(LifecycleStage.List, stage => Assert.Contains(stage.Name, graph, StringComparison.Ordinal));
        Assert.All(
            [LifecyclePolicy.MqlThresholdGuard, LifecyclePolicy.UnableToReachGuard, LifecyclePolicy.ReasonGuard],
            guard => Assert.Contains("[" + guard + "]", graph, StringComparison.Ordinal));
        Assert.Contains("Subscriber --> Lead : Convert", graph, StringComparison.Ordinal);
        Assert.Contains("MarketingQualifiedLead --> SalesQualifiedLead : AcceptBySales", graph, StringComparison.Ordinal);
        Assert.Contains("Lead --> SalesQualifiedLead : HandRaise", graph, StringComparison.Ordinal);
        Assert.Contains("Lead --> Opportunity : CreateDeal", graph, StringComparison.Ordinal);
        Assert.Contains("SalesQualifiedLead --> Lead : ReturnToMarketing [a reason is given]", graph, StringComparison.Ordinal);

        // SQLs by acceptance only, hand-raises to SQL, Opportunity = open deal: the other choices are not drawn.
        Assert.DoesNotContain("ReachSqlThreshold", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Lead --> MarketingQualifiedLead : HandRaise", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectSucceeded", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("the agreement", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Function", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void MermaidGraph_OfOtherChoices_DrawsTheirMovesInstead()
    {
        var policy = new LifecyclePolicy(
            new LifecycleDefinitions
            {
                SqlQualification = SqlQualification.Score,
                OpportunityDefinition = OpportunityDefinition.FirstSuccessfulConnect,
                HandRaiseRoute = LifecycleStage.MarketingQualifiedLead,
            },
            new QualificationThresholds(100m, 200m),
            ConnectPolicy.Default);

        var graph = policy.ToMermaidGraph();

        Assert.Contains("MarketingQualifiedLead --> SalesQualifiedLead : ReachSqlThreshold [" + LifecyclePolicy.SqlThresholdGuard + "]", graph, StringComparison.Ordinal);
        Assert.Contains("SalesQualifiedLead --> Opportunity : ConnectSucceeded", graph, StringComparison.Ordinal);
        Assert.Contains("Lead --> MarketingQualifiedLead : HandRaise", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("AcceptBySales", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateDeal", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Lead --> SalesQualifiedLead : HandRaise", graph, StringComparison.Ordinal);
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
        var error = Assert.Throws<DefinitionValidationException>(() => new LifecyclePolicy(
            new LifecycleDefinitions
            {
                SqlQualification = SqlQualification.Score,
                HandRaiseRoute = LifecycleStage.Customer,
                NurtureStage = LifecycleStage.Opportunity,
                StageOwners = new Dictionary<LifecycleStage, Team> { [LifecycleStage.Lead] = Team.Marketing },
            },
            new QualificationThresholds(0m),
            ConnectPolicy.Default));

        Assert.StartsWith(
            """
            The lifecycle definitions is invalid (11 problems); fix every problem listed and load it again:
            - $.thresholds.mql: The MQL threshold must be above 0; it is 0.
            - $.thresholds.sql: SQLs are qualified by score only, so an SQL threshold is required.
            - $.handRaiseRoute: A hand-raise can route to MarketingQualifiedLead or SalesQualifiedLead, not Customer.
            - $.nurtureStage: Returned and recycled contacts are nurtured as Subscriber or Lead, not Opportunity.
            - $.stageOwners: No team owns Subscriber; every stage needs an owner so that handoffs are explicit.
            """.ReplaceLineEndings("\n"),
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_AreValidatedInOnePlace_TheSameForAPolicyAndAnAgreement()
    {
        var policyError = Assert.Throws<DefinitionValidationException>(() =>
            new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(130m, 120m), ConnectPolicy.Default));
        var json = ServiceLevelAgreement.DefaultJson.Replace("\"thresholds\": { \"mql\": 140 }", "\"thresholds\": { \"mql\": 130, \"sql\": 120 }", StringComparison.Ordinal);
        var agreementError = Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(json));

        var policyProblem = Assert.Single(policyError.Problems);
        var agreementProblem = Assert.Single(agreementError.Problems);
        Assert.Equal("$.thresholds.sql", policyProblem.Path);
        Assert.Equal("$.leadTypes[1].thresholds.sql", agreementProblem.Path);
        Assert.Equal("The SQL threshold 120 must be above the MQL threshold 130.", policyProblem.Message);
        Assert.Equal(policyProblem.Message, agreementProblem.Message);
    }

    [Fact]
    public void TwoPolicies_OnSeveralThreads_EachContactIsJudgedByItsOwn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var low = new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(100m), ConnectPolicy.Default, "low");
        var high = new LifecyclePolicy(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, new QualificationThresholds(140m, 150m), ConnectPolicy.Default, "high");
        var contacts = Enumerable.Range(0, 4000)
            .Select(i => Contact.Create("C-" + i, LifecycleStage.Lead, i % 2 == 0 ? low : high, time, By.Integration))
            .ToArray();

        Parallel.ForEach(contacts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, contact =>
        {
            Assert.Equal(contact.Policy == low, contact.CanTake(LifecycleTrigger.AcceptBySales) || contact.ApplyScore(120m, By.System).OfType<StageChanged>().Count() == 1);
            contact.ApplyScore(150m, By.System);
        });

        // Version counts the transitions and the two score changes.
        Assert.All(contacts.Where(c => c.Policy == low), c => Assert.Equal((LifecycleStage.MarketingQualifiedLead, 4), (c.Stage, c.Version)));
        Assert.All(contacts.Where(c => c.Policy == high), c => Assert.Equal((LifecycleStage.SalesQualifiedLead, 5), (c.Stage, c.Version)));
    }

    [Fact]
    public void ThresholdMessages_AreTheSameInAnotherCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var error = Assert.Throws<DefinitionValidationException>(() =>
                new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(100.5m, 99.25m), ConnectPolicy.Default));
            Assert.Equal("The SQL threshold 99.25 must be above the MQL threshold 100.5.", Assert.Single(error.Problems).Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Definitions_RoundTripThroughJson()
    {
        var definitions = new LifecycleDefinitions
        {
            SqlQualification = SqlQualification.SalesAcceptanceOrScore,
            HandRaiseRoute = null,
        };

        var json = JsonSerializer.Serialize(definitions, SalesGlossaryJson.Options);
        var back = JsonSerializer.Deserialize<LifecycleDefinitions>(json, SalesGlossaryJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, SalesGlossaryJson.Options));
        Assert.Equal(Team.Sales, back.StageOwners[LifecycleStage.MarketingQualifiedLead]);
        Assert.Null(back.HandRaiseRoute);
        Assert.Contains("\"sqlQualification\":\"SalesAcceptanceOrScore\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedPolicy_IsSafeAcrossThreads()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var contacts = Enumerable.Range(0, 2000)
            .Select(i => Contact.Create("C-" + i, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration))
            .ToArray();

        Parallel.ForEach(contacts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, (contact, _, i) =>
        {
            contact.ApplyScore(i % 2 == 0 ? 150 : 50, By.System);
            if (contact.Stage == LifecycleStage.MarketingQualifiedLead)
            {
                contact.AcceptBySales(By.Sales);
                contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
            }
        });

        // Version counts every recorded change: 4 transitions, 1 attempt and 1 score change; a score alone is 1 change after the creation.
        Assert.All(contacts.Where((_, i) => i % 2 == 0), c => Assert.Equal((LifecycleStage.SalesQualifiedLead, LeadStatus.AttemptedToContact, 6), (c.Stage, c.LeadStatus, c.Version)));
        Assert.All(contacts.Where((_, i) => i % 2 == 1), c => Assert.Equal((LifecycleStage.Lead, 2), (c.Stage, c.Version)));
    }

    /// <summary>The allocation-free answer of CanTake and the Stateless machine that fires are built from one configuration: they agree for every stored contact, trigger and choice.</summary>
    [FsCheck.Xunit.Property(MaxTest = 100)]
    public FsCheck.Property FastAnswer_AgreesWithTheStatelessMachine() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.ToArbitrary(Generators.ContactStates()),
            FsCheck.Fluent.Arb.ToArbitrary(Generators.LifecycleDefinitions()),
            (state, definitions) =>
            {
                var policy = new LifecyclePolicy(definitions, new QualificationThresholds(100m, 200m), ConnectPolicy.Default, state.LeadType);
                var contact = Contact.Rehydrate(state, policy, TimeProvider.System);
                var slot = policy.Rent();
                try
                {
                    slot.Bind(contact, DisqualificationReason.UnableToReach);
                    return LifecycleTrigger.List.All(t => slot.CanFire(t) == slot.Machine.CanFire(t));
                }
                finally
                {
                    slot.Release();
                }
            });
}
