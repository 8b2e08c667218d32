using System.Globalization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Each limit of <see cref="ScoringLimits"/> and each option of <see cref="BulkScoringOptions"/> at its edges: the
/// smallest and largest value accepted, and one past each refused with its path and the exact reason.
/// </summary>
public class ScoringLimitsTests
{
    /// <summary>Each limit with the smallest and the largest value it accepts.</summary>
    public static TheoryData<string, long, long> Ranges => new()
    {
        { "maxDocumentLength", 1, int.MaxValue },
        { "maxRules", 1, 100_000 },
        { "maxExpressionLength", 1, ScoringLimits.HardMaxExpressionLength },
        { "maxTokensPerExpression", 1, ScoringLimits.HardMaxTokensPerExpression },
        { "maxTokensPerModel", 1, ScoringLimits.HardMaxTokensPerModel },
        { "maxNestingDepth", 1, ScoringLimits.HardMaxNestingDepth },
        { "maxLambdaDepth", 0, 8 },
        { "maxActivitiesPerLead", 0, int.MaxValue },
        { "maxWorkPerRule", 1_000, ScoringLimits.HardMaxWorkPerRule },
        { "maxBuiltTextLength", 1, ScoringLimits.HardMaxBuiltTextLength },
    };

    private static ScoringLimits With(string limit, long value) => limit switch
    {
        "maxDocumentLength" => new ScoringLimits { MaxDocumentLength = checked((int)value) },
        "maxRules" => new ScoringLimits { MaxRules = checked((int)value) },
        "maxExpressionLength" => new ScoringLimits { MaxExpressionLength = checked((int)value) },
        "maxTokensPerExpression" => new ScoringLimits { MaxTokensPerExpression = checked((int)value) },
        "maxTokensPerModel" => new ScoringLimits { MaxTokensPerModel = checked((int)value) },
        "maxNestingDepth" => new ScoringLimits { MaxNestingDepth = checked((int)value) },
        "maxLambdaDepth" => new ScoringLimits { MaxLambdaDepth = checked((int)value) },
        "maxActivitiesPerLead" => new ScoringLimits { MaxActivitiesPerLead = checked((int)value) },
        "maxWorkPerRule" => new ScoringLimits { MaxWorkPerRule = value },
        "maxBuiltTextLength" => new ScoringLimits { MaxBuiltTextLength = checked((int)value) },
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "no such limit"),
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Validate_EachLimitAtItsEdges_AcceptsTheRangeAndRefusesOnePastIt(string limit, long minimum, long maximum)
    {
        With(limit, minimum).Validate();
        With(limit, maximum).Validate();

        var below = Assert.Throws<DefinitionValidationException>(() => With(limit, minimum - 1).Validate());
        Assert.Equal("scoring limits", below.Definition);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"$.{limit}: The limit must be between {minimum} and {maximum}; it is {minimum - 1}."),
            Assert.Single(below.Problems).ToString());

        if (maximum < int.MaxValue)
        {
            var above = Assert.Throws<DefinitionValidationException>(() => With(limit, maximum + 1).Validate());
            Assert.Equal(
                string.Create(CultureInfo.InvariantCulture, $"$.{limit}: The limit must be between {minimum} and {maximum}; it is {maximum + 1}."),
                Assert.Single(above.Problems).ToString());
        }
    }

    [Fact]
    public void Validate_SeveralLimitsOutOfRange_AreAllReportedInOrder()
    {
        var limits = new ScoringLimits { MaxRules = 0, MaxLambdaDepth = 9, MaxWorkPerRule = 999 };

        var error = Assert.Throws<DefinitionValidationException>(limits.Validate);

        Assert.Equal(["$.maxRules", "$.maxLambdaDepth", "$.maxWorkPerRule"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Load_LimitOutOfRange_IsRefusedBeforeTheDocumentIsRead()
    {
        var error = Assert.Throws<DefinitionValidationException>(() =>
            LeadScoringModel.Load(LeadScoringModel.SampleJson, new ScoringLimits { MaxWorkPerRule = ScoringLimits.HardMaxWorkPerRule + 1 }));

        Assert.Equal("$.maxWorkPerRule: The limit must be between 1000 and 1000000000; it is 1000000001.", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Default_HasTheDocumentedValues_AndMetersRules()
    {
        var limits = ScoringLimits.Default;

        Assert.Equal(
            (1_000_000, 1_000, 2_000, 500, 50_000, 32, 2, 10_000, 1_000_000L, 10_000),
            (limits.MaxDocumentLength, limits.MaxRules, limits.MaxExpressionLength, limits.MaxTokensPerExpression, limits.MaxTokensPerModel,
                limits.MaxNestingDepth, limits.MaxLambdaDepth, limits.MaxActivitiesPerLead, limits.MaxWorkPerRule, limits.MaxBuiltTextLength));
        Assert.True(limits.Metered);
        limits.Validate();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void BulkOptions_ParallelismOfAtLeastOne_IsAccepted(int parallelism)
    {
        new BulkScoringOptions { MaxDegreeOfParallelism = parallelism }.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void BulkOptions_ParallelismBelowOne_IsRefusedWithItsValue(int parallelism)
    {
        var error = Assert.Throws<DefinitionValidationException>(new BulkScoringOptions { MaxDegreeOfParallelism = parallelism }.Validate);

        Assert.Equal("bulk scoring options", error.Definition);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"$.maxDegreeOfParallelism: The degree of parallelism must be at least 1; it is {parallelism}."),
            Assert.Single(error.Problems).ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public void BulkOptions_BatchSizeInRange_IsAccepted(int batchSize)
    {
        new BulkScoringOptions { BatchSize = batchSize }.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public void BulkOptions_BatchSizeOutOfRange_IsRefusedWithItsValue(int batchSize)
    {
        var error = Assert.Throws<DefinitionValidationException>(new BulkScoringOptions { BatchSize = batchSize }.Validate);

        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"$.batchSize: The batch size must be between 1 and 1000000; it is {batchSize}."),
            Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void BulkOptions_BothOutOfRange_AreReportedTogether()
    {
        var error = Assert.Throws<DefinitionValidationException>(new BulkScoringOptions { MaxDegreeOfParallelism = 0, BatchSize = 0 }.Validate);

        Assert.Equal(["$.maxDegreeOfParallelism", "$.batchSize"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void BulkOptions_Default_UsesEveryProcessorAndBatchesOf4096()
    {
        Assert.Equal((Environment.ProcessorCount, 4096), (BulkScoringOptions.Default.MaxDegreeOfParallelism, BulkScoringOptions.Default.BatchSize));
        Assert.Null(BulkScoringOptions.Default.Progress);
    }
}
