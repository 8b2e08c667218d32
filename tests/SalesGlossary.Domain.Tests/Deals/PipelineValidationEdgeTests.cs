
namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>Each rule of a pipeline's validation at, below and above its limit.</summary>
public class PipelineValidationEdgeTests
{
    private static DealStage Open(string name, decimal probability) => new(name, probability, DealStageKind.Open, ForecastCategory.Pipeline);

    private static readonly DealStage Won = new("Won", 100, DealStageKind.Won, ForecastCategory.Closed);
    private static readonly DealStage Lost = new("Lost", 0, DealStageKind.Lost, ForecastCategory.Omitted);

    private static string[] Problems(IReadOnlyList<DealStage> stages, PipelineRules? rules = null, string name = "P")
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new Pipeline(name, stages, rules));
        return [.. error.Problems.Select(p => p.ToString())];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void OpenProbabilities_AtTheLimits_AreAccepted(int probability)
    {
        var pipeline = new Pipeline("P", [Open("Work", probability), Won, Lost]);
        Assert.Equal(probability, pipeline.OpenStages[0].Probability);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("100.1")]
    public void OpenProbabilities_BeyondTheLimits_AreRefused(string text)
    {
        var probability = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [$"$.stages[0].probability: The probability of 'Work' must be between 0 and 100 %; it is {text} %."],
            Problems([Open("Work", probability), Won, Lost]));
    }

    [Fact]
    public void EqualOpenProbabilities_AreAccepted_ADecreaseIsNot()
    {
        Assert.Equal(3, new Pipeline("P", [Open("A", 30), Open("B", 30), Open("C", 30.5m), Won, Lost]).OpenStages.Count);
        Assert.Equal(
            ["$.stages[2].probability: The open stage 'C' (29.9 %) comes after 'B' (30 %); open stages must not decrease."],
            Problems([Open("A", 10), Open("B", 30), Open("C", 29.9m), Won, Lost]));
    }

    [Fact]
    public void OnlyOpenStages_AreComparedForOrder()
    {
        var hold = new DealStage("Hold", 0, DealStageKind.OnHold, ForecastCategory.Omitted);
        var pipeline = new Pipeline("P", [Open("A", 50), hold, Open("B", 60), Won, Lost]);
        Assert.Equal(["A", "B"], pipeline.OpenStages.Select(s => s.Name));
        Assert.Same(hold, pipeline.OnHold);
    }

    [Fact]
    public void WonAndLostProbabilities_AreFixed()
    {
        Assert.Equal(
            [
                "$.stages[1].probability: The won stage 'Won' must have a probability of 100 %; it has 99 %.",
                "$.stages[2].probability: The lost stage 'Lost' must have a probability of 0 %; it has 1 %.",
            ],
            Problems([Open("A", 10), Won with { Probability = 99 }, Lost with { Probability = 1 }]));
    }

    [Fact]
    public void AMissingOpenWonOrLostStage_IsRefused_AndTwoOnHoldStagesAre()
    {
        var hold = new DealStage("Hold", 0, DealStageKind.OnHold, ForecastCategory.Omitted);
        Assert.Equal(
            [
                "$.stages: The pipeline has no open stage; deals need at least one stage to be worked in.",
                "$.stages: The pipeline must have exactly one won stage; it has 0.",
                "$.stages: The pipeline must have at least one lost stage.",
                "$.stages: The pipeline may have at most one on-hold stage.",
            ],
            Problems([hold, hold with { Name = "Hold 2" }]));
        Assert.NotNull(new Pipeline("P", [Open("A", 10), hold, Won, Lost]).OnHold);
        Assert.Null(new Pipeline("P", [Open("A", 10), Won, Lost]).OnHold);
    }

    [Fact]
    public void IncompleteStages_AndABlankName_AreRefused()
    {
        Assert.Equal(
            [
                "$.name: The pipeline needs a name.",
                "$.stages[1]: The stage is incomplete: name, kind and forecast are required.",
                "$.stages[2]: The stage is incomplete: name, kind and forecast are required.",
                "$.stages[3]: The stage is incomplete: name, kind and forecast are required.",
                "$.stages[4]: The stage is incomplete: name, kind and forecast are required.",
            ],
            Problems([Open("A", 10), null!, Open(" ", 20), Open("C", 30) with { Kind = null! }, Open("D", 30) with { Forecast = null! }, Won, Lost], name: " "));
        Assert.Contains("$.stages: The pipeline has no open stage; deals need at least one stage to be worked in.", Problems(null!));
    }

    [Fact]
    public void StartStages_MustBeOpenStagesOfThePipeline()
    {
        Assert.Equal(
            [
                "$.rules.startStages[0]: Deals can start only in an open stage of the pipeline; 'Nowhere' is not one.",
                "$.rules.startStages[2]: Deals can start only in an open stage of the pipeline; 'Lost' is not one.",
            ],
            Problems([Open("A", 10), Open("B", 20), Won, Lost], new PipelineRules { StartStages = ["Nowhere", "B", "Lost"] }));
        Assert.Equal(["A"], new Pipeline("P", [Open("A", 10), Open("B", 20), Won, Lost], new PipelineRules { StartStages = [] }).StartStages.Select(s => s.Name));
    }

    [Fact]
    public void Stage_IsFoundByItsExactName()
    {
        Assert.Equal("Create proposal", Pipeline.Default.Stage("Create proposal").Name);
        var error = Assert.Throws<ArgumentException>(() => Pipeline.Default.Stage("create proposal"));
        Assert.Equal("name", error.ParamName);
        Assert.Equal("Closed won", Pipeline.Default.Won.Name);
        Assert.Equal(["Closed lost"], Pipeline.Default.Lost.Select(s => s.Name));
        Assert.Equal("Create proposal", Pipeline.Default.Stage("Create proposal").ToString());
    }

    [Fact]
    public void Mermaid_KeepsIdsThatAreAlreadyPlain()
    {
        var pipeline = new Pipeline("P", [Open("Qualify", 10), Open("Propose", 50), Won, Lost]);
        var lines = pipeline.ToMermaidGraph().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("Qualify --> Propose : MoveTo [the next open stage]", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Qualify : ", StringComparison.Ordinal));
    }
}
