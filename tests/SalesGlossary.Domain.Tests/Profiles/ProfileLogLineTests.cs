namespace SalesGlossary.Domain.Tests.Profiles;

/// <summary>The log lines of the profile results: each part of the line, both ways of each choice it makes.</summary>
public class ProfileLogLineTests
{
    private static readonly IdealCustomerProfile Profile = new(
        "Mid-market SaaS",
        [new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Industries = ["Software"], Countries = ["DE"] })],
        [
            new IcpExclusion("Competitors", new FirmographicCriteria { Industries = ["Marketing Software"] }),
            new IcpExclusion("Embargo", new FirmographicCriteria { Countries = ["XX"] }),
        ]);

    [Fact]
    public void IcpEvaluation_ToString_NamesTheTierAndTheSummaryAndNoExclusionWhenNoneMatched()
    {
        var result = Profile.Evaluate(new CompanyProfile { Name = "Acme", Industry = "Software", Country = "AT", Technologies = [] });

        Assert.Equal($"Acme: {IcpTier.NotIcp}; {result.Summary}", result.ToString());
        Assert.Equal($"{IcpTier.Tier1}: Industry met, Country not met", result.CheckedTiers.Single().ToString());
    }

    [Fact]
    public void IcpEvaluation_ToString_ListsEveryMatchedExclusion()
    {
        var result = Profile.Evaluate(new CompanyProfile { Name = "Rival", Industry = "Marketing Software", Country = "XX", Technologies = [] });

        Assert.Equal($"Rival: {IcpTier.NotIcp} (negative: Competitors, Embargo); {result.Summary}", result.ToString());
    }

    [Fact]
    public void IcpCriterionResult_ToString_SaysMetOrNotMetWithTheExplanation()
    {
        var criteria = Profile.Evaluate(new CompanyProfile { Name = "Acme", Industry = "Software", Country = "AT", Technologies = [] }).CheckedTiers.Single().Criteria;

        Assert.Equal("Industry met: " + criteria[0].Explanation, criteria[0].ToString());
        Assert.Equal("Country not met: " + criteria[1].Explanation, criteria[1].ToString());
    }

    [Fact]
    public void PersonaMatch_ToString_NamesThePersonaOrNoneWithScoreAndReason()
    {
        var catalog = new PersonaCatalog([ProfileGuardEdgeTests.Mary]);
        var match = catalog.Match(new ContactProfile { JobTitle = "Head of Demand Generation" });
        var none = catalog.Match(new ContactProfile { JobTitle = "Engineer" });

        Assert.Equal($"Marketing Mary (score {match.Score}): {match.Reason}", match.ToString());
        Assert.Equal($"no persona (score 0): {none.Reason}", none.ToString());
    }

    [Fact]
    public void JourneyActivity_ToString_NamesTheStageOrNoneAndTheInstantInRoundTripFormat()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal("Decision at 2026-03-01T09:30:00.0000000+01:00", new JourneyActivity(at, BuyerJourneyStage.Decision).ToString());
        Assert.Equal("no stage at 2026-03-01T09:30:00.0000000+01:00", new JourneyActivity(at, null!).ToString());
    }
}
