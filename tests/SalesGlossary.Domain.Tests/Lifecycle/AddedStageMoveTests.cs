using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>An added stage is entered only when asked for and not yet reached, and keeps the moves of the stage it follows and no others.</summary>
public class AddedStageMoveTests
{
    private static readonly LifecycleStage Nurtured = LifecycleStage.Add(new StageDefinition { Name = "Nurtured", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1);

    private static readonly LifecycleStage Reviewed = LifecycleStage.Add(new StageDefinition { Name = "Reviewed", Number = 102, After = LifecycleStage.Lead }, LifecycleStage.Lead, 2);

    private static Contact Lead()
    {
        var owners = new LifecycleDefinitions().StageOwners.ToDictionary(o => o.Key, o => o.Value);
        owners[Nurtured] = Team.Marketing;
        owners[Reviewed] = Team.Marketing;
        var policy = new LifecyclePolicy(new LifecycleDefinitions { AddedStages = [Nurtured, Reviewed], StageOwners = owners }, new QualificationThresholds(100m), ConnectPolicy.Default);
        return Contact.Create("C-1", LifecycleStage.Lead, policy, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), By.Integration);
    }

    [Fact]
    public void EnterStage_LaterAddedStage_GoesThereDirectly()
    {
        var contact = Lead();

        contact.EnterStage(Reviewed, By.Marketing);

        Assert.Same(Reviewed, contact.Stage);
        Assert.Same(LifecycleStage.Lead, contact.History[^1].From);
    }

    [Fact]
    public void EnterStage_EarlierAddedStage_IsRefusedNamingTheGuard()
    {
        var contact = Lead();
        contact.EnterStage(Reviewed, By.Marketing);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.EnterStage(Nurtured, By.Marketing));

        Assert.Equal(["the stage asked for is Nurtured, not yet reached"], error.UnmetGuards);
        Assert.Same(Reviewed, contact.Stage);
    }

    [Fact]
    public void EnterStage_TheStageItIsIn_IsRefused()
    {
        var contact = Lead();
        contact.EnterStage(Nurtured, By.Marketing);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.EnterStage(Nurtured, By.Marketing));

        Assert.Equal(["the stage asked for is Nurtured, not yet reached"], error.UnmetGuards);
        Assert.Single(contact.History, h => h.To == Nurtured);
    }

    [Fact]
    public void AddedStage_KeepsOnlyTheMovesOfTheStageItFollows()
    {
        var contact = Lead();
        contact.EnterStage(Nurtured, By.Marketing);

        Assert.False(contact.CanTake(LifecycleTrigger.BecomeAdvocate));
        Assert.False(contact.CanTake(LifecycleTrigger.Reopen));
        Assert.True(contact.CanTake(LifecycleTrigger.Disqualify));
        Assert.False(contact.CanTake(LifecycleTrigger.EnterStage));
    }

    [Fact]
    public void Diagram_DescribesTheEntryGuardOfEachAddedStage()
    {
        var owners = new LifecycleDefinitions().StageOwners.ToDictionary(o => o.Key, o => o.Value);
        owners[Nurtured] = Team.Marketing;
        var mermaid = new LifecyclePolicy(new LifecycleDefinitions { AddedStages = [Nurtured], StageOwners = owners }, new QualificationThresholds(100m), ConnectPolicy.Default).ToMermaidGraph();

        Assert.Contains("Lead --> Nurtured : EnterStage [the stage asked for is Nurtured, not yet reached]", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void EnterStage_ScoreBelowTheTargetsEntryScore_NamesOnlyThatGuard()
    {
        var warm = LifecycleStage.Add(new StageDefinition { Name = "Warm", Number = 103, After = LifecycleStage.Lead, EntryMinimumScore = 40m }, LifecycleStage.Lead, 1);
        var hot = LifecycleStage.Add(new StageDefinition { Name = "Hot", Number = 104, After = LifecycleStage.Lead, EntryMinimumScore = 70m }, LifecycleStage.Lead, 2);
        var owners = new LifecycleDefinitions().StageOwners.ToDictionary(o => o.Key, o => o.Value);
        owners[warm] = Team.Marketing;
        owners[hot] = Team.Marketing;
        var policy = new LifecyclePolicy(new LifecycleDefinitions { AddedStages = [warm, hot], StageOwners = owners }, new QualificationThresholds(100m), ConnectPolicy.Default);
        var contact = Contact.Create("C-2", LifecycleStage.Lead, policy, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), By.Integration);
        contact.ApplyScore(50m, By.System);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.EnterStage(hot, By.Marketing));

        Assert.Equal(["the lead score reached 70, the entry score of Hot"], error.UnmetGuards);
        Assert.Equal("Contact 'C-2' in stage Lead cannot EnterStage: unmet guard: the lead score reached 70, the entry score of Hot. Permitted now: HandRaise, Deal.Open, Deal.Win, Disqualify.", error.Message);
        contact.EnterStage(warm, By.Marketing);
        Assert.Same(warm, contact.Stage);
    }

    [Fact]
    public void EnterStage_AddedStageOfALaterFunnelStage_SaysTheMoveIsNotFromThisStage()
    {
        var accepted = LifecycleStage.Add(new StageDefinition { Name = "Accepted", Number = 105, After = LifecycleStage.MarketingQualifiedLead }, LifecycleStage.MarketingQualifiedLead, 1);
        var owners = new LifecycleDefinitions().StageOwners.ToDictionary(o => o.Key, o => o.Value);
        owners[Nurtured] = Team.Marketing;
        owners[accepted] = Team.Sales;
        var policy = new LifecyclePolicy(new LifecycleDefinitions { AddedStages = [Nurtured, accepted], StageOwners = owners }, new QualificationThresholds(100m), ConnectPolicy.Default);
        var contact = Contact.Create("C-3", LifecycleStage.Lead, policy, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), By.Integration);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.EnterStage(accepted, By.Sales));

        Assert.Empty(error.UnmetGuards);
        Assert.Equal("Contact 'C-3' in stage Lead cannot EnterStage: EnterStage is not possible from Lead. Permitted now: HandRaise, Deal.Open, Deal.Win, Disqualify.", error.Message);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
    }
}
