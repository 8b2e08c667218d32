using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The lifecycle choices of the agreement that the lifecycle machine's guards read: what makes an SQL, what an Opportunity is, where hand-raises route, where returned contacts are nurtured, and which team owns each stage.</summary>
/// <remarks>
/// <para>
/// An options object with documented defaults, shared by every lead type of an agreement; validate it by building a
/// <see cref="LifecyclePolicy"/>, which reports every problem at once. What differs per lead type (thresholds and
/// connect policy) is given to the policy beside it.
/// </para>
/// <para>
/// The defaults follow common practice: SQL by sales acceptance, an Opportunity is a contact with an open deal, a
/// hand-raise (demo request) routes straight to SQL, nurturing happens in the Lead stage, and sales owns the stages in
/// which it works a lead (MQL, SQL, Opportunity), so the handoff to sales is entering MQL.
/// </para>
/// </remarks>
public sealed record LifecycleDefinitions
{
    private static readonly IReadOnlyDictionary<LifecycleStage, Team> DefaultOwners = new Dictionary<LifecycleStage, Team>
    {
        [LifecycleStage.Subscriber] = Team.Marketing,
        [LifecycleStage.Lead] = Team.Marketing,
        [LifecycleStage.MarketingQualifiedLead] = Team.Sales,
        [LifecycleStage.SalesQualifiedLead] = Team.Sales,
        [LifecycleStage.Opportunity] = Team.Sales,
        [LifecycleStage.Customer] = Team.Service,
        [LifecycleStage.Evangelist] = Team.Service,
        [LifecycleStage.Other] = Team.Marketing,
    };

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

    /// <summary>Gets the stage in which returned, recycled and reopened contacts are nurtured: Subscriber or Lead.</summary>
    /// <value>The default is <see cref="LifecycleStage.Lead"/>.</value>
    public LifecycleStage NurtureStage { get; init; } = LifecycleStage.Lead;

    /// <summary>Gets a value indicating whether losing a deal recycles its contact (an Opportunity) back to nurturing.</summary>
    /// <value>The default is <see langword="false"/>: a lost deal leaves the contact in its stage, with lead status Connected.</value>
    public bool RecycleWhenDealLost { get; init; }

    /// <summary>Gets when a returned, recycled or reopened contact may qualify again by score (the nurture loop).</summary>
    /// <value>The default holds such a contact back until it gained 20 points after entering nurture; see <see cref="RequalificationRule"/>.</value>
    public RequalificationRule Requalification { get; init; } = new();

    /// <summary>Gets the team that owns each lifecycle stage; a handoff is a stage change into a stage another team owns.</summary>
    /// <value>
    /// The default gives Subscriber, Lead and Other to marketing, MQL, SQL and Opportunity to sales, Customer and
    /// Evangelist to service. Every stage needs an owner.
    /// </value>
    /// <remarks>
    /// The owners decide, in one place, when a contact is handed to sales: the contact's <see cref="Contact.HandedOverAt"/>,
    /// the start of the connect policy's clock and every report use this one definition.
    /// </remarks>
    public IReadOnlyDictionary<LifecycleStage, Team> StageOwners { get; init; } = DefaultOwners;

    /// <summary>Gets the stages the agreement adds between the article's stages, in funnel order (see <see cref="StageDefinition"/>).</summary>
    /// <value>Empty by default. Each needs an owner in <see cref="StageOwners"/>; the agreement's vocabulary builds them.</value>
    public IReadOnlyList<LifecycleStage> AddedStages { get; init => field = ValueList<LifecycleStage>.From(value); } = ValueList<LifecycleStage>.Empty;

    /// <summary>Gets the lead statuses contacts may have: the shipped ones and the agreement's own.</summary>
    /// <value>The shipped statuses by default.</value>
    public IReadOnlyList<LeadStatus> LeadStatuses { get; init => field = ValueList<LeadStatus>.From(value); } = ValueList<LeadStatus>.From(LeadStatus.List.OrderBy(s => s.Value));

    /// <summary>Compares every choice; the stage owners compare as a set of stage-and-team pairs, the lists item by item.</summary>
    /// <param name="other">The other definitions.</param>
    /// <returns>Whether both define the same lifecycle.</returns>
    public bool Equals(LifecycleDefinitions? other) =>
        other is not null
        && SqlQualification == other.SqlQualification
        && OpportunityDefinition == other.OpportunityDefinition
        && HandRaiseRoute == other.HandRaiseRoute
        && NurtureStage == other.NurtureStage
        && RecycleWhenDealLost == other.RecycleWhenDealLost
        && Equals(Requalification, other.Requalification)
        && AddedStages.SequenceEqual(other.AddedStages)
        && LeadStatuses.SequenceEqual(other.LeadStatuses)
        && StageOwners.Count == other.StageOwners.Count
        && StageOwners.All(owner => other.StageOwners.TryGetValue(owner.Key, out var team) && team == owner.Value);

    /// <summary>Combines every choice; equal definitions have equal hash codes whatever the order of their stage owners.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var owners = 0;
        foreach (var owner in StageOwners)
        {
            owners ^= HashCode.Combine(owner.Key, owner.Value);
        }

        return HashCode.Combine(SqlQualification, OpportunityDefinition, HandRaiseRoute, NurtureStage, RecycleWhenDealLost, Requalification, HashCode.Combine(AddedStages, LeadStatuses, owners));
    }
}
