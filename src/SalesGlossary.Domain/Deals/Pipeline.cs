using System.Globalization;
using Stateless.Graph;

namespace SalesGlossary.Domain;

/// <summary>Represents a deal pipeline: ordered stages with probabilities, kinds and forecast categories, and the rules deals follow.</summary>
/// <remarks>
/// A pipeline has open stages (in order, probabilities never decreasing), exactly one won stage (100 %), at least one lost
/// stage (0 %) and at most one on-hold stage. It is validated when built; every problem is reported at once with its path.
/// Lead types select their pipeline, so one agreement can have several (for example equipment sales and maintenance services).
/// </remarks>
public sealed record Pipeline
{
    /// <summary>Initializes a new pipeline and validates it.</summary>
    /// <param name="name">The pipeline's name.</param>
    /// <param name="stages">The stages in order: open stages first as deals progress, then the closed and on-hold stages.</param>
    /// <param name="rules">What deals may do; <see langword="null"/> for the defaults of <see cref="PipelineRules"/>.</param>
    /// <exception cref="DefinitionValidationException">The pipeline is invalid; every problem is listed with its JSON path.</exception>
    public Pipeline(string name, IReadOnlyList<DealStage> stages, PipelineRules? rules = null)
    {
        Name = name;
        Stages = stages?.ToArray() ?? [];
        Rules = rules ?? new PipelineRules();
        Validate();
        OpenStages = [.. Stages.Where(s => s.Kind == DealStageKind.Open)];
        Won = Stages.Single(s => s.Kind == DealStageKind.Won);
        Lost = [.. Stages.Where(s => s.Kind == DealStageKind.Lost)];
        OnHold = Stages.SingleOrDefault(s => s.Kind == DealStageKind.OnHold);
        StartStages = Rules.StartStages is { Count: > 0 } starts ? [.. starts.Select(Stage)] : [OpenStages[0]];
        Machines = new MachinePool<DealMachine>(() => new DealMachine(this, drawing: false));
    }

    /// <summary>Gets the pipeline of the source article: Discovery / meeting booked (20 %), Create proposal (40 %), Present proposal (60 %), Closed won, Closed lost and On hold.</summary>
    /// <remarks>Probabilities follow HubSpot's default pipeline; deals may move back with a reason, not skip stages.</remarks>
    public static Pipeline Default { get; } = new(
        "Default",
        [
            new DealStage("Discovery / meeting booked", 20, DealStageKind.Open, ForecastCategory.Pipeline),
            new DealStage("Create proposal", 40, DealStageKind.Open, ForecastCategory.Pipeline),
            new DealStage("Present proposal", 60, DealStageKind.Open, ForecastCategory.BestCase),
            new DealStage("Closed won", 100, DealStageKind.Won, ForecastCategory.Closed),
            new DealStage("Closed lost", 0, DealStageKind.Lost, ForecastCategory.Omitted),
            new DealStage("On hold", 0, DealStageKind.OnHold, ForecastCategory.Omitted),
        ]);

    /// <summary>Gets the pipeline's name.</summary>
    public string Name { get; }

    /// <summary>Gets every stage, in order.</summary>
    public IReadOnlyList<DealStage> Stages { get; private init => field = ValueList<DealStage>.From(value); }

    /// <summary>Gets what deals may do.</summary>
    public PipelineRules Rules { get; }

    /// <summary>Gets the open stages, in the order deals progress through them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DealStage> OpenStages { get; private init => field = ValueList<DealStage>.From(value); }

    /// <summary>Gets the won stage.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DealStage Won { get; }

    /// <summary>Gets the lost stages.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DealStage> Lost { get; private init => field = ValueList<DealStage>.From(value); }

    /// <summary>Gets the on-hold stage, or <see langword="null"/> when the pipeline has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DealStage? OnHold { get; }

    /// <summary>Gets the stages a deal may start in.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DealStage> StartStages { get; private init => field = ValueList<DealStage>.From(value); }

    /// <summary>Gets a stage by name.</summary>
    /// <param name="name">The stage's name (case-sensitive).</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentException">The pipeline has no stage of that name; the message lists its stages.</exception>
    public DealStage Stage(string name) =>
        Find(name)
        ?? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"The pipeline '{Name}' has no stage '{name}'. Its stages: {string.Join(", ", Stages.Select(s => "'" + s.Name + "'"))}."),
            nameof(name));

    /// <summary>Draws the pipeline's deal machine as a Mermaid state diagram, with every guard described.</summary>
    /// <returns>The diagram in Mermaid's <c>stateDiagram-v2</c> syntax.</returns>
    public string ToMermaidGraph()
    {
        // Stateless names a state by its text without spaces; Mermaid ids must be plain words, so
        // "Discovery / meeting booked" becomes the id Discoverymeetingbooked with its full name as the label.
        var graph = MermaidGraph.Format(new DealMachine(this, drawing: true).Machine.GetInfo());
        foreach (var stage in Stages.OrderByDescending(s => s.Name.Length))
        {
            var raw = stage.Name.Replace(" ", string.Empty, StringComparison.Ordinal);
            var id = new string([.. raw.Where(char.IsAsciiLetterOrDigit)]);
            if (id != raw)
            {
                graph = System.Text.RegularExpressions.Regex.Replace(graph, @"(?<=^|\s)" + System.Text.RegularExpressions.Regex.Escape(raw) + @"(?=\s|$)", id, System.Text.RegularExpressions.RegexOptions.Multiline);
            }
        }

        return graph;
    }

    /// <summary>Draws the pipeline's deal machine as a Graphviz DOT graph.</summary>
    /// <returns>The graph in DOT syntax.</returns>
    public string ToDotGraph() => UmlDotGraph.Format(new DealMachine(this, drawing: true).Machine.GetInfo());

    /// <summary>Gets the pipeline's own pool of configured deal machines.</summary>
    internal MachinePool<DealMachine> Machines { get; }

    private DealStage? Find(string name)
    {
        foreach (var stage in Stages)
        {
            if (string.Equals(stage.Name, name, StringComparison.Ordinal))
            {
                return stage;
            }
        }

        return null;
    }

    internal int IndexOfOpen(DealStage stage) => OpenStages.ToList().IndexOf(stage);

    private void Validate()
    {
        var problems = new ValidationCollector();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("$.name", "The pipeline needs a name.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        decimal? lastOpen = null;
        string? lastOpenName = null;
        for (var i = 0; i < Stages.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.stages[{i}]");
            var stage = Stages[i];
            if (stage is null || stage.Kind is null || stage.Forecast is null || string.IsNullOrWhiteSpace(stage.Name))
            {
                problems.Add(path, "The stage is incomplete: name, kind and forecast are required.");
                continue;
            }

            if (!names.Add(stage.Name))
            {
                problems.Add(path + ".name", $"The stage name '{stage.Name}' is used more than once.");
            }

            if (stage.Probability is < 0 or > 100)
            {
                problems.Add(path + ".probability", $"The probability of '{stage.Name}' must be between 0 and 100 %; it is {stage.Probability} %.");
            }
            else if (stage.Kind == DealStageKind.Won && stage.Probability != 100)
            {
                problems.Add(path + ".probability", $"The won stage '{stage.Name}' must have a probability of 100 %; it has {stage.Probability} %.");
            }
            else if (stage.Kind == DealStageKind.Lost && stage.Probability != 0)
            {
                problems.Add(path + ".probability", $"The lost stage '{stage.Name}' must have a probability of 0 %; it has {stage.Probability} %.");
            }

            if (stage.Kind == DealStageKind.Open)
            {
                if (lastOpen is { } previous && stage.Probability < previous)
                {
                    problems.Add(path + ".probability", $"The open stage '{stage.Name}' ({stage.Probability} %) comes after '{lastOpenName}' ({previous} %); open stages must not decrease.");
                }

                lastOpen = stage.Probability;
                lastOpenName = stage.Name;
            }
        }

        var complete = Stages.Where(s => s?.Kind is not null).ToArray();
        if (!complete.Any(s => s.Kind == DealStageKind.Open))
        {
            problems.Add("$.stages", "The pipeline has no open stage; deals need at least one stage to be worked in.");
        }

        var won = complete.Count(s => s.Kind == DealStageKind.Won);
        if (won != 1)
        {
            problems.Add("$.stages", $"The pipeline must have exactly one won stage; it has {won}.");
        }

        if (!complete.Any(s => s.Kind == DealStageKind.Lost))
        {
            problems.Add("$.stages", "The pipeline must have at least one lost stage.");
        }

        if (complete.Count(s => s.Kind == DealStageKind.OnHold) > 1)
        {
            problems.Add("$.stages", "The pipeline may have at most one on-hold stage.");
        }

        var starts = Rules.StartStages ?? [];
        for (var i = 0; i < starts.Count; i++)
        {
            var start = complete.FirstOrDefault(s => s.Name == starts[i]);
            if (start is null || start.Kind != DealStageKind.Open)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.rules.startStages[{i}]"), $"Deals can start only in an open stage of the pipeline; '{starts[i]}' is not one.");
            }
        }

        problems.ThrowIfAny("pipeline '" + Name + "'");
    }

    /// <summary>Compares name, stages (item by item) and rules; everything else follows from them.</summary>
    /// <param name="other">The other pipeline.</param>
    /// <returns>Whether both define the same pipeline.</returns>
    public bool Equals(Pipeline? other) =>
        other is not null && Name == other.Name && Stages.Equals(other.Stages) && Rules.Equals(other.Rules);

    /// <summary>Combines name, stages and rules; equal pipelines have equal hash codes.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Name, Stages, Rules);
}
