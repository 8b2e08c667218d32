using System.Globalization;

namespace SalesGlossary.Domain.Scoring;

/// <summary>Represents a lead's score with everything that explains it; storable as a ledger entry.</summary>
/// <remarks>
/// The contributions add up to <see cref="Total"/> exactly. A rule that failed at run time for this lead (for example
/// by reading a null) is listed in <see cref="Errors"/>: never a silent zero. Serialize it with
/// <c>SalesGlossaryJson.Options</c> to keep a ledger; it reads back unchanged.
/// </remarks>
/// <param name="Model">The name of the scoring model.</param>
/// <param name="ModelVersion">The version of the scoring model.</param>
/// <param name="AsOf">The instant the lead was scored as of; ages of activities are measured to it.</param>
/// <param name="Total">The total score after group caps and the total cap.</param>
/// <param name="Groups">Each group's score before and after its cap.</param>
/// <param name="Grade">The grade (fit letter and engagement digit), or <see langword="null"/> when the model defines no grades.</param>
/// <param name="Contributions">Every rule match that earned (or, when capped or over a daily maximum, would have earned) points.</param>
/// <param name="HandRaises">The names of hand-raise rules that matched.</param>
/// <param name="Errors">The rules that failed for this lead, with the reason.</param>
public sealed record LeadScore(
    string Model,
    string ModelVersion,
    DateTimeOffset AsOf,
    decimal Total,
    IReadOnlyList<GroupScore> Groups,
    ScoreGrade? Grade,
    IReadOnlyList<ScoreContribution> Contributions,
    IReadOnlyList<string> HandRaises,
    IReadOnlyList<ScoringError> Errors)
{
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

/// <summary>Represents one group's score.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Raw">The sum of its contributions after decay, before caps.</param>
/// <param name="Cap">The group's cap, or <see langword="null"/> when it has none.</param>
/// <param name="Score">The group's share of the total after its cap and the total cap.</param>
public sealed record GroupScore(string Group, decimal Raw, decimal? Cap, decimal Score)
{
    /// <summary>Returns the group's score as a log line.</summary>
    /// <returns>For example <c>engagement 45 (raw 52, cap 45)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Group} {Score} (raw {Raw}{(Cap is { } cap ? ", cap " + cap.ToString(CultureInfo.InvariantCulture) : string.Empty)})");
}

/// <summary>Represents the grade of a score: a fit letter (A, B, C) and an engagement digit (1, 2, 3), for example <c>A1</c>.</summary>
/// <param name="Fit">The fit letter: A, B or C.</param>
/// <param name="Engagement">The engagement digit: 1, 2 or 3.</param>
public sealed record ScoreGrade(string Fit, int Engagement)
{
    /// <summary>Returns the grade as <c>A1</c> … <c>C3</c>.</summary>
    /// <returns>The fit letter followed by the engagement digit.</returns>
    public override string ToString() => Fit + Engagement.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Represents what one rule match earned.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Group">The group the points count towards.</param>
/// <param name="ActivityIndex">The index of the activity in the lead's activity list, for activity rules; otherwise <see langword="null"/>.</param>
/// <param name="ActivityAt">When the activity happened, for activity rules; otherwise <see langword="null"/>.</param>
/// <param name="ConfiguredPoints">The rule's points.</param>
/// <param name="DecayedPoints">The points after decay (and after a daily maximum), before caps.</param>
/// <param name="Points">The points counted in the total, after caps.</param>
/// <param name="Explanation">The arithmetic in words: decay, daily maximum and caps.</param>
public sealed record ScoreContribution(
    string Rule,
    string Group,
    int? ActivityIndex,
    DateTimeOffset? ActivityAt,
    decimal ConfiguredPoints,
    decimal DecayedPoints,
    decimal Points,
    string Explanation)
{
    /// <summary>Returns the contribution as a log line.</summary>
    /// <returns>For example <c>Webinar attended [activity 3]: +7.5 engagement (configured 10; halved after 30 days)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule}{(ActivityIndex is { } index ? " [activity " + index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty)}: {(Points >= 0 ? "+" : string.Empty)}{Points} {Group} (configured {ConfiguredPoints}; {Explanation})");
}

/// <summary>Represents a rule that failed for one lead at run time.</summary>
/// <param name="Rule">The rule's name, or <see langword="null"/> for a problem with the lead as a whole.</param>
/// <param name="ActivityIndex">The index of the activity being scored, if any.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ScoringError(string? Rule, int? ActivityIndex, string Message)
{
    /// <summary>Returns the error as a log line.</summary>
    /// <returns>For example <c>Senior title [activity 2]: The lead has no job title.</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule ?? "lead"}{(ActivityIndex is { } index ? " [activity " + index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty)}: {Message}");
}
