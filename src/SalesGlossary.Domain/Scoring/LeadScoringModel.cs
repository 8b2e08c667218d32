using System.Runtime.ExceptionServices;

namespace SalesGlossary.Domain;

/// <summary>Loads scoring models: RulesEngine workflow files whose rules carry their points in <c>Properties</c>.</summary>
/// <remarks>
/// <para>
/// A model file is a standard RulesEngine workflow: the same file loads in plain RulesEngine (with the inputs named
/// <c>lead</c> and <c>activity</c>) and gives the same per-rule matches. What RulesEngine does not know lives in each
/// rule's <c>Properties</c> (<c>points</c>, <c>group</c>, <c>scope</c>, <c>decay</c>, <c>windowDays</c>, <c>maxPerDay</c>,
/// <c>handRaise</c>, <c>description</c>) and in one top-level <c>ScoringModel</c> object (version, caps, grades) that
/// RulesEngine ignores. The JSON schema ships in the package as <c>lead-scoring-model.schema.json</c>.
/// </para>
/// <para>
/// Loading fails fast and says everything at once: every expression is checked before it is parsed (length, nesting),
/// parsed, checked against an allow-list (no reflection, no methods of the lead's type, no generated ranges, no
/// clock) and compiled. A bad file never yields a model that silently gives 0 points.
/// </para>
/// </remarks>
public static class LeadScoringModel
{
    private const int LoaderStackSize = 16 * 1024 * 1024;

    /// <summary>The activities of the library's own lead type; a model loaded with it reads them without a delegate call.</summary>
    internal static readonly Func<LeadFacts, IReadOnlyList<LeadActivity>?> OwnActivities = lead => lead.Activities;

    /// <summary>The instant of the library's own activity type; a model loaded with it reads it without a delegate call.</summary>
    internal static readonly Func<LeadActivity, DateTimeOffset> OwnOccurredAt = activity => activity.OccurredAt;

    /// <summary>Loads a model that scores the library's own <see cref="LeadFacts"/>.</summary>
    /// <param name="json">The model document.</param>
    /// <param name="limits">The resource limits, or <see langword="null"/> for <see cref="ScoringLimits.Default"/>.</param>
    /// <returns>The compiled model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The document is invalid or unsafe; every problem is listed with its JSON path and rule.</exception>
    public static LeadScoringModel<LeadFacts, LeadActivity> Load(string json, ScoringLimits? limits = null) =>
        LoadFor(json, OwnActivities, OwnOccurredAt, limits);

    /// <summary>Loads a model that scores an integrator's own lead type.</summary>
    /// <typeparam name="TLead">The lead type rules read as <c>lead</c>; pass immutable fact records.</typeparam>
    /// <typeparam name="TActivity">The activity type engagement rules read as <c>activity</c>.</typeparam>
    /// <param name="json">The model document.</param>
    /// <param name="activities">Gets a lead's activities.</param>
    /// <param name="occurredAt">Gets when an activity happened.</param>
    /// <param name="limits">The resource limits, or <see langword="null"/> for <see cref="ScoringLimits.Default"/>.</param>
    /// <returns>The compiled model.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The document or the limits are invalid; every problem is listed with its JSON path.</exception>
    public static LeadScoringModel<TLead, TActivity> LoadFor<TLead, TActivity>(
        string json,
        Func<TLead, IReadOnlyList<TActivity>?> activities,
        Func<TActivity, DateTimeOffset> occurredAt,
        ScoringLimits? limits = null)
    {
        Guard.NotNull(json);
        Guard.NotNull(activities);
        Guard.NotNull(occurredAt);
        limits ??= ScoringLimits.Default;
        limits.Validate();
        using var activity = DomainTelemetry.Start("salesglossary.scoring.model.load");

        // The parser recurses; a dedicated thread with a large stack keeps even a hostile document that slips past the
        // nesting checks from overflowing the caller's stack.
        LeadScoringModel<TLead, TActivity>? model = null;
        ExceptionDispatchInfo? failure = null;
        var loader = new Thread(
            () =>
            {
                try
                {
                    var reader = new ScoringModelReader(typeof(TLead), typeof(TActivity), limits);
                    var definition = reader.Read(json);
                    model = new LeadScoringModel<TLead, TActivity>(definition, reader.Lead, reader.Activity, activities, occurredAt, limits);
                }
#pragma warning disable CA1031 // Rethrown on the caller's thread below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            LoaderStackSize)
        {
            IsBackground = true,
            Name = "SalesGlossary scoring model loader",
        };
        loader.Start();
        loader.Join();
        DomainTelemetry.Loaded(activity, failure?.SourceException, model?.Name, model?.Version);
        failure?.Throw();
        return model!;
    }

    /// <summary>Loads the sample model that ships with the package: about 20 fit and engagement rules for <see cref="LeadFacts"/>, with negatives, caps, decay and grades.</summary>
    /// <returns>The compiled sample model.</returns>
    public static LeadScoringModel<LeadFacts, LeadActivity> LoadSample() => Load(SampleJson);

    /// <summary>Gets the JSON of the sample model that ships with the package.</summary>
    public static string SampleJson => EmbeddedResource.Read("SalesGlossary.Domain.Scoring.sample-lead-scoring.json");

    /// <summary>Gets the JSON schema of the scoring model format.</summary>
    public static string JsonSchema => EmbeddedResource.Read("SalesGlossary.Domain.Scoring.lead-scoring-model.schema.json");

}
