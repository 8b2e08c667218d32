using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Profiles;

public class IdealCustomerProfileTests
{
    private static readonly IdealCustomerProfile Profile = new(
        "Mid-market SaaS",
        [
            new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Industries = ["Software"], Employees = new NumberRange(200, 2000), Countries = ["DE", "AT", "CH"], RequiredTechnologies = ["HubSpot"] }),
            new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria { Industries = ["Software", "Manufacturing"], Employees = new NumberRange(50, 5000) }),
        ],
        [new IcpExclusion("Competitors", new FirmographicCriteria { Industries = ["Marketing Software"] })]);

    [Fact]
    public void Evaluate_CompanyMeetingTier1_IsTier1WithReasons()
    {
        var company = new CompanyProfile { Name = "Acme", Industry = "software", Employees = 450, AnnualRevenue = 40_000_000m, Country = "DE", Technologies = ["hubspot", "AWS"] };

        var result = Profile.Evaluate(company);

        Assert.Same(IcpTier.Tier1, result.Tier);
        Assert.False(result.IsNegative);
        Assert.Equal("'Acme' meets every criterion of Tier 1.", result.Summary);
        Assert.Equal(
            [
                "The industry 'software' is one of 'Software'.",
                "The number of employees 450 is within [200, 2000].",
                "The country 'DE' is one of 'DE', 'AT', 'CH'.",
                "Uses every required technology: 'HubSpot'.",
            ],
            result.CheckedTiers.Single().Criteria.Select(c => c.Explanation));
    }

    [Fact]
    public void Evaluate_CompanyFailingTier1_FallsToTier2AndSaysWhy()
    {
        var company = new CompanyProfile { Name = "Globex", Industry = "Manufacturing", Employees = 3000, Country = "US", Technologies = [] };

        var result = Profile.Evaluate(company);

        Assert.Same(IcpTier.Tier2, result.Tier);
        var tier1 = result.CheckedTiers[0];
        Assert.Same(IcpTier.Tier1, tier1.Tier);
        Assert.Equal(
            [
                "The industry 'Manufacturing' is not one of 'Software'.",
                "The number of employees 3000 is outside [200, 2000].",
                "The country 'US' is not one of 'DE', 'AT', 'CH'.",
                "Does not use required technology 'HubSpot'.",
            ],
            tier1.Criteria.Select(c => c.Explanation));
    }

    [Fact]
    public void Evaluate_UnknownFact_IsNotMetAndSaysItIsUnknown()
    {
        var result = Profile.Evaluate(new CompanyProfile { Name = "Initech", Technologies = [] });

        Assert.Same(IcpTier.NotIcp, result.Tier);
        Assert.False(result.IsNegative);
        Assert.Equal("'Initech' meets the criteria of no tier.", result.Summary);
        Assert.Equal("The industry is unknown; accepted: 'Software'.", result.CheckedTiers[0].Criteria[0].Explanation);
        Assert.Equal("The number of employees is unknown; accepted: [200, 2000].", result.CheckedTiers[0].Criteria[1].Explanation);
    }

    [Fact]
    public void Evaluate_ExcludedCompany_IsNegativeIcp()
    {
        var result = Profile.Evaluate(new CompanyProfile { Name = "Rival", Industry = "Marketing Software", Employees = 500, Country = "DE", Technologies = ["HubSpot"] });

        Assert.Same(IcpTier.NotIcp, result.Tier);
        Assert.True(result.IsNegative);
        Assert.Equal(["Competitors"], result.MatchedExclusions);
        Assert.Equal("'Rival' is excluded by 'Competitors': negative ICP.", result.Summary);
    }

    [Fact]
    public void Constructor_InvalidProfile_ReportsEveryProblemWithItsPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new IdealCustomerProfile(
            " ",
            [
                new IcpTierDefinition(IcpTier.NotIcp, new FirmographicCriteria()),
                new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria { RequiredTechnologies = ["SAP"], ExcludedTechnologies = ["sap"] }),
                new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria()),
            ],
            [new IcpExclusion("Everyone", new FirmographicCriteria()), new IcpExclusion("everyone", new FirmographicCriteria { Countries = ["KP"] })]));

        Assert.Equal(
            """
            The ideal customer profile ' ' is invalid (6 problems); fix every problem listed and load it again:
            - $.name: The profile needs a name.
            - $.tiers[0].tier: NotIcp cannot be defined: it is what a company is when it meets no tier.
            - $.tiers[1].criteria: The technology 'SAP' is both required and excluded, so no company can meet the criteria.
            - $.tiers[2].tier: Tier2 is defined more than once; merge the definitions.
            - $.exclusions[0].criteria: The exclusion sets no criterion, so it would exclude every company; set at least one.
            - $.exclusions[1].name: The exclusion name 'everyone' is used more than once.
            """.ReplaceLineEndings("\n"),
            error.Message);
        Assert.Equal(6, error.Problems.Count);
        Assert.Equal("ideal customer profile ' '", error.Definition);
    }

    [Fact]
    public void Constructor_NoTier_SaysToDefineTier1()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new IdealCustomerProfile("Empty", []));
        Assert.Equal(
            "The ideal customer profile 'Empty' is invalid (1 problem); fix every problem listed and load it again:\n- $.tiers: The profile defines no tier; define at least Tier 1.",
            error.Message);
    }

    [Fact]
    public void Tiers_AreOrderedBestFirstWhateverTheInputOrder()
    {
        var profile = new IdealCustomerProfile(
            "Reversed",
            [new IcpTierDefinition(IcpTier.Tier3, new FirmographicCriteria()), new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Countries = ["DE"] })]);

        Assert.Equal([IcpTier.Tier1, IcpTier.Tier3], profile.Tiers.Select(t => t.Tier));
        Assert.Same(IcpTier.Tier1, profile.Evaluate(new CompanyProfile { Name = "Acme", Country = "de", Technologies = [] }).Tier);
        Assert.Same(IcpTier.Tier3, profile.Evaluate(new CompanyProfile { Name = "Acme", Country = "US", Technologies = [] }).Tier);
    }

    [Property(MaxTest = 300)]
    public Property CompanyMeetingAllTier1Criteria_IsNeverRankedLower() =>
        Prop.ForAll(Generators.Profiles().ToArbitrary(), Generators.Companies().ToArbitrary(), (profile, company) =>
        {
            var tier1 = profile.Tiers.FirstOrDefault(t => t.Tier == IcpTier.Tier1);
            var meetsTier1 = tier1 is not null && tier1.Criteria.Evaluate(company).All(r => r.IsMet);
            var excluded = profile.Exclusions.Any(e => e.Criteria.Evaluate(company).All(r => r.IsMet));
            var result = profile.Evaluate(company);
            return (!meetsTier1 || excluded || result.Tier == IcpTier.Tier1)
                .Label("Tier 1 company ranked " + result.Tier.Name)
                .Classify(meetsTier1, "meets Tier 1");
        });

    [Property(MaxTest = 300)]
    public Property AnyMatchedExclusion_YieldsNegativeNotIcp() =>
        Prop.ForAll(Generators.Profiles().ToArbitrary(), Generators.Companies().ToArbitrary(), (profile, company) =>
        {
            var excluded = profile.Exclusions.Any(e => e.Criteria.Evaluate(company).All(r => r.IsMet));
            var result = profile.Evaluate(company);
            return (excluded == result.IsNegative && (!excluded || result.Tier == IcpTier.NotIcp))
                .Classify(excluded, "excluded");
        });

    [Property(MaxTest = 300)]
    public Property TheChosenTier_MeetsAllItsCriteria_AndEveryBetterTierFailsOne() =>
        Prop.ForAll(Generators.Profiles().ToArbitrary(), Generators.Companies().ToArbitrary(), (profile, company) =>
        {
            var result = profile.Evaluate(company);
            if (result.IsNegative)
            {
                return true;
            }

            var better = result.CheckedTiers.Where(t => t.Tier != result.Tier);
            var chosen = result.CheckedTiers.Where(t => t.Tier == result.Tier);
            return better.All(t => t.Criteria.Any(c => !c.IsMet)) && chosen.All(t => t.Criteria.All(c => c.IsMet));
        });
}
