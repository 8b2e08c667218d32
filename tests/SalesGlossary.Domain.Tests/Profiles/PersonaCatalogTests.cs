using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Profiles;

public class PersonaCatalogTests
{
    private static readonly BuyerPersona MarketingMary = new()
    {
        Name = "Marketing Mary",
        Role = "Head of marketing",
        Seniority = Seniority.Director,
        Department = "Marketing",
        Goals = ["More qualified pipeline"],
        Pains = ["Sales ignores her leads"],
        PreferredChannels = [ConnectChannel.Email],
        JobTitleKeywords = ["marketing", "demand generation", "CMO"],
    };

    private static readonly BuyerPersona SalesSam = new()
    {
        Name = "Sales Sam",
        Role = "Head of sales",
        Seniority = Seniority.VicePresident,
        Department = "Sales",
        Goals = ["Hit quota"],
        Pains = ["Poor lead quality"],
        PreferredChannels = [ConnectChannel.Phone],
        JobTitleKeywords = ["sales", "revenue", "CRO"],
    };

    private static readonly PersonaCatalog Catalog = new([MarketingMary, SalesSam]);

    [Fact]
    public void Match_KeywordsDepartmentAndSeniority_ChoosesTheBestPersonaWithTheReason()
    {
        var match = Catalog.Match(new ContactProfile { JobTitle = "Director, Demand Generation & Marketing", Department = "marketing", Seniority = Seniority.Director });

        Assert.Same(MarketingMary, match.Persona);
        Assert.Equal(28, match.Score);
        Assert.Equal(["demand generation", "marketing"], match.MatchedKeywords);
        Assert.Equal(
            "'Marketing Mary' scores 28: the job title 'Director, Demand Generation & Marketing' matches 'demand generation', 'marketing'; the department 'Marketing' matches; the seniority 'Director' matches.",
            match.Reason);
    }

    [Fact]
    public void Match_KeywordMustBeAWholeWord()
    {
        var match = Catalog.Match(new ContactProfile { JobTitle = "Salesforce administrator" });

        Assert.False(match.IsMatch);
        Assert.Equal("The job title 'Salesforce administrator' contains no persona's keywords.", match.Reason);
    }

    [Fact]
    public void Match_UnknownTitle_MatchesNoneAndSaysWhy()
    {
        var match = Catalog.Match(new ContactProfile { Department = "Sales", Seniority = Seniority.VicePresident });

        Assert.Null(match.Persona);
        Assert.Equal(0, match.Score);
        Assert.Equal("The job title is unknown, so no persona can be matched.", match.Reason);
    }

    [Fact]
    public void Match_Tie_GoesToTheNameThatSortsFirst()
    {
        var catalog = new PersonaCatalog([SalesSam, MarketingMary]);

        var match = catalog.Match(new ContactProfile { JobTitle = "VP Sales and Marketing" });

        Assert.Same(MarketingMary, match.Persona);
        Assert.Equal(10, match.Score);
    }

    [Fact]
    public void Constructor_DuplicateNames_AreReportedWithTheirPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new PersonaCatalog([MarketingMary, SalesSam, MarketingMary with { }]));
        Assert.Equal(
            "The persona catalog is invalid (1 problem); fix every problem listed and load it again:\n- $.personas[2].name: The persona name 'Marketing Mary' is used more than once; names identify personas.",
            error.Message);
    }

    [Fact]
    public void BuyerPersona_WithoutKeywords_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new BuyerPersona { Name = "Nobody", Role = "None", JobTitleKeywords = [] });
        Assert.Equal("A persona needs at least one job-title keyword in 'JobTitleKeywords'; without one no contact can be matched to it. (Parameter 'JobTitleKeywords')", error.Message);
    }

    [Property(MaxTest = 300)]
    public Property Match_IsDeterministic_AndIndependentOfKeywordAndPersonaOrder() =>
        Prop.ForAll(
            Gen.ListOf(Generators.Personas()).Select(p => p.DistinctBy(x => x.Name).ToArray()).ToArbitrary(),
            Generators.Contacts().ToArbitrary(),
            (personas, contact) =>
            {
                var reordered = personas
                    .Reverse()
                    .Select(p => new BuyerPersona { Name = p.Name, Role = p.Role, Seniority = p.Seniority, Department = p.Department, Goals = p.Goals, Pains = p.Pains, PreferredChannels = p.PreferredChannels, JobTitleKeywords = [.. p.JobTitleKeywords.Reverse()] })
                    .ToArray();
                var first = new PersonaCatalog(personas).Match(contact);
                var again = new PersonaCatalog(personas).Match(contact);
                var other = new PersonaCatalog(reordered).Match(contact);
                return (first.Persona?.Name == again.Persona?.Name && first.Reason == again.Reason
                        && first.Persona?.Name == other.Persona?.Name && first.Score == other.Score
                        && first.MatchedKeywords.SequenceEqual(other.MatchedKeywords) && first.Reason == other.Reason)
                    .Classify(first.IsMatch, "matched");
            });

    [Property(MaxTest = 300)]
    public Property Match_NoPersonaScoresHigherThanTheChosenOne() =>
        Prop.ForAll(
            Gen.ListOf(Generators.Personas()).Select(p => p.DistinctBy(x => x.Name).ToArray()).ToArbitrary(),
            Generators.Contacts().ToArbitrary(),
            (personas, contact) =>
            {
                var best = new PersonaCatalog(personas).Match(contact);
                return personas.All(p =>
                {
                    var alone = new PersonaCatalog([p]).Match(contact);
                    return !alone.IsMatch || (best.IsMatch && alone.Score <= best.Score);
                });
            });
}
