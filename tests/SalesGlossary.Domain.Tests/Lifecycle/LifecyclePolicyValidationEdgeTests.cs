
namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// The lifecycle policy refuses a requalification rule or thresholds that cannot work, with the path and exact message,
/// and accepts the values just inside each edge.
/// </summary>
public class LifecyclePolicyValidationEdgeTests
{
    private static readonly QualificationThresholds Thresholds = new(100m, 200m);

    private static LifecyclePolicy Policy(RequalificationRule? rule = null, QualificationThresholds? thresholds = null) =>
        new(new LifecycleDefinitions { Requalification = rule! }, thresholds ?? Thresholds, ConnectPolicy.Default);

    private static string Problem(Func<LifecyclePolicy> create) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => create()).Problems).ToString();

    [Fact]
    public void RequalificationRule_Missing_IsRefused()
    {
        Assert.Equal("$.requalification: The requalification rule is missing; say when a returned contact may qualify again (minimumNewPoints, coolOffDays or both).",
            Problem(() => Policy(rule: null)));
    }

    [Fact]
    public void RequalificationRule_WithoutAnyCondition_IsRefused()
    {
        Assert.Equal("$.requalification: The requalification rule states no condition; give minimumNewPoints, coolOffDays or both, or a returned contact qualifies again on its old score.",
            Problem(() => Policy(new RequalificationRule { MinimumNewPoints = null })));
    }

    [Fact]
    public void NewPoints_AtZero_AreRefused_AndJustAbove_Accepted()
    {
        Assert.Equal("$.requalification.minimumNewPoints: The new points must be above 0; they are 0.", Problem(() => Policy(new RequalificationRule { MinimumNewPoints = 0m })));
        Assert.Equal("$.requalification.minimumNewPoints: The new points must be above 0; they are -2.5.", Problem(() => Policy(new RequalificationRule { MinimumNewPoints = -2.5m })));
        Assert.Equal(0.01m, Policy(new RequalificationRule { MinimumNewPoints = 0.01m }).Definitions.Requalification.MinimumNewPoints);
    }

    [Fact]
    public void CoolOff_AtZero_IsRefused_AndOneTickLonger_Accepted()
    {
        Assert.Equal("$.requalification.coolOffDays: The cool-off must be longer than zero; it is 0 days.", Problem(() => Policy(new RequalificationRule { CoolOff = TimeSpan.Zero })));
        Assert.Equal("$.requalification.coolOffDays: The cool-off must be longer than zero; it is -1.5 days.", Problem(() => Policy(new RequalificationRule { CoolOff = TimeSpan.FromDays(-1.5) })));
        Assert.Equal(TimeSpan.FromTicks(1), Policy(new RequalificationRule { MinimumNewPoints = null, CoolOff = TimeSpan.FromTicks(1) }).Definitions.Requalification.CoolOff);
    }

    [Fact]
    public void Thresholds_Null_AreAnArgumentErrorNamingThem()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new LifecyclePolicy(new LifecycleDefinitions(), null!, ConnectPolicy.Default));

        Assert.Equal("thresholds", error.ParamName);
    }

    [Fact]
    public void GroupMinimum_WithoutAName_IsRefused()
    {
        Assert.Equal("$.thresholds.mqlGroups.[0]: A group threshold needs the group's name.", Problem(() => Policy(new RequalificationRule(), Thresholds with { MqlGroups = [null!] })));
    }

    [Fact]
    public void GroupMinimum_AtZero_IsRefused_AndJustAbove_Accepted()
    {
        Assert.Equal("$.thresholds.mqlGroups.fit: The minimum of group 'fit' must be above 0; it is 0.", Problem(() => Policy(new RequalificationRule(), Thresholds with { MqlGroups = [new GroupThreshold("fit", 0m)] })));
        Assert.Single(Policy(new RequalificationRule(), Thresholds with { MqlGroups = [new GroupThreshold("fit", 0.5m)] }).Thresholds.MqlGroups);
    }

    [Fact]
    public void GroupMinimum_GivenTwice_IsRefused()
    {
        Assert.Equal("$.thresholds.mqlGroups.fit: The group 'fit' has two minimums; give one.",
            Problem(() => Policy(new RequalificationRule(), Thresholds with { MqlGroups = [new GroupThreshold("fit", 10m), new GroupThreshold("engagement", 5m), new GroupThreshold("fit", 20m)] })));
    }
}
