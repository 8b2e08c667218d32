
namespace SalesGlossary.Domain;

/// <summary>Represents the Service Level Agreement between marketing and sales: one versioned document that holds every definition both teams share.</summary>
/// <remarks>
/// <para>
/// The document holds the teams and the lifecycle stages each owns (so handoffs are explicit), the lifecycle choices
/// the source article leaves open (what makes an SQL, what an Opportunity is, where hand-raises route), lead types as
/// policy bundles (scoring model, MQL and SQL thresholds, pipeline, connect policy), the lead statuses in use, the
/// pipelines, the connect policies with business hours, the scoring models, and both sides' commitments.
/// </para>
/// <para>
/// Loading validates everything at once and reports each problem with its JSON path: unknown references, thresholds a
/// model's maximum score can never reach, an MQL threshold not below the SQL threshold, invalid business hours or time
/// zones, empty definitions, and every problem of the pipelines, policies and scoring models inside. The lifecycle
/// machine, the deal pipelines, the scorer and the thresholds all read their definitions from here: each lead type is
/// resolved once into a <see cref="LeadTypePolicy"/> that holds them as objects.
/// </para>
/// </remarks>
public sealed class ServiceLevelAgreement
{
    /// <summary>The name under which the agreement finds the package's sample scoring model without being given it.</summary>
    public const string SampleScoringModelName = "sample-lead-scoring";

    private static readonly Lazy<ServiceLevelAgreement> DefaultAgreement = new(() => Load(DefaultJson));

    private readonly Dictionary<string, LeadTypePolicy> leadTypes;

    internal ServiceLevelAgreement(
        string name,
        string version,
        LifecycleDefinitions lifecycle,
        IReadOnlyList<LeadStatus> leadStatuses,
        IReadOnlyList<LeadTypePolicy> leadTypes,
        IReadOnlyDictionary<string, Pipeline> pipelines,
        IReadOnlyDictionary<string, ConnectPolicy> connectPolicies,
        IReadOnlyDictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> scoringModels,
        MarketingCommitment marketing)
    {
        Name = name;
        Version = version;
        LifecycleDefinitions = lifecycle;
        LeadStatuses = leadStatuses;
        LeadTypes = leadTypes;
        this.leadTypes = leadTypes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        Pipelines = pipelines;
        ConnectPolicies = connectPolicies;
        ScoringModels = scoringModels;
        Marketing = marketing;
    }

    /// <summary>Gets the agreement's words: the shipped stages, statuses, reasons, teams and actors, and those the agreement defines in its <c>vocabulary</c>.</summary>
    /// <remarks>Look names up with it (<c>Vocabulary.GetLeadStatus("NurtureEventFollowUp")</c>), and read stored contacts and deals that use the agreement's terms with <see cref="Vocabulary.JsonOptions"/>.</remarks>
    public Vocabulary Vocabulary { get; internal init; } = Vocabulary.Default;

    /// <summary>Gets the codes of the agreement's terms in the CRMs integrators sync with: the vendors' defaults with the agreement's <c>crmCodes</c> overrides applied.</summary>
    public CrmCodes CrmCodes { get; internal init; } = CrmCodes.Default;

    /// <summary>Gets the default agreement, which mirrors the source article; everything runs with it and no file at all.</summary>
    public static ServiceLevelAgreement Default => DefaultAgreement.Value;

    /// <summary>Gets the JSON of the default agreement; it loads with <see cref="Load"/> alone (its scoring model is the package's sample model, referenced by <see cref="SampleScoringModelName"/>).</summary>
    public static string DefaultJson => EmbeddedResource.Read("SalesGlossary.Domain.Agreement.default-agreement.json");

    /// <summary>Gets the JSON schema of the agreement document.</summary>
    public static string JsonSchema => EmbeddedResource.Read("SalesGlossary.Domain.Agreement.service-level-agreement.schema.json");

    /// <summary>Gets the agreement's name.</summary>
    public string Name { get; }

    /// <summary>Gets the agreement's version.</summary>
    public string Version { get; }

    /// <summary>Gets the lead types, resolved, in the order the document lists them.</summary>
    public IReadOnlyList<LeadTypePolicy> LeadTypes { get; }

    /// <summary>Gets the lifecycle choices every lead type shares: what makes an SQL, what an Opportunity is, hand-raise route, nurture stage and the team that owns each stage.</summary>
    public LifecycleDefinitions LifecycleDefinitions { get; }

    /// <summary>Gets the lead statuses in use.</summary>
    public IReadOnlyList<LeadStatus> LeadStatuses { get; }

    /// <summary>Gets the pipelines by name.</summary>
    public IReadOnlyDictionary<string, Pipeline> Pipelines { get; }

    /// <summary>Gets the connect policies by name: what sales commits to for each lead type.</summary>
    public IReadOnlyDictionary<string, ConnectPolicy> ConnectPolicies { get; }

    /// <summary>Gets the compiled scoring models by name: those the document writes inline, those passed to <see cref="Load"/>, and the package's sample model where a lead type refers to it.</summary>
    public IReadOnlyDictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> ScoringModels { get; }

    /// <summary>Gets what marketing commits to.</summary>
    public MarketingCommitment Marketing { get; }

    /// <summary>Loads an agreement document and validates all of it.</summary>
    /// <param name="json">The agreement document.</param>
    /// <param name="scoringModels">Scoring model documents kept in files of their own, by name; they join those written inline in the agreement. <see cref="SampleScoringModelName"/> needs none: it names the package's sample model.</param>
    /// <returns>The agreement, with its scoring models compiled and its lead types resolved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The agreement is invalid; every problem is listed with its JSON path (syntax errors with line and position).</exception>
    public static ServiceLevelAgreement Load(string json, IReadOnlyDictionary<string, string>? scoringModels = null)
    {
        Guard.NotNull(json);
        return DomainTelemetry.Load(
            "salesglossary.agreement.load",
            () => AgreementLoader.Load(json, scoringModels ?? new Dictionary<string, string>()),
            agreement => (agreement.Name, agreement.Version));
    }

    /// <summary>Gets a lead type by key, resolved into its thresholds, scoring model, pipeline, connect policy and lifecycle policy.</summary>
    /// <param name="key">The lead type's key, for example <c>new-prospect</c>.</param>
    /// <returns>The lead type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The agreement has no such lead type; the message lists the keys it has.</exception>
    public LeadTypePolicy GetLeadType(string key)
    {
        Guard.NotNull(key);
        return leadTypes.TryGetValue(key, out var type)
            ? type
            : throw new ArgumentException(
                $"The agreement '{Name}' has no lead type '{key}'. Its lead types: {string.Join(", ", LeadTypes.Select(t => "'" + t.Key + "'"))}.",
                nameof(key));
    }

    /// <summary>Gets a lead type by key, if the agreement has it.</summary>
    /// <param name="key">The lead type's key.</param>
    /// <param name="leadType">The lead type, or <see langword="null"/> when there is none.</param>
    /// <returns><see langword="true"/> when the agreement has the lead type.</returns>
    public bool TryGetLeadType(string? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LeadTypePolicy? leadType)
    {
        leadType = null;
        return key is not null && leadTypes.TryGetValue(key, out leadType);
    }

    /// <summary>Rebuilds a stored contact, resolving its stored lead type through the agreement.</summary>
    /// <param name="state">The stored state (see <see cref="Contact.ToState"/>).</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The contact, governed by its lead type's lifecycle policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The stored lead type is missing or unknown to the agreement (the message lists the known keys), or the stored history is not a valid chain; every problem is listed with its path.</exception>
    public Contact RehydrateContact(ContactState state, TimeProvider timeProvider)
    {
        Guard.NotNull(state);
        if (!TryGetLeadType(state.LeadType, out var leadType))
        {
            var problems = new ValidationCollector();
            problems.Add(
                "$.leadType",
                (state.LeadType is null ? "The contact is stored without a lead type" : $"The stored lead type '{state.LeadType}' is not one of agreement '{Name}'")
                + $"; its lead types: {string.Join(", ", LeadTypes.Select(t => "'" + t.Key + "'"))}.");
            problems.ThrowIfAny("stored contact '" + state.Id + "'");
        }

        return Contact.Rehydrate(state, leadType!.Lifecycle, timeProvider);
    }

    /// <summary>Gets the team that owns a lifecycle stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The owning team, as the agreement assigns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is <see langword="null"/>.</exception>
    public Team OwnerOf(LifecycleStage stage) => LifecycleDefinitions.StageOwners[Guard.NotNull(stage)];
}
