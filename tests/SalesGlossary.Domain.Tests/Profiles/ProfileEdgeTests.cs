
namespace SalesGlossary.Domain.Tests.Profiles;

/// <summary>Ranges, criteria, tiers, personas and the buyer journey at each edge, and every argument check.</summary>
public class ProfileEdgeTests
{
    private static CompanyProfile Company(string? industry = "Software", int? employees = 100, decimal? revenue = 1_000_000m, string? country = "DE", params string[] technologies) =>
        new CompanyProfile { Name = "Acme", Industry = industry, Employees = employees, AnnualRevenue = revenue, Country = country, Technologies = technologies };

    [Fact]
    public void NumberRange_IncludesBothEnds_AndNothingBeyond()
    {
        var range = new NumberRange(10, 20);
        Assert.True(range.Contains(10));
        Assert.True(range.Contains(20));
        Assert.False(range.Contains(9.99m));
        Assert.False(range.Contains(20.01m));
        Assert.True(new NumberRange(5, 5).Contains(5));
        Assert.True(new NumberRange(null, 20).Contains(-1_000_000m));
        Assert.False(new NumberRange(null, 20).Contains(20.01m));
        Assert.True(new NumberRange(10, null).Contains(1_000_000m));
        Assert.False(new NumberRange(10, null).Contains(9.99m));
    }

    [Fact]
    public void NumberRange_ReadsAsAnInterval_AndRefusesAReversedOne()
    {
        Assert.Equal("[1.5, 20]", new NumberRange(1.5m, 20).ToString());
        Assert.Equal("(-∞, 20]", new NumberRange(null, 20).ToString());
        Assert.Equal("[10, ∞)", new NumberRange(10, null).ToString());
        Assert.Equal("(-∞, ∞)", new NumberRange(null, null).ToString());
        var error = Assert.Throws<ArgumentException>(() => new NumberRange(20.5m, 20));
        Assert.Equal("The range minimum 20.5 is greater than its maximum 20; swap them or leave one open. (Parameter 'minimum')", error.Message);
    }

    [Fact]
    public void CompanyProfile_RefusesNegativeFactsAndBlankNames_ButAcceptsZero()
    {
        Assert.Equal((0, 0m), (new CompanyProfile { Name = "Zero", Employees = 0, AnnualRevenue = 0m }.Employees, new CompanyProfile { Name = "Zero", Employees = 0, AnnualRevenue = 0m }.AnnualRevenue));
        Assert.Empty(new CompanyProfile { Name = "Zero" }.Technologies);
        Assert.Equal("Employees", Assert.Throws<ArgumentOutOfRangeException>(() => new CompanyProfile { Name = "A", Employees = -1 }).ParamName);
        Assert.Equal("AnnualRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => new CompanyProfile { Name = "A", AnnualRevenue = -0.01m }).ParamName);
        Assert.Throws<ArgumentException>(() => new CompanyProfile { Name = " " });
        Assert.Throws<ArgumentNullException>(() => new CompanyProfile { Name = null! });
        Assert.Throws<ArgumentException>(() => new CompanyProfile { Name = "A", Technologies = ["SAP", " "] });
    }

    [Fact]
    public void Criteria_AreEmptyOnlyWithNoCriterionAtAll()
    {
        Assert.True(new FirmographicCriteria().IsEmpty);
        Assert.False(new FirmographicCriteria { Industries = ["Software"] }.IsEmpty);
        Assert.False(new FirmographicCriteria { Employees = new NumberRange(1, null) }.IsEmpty);
        Assert.False(new FirmographicCriteria { AnnualRevenue = new NumberRange(1, null) }.IsEmpty);
        Assert.False(new FirmographicCriteria { Countries = ["DE"] }.IsEmpty);
        Assert.False(new FirmographicCriteria { RequiredTechnologies = ["SAP"] }.IsEmpty);
        Assert.False(new FirmographicCriteria { ExcludedTechnologies = ["SAP"] }.IsEmpty);
        Assert.Throws<ArgumentException>(() => new FirmographicCriteria { Industries = [null!] });
        Assert.Throws<ArgumentNullException>(() => new FirmographicCriteria().Evaluate(null!));
    }

    [Fact]
    public void Criteria_ExplainRevenueAndTechnologies_InSingularAndPlural()
    {
        var criteria = new FirmographicCriteria
        {
            AnnualRevenue = new NumberRange(2_000_000m, null),
            RequiredTechnologies = ["SAP", "AWS"],
            ExcludedTechnologies = ["Oracle", "IBM"],
        };

        var none = criteria.Evaluate(Company(technologies: ["oracle", "ibm"]));
        Assert.Equal(
            [
                (IcpCriterion.AnnualRevenue, false, "The annual revenue 1000000 is outside [2000000, ∞)."),
                (IcpCriterion.RequiredTechnologies, false, "Does not use required technologies 'SAP', 'AWS'."),
                (IcpCriterion.ExcludedTechnologies, false, "Uses excluded technologies 'Oracle', 'IBM'."),
            ],
            none.Select(r => (r.Criterion, r.IsMet, r.Explanation)));

        var one = criteria.Evaluate(Company(revenue: null, technologies: ["sap", "Oracle"]));
        Assert.Equal(
            [
                (IcpCriterion.AnnualRevenue, false, "The annual revenue is unknown; accepted: [2000000, ∞)."),
                (IcpCriterion.RequiredTechnologies, false, "Does not use required technology 'AWS'."),
                (IcpCriterion.ExcludedTechnologies, false, "Uses excluded technology 'Oracle'."),
            ],
            one.Select(r => (r.Criterion, r.IsMet, r.Explanation)));

        var all = criteria.Evaluate(Company(revenue: 2_000_000m, technologies: ["SAP", "AWS"]));
        Assert.Equal(
            [
                (IcpCriterion.AnnualRevenue, true, "The annual revenue 2000000 is within [2000000, ∞)."),
                (IcpCriterion.RequiredTechnologies, true, "Uses every required technology: 'SAP', 'AWS'."),
                (IcpCriterion.ExcludedTechnologies, true, "Uses none of the excluded technologies: 'Oracle', 'IBM'."),
            ],
            all.Select(r => (r.Criterion, r.IsMet, r.Explanation)));
    }

    [Fact]
    public void Criteria_ExplainAnUnknownOrBlankCountry()
    {
        var criteria = new FirmographicCriteria { Countries = ["DE", "AT"] };
        Assert.Equal("The country is unknown; accepted: 'DE', 'AT'.", Assert.Single(criteria.Evaluate(Company(country: " "))).Explanation);
        Assert.False(Assert.Single(criteria.Evaluate(Company(country: null))).IsMet);
        Assert.True(Assert.Single(criteria.Evaluate(Company(country: "at"))).IsMet);
    }

    [Fact]
    public void Tiers_CompareBestFirst()
    {
        Assert.True(IcpTier.Tier1.IsBetterThan(IcpTier.Tier2));
        Assert.False(IcpTier.Tier2.IsBetterThan(IcpTier.Tier2));
        Assert.False(IcpTier.NotIcp.IsBetterThan(IcpTier.Tier3));
        Assert.True(IcpTier.Tier3.IsBetterThan(IcpTier.NotIcp));
        Assert.Throws<ArgumentNullException>(() => IcpTier.Tier1.IsBetterThan(null!));
        Assert.True(IcpTier.Tier3.IsTarget);
        Assert.False(IcpTier.NotIcp.IsTarget);
    }

    [Fact]
    public void Evaluation_StopsAtTheFirstTierMet_AndListsOnlyTheTiersChecked()
    {
        var profile = new IdealCustomerProfile(
            "P",
            [
                new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Countries = ["US"] }),
                new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria { Countries = ["DE"] }),
                new IcpTierDefinition(IcpTier.Tier3, new FirmographicCriteria()),
            ]);

        var result = profile.Evaluate(Company());

        Assert.Equal((IcpTier.Tier2, false), (result.Tier, result.IsNegative));
        Assert.Equal([IcpTier.Tier1, IcpTier.Tier2], result.CheckedTiers.Select(t => t.Tier));
        Assert.Empty(result.MatchedExclusions);
        Assert.Equal("Acme", result.Company);
        Assert.Throws<ArgumentNullException>(() => profile.Evaluate(null!));
    }

    [Fact]
    public void AnExclusion_AppliesOnlyWhenEveryOneOfItsCriteriaIsMet_AndAllMatchesAreNamed()
    {
        var profile = new IdealCustomerProfile(
            "P",
            [new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria())],
            [
                new IcpExclusion("Small German", new FirmographicCriteria { Employees = new NumberRange(null, 50), Countries = ["DE"] }),
                new IcpExclusion("German", new FirmographicCriteria { Countries = ["DE"] }),
                new IcpExclusion("Software", new FirmographicCriteria { Industries = ["Software"] }),
            ]);

        var result = profile.Evaluate(Company());

        Assert.True(result.IsNegative);
        Assert.Equal(["German", "Software"], result.MatchedExclusions);
        Assert.Empty(result.CheckedTiers);
        Assert.Equal("'Acme' is excluded by 'German', 'Software': negative ICP.", result.Summary);
        Assert.Same(IcpTier.Tier1, profile.Evaluate(Company(industry: "Retail", country: "FR")).Tier);
    }

    [Fact]
    public void MissingPartsOfAProfile_AreEachReportedWithTheirPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new IdealCustomerProfile(
            "P",
            [null!, new IcpTierDefinition(null!, new FirmographicCriteria()), new IcpTierDefinition(IcpTier.Tier1, null!)],
            [null!, new IcpExclusion(" ", new FirmographicCriteria { Countries = ["DE"] }), new IcpExclusion("No criteria", null!)]));

        Assert.Equal(
            [
                "$.tiers[0]: The tier definition is missing.",
                "$.tiers[1].tier: The tier is missing; use Tier1, Tier2 or Tier3.",
                "$.tiers[2].criteria: The criteria are missing.",
                "$.exclusions[0]: The exclusion is missing.",
                "$.exclusions[1].name: The exclusion needs a name; it is the reason given for excluding a company.",
                "$.exclusions[2].criteria: The criteria are missing.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.Equal(
            ["$.tiers: The profile defines no tier; define at least Tier 1."],
            Assert.Throws<DefinitionValidationException>(() => new IdealCustomerProfile("P", null!)).Problems.Select(p => p.ToString()));
        Assert.Empty(new IdealCustomerProfile("P", [new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria())], null).Exclusions);
    }

    [Fact]
    public void BuyerJourney_CountsActivityInsideTheWindowOnly()
    {
        var asOf = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var window = TimeSpan.FromDays(10);

        Assert.Same(BuyerJourneyStage.Decision, BuyerJourney.Infer([new JourneyActivity(asOf, BuyerJourneyStage.Decision)], asOf, window));
        Assert.Same(BuyerJourneyStage.Decision, BuyerJourney.Infer([new JourneyActivity(asOf - window + TimeSpan.FromTicks(1), BuyerJourneyStage.Decision)], asOf, window));
        Assert.Null(BuyerJourney.Infer([new JourneyActivity(asOf - window, BuyerJourneyStage.Decision)], asOf, window));
        Assert.Null(BuyerJourney.Infer([new JourneyActivity(asOf.AddTicks(1), BuyerJourneyStage.Decision)], asOf, window));
        Assert.Null(BuyerJourney.Infer([new JourneyActivity(asOf, null!)], asOf, window));
        Assert.Null(BuyerJourney.Infer([], asOf, window));
    }

    [Fact]
    public void BuyerJourney_WeighsRecentActivityMore_AndBreaksTiesTowardsTheLaterStage()
    {
        var asOf = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var window = TimeSpan.FromDays(10);

        // Two old activities (weights 0.2 + 0.2) lose to one recent one (0.9).
        Assert.Same(
            BuyerJourneyStage.Consideration,
            BuyerJourney.Infer([new JourneyActivity(asOf.AddDays(-8), BuyerJourneyStage.Awareness), new JourneyActivity(asOf.AddDays(-8), BuyerJourneyStage.Awareness), new JourneyActivity(asOf.AddDays(-1), BuyerJourneyStage.Consideration)], asOf, window));
        // Three at weight 0.4 (1.2) beat one at 0.9.
        Assert.Same(
            BuyerJourneyStage.Awareness,
            BuyerJourney.Infer([new JourneyActivity(asOf.AddDays(-6), BuyerJourneyStage.Awareness), new JourneyActivity(asOf.AddDays(-6), BuyerJourneyStage.Awareness), new JourneyActivity(asOf.AddDays(-6), BuyerJourneyStage.Awareness), new JourneyActivity(asOf.AddDays(-1), BuyerJourneyStage.Consideration)], asOf, window));
        Assert.Same(
            BuyerJourneyStage.Decision,
            BuyerJourney.Infer([new JourneyActivity(asOf.AddDays(-2), BuyerJourneyStage.Decision), new JourneyActivity(asOf.AddDays(-2), BuyerJourneyStage.Awareness)], asOf, window));
        Assert.Same(
            BuyerJourneyStage.Decision,
            BuyerJourney.Infer([new JourneyActivity(asOf.AddDays(-2), BuyerJourneyStage.Awareness), new JourneyActivity(asOf.AddDays(-2), BuyerJourneyStage.Decision)], asOf, window));
    }

    [Fact]
    public void BuyerJourney_RefusesANonPositiveWindow_AndNoActivities()
    {
        var asOf = DateTimeOffset.UnixEpoch;
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => BuyerJourney.Infer([], asOf, TimeSpan.Zero)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => BuyerJourney.Infer([], asOf, TimeSpan.FromTicks(-1)));
        Assert.Null(BuyerJourney.Infer([], asOf, TimeSpan.FromTicks(1)));
        Assert.Throws<ArgumentNullException>(() => BuyerJourney.Infer(null!, asOf, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void LeadType_RefusesEveryBlankPart()
    {
        var type = new LeadType { Key = "k", Name = "n", Description = "d", ScoringModel = "s", Pipeline = "p", ConnectPolicy = "c" };
        Assert.Equal(("k", "n", "d", "s", "p", "c"), (type.Key, type.Name, type.Description, type.ScoringModel, type.Pipeline, type.ConnectPolicy));
        Assert.Equal("Key", Assert.Throws<ArgumentException>(() => new LeadType { Key = " ", Name = "n", Description = "d", ScoringModel = "s", Pipeline = "p", ConnectPolicy = "c" }).ParamName);
        Assert.Equal("Name", Assert.Throws<ArgumentException>(() => new LeadType { Key = "k", Name = " ", Description = "d", ScoringModel = "s", Pipeline = "p", ConnectPolicy = "c" }).ParamName);
        Assert.Equal("Description", Assert.Throws<ArgumentException>(() => new LeadType { Key = "k", Name = "n", Description = " ", ScoringModel = "s", Pipeline = "p", ConnectPolicy = "c" }).ParamName);
        Assert.Equal("ScoringModel", Assert.Throws<ArgumentException>(() => new LeadType { Key = "k", Name = "n", Description = "d", ScoringModel = " ", Pipeline = "p", ConnectPolicy = "c" }).ParamName);
        Assert.Equal("Pipeline", Assert.Throws<ArgumentException>(() => new LeadType { Key = "k", Name = "n", Description = "d", ScoringModel = "s", Pipeline = " ", ConnectPolicy = "c" }).ParamName);
        Assert.Equal("ConnectPolicy", Assert.Throws<ArgumentException>(() => new LeadType { Key = "k", Name = "n", Description = "d", ScoringModel = "s", Pipeline = "p", ConnectPolicy = " " }).ParamName);
    }
}
