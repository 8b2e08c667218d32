using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>The qualification thresholds and "unable to reach" pinned at their edges.</summary>
public class LifecycleThresholdEdgeTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static LifecyclePolicy ByScore(decimal mql, decimal sql) =>
        new(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, new QualificationThresholds(mql, sql), ConnectPolicy.Default);

    private Contact Lead(LifecyclePolicy policy) => Contact.Create("C-1", LifecycleStage.Lead, policy, time, By.Integration);

    private static string[] Problems(Func<LifecyclePolicy> build) =>
        [.. Assert.Throws<DefinitionValidationException>(() => build()).Problems.Select(p => p.ToString())];

    [Theory]
    [InlineData("99.99", "Lead")]
    [InlineData("100", "MarketingQualifiedLead")]
    [InlineData("149.99", "MarketingQualifiedLead")]
    [InlineData("150", "SalesQualifiedLead")]
    [InlineData("150.01", "SalesQualifiedLead")]
    public void AScore_AtEachThreshold_ReachesIt_AndJustBelowDoesNot(string score, string stage)
    {
        var contact = Lead(ByScore(100m, 150m));

        contact.ApplyScore(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), By.System);

        Assert.Equal(stage, contact.Stage.Name);
    }

    [Fact]
    public void AnMql_ReachesSqlWhenALaterScoreIsExactlyTheThreshold()
    {
        var contact = Lead(ByScore(100m, 150m));
        contact.ApplyScore(120m, By.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);

        contact.ApplyScore(150m, By.System);

        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        Assert.Same(LifecycleTrigger.ReachSqlThreshold, contact.History[^1].Trigger);
    }

    [Fact]
    public void ByAcceptance_AScoreAboveTheSqlThreshold_StopsAtMql()
    {
        var policy = new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(100m, 150m), ConnectPolicy.Default);
        var contact = Lead(policy);

        contact.ApplyScore(500m, By.System);

        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
        contact.AcceptBySales(By.Sales);
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
    }

    [Fact]
    public void ScoreOrAcceptance_BothLeadToSql()
    {
        var policy = new LifecyclePolicy(new LifecycleDefinitions { SqlQualification = SqlQualification.SalesAcceptanceOrScore }, new QualificationThresholds(100m, 150m), ConnectPolicy.Default);
        var byScore = Lead(policy);
        byScore.ApplyScore(150m, By.System);
        Assert.Same(LifecycleStage.SalesQualifiedLead, byScore.Stage);

        var byAcceptance = Contact.Create("C-2", LifecycleStage.Lead, policy, time, By.Integration);
        byAcceptance.ApplyScore(100m, By.System);
        byAcceptance.AcceptBySales(By.Sales);
        Assert.Same(LifecycleStage.SalesQualifiedLead, byAcceptance.Stage);
    }

    [Fact]
    public void BySalesAcceptanceOnly_AnMqlCannotBeAcceptedWhereOnlyScoreCounts()
    {
        var contact = Lead(ByScore(100m, 150m));
        contact.ApplyScore(120m, By.System);

        Assert.False(contact.CanAcceptBySales);
        Assert.Throws<LifecycleTransitionException>(() => contact.AcceptBySales(By.Sales));
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
    }

    [Fact]
    public void AnSqlThreshold_EqualToTheMqlThreshold_IsRefused_JustAboveIsAccepted()
    {
        Assert.Equal(
            ["$.thresholds.sql: The SQL threshold 100 must be above the MQL threshold 100."],
            Problems(() => ByScore(100m, 100m)));
        Assert.Equal(
            ["$.thresholds.sql: The SQL threshold 99.99 must be above the MQL threshold 100."],
            Problems(() => ByScore(100m, 99.99m)));
        Assert.Equal(100.01m, ByScore(100m, 100.01m).Thresholds.Sql);
    }

    [Fact]
    public void TheMqlThreshold_MustBeAboveZero()
    {
        Assert.Equal(
            ["$.thresholds.mql: The MQL threshold must be above 0; it is 0."],
            Problems(() => new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(0m), ConnectPolicy.Default)));
        Assert.Equal(0.01m, new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(0.01m), ConnectPolicy.Default).Thresholds.Mql);
    }

    [Fact]
    public void QualifyingByScoreOnly_NeedsAnSqlThreshold()
    {
        Assert.Equal(
            ["$.thresholds.sql: SQLs are qualified by score only, so an SQL threshold is required."],
            Problems(() => new LifecyclePolicy(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, new QualificationThresholds(100m), ConnectPolicy.Default)));
        Assert.Null(new LifecyclePolicy(new LifecycleDefinitions { SqlQualification = SqlQualification.SalesAcceptanceOrScore }, new QualificationThresholds(100m), ConnectPolicy.Default).Thresholds.Sql);
    }

    [Fact]
    public void UnableToReach_CountsOnlyTheAttemptsSinceTheLatestHandover()
    {
        var contact = Lead(LifecyclePolicy.Default);
        contact.ApplyScore(120m, By.System);
        Attempts(contact, ConnectPolicy.Default.MinimumAttempts);
        Assert.True(contact.CanDisqualify(DisqualificationReason.UnableToReach));

        time.Advance(TimeSpan.FromHours(1));
        contact.ReturnToMarketing("Not ready", By.Sales);
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(140m, By.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);

        // Six attempts are on record, but none since the contact was handed over again.
        Assert.False(contact.CanDisqualify(DisqualificationReason.UnableToReach));
        Assert.True(contact.CanDisqualify(DisqualificationReason.NoBudget));
        var error = Assert.Throws<LifecycleTransitionException>(() => contact.Disqualify(DisqualificationReason.UnableToReach, By.Sales));
        Assert.Contains(LifecyclePolicy.UnableToReachGuard, error.Message, StringComparison.Ordinal);

        Attempts(contact, ConnectPolicy.Default.MinimumAttempts - 1);
        Assert.False(contact.CanDisqualify(DisqualificationReason.UnableToReach));
        Attempts(contact, 1);
        Assert.True(contact.CanDisqualify(DisqualificationReason.UnableToReach));
        contact.Disqualify(DisqualificationReason.UnableToReach, By.Sales);
        Assert.Same(LifecycleStage.Other, contact.Stage);
    }

    [Fact]
    public void UnableToReach_NeedsTheWholeSequence_OneAttemptShortIsRefused()
    {
        var contact = Lead(LifecyclePolicy.Default);
        contact.ApplyScore(120m, By.System);
        Attempts(contact, ConnectPolicy.Default.MinimumAttempts - 1);

        Assert.False(contact.CanDisqualify(DisqualificationReason.UnableToReach));
        Attempts(contact, 1);
        Assert.True(contact.CanDisqualify(DisqualificationReason.UnableToReach));
    }

    [Fact]
    public void LeadStatus_IsOpen_ExactlyWhileSalesHasNotFinishedWithTheLead()
    {
        Assert.Equal(
            [LeadStatus.New, LeadStatus.Open, LeadStatus.InProgress, LeadStatus.AttemptedToContact, LeadStatus.Connected],
            LeadStatus.List.Where(s => s.IsOpen).OrderBy(s => s.Value));
    }

    private void Attempts(Contact contact, int count)
    {
        for (var i = 0; i < count; i++)
        {
            time.Advance(TimeSpan.FromMinutes(30));
            contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        }
    }
}
