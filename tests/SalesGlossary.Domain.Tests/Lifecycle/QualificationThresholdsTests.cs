namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Thresholds say whether a score reaches MQL at each edge, compare by every value and refuse missing parts.</summary>
public class QualificationThresholdsTests
{
    private static readonly QualificationThresholds WithGroups = new QualificationThresholds(100m, 200m) { MqlGroups = [new GroupThreshold("fit", 40m)] };

    private static ContactScore Score(decimal total, decimal fit) => new()
    {
        Model = "lead-model",
        ModelVersion = "1",
        AsOf = DateTimeOffset.UnixEpoch,
        Total = total,
        Groups = [new ScorePart("fit", fit)],
    };

    [Fact]
    public void IsMqlReachedBy_TotalAtBelowAndAboveTheThreshold()
    {
        Assert.True(WithGroups.IsMqlReachedBy(Score(100m, 40m)));
        Assert.True(WithGroups.IsMqlReachedBy(Score(100.01m, 40m)));
        Assert.False(WithGroups.IsMqlReachedBy(Score(99.99m, 40m)));
    }

    [Fact]
    public void IsMqlReachedBy_GroupAtAndBelowItsMinimum()
    {
        Assert.True(WithGroups.IsMqlReachedBy(Score(150m, 40m)));
        Assert.False(WithGroups.IsMqlReachedBy(Score(150m, 39.99m)));
    }

    [Fact]
    public void IsMqlReachedBy_NullScore_IsAnArgumentErrorNamingIt()
    {
        Assert.Equal("score", Assert.Throws<ArgumentNullException>(() => WithGroups.IsMqlReachedBy(null!)).ParamName);
    }

    [Fact]
    public void Equals_ComparesEveryValue()
    {
        Assert.Equal(WithGroups, new QualificationThresholds(100m, 200m) { MqlGroups = [new GroupThreshold("fit", 40m)] });
        Assert.NotEqual(WithGroups, WithGroups with { Mql = 101m });
        Assert.NotEqual(WithGroups, WithGroups with { Sql = 201m });
        Assert.NotEqual(WithGroups, WithGroups with { Sql = null });
        Assert.NotEqual(WithGroups, WithGroups with { MqlGroups = [new GroupThreshold("fit", 41m)] });
        Assert.False(WithGroups.Equals(null));
    }

    [Fact]
    public void MqlGroups_Missing_AreRefused()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(100m) { MqlGroups = null! }, ConnectPolicy.Default));

        Assert.Equal(["$.thresholds.mqlGroups: The group minimums are missing; give an empty list when the total alone decides."], error.Problems.Select(p => p.ToString()));
    }
}
