namespace SalesGlossary.Domain.Tests.Profiles;

/// <summary>The profile types' argument checks, the texts of their smart enums, and the edges of persona matching.</summary>
public class ProfileGuardEdgeTests
{
    /// <summary>A persona whose keywords are one word and two words; the profile tests share it.</summary>
    internal static readonly BuyerPersona Mary = new()
    {
        Name = "Marketing Mary",
        Role = "Head of marketing",
        Seniority = Seniority.Director,
        Department = "Marketing",
        Goals = ["Pipeline"],
        Pains = ["Lead quality"],
        PreferredChannels = [ConnectChannel.Email],
        JobTitleKeywords = ["CMO", "demand generation"],
    };

    [Fact]
    public void Match_NullContact_ThrowsNamingTheContact() =>
        Assert.Equal("contact", Assert.Throws<ArgumentNullException>(() => new PersonaCatalog([Mary]).Match(null!)).ParamName);

    [Fact]
    public void Evaluate_NullCompany_ThrowsNamingTheCompany() =>
        Assert.Equal(
            "company",
            Assert.Throws<ArgumentNullException>(() => new IdealCustomerProfile("ICP", [new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Countries = ["DE"] })], []).Evaluate(null!)).ParamName);

    [Fact]
    public void Infer_NullActivities_ThrowsNamingThem() =>
        Assert.Equal("activities", Assert.Throws<ArgumentNullException>(() => BuyerJourney.Infer(null!, DateTimeOffset.UnixEpoch, TimeSpan.FromDays(1))).ParamName);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Infer_WindowNotPositive_ThrowsSayingItMustBePositive(long ticks)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BuyerJourney.Infer([], DateTimeOffset.UnixEpoch, TimeSpan.FromTicks(ticks)));

        Assert.Equal("window", error.ParamName);
        Assert.StartsWith("The window must be positive.", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromTicks(ticks), error.ActualValue);
    }

    [Fact]
    public void Infer_WindowOfOneTick_IsAccepted() =>
        Assert.Null(BuyerJourney.Infer([], DateTimeOffset.UnixEpoch, TimeSpan.FromTicks(1)));

    [Fact]
    public void SmartEnums_CarryTheirTexts()
    {
        Assert.Equal("The buyer has chosen a solution approach and picks a vendor.", BuyerJourneyStage.Decision.Description);
        Assert.Equal("Not ICP", IcpTier.NotIcp.DisplayName);
        Assert.Equal("Executive", Seniority.Executive.DisplayName);
    }

    [Fact]
    public void Match_TitleThatIsExactlyAKeyword_Matches()
    {
        var match = new PersonaCatalog([Mary]).Match(new ContactProfile { JobTitle = "CMO" });

        Assert.Same(Mary, match.Persona);
        Assert.Equal(["cmo"], match.MatchedKeywords); // keywords are kept as lower-case words
    }

    [Fact]
    public void Match_TitleThatIsExactlyATwoWordKeyword_Matches() =>
        Assert.Equal(["demand generation"], new PersonaCatalog([Mary]).Match(new ContactProfile { JobTitle = "Demand Generation" }).MatchedKeywords);

    [Fact]
    public void Match_TitleShorterThanAKeyword_DoesNotMatchIt() =>
        Assert.False(new PersonaCatalog([Mary]).Match(new ContactProfile { JobTitle = "Demand" }).IsMatch);

    [Fact]
    public void Match_NoPersonaMatches_ReportsNeitherDepartmentNorSeniority()
    {
        // The department and the seniority are Mary's, but without a keyword no persona matches, and the result says so.
        var match = new PersonaCatalog([Mary]).Match(new ContactProfile { JobTitle = "Engineer", Department = "Marketing", Seniority = Seniority.Director });

        Assert.Null(match.Persona);
        Assert.False(match.DepartmentMatched);
        Assert.False(match.SeniorityMatched);
        Assert.Equal(0, match.Score);
        Assert.Empty(match.MatchedKeywords);
    }
}
