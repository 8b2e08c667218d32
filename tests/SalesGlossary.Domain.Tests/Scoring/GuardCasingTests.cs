
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Case mapping in rules goes through the library's fixed table, so it cannot depend on the host's ICU version or on
/// invariant-globalization mode (the child-process check is in <see cref="GuardHostIndependenceTests"/>).
/// </summary>
public class GuardCasingTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static LeadFacts Lead(string title) => new LeadFacts { Id = "L-1", Email = "a@b.c", JobTitle = title, Activities = [] };

    [Fact]
    public void TheTable_AgreesWithTheInvariantMappingWhereverItMaps_AndLeavesEveryOtherCharacterAlone()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var upper = FixedCasing.UpperOf(c);
            var lower = FixedCasing.LowerOf(c);
            if (upper != c)
            {
                Assert.True(upper == char.ToUpperInvariant(c), $"U+{(int)c:X4}: table {(int)upper:X4}, invariant {(int)char.ToUpperInvariant(c):X4}");
                Assert.True(c <= '\u045F', $"U+{(int)c:X4} is outside the table's blocks");
            }

            if (lower != c)
            {
                Assert.True(lower == char.ToLowerInvariant(c), $"U+{(int)c:X4}: table {(int)lower:X4}, invariant {(int)char.ToLowerInvariant(c):X4}");
                Assert.True(c <= '\u045F', $"U+{(int)c:X4} is outside the table's blocks");
            }
        }
    }

    [Theory]
    [InlineData('a', 'A')]
    [InlineData('z', 'Z')]
    [InlineData('ä', 'Ä')]
    [InlineData('ÿ', 'Ÿ')]
    [InlineData('ł', 'Ł')]
    [InlineData('ž', 'Ž')]
    [InlineData('ω', 'Ω')]
    [InlineData('ς', 'Σ')]
    [InlineData('я', 'Я')]
    [InlineData('ё', 'Ё')]
    public void TheTable_MapsTheLettersOfItsBlocks(char lower, char upper)
    {
        Assert.Equal(upper, FixedCasing.UpperOf(lower));
        Assert.Equal(lower == 'ς' ? 'σ' : lower, FixedCasing.LowerOf(upper));
    }

    [Theory]
    [InlineData('\u0264')]
    [InlineData('\uA7CB')]
    [InlineData('\u019B')]
    [InlineData('\uA7DC')]
    [InlineData('ß')]
    [InlineData('ı')]
    [InlineData('İ')]
    [InlineData('ſ')]
    [InlineData('µ')]
    [InlineData('\u10D0')]
    public void TheTable_LeavesCharactersWhoseMappingCouldDifferBetweenHosts(char c)
    {
        Assert.Equal(c, FixedCasing.UpperOf(c));
        Assert.Equal(c, FixedCasing.LowerOf(c));
    }

    [Theory]
    [InlineData("lead.JobTitle.ToUpper() == \"ÄÖÜ STRAßE\"", "äöü straße", true)]
    [InlineData("lead.JobTitle.ToLowerInvariant() == \"äöü straße\"", "ÄÖÜ STRAßE", true)]
    [InlineData("lead.JobTitle.ToUpper() == \"\uA7CB\"", "\u0264", false)]
    [InlineData("lead.JobTitle.ToUpperInvariant() == \"\u0264\"", "\u0264", true)]
    [InlineData("lead.JobTitle.ToLower() == \"\u0264\"", "\uA7CB", false)]
    [InlineData("lead.JobTitle.ToLower() == \"vp ınsıde\"", "VP INSIDE", false)]
    [InlineData("lead.JobTitle.ToLower() == \"vp inside\"", "VP INSIDE", true)]
    public void Rules_MapCaseByTheTable(string expression, string title, bool matches)
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule(expression));

        Assert.Equal(matches ? 10m : 0m, model.Score(Lead(title), Now).Total);
    }

    [Fact]
    public void CaseMappingOfNull_FailsTheRuleAsTheInstanceCallDoes()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("lead.JobTitle.ToUpper() == \"X\""));

        var score = model.Score(new LeadFacts { Id = "L-1", Activities = [] }, Now);

        Assert.StartsWith("NullReferenceException", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }
}
