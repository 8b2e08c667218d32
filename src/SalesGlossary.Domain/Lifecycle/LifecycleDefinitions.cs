using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents the score thresholds at which a lead of one lead type qualifies.</summary>
/// <param name="Mql">The score at which a lead becomes a Marketing Qualified Lead.</param>
/// <param name="Sql">The score at which an MQL becomes a Sales Qualified Lead, or <see langword="null"/> when score alone never makes an SQL.</param>
/// <remarks>Thresholds are validated in one place, for a lifecycle policy and an agreement alike: the MQL threshold is above 0, an SQL threshold is above it, and an agreement that qualifies SQLs by score alone needs one.</remarks>
public sealed record QualificationThresholds(decimal Mql, decimal? Sql = null)
{
    /// <summary>Gets the minimums that score groups must reach as well for a lead to become an MQL, for example fit at least 40 and engagement at least 30.</summary>
    /// <value>Empty by default: the total alone decides.</value>
    /// <remarks>Every condition must hold: the total reaches <see cref="Mql"/> and each group reaches its minimum. A score without groups (a bare total) meets no group minimum.</remarks>
    public IReadOnlyList<GroupThreshold> MqlGroups { get; init; } = [];

    /// <summary>Gets a value indicating whether a score reaches the MQL threshold: its total reaches <see cref="Mql"/> and every group of <see cref="MqlGroups"/> its minimum.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> when every condition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is <see langword="null"/>.</exception>
    public bool IsMqlReachedBy(ContactScore score)
    {
        Guard.NotNull(score);
        if (score.Total < Mql)
        {
            return false;
        }

        for (var i = 0; i < MqlGroups.Count; i++)
        {
            if (score.Group(MqlGroups[i].Group) < MqlGroups[i].Minimum)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Determines whether other thresholds hold the same values, group minimums compared item by item.</summary>
    /// <param name="other">The other thresholds.</param>
    /// <returns><see langword="true"/> when the MQL and SQL thresholds and the group minimums are equal.</returns>
    public bool Equals(QualificationThresholds? other) => other is not null && Mql == other.Mql && Sql == other.Sql && MqlGroups.SequenceEqual(other.MqlGroups);

    /// <summary>Returns a hash code consistent with <see cref="Equals(QualificationThresholds)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Mql, Sql, MqlGroups.Count);

    internal static void Validate(ValidationCollector problems, string path, QualificationThresholds? thresholds, SqlQualification sqlQualification)
    {
        if (thresholds is null)
        {
            problems.Add(path, "The thresholds are missing; give at least { \"mql\": … }.");
            return;
        }

        if (thresholds.Mql <= 0)
        {
            problems.Add(path + ".mql", string.Create(CultureInfo.InvariantCulture, $"The MQL threshold must be above 0; it is {thresholds.Mql}."));
        }

        if (thresholds.Sql is { } sql && sql <= thresholds.Mql)
        {
            problems.Add(path + ".sql", string.Create(CultureInfo.InvariantCulture, $"The SQL threshold {sql} must be above the MQL threshold {thresholds.Mql}."));
        }

        var groups = thresholds.MqlGroups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var groupPath = path + ".mqlGroups." + (group?.Group ?? string.Create(CultureInfo.InvariantCulture, $"[{i}]"));
            if (group is null || string.IsNullOrWhiteSpace(group.Group))
            {
                problems.Add(groupPath, "A group threshold needs the group's name.");
            }
            else if (group.Minimum <= 0)
            {
                problems.Add(groupPath, string.Create(CultureInfo.InvariantCulture, $"The minimum of group '{group.Group}' must be above 0; it is {group.Minimum}."));
            }
            else if (groups.Take(i).Any(g => g is not null && string.Equals(g.Group, group.Group, StringComparison.Ordinal)))
            {
                problems.Add(groupPath, "The group '" + group.Group + "' has two minimums; give one.");
            }
        }

        if (thresholds.Sql is null && sqlQualification == SqlQualification.Score)
        {
            problems.Add(path + ".sql", "SQLs are qualified by score only, so an SQL threshold is required.");
        }
    }
}

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
    public IReadOnlyList<LifecycleStage> AddedStages { get; init; } = [];

    /// <summary>Gets the lead statuses contacts may have: the shipped ones and the agreement's own.</summary>
    /// <value>The shipped statuses by default.</value>
    public IReadOnlyList<LeadStatus> LeadStatuses { get; init; } = [.. LeadStatus.List.OrderBy(s => s.Value)];
}
