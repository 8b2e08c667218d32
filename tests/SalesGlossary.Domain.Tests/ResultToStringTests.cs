using System.Runtime.CompilerServices;

namespace SalesGlossary.Domain.Tests;

/// <summary>A public result printed in a log line says what a person needs, never a collection's type name.</summary>
public class ResultToStringTests
{
    /// <summary>Results named by hand, so that the reflected list below cannot quietly lose them.</summary>
    private static readonly Type[] KnownResults =
    [
        typeof(LeadScore), typeof(GroupScore), typeof(ScoreContribution), typeof(ScoringError), typeof(BulkScoringSummary),
        typeof(PipelineForecast), typeof(ForecastTotal), typeof(ConnectEvaluation), typeof(ConnectBreach),
        typeof(IcpEvaluation), typeof(IcpTierResult), typeof(PersonaMatch), typeof(RejectionReport),
        typeof(IcpCriterionResult), typeof(ScoreGrade), typeof(RuleCost), typeof(SlaReport), typeof(FunnelStage), typeof(ReasonCount),
        typeof(StageDuration), typeof(Attainment), typeof(StageTime), typeof(Handoff), typeof(DealStageTime), typeof(StageVelocity),
        typeof(Arrow.ColumnarRulePlan), typeof(StageChanged), typeof(DealWon),
    ];

    /// <summary>Every public result of the core and the columnar package: a public record with no public constructor, which only the library builds.</summary>
    private static Type[] PublicResults() => [.. new[] { typeof(LeadScore).Assembly, typeof(Arrow.ColumnarRulePlan).Assembly }
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && !typeof(Exception).IsAssignableFrom(t) && t.GetMethod("<Clone>$") is not null && t.GetConstructors().Length == 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void PublicResults_AreFoundByReflection_IncludingEveryKnownOne()
    {
        var found = PublicResults();

        Assert.Empty(KnownResults.Except(found).Select(t => t.FullName));
    }

    [Fact]
    public void Results_WriteTheirOwnToString()
    {
        Type[] results = [.. PublicResults().Concat([typeof(JourneyActivity), typeof(ReportPeriod), typeof(NumberRange), typeof(ScoreDecay), typeof(ValidationProblem)]).Distinct()];
        var printingTypeNames = results
            // A result's own ToString, or one its library base type seals for every kind (as DomainEvent does); never object's, never the record's generated one.
            .Where(t => t.GetMethod(nameof(ToString), Type.EmptyTypes) is not { } method || method.DeclaringType == typeof(object) || method.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(printingTypeNames.Length == 0, "These print their type name in a log line; write a ToString that says what a person needs: " + string.Join(", ", printingTypeNames));
    }

    [Fact]
    public void ResultCheck_FindsARecordThatPrintsItsTypeName()
    {
        // The check itself: a record without its own ToString is caught, one with its own is not.
        var generated = typeof(LeadFacts).GetMethod(nameof(ToString), Type.EmptyTypes)!;
        Assert.True(generated.IsDefined(typeof(CompilerGeneratedAttribute), false));
        var own = typeof(LeadScore).GetMethod(nameof(ToString), Type.EmptyTypes)!;
        Assert.False(own.IsDefined(typeof(CompilerGeneratedAttribute), false));
    }

    [Fact]
    public void LeadScore_PrintsModelTotalGradeGroupsAndErrors()
    {
        var model = LeadScoringModel.LoadSample();
        var asOf = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var lead = new LeadFacts { Id = "L-1", Email = "a@acme.example", JobTitle = "CTO", Department = "IT", Industry = "Software", Employees = 250, Country = "DE", Activities = [new LeadActivity { Type = "webinar", OccurredAt = asOf.AddDays(-1) }] };
        var score = model.Score(lead, asOf);
        var line = score.ToString();
        Assert.StartsWith($"{model.Name} {model.Version} as of 2026-03-01T00:00:00.0000000+00:00: {score.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}", line, StringComparison.Ordinal);
        Assert.Contains(score.Contributions.Count + " contributions", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.Contains(score.IsComplete ? "complete" : "rule errors, first: " + score.Errors[0], line, StringComparison.Ordinal);
    }

    [Fact]
    public void Contributions_AndErrors_ReadAsSentences()
    {
        Assert.Equal("Webinar [activity 3]: +7.5 engagement (configured 10; decayed)", new ScoreContribution("Webinar", "engagement", 3, null, 10m, 7.5m, 7.5m, "decayed").ToString());
        Assert.Equal("Title: -5 fit (configured -5; as configured)", new ScoreContribution("Title", "fit", null, null, -5m, -5m, -5m, "as configured").ToString());
        Assert.Equal("lead: The lead is null.", new ScoringError(null, null, "The lead is null.").ToString());
        Assert.Equal("R [activity 0]: boom", new ScoringError("R", 0, "boom").ToString());
        Assert.Equal("fit 40 (raw 55, cap 40)", new GroupScore("fit", 55m, 40m, 40m).ToString());
        Assert.Equal("m 1 scored 10 leads, 2 incomplete", new BulkScoringSummary(10, 2, "m", "1").ToString());
    }

    [Fact]
    public void Forecast_PrintsEveryCategory_InvariantCulture()
    {
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var forecast = new PipelineForecast(1234.5m, [new ForecastTotal(ForecastCategory.Commit, 2, 2000.5m, 1600.25m)]);
            Assert.Equal("weighted pipeline 1234.5; Commit: 2 deals, 2000.5 (weighted 1600.25)", forecast.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void ConnectEvaluation_PrintsStatusAttemptsAndBreaches()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var evaluation = new ConnectEvaluation(at, ConnectStatus.InProgress, 2, 1, at.AddDays(1), null, [new ConnectBreach(ConnectBreachKind.TooCloseTogether, "Two attempts were 1 h apart.")]);
        Assert.Equal("InProgress: 2 attempts on 1 channels since 2026-03-02T09:00:00.0000000+00:00, next due 2026-03-03T09:00:00.0000000+00:00; TooCloseTogether: Two attempts were 1 h apart.", evaluation.ToString());
    }

    [Fact]
    public void Results_HaveNoPublicConstructor_AndNoPublicSetter()
    {
        var forgeable = KnownResults.Concat(PublicResults()).Distinct()
            .SelectMany(t => t.GetConstructors().Select(c => t.Name + "(" + string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)) + ")")
                .Concat(t.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => t.Name + "." + p.Name + " { set; }")))
            .ToArray();
        Assert.True(forgeable.Length == 0, string.Join(", ", forgeable));
    }

    [Fact]
    public void ReportParts_PrintFiguresInvariantCulture()
    {
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
            Assert.Equal("MarketingQualifiedLead: 40 reached (25.5 % of the stage before)", new FunnelStage(LifecycleStage.MarketingQualifiedLead, 40, 25.5m).ToString());
            Assert.Equal("Lead: 7 reached", new FunnelStage(LifecycleStage.Lead, 7, null).ToString());
            Assert.Equal("Not a decision maker: 3", new ReasonCount("Not a decision maker", 3).ToString());
            Assert.Equal("Sales, Touched in time: 45 of 50 (90.5 %)", new Attainment(Team.Sales, "Touched in time", 45, 50, 90.5m).ToString());
            Assert.Equal("Opportunity: 12 contacts, median 2.00:00:00, 90th percentile 5.12:00:00", new StageDuration(LifecycleStage.Opportunity, 12, TimeSpan.FromDays(2), TimeSpan.FromDays(5.5)).ToString());
            Assert.Equal("Marketing → Sales at 2026-03-01T00:00:00.0000000+00:00 (SalesQualifiedLead)", new Handoff(at, Team.Marketing, Team.Sales, LifecycleStage.SalesQualifiedLead).ToString());
            Assert.Equal("Create proposal: 4 deals, average 3.12:00:00, median 3.00:00:00", new StageVelocity("Create proposal", 4, TimeSpan.FromDays(3.5), TimeSpan.FromDays(3)).ToString());
            Assert.Equal("On hold: 1.06:00:00", new DealStageTime("On hold", TimeSpan.FromHours(30)).ToString());
            Assert.Equal("Country not met: 'FR' is not in 'DE'", new IcpCriterionResult(IcpCriterion.Country, false, "'FR' is not in 'DE'").ToString());
            Assert.Equal("Decision at 2026-03-01T00:00:00.0000000+00:00", new JourneyActivity(at, BuyerJourneyStage.Decision).ToString());
            Assert.Equal(
                "MarketingQualifiedLead: 2 stays, latest 1.00:00:00, cumulative 3.00:00:00, first entered 2026-03-01T00:00:00.0000000+00:00, last left 2026-03-05T00:00:00.0000000+00:00",
                new StageTime(LifecycleStage.MarketingQualifiedLead, at, at.AddDays(3), at.AddDays(4), TimeSpan.FromDays(1), TimeSpan.FromDays(3), 2).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }
}
