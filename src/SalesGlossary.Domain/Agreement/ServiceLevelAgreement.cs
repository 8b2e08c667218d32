using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Deals;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Profiles;
using SalesGlossary.Domain.Scoring;

namespace SalesGlossary.Domain.Agreement;

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
/// machine, the deal pipelines, the scorer and the thresholds all read their definitions from here.
/// </para>
/// </remarks>
public sealed class ServiceLevelAgreement
{
    private static readonly Lazy<ServiceLevelAgreement> DefaultAgreement = new(() =>
        Load(DefaultJson, new Dictionary<string, string>(StringComparer.Ordinal) { ["sample-lead-scoring"] = LeadScoringModel.SampleJson }));

    private readonly Dictionary<string, LeadType> leadTypes;
    private readonly Dictionary<string, QualificationThresholds> thresholds;
    private readonly Dictionary<LifecycleStage, Team> owners;

    internal ServiceLevelAgreement(
        string name,
        string version,
        Dictionary<LifecycleStage, Team> owners,
        IReadOnlyList<LeadStatus> leadStatuses,
        Dictionary<string, LeadType> leadTypes,
        Dictionary<string, QualificationThresholds> thresholds,
        IReadOnlyDictionary<string, Pipeline> pipelines,
        IReadOnlyDictionary<string, ConnectPolicy> connectPolicies,
        IReadOnlyDictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> scoringModels,
        MarketingCommitment marketing,
        SalesCommitment sales,
        LifecycleDefinitions lifecycle)
    {
        Name = name;
        Version = version;
        this.owners = owners;
        LeadStatuses = leadStatuses;
        this.leadTypes = leadTypes;
        this.thresholds = thresholds;
        Pipelines = pipelines;
        ConnectPolicies = connectPolicies;
        ScoringModels = scoringModels;
        Marketing = marketing;
        Sales = sales;
        Lifecycle = new LifecyclePolicy(lifecycle with
        {
            LeadTypeThresholds = thresholds,
            ConnectAttemptsExhausted = (leadType, attempts) => ConnectPolicyFor(leadType).IsExhausted(attempts),
        });
    }

    /// <summary>Gets the default agreement, which mirrors the source article; everything runs with it and no file at all.</summary>
    public static ServiceLevelAgreement Default => DefaultAgreement.Value;

    /// <summary>Gets the JSON of the default agreement (its scoring model is the package's sample model).</summary>
    public static string DefaultJson => EmbeddedResource.Read("SalesGlossary.Domain.Agreement.default-agreement.json");

    /// <summary>Gets the JSON schema of the agreement document.</summary>
    public static string JsonSchema => EmbeddedResource.Read("SalesGlossary.Domain.Agreement.service-level-agreement.schema.json");

    /// <summary>Gets the agreement's name.</summary>
    public string Name { get; }

    /// <summary>Gets the agreement's version.</summary>
    public string Version { get; }

    /// <summary>Gets the lead types, the policy bundles of the agreement.</summary>
    public IReadOnlyCollection<LeadType> LeadTypes => leadTypes.Values;

    /// <summary>Gets the lead statuses in use.</summary>
    public IReadOnlyList<LeadStatus> LeadStatuses { get; }

    /// <summary>Gets the pipelines by name.</summary>
    public IReadOnlyDictionary<string, Pipeline> Pipelines { get; }

    /// <summary>Gets the connect policies by name.</summary>
    public IReadOnlyDictionary<string, ConnectPolicy> ConnectPolicies { get; }

    /// <summary>Gets the compiled scoring models by name.</summary>
    public IReadOnlyDictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> ScoringModels { get; }

    /// <summary>Gets what marketing commits to.</summary>
    public MarketingCommitment Marketing { get; }

    /// <summary>Gets what sales commits to.</summary>
    public SalesCommitment Sales { get; }

    /// <summary>Gets the lifecycle policy built from the agreement: thresholds per lead type, the lifecycle choices, and "unable to reach" gated by each lead type's connect policy.</summary>
    public LifecyclePolicy Lifecycle { get; }

    /// <summary>Loads an agreement document and validates all of it.</summary>
    /// <param name="json">The agreement document.</param>
    /// <param name="scoringModels">Scoring model documents kept in files of their own, by name; they join those written inline in the agreement.</param>
    /// <returns>The agreement, with its scoring models compiled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The agreement is invalid; every problem is listed with its JSON path.</exception>
    public static ServiceLevelAgreement Load(string json, IReadOnlyDictionary<string, string>? scoringModels = null)
    {
        Guard.NotNull(json);
        return DomainTelemetry.Load(
            "salesglossary.agreement.load",
            () => AgreementLoader.Load(json, scoringModels ?? new Dictionary<string, string>()),
            agreement => (agreement.Name, agreement.Version));
    }

    /// <summary>Gets a lead type by key.</summary>
    /// <param name="key">The lead type's key.</param>
    /// <returns>The lead type.</returns>
    /// <exception cref="ArgumentException">The agreement has no such lead type; the message lists the keys.</exception>
    public LeadType LeadType(string key) =>
        key is not null && leadTypes.TryGetValue(key, out var type)
            ? type
            : throw new ArgumentException($"The agreement has no lead type '{key}'. Its lead types: {string.Join(", ", leadTypes.Keys.Select(k => "'" + k + "'"))}.", nameof(key));

    /// <summary>Gets the MQL and SQL thresholds of a lead type.</summary>
    /// <param name="leadType">The lead type's key.</param>
    /// <returns>The thresholds.</returns>
    /// <exception cref="ArgumentException">The agreement has no such lead type.</exception>
    public QualificationThresholds ThresholdsFor(string leadType) => thresholds[LeadType(leadType).Key];

    /// <summary>Gets the pipeline of a lead type.</summary>
    /// <param name="leadType">The lead type's key.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentException">The agreement has no such lead type.</exception>
    public Pipeline PipelineFor(string leadType) => Pipelines[LeadType(leadType).Pipeline];

    /// <summary>Gets the scoring model of a lead type.</summary>
    /// <param name="leadType">The lead type's key.</param>
    /// <returns>The compiled scoring model.</returns>
    /// <exception cref="ArgumentException">The agreement has no such lead type.</exception>
    public LeadScoringModel<LeadFacts, LeadActivity> ScoringModelFor(string leadType) => ScoringModels[LeadType(leadType).ScoringModel];

    /// <summary>Gets the connect policy of a lead type; for <see langword="null"/>, that of the first lead type.</summary>
    /// <param name="leadType">The lead type's key, or <see langword="null"/>.</param>
    /// <returns>The connect policy.</returns>
    /// <exception cref="ArgumentException">The agreement has no such lead type.</exception>
    public ConnectPolicy ConnectPolicyFor(string? leadType) =>
        ConnectPolicies[(leadType is null ? leadTypes.Values.First() : LeadType(leadType)).ConnectPolicy];

    /// <summary>Gets the team that owns a lifecycle stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The owning team; Other belongs to marketing unless the agreement says otherwise.</returns>
    public Team OwnerOf(LifecycleStage stage) => owners.TryGetValue(Guard.NotNull(stage), out var team) ? team : stage.OwningTeam;

    /// <summary>Lists the handoffs between teams in a contact's history: each stage change that moved the contact to another team.</summary>
    /// <param name="contact">The contact.</param>
    /// <returns>The handoffs, oldest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Handoff> HandoffsOf(Contact contact)
    {
        Guard.NotNull(contact);
        return [.. contact.History
            .Where(r => r.ChangesStage && OwnerOf(r.From) != OwnerOf(r.To))
            .Select(r => new Handoff(r.At, OwnerOf(r.From), OwnerOf(r.To), r.To))];
    }


}
