using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a lead's score with everything that explains it; storable as a ledger entry.</summary>
/// <remarks>
/// The contributions add up to <see cref="Total"/> exactly. A rule that failed at run time for this lead (for example
/// by reading a null) is listed in <see cref="Errors"/>: never a silent zero. Serialize it with
/// <c>SalesGlossaryJson.Options</c> to keep a ledger; it reads back unchanged.
///  Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record LeadScore
{
    [JsonConstructor]
    internal LeadScore(string model, string modelVersion, DateTimeOffset asOf, decimal total, IReadOnlyList<GroupScore> groups, ScoreGrade? grade, IReadOnlyList<ScoreContribution> contributions, IReadOnlyList<string> handRaises, IReadOnlyList<ScoringError> errors)
    {
        Model = model;
        ModelVersion = modelVersion;
        AsOf = asOf;
        Total = total;
        Groups = groups;
        Grade = grade;
        Contributions = contributions;
        HandRaises = handRaises;
        Errors = errors;
    }

    /// <summary>Gets the name of the scoring model.</summary>
    public string Model { get; internal init; }

    /// <summary>Gets the version of the scoring model.</summary>
    public string ModelVersion { get; internal init; }

    /// <summary>Gets the instant the lead was scored as of; ages of activities are measured to it.</summary>
    public DateTimeOffset AsOf { get; internal init; }

    /// <summary>Gets the total score after group caps and the total cap.</summary>
    public decimal Total { get; internal init; }

    /// <summary>Gets each group's score before and after its cap.</summary>
    public IReadOnlyList<GroupScore> Groups { get; internal init => field = ValueList<GroupScore>.From(value); }

    /// <summary>Gets the grade (fit letter and engagement digit), or <see langword="null"/> when the model defines no grades.</summary>
    public ScoreGrade? Grade { get; internal init; }

    /// <summary>Gets every rule match that earned (or, when capped or over a daily maximum, would have earned) points.</summary>
    public IReadOnlyList<ScoreContribution> Contributions { get; internal init => field = ValueList<ScoreContribution>.From(value); }

    /// <summary>Gets the names of hand-raise rules that matched.</summary>
    public IReadOnlyList<string> HandRaises { get; internal init => field = ValueList<string>.From(value); }

    /// <summary>Gets the rules that failed for this lead, with the reason.</summary>
    public IReadOnlyList<ScoringError> Errors { get; internal init => field = ValueList<ScoringError>.From(value); }

    /// <summary>Gets a value indicating whether every rule ran without error for this lead.</summary>
    public bool IsComplete => Errors.Count == 0;

    /// <summary>Checks that a stored score (a ledger entry read back) is whole and adds up, before it is trusted.</summary>
    /// <returns>The same score, for chaining.</returns>
    /// <remarks>A tampered or truncated entry (contributions that do not add up to the total, a group above its cap, missing parts) is rejected with every problem and its path.</remarks>
    /// <exception cref="DefinitionValidationException">The score is inconsistent; every problem is listed.</exception>
    public LeadScore EnsureConsistent()
    {
        var problems = new ValidationCollector();
        if (string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(ModelVersion))
        {
            problems.Add("$.model", "The score does not name the model and version that computed it.");
        }

        if (Groups is null || Contributions is null || HandRaises is null || Errors is null || Groups.Any(g => g is null) || Contributions.Any(c => c is null))
        {
            problems.Add("$", "The score is incomplete: groups, contributions, hand-raises and errors are required.");
            problems.ThrowIfAny("stored lead score");
        }

        var contributed = Contributions!.Sum(c => c.Points);
        if (contributed != Total)
        {
            problems.Add("$.contributions", string.Create(CultureInfo.InvariantCulture, $"The contributions add up to {contributed}, not to the total {Total}."));
        }

        if (Groups!.Sum(g => g.Score) != Total)
        {
            problems.Add("$.groups", string.Create(CultureInfo.InvariantCulture, $"The groups add up to {Groups!.Sum(g => g.Score)}, not to the total {Total}."));
        }

        for (var i = 0; i < Groups!.Count; i++)
        {
            var g = Groups[i];
            if (g.Cap is { } cap && g.Score > cap)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.groups[{i}].score"), string.Create(CultureInfo.InvariantCulture, $"The group '{g.Group}' scores {g.Score}, above its cap {cap}."));
            }

            var members = Contributions!.Where(c => c.Group == g.Group).Sum(c => c.Points);
            if (members != g.Score)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.groups[{i}].score"), string.Create(CultureInfo.InvariantCulture, $"The contributions of group '{g.Group}' add up to {members}, not to its score {g.Score}."));
            }
        }

        problems.ThrowIfAny("stored lead score of model '" + Model + "'");
        return this;
    }

    /// <summary>Gets the score of a group, or 0 when the model has no such group.</summary>
    /// <param name="group">The group's name, for example <c>fit</c>.</param>
    /// <returns>The group's score after its cap.</returns>
    public decimal GroupTotal(string group) => Groups.FirstOrDefault(g => string.Equals(g.Group, group, StringComparison.Ordinal))?.Score ?? 0m;

    /// <summary>Returns the score as a log line: model, total, grade, groups, contributions and errors.</summary>
    /// <returns>For example <c>sample-lead-scoring 2026.1 as of 2026-03-01T00:00:00.0000000+00:00: 85 (A1); fit 40, engagement 45; 6 contributions; complete</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Model} {ModelVersion} as of {AsOf:O}: {Total}{(Grade is null ? string.Empty : " (" + Grade + ")")}; {string.Join(", ", Groups.Select(g => g.Group + " " + g.Score.ToString(CultureInfo.InvariantCulture)))}; {Contributions.Count} contributions; {(Errors.Count == 0 ? "complete" : Errors.Count + " rule errors, first: " + Errors[0])}");
}
