using System.Text.Json.Serialization;
using SalesGlossary.Domain.Connecting;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents the score thresholds at which a lead qualifies.</summary>
/// <param name="Mql">The score at which a lead becomes a Marketing Qualified Lead.</param>
/// <param name="Sql">The score at which an MQL becomes a Sales Qualified Lead, or <see langword="null"/> when score alone never makes an SQL.</param>
public sealed record QualificationThresholds(decimal Mql, decimal? Sql = null);

/// <summary>What makes a Marketing Qualified Lead a Sales Qualified Lead, as the agreement chooses.</summary>
public enum SqlQualification
{
    /// <summary>Only sales accepting the lead makes it an SQL.</summary>
    SalesAcceptance = 0,

    /// <summary>Only the score reaching the SQL threshold makes it an SQL.</summary>
    Score = 1,

    /// <summary>Either sales acceptance or the SQL threshold makes it an SQL.</summary>
    SalesAcceptanceOrScore = 2,
}

/// <summary>What an Opportunity is, as the agreement chooses (the source article leaves it open on purpose).</summary>
public enum OpportunityDefinition
{
    /// <summary>A contact with an open deal: creating a deal makes the contact an Opportunity.</summary>
    OpenDeal = 0,

    /// <summary>A contact whose first connect attempt succeeded: a successful connect on an SQL makes it an Opportunity.</summary>
    FirstSuccessfulConnect = 1,
}

/// <summary>The lifecycle definitions of the agreement that the lifecycle machine's guards read.</summary>
/// <remarks>
/// <para>
/// An options object with documented defaults; validate it by building a <see cref="LifecyclePolicy"/>, which
/// reports every problem at once. The agreement document supplies these definitions per lead type.
/// </para>
/// <para>
/// The defaults follow common practice: MQL at 100 points (GitLab), SQL by sales acceptance, an Opportunity is a
/// contact with an open deal, a hand-raise (demo request) routes straight to SQL, and nurturing happens in the Lead stage.
/// </para>
/// </remarks>
public sealed record LifecycleDefinitions
{
    /// <summary>The number of non-connected attempts after which the default connect policy counts as exhausted.</summary>
    public const int DefaultAttemptsBeforeExhausted = 6;

    /// <summary>Gets the thresholds for lead types without thresholds of their own.</summary>
    /// <value>The default is MQL at 100 points and no SQL threshold.</value>
    public QualificationThresholds DefaultThresholds { get; init; } = new(100m);

    /// <summary>Gets the thresholds per lead type key, for example 200 points for existing customers.</summary>
    /// <value>The default is empty: every lead type uses <see cref="DefaultThresholds"/>.</value>
    public IReadOnlyDictionary<string, QualificationThresholds> LeadTypeThresholds { get; init; } =
        new Dictionary<string, QualificationThresholds>(StringComparer.Ordinal);

    /// <summary>Gets what makes an MQL an SQL.</summary>
    /// <value>The default is <see cref="SqlQualification.SalesAcceptance"/>.</value>
    public SqlQualification SqlQualification { get; init; } = SqlQualification.SalesAcceptance;

    /// <summary>Gets what an Opportunity is.</summary>
    /// <value>The default is <see cref="OpportunityDefinition.OpenDeal"/>.</value>
    public OpportunityDefinition OpportunityDefinition { get; init; } = OpportunityDefinition.OpenDeal;

    /// <summary>Gets the stage a hand-raise (for example a demo request) routes to: MQL, SQL, or <see langword="null"/> for no direct route.</summary>
    /// <value>The default is <see cref="LifecycleStage.SalesQualifiedLead"/>; <see langword="null"/> is written to JSON, since it differs from the default.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public LifecycleStage? HandRaiseRoute { get; init; } = LifecycleStage.SalesQualifiedLead;

    /// <summary>Gets the stage in which returned, recycled and reopened contacts are nurtured: Subscriber, Lead or MQL.</summary>
    /// <value>The default is <see cref="LifecycleStage.Lead"/>.</value>
    public LifecycleStage NurtureStage { get; init; } = LifecycleStage.Lead;

    /// <summary>Gets a value indicating whether losing a deal recycles its contact (an Opportunity) back to nurturing.</summary>
    /// <value>The default is <see langword="false"/>: a lost deal leaves the contact where it is.</value>
    public bool RecycleWhenDealLost { get; init; }

    /// <summary>Gets the connect policy's verdict on the attempts made since the contact was handed to sales: are they exhausted? It receives the contact's lead type and the attempts.</summary>
    /// <value>
    /// The default counts the policy as exhausted after <see cref="DefaultAttemptsBeforeExhausted"/> attempts of which
    /// none connected. The agreement replaces it with the connect policy of the contact's lead type. Not serialized.
    /// </value>
    /// <remarks>Disqualifying a contact as "unable to reach" is accepted only when this returns <see langword="true"/>.</remarks>
    [JsonIgnore]
    public Func<string?, IReadOnlyList<ConnectAttempt>, bool> ConnectAttemptsExhausted { get; init; } = DefaultExhausted;

    /// <summary>Gets the thresholds for a lead type, or the default thresholds when it has none of its own.</summary>
    /// <param name="leadType">The lead type key, or <see langword="null"/> for the default.</param>
    /// <returns>The thresholds that apply.</returns>
    public QualificationThresholds ThresholdsFor(string? leadType) =>
        leadType is not null && LeadTypeThresholds.TryGetValue(leadType, out var thresholds) ? thresholds : DefaultThresholds;

    private static bool DefaultExhausted(string? leadType, IReadOnlyList<ConnectAttempt> attempts) =>
        attempts.Count >= DefaultAttemptsBeforeExhausted && !attempts.Any(a => a.Outcome.IsConnectedByDefault);
}
