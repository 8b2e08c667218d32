
namespace SalesGlossary.Domain.Tests.Deals;

public class PipelineTests
{
    [Fact]
    public void Default_HasTheArticlesStages()
    {
        Assert.Equal(
            ["Discovery / meeting booked 20", "Create proposal 40", "Present proposal 60", "Closed won 100", "Closed lost 0", "On hold 0"],
            Pipeline.Default.Stages.Select(s => s.Name + " " + s.Probability));
    }

    [Fact]
    public void Invalid_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new Pipeline(
            "Broken",
            [
                new DealStage("Qualify", 50, DealStageKind.Open, ForecastCategory.Pipeline),
                new DealStage("Quote", 30, DealStageKind.Open, ForecastCategory.BestCase),
                new DealStage("Quote", 120, DealStageKind.Open, ForecastCategory.Commit),
                new DealStage("Won", 90, DealStageKind.Won, ForecastCategory.Closed),
                new DealStage("Won again", 100, DealStageKind.Won, ForecastCategory.Closed),
            ],
            new PipelineRules { StartStages = ["Won"] }));

        Assert.Equal(
            """
            The pipeline 'Broken' is invalid (7 problems); fix every problem listed and load it again:
            - $.stages[1].probability: The open stage 'Quote' (30 %) comes after 'Qualify' (50 %); open stages must not decrease.
            - $.stages[2].name: The stage name 'Quote' is used more than once.
            - $.stages[2].probability: The probability of 'Quote' must be between 0 and 100 %; it is 120 %.
            - $.stages[3].probability: The won stage 'Won' must have a probability of 100 %; it has 90 %.
            - $.stages: The pipeline must have exactly one won stage; it has 2.
            - $.stages: The pipeline must have at least one lost stage.
            - $.rules.startStages[0]: Deals can start only in an open stage of the pipeline; 'Won' is not one.
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Mermaid_ShowsEveryStageAndGuard()
    {
        var graph = Pipeline.Default.ToMermaidGraph();
        Assert.All(Pipeline.Default.Stages, s => Assert.Contains(s.Name, graph, StringComparison.Ordinal));
        Assert.Contains("the pipeline lets deals move back, with a reason", graph, StringComparison.Ordinal);
        Assert.Contains("a lost reason is given", graph, StringComparison.Ordinal);
        Assert.StartsWith("digraph", Pipeline.Default.ToDotGraph(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_UsesPlainIdsAndTheStageNamesAsLabels()
    {
        var lines = Pipeline.Default.ToMermaidGraph().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Contains("Discoverymeetingbooked : Discovery / meeting booked", lines);
        Assert.Contains("Discoverymeetingbooked --> Createproposal : MoveTo [the next open stage]", lines);
        var ids = lines.Skip(1).Where(l => !l.StartsWith("state ", StringComparison.Ordinal) && !l.StartsWith("[*]", StringComparison.Ordinal))
            .SelectMany(l => l.Split(" : ")[0].Split(" --> "));
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9]+$", id));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Mermaid_DrawsOnlyTheMovesTheRulesAllow_AndNoDeadEnds(bool allowSkipping, bool allowMovingBack)
    {
        var pipeline = new Pipeline("P", Pipeline.Default.Stages, new PipelineRules { AllowSkipping = allowSkipping, AllowMovingBack = allowMovingBack });
        var lines = pipeline.ToMermaidGraph().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(allowSkipping, lines.Contains("Discoverymeetingbooked --> Presentproposal : MoveTo [the pipeline lets deals skip stages]"));
        Assert.Equal(allowMovingBack, lines.Contains("Createproposal --> Discoverymeetingbooked : MoveTo [the pipeline lets deals move back, with a reason]"));
        var decisions = lines.Where(l => l.EndsWith("<<choice>>", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToArray();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Equal(3, lines.Count(l => l.StartsWith(d + " --> ", StringComparison.Ordinal))));
        Assert.Contains("Decision2 --> Createproposal : Reopen [closed from 'Create proposal']", lines);
    }
}
