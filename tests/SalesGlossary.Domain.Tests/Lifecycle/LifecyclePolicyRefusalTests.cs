namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// The lifecycle policy refuses definitions that cannot work: every problem with its path and exact message, and
/// nothing else listed beside it; the values just inside each rule are accepted.
/// </summary>
public class LifecyclePolicyRefusalTests
{
    private static readonly QualificationThresholds Thresholds = new(100m, 200m);

    private static readonly LifecycleStage Nurtured = LifecycleStage.Add(new StageDefinition { Name = "Nurtured", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1);

    private static readonly LifecycleStage SalesAccepted = LifecycleStage.Add(new StageDefinition { Name = "SalesAcceptedLead", Number = 102, After = LifecycleStage.SalesQualifiedLead }, LifecycleStage.SalesQualifiedLead, 1);

    private static LifecyclePolicy Policy(LifecycleDefinitions definitions) => new(definitions, Thresholds, ConnectPolicy.Default);

    private static string[] Problems(LifecycleDefinitions definitions) =>
        [.. Assert.Throws<DefinitionValidationException>(() => Policy(definitions)).Problems.Select(p => p.ToString())];

    private static Dictionary<LifecycleStage, Team> OwnersWith(params LifecycleStage[] added)
    {
        var owners = new LifecycleDefinitions().StageOwners.ToDictionary(o => o.Key, o => o.Value);
        foreach (var stage in added)
        {
            owners[stage] = Team.Sales;
        }

        return owners;
    }

    [Fact]
    public void SqlQualification_OutsideTheEnum_IsRefusedWithTheChoices()
    {
        Assert.Equal(
            ["$.sqlQualification: 99 is not an SQL qualification; use SalesAcceptance, Score or SalesAcceptanceOrScore."],
            Problems(new LifecycleDefinitions { SqlQualification = (SqlQualification)99 }));
    }

    [Fact]
    public void OpportunityDefinition_OutsideTheEnum_IsRefusedWithTheChoices()
    {
        Assert.Equal(
            ["$.opportunityDefinition: 7 is not an Opportunity definition; use OpenDeal or FirstSuccessfulConnect."],
            Problems(new LifecycleDefinitions { OpportunityDefinition = (OpportunityDefinition)7 }));
    }

    [Fact]
    public void NurtureStage_Missing_IsRefusedAsNothing()
    {
        Assert.Equal(
            ["$.nurtureStage: Returned and recycled contacts are nurtured as Subscriber or Lead, not nothing."],
            Problems(new LifecycleDefinitions { NurtureStage = null! }));
    }

    [Fact]
    public void NurtureStage_AfterLead_IsRefusedByName_AndSubscriberAccepted()
    {
        Assert.Equal(
            ["$.nurtureStage: Returned and recycled contacts are nurtured as Subscriber or Lead, not MarketingQualifiedLead."],
            Problems(new LifecycleDefinitions { NurtureStage = LifecycleStage.MarketingQualifiedLead }));
        Assert.Same(LifecycleStage.Subscriber, Policy(new LifecycleDefinitions { NurtureStage = LifecycleStage.Subscriber }).Definitions.NurtureStage);
    }

    [Fact]
    public void AddedStages_EmptyEntry_IsRefusedAtItsIndex()
    {
        Assert.Equal(
            ["$.addedStages[1]: An empty entry is not a stage an agreement added; define added stages in the agreement's vocabulary."],
            Problems(new LifecycleDefinitions { AddedStages = [Nurtured, null!], StageOwners = OwnersWith(Nurtured) }));
    }

    [Fact]
    public void AddedStages_ShippedStage_IsRefusedByName()
    {
        Assert.Equal(
            ["$.addedStages[0]: Lead is not a stage an agreement added; define added stages in the agreement's vocabulary."],
            Problems(new LifecycleDefinitions { AddedStages = [LifecycleStage.Lead] }));
    }

    [Fact]
    public void AddedStages_SameNumberTwice_IsRefusedAtTheSecond()
    {
        var twin = LifecycleStage.Add(new StageDefinition { Name = "Reviewed", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 2);

        Assert.Equal(
            ["$.addedStages[1]: The stage Reviewed is added twice (by number or by name ignoring case)."],
            Problems(new LifecycleDefinitions { AddedStages = [Nurtured, twin], StageOwners = OwnersWith(Nurtured, twin) }));
    }

    [Fact]
    public void AddedStages_SameNameInAnotherCase_IsRefusedAtTheSecond()
    {
        var twin = LifecycleStage.Add(new StageDefinition { Name = "NURTURED", Number = 150, After = LifecycleStage.Lead }, LifecycleStage.Lead, 2);

        Assert.Equal(
            ["$.addedStages[2]: The stage NURTURED is added twice (by number or by name ignoring case)."],
            Problems(new LifecycleDefinitions { AddedStages = [Nurtured, SalesAccepted, twin], StageOwners = OwnersWith(Nurtured, SalesAccepted, twin) }));
    }

    [Fact]
    public void AddedStages_AfterAnEmptyEntry_AreComparedOnlyWithRealStages()
    {
        Assert.Equal(
            ["$.addedStages[0]: An empty entry is not a stage an agreement added; define added stages in the agreement's vocabulary."],
            Problems(new LifecycleDefinitions { AddedStages = [null!, Nurtured], StageOwners = OwnersWith(Nurtured) }));
    }

    [Fact]
    public void AddedStages_Distinct_AreAccepted_AndTakeTheirPlaceInTheFunnel()
    {
        var policy = Policy(new LifecycleDefinitions { AddedStages = [SalesAccepted, Nurtured], StageOwners = OwnersWith(Nurtured, SalesAccepted) });

        Assert.Equal(
            ["Subscriber", "Lead", "Nurtured", "MarketingQualifiedLead", "SalesQualifiedLead", "SalesAcceptedLead", "Opportunity", "Customer", "Evangelist", "Other"],
            policy.Stages.Select(s => s.Name));
    }

    [Fact]
    public void AddedStages_Missing_AreRefused()
    {
        Assert.Equal(
            ["$.addedStages: The added stages are missing; give an empty list when the agreement adds none."],
            Problems(new LifecycleDefinitions { AddedStages = null! }));
    }

    [Fact]
    public void AddedStage_WithoutOwner_IsRefusedByName()
    {
        Assert.Equal(
            ["$.stageOwners: No team owns Nurtured; every stage needs an owner so that handoffs are explicit."],
            Problems(new LifecycleDefinitions { AddedStages = [Nurtured] }));
    }

    [Fact]
    public void StageOwners_Missing_AreRefusedOnce()
    {
        Assert.Equal(
            ["$.stageOwners: The stage owners are missing; every stage needs an owning team so that handoffs are explicit."],
            Problems(new LifecycleDefinitions { StageOwners = null! }));
    }

    [Fact]
    public void LeadStatuses_Empty_AreRefused()
    {
        Assert.Equal(
            ["$.leadStatuses: The lead statuses are missing; give at least the shipped ones."],
            Problems(new LifecycleDefinitions { LeadStatuses = [] }));
    }

    [Fact]
    public void LeadStatuses_Missing_AreRefused()
    {
        Assert.Equal(
            ["$.leadStatuses: The lead statuses are missing; give at least the shipped ones."],
            Problems(new LifecycleDefinitions { LeadStatuses = null! }));
    }

    [Fact]
    public void LeadStatuses_OneOfThem_IsEnough()
    {
        Assert.Equal([LeadStatus.Open], Policy(new LifecycleDefinitions { LeadStatuses = [LeadStatus.Open] }).Definitions.LeadStatuses);
    }

    [Fact]
    public void CountHandoffs_OutsideTheEnum_IsRefusedWithTheChoices()
    {
        Assert.Equal(
            ["$.requalification.countHandoffs: 5 is not a way to count handoffs; use EveryHandoff or FirstHandoffOnly."],
            Problems(new LifecycleDefinitions { Requalification = new RequalificationRule { CountHandoffs = (RequalifiedHandoffCounting)5 } }));
    }

    [Fact]
    public void EveryProblem_IsListedTogether_InDocumentOrder()
    {
        Assert.Equal(
            [
                "$.sqlQualification: 99 is not an SQL qualification; use SalesAcceptance, Score or SalesAcceptanceOrScore.",
                "$.opportunityDefinition: 7 is not an Opportunity definition; use OpenDeal or FirstSuccessfulConnect.",
                "$.nurtureStage: Returned and recycled contacts are nurtured as Subscriber or Lead, not Opportunity.",
                "$.stageOwners: The stage owners are missing; every stage needs an owning team so that handoffs are explicit.",
                "$.leadStatuses: The lead statuses are missing; give at least the shipped ones.",
            ],
            Problems(new LifecycleDefinitions
            {
                SqlQualification = (SqlQualification)99,
                OpportunityDefinition = (OpportunityDefinition)7,
                NurtureStage = LifecycleStage.Opportunity,
                StageOwners = null!,
                LeadStatuses = [],
            }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void LeadType_Blank_IsAnArgumentErrorNamingIt(string leadType)
    {
        var error = Assert.Throws<ArgumentException>(() => new LifecyclePolicy(new LifecycleDefinitions(), Thresholds, ConnectPolicy.Default, leadType));

        Assert.Equal("leadType", error.ParamName);
    }

    [Fact]
    public void LeadType_Given_IsKept()
    {
        Assert.Equal("inbound", new LifecyclePolicy(new LifecycleDefinitions(), Thresholds, ConnectPolicy.Default, "inbound").LeadType);
    }

    [Fact]
    public void DotGraph_DrawsOnlyTheMovesThePolicyAllows()
    {
        var byAcceptance = LifecyclePolicy.Default.ToDotGraph();
        var byScore = new LifecyclePolicy(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, Thresholds, ConnectPolicy.Default).ToDotGraph();

        Assert.Contains("AcceptBySales", byAcceptance, StringComparison.Ordinal);
        Assert.DoesNotContain("AcceptBySales", byScore, StringComparison.Ordinal);
        Assert.DoesNotContain(LifecyclePolicy.SqlByAcceptanceGuard, byAcceptance, StringComparison.Ordinal);
    }
}
