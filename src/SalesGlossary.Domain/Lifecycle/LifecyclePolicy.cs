using System.Globalization;
using Stateless.Graph;

namespace SalesGlossary.Domain;

/// <summary>Represents validated lifecycle definitions together with the state machine that enforces them.</summary>
/// <remarks>
/// <para>
/// Build one policy per set of definitions and share it: contacts use it for every transition. The Stateless
/// configuration is built once per policy and kept in the policy's own pool, never per contact, so re-evaluating millions of contacts
/// costs no machine construction. A policy is immutable and safe to share between threads; a
/// <see cref="Contact"/> is not thread-safe.
/// </para>
/// <para>Forward transitions and their guards, in the words of the agreement:</para>
/// <list type="bullet">
/// <item><description>Subscriber → Lead on <c>Convert</c>;</description></item>
/// <item><description>Subscriber or Lead → MQL on <c>ReachMqlThreshold</c> when the score reached the lead type's MQL threshold;</description></item>
/// <item><description>MQL → SQL on <c>AcceptBySales</c> or <c>ReachSqlThreshold</c>, as <see cref="LifecycleDefinitions.SqlQualification"/> allows;</description></item>
/// <item><description>Subscriber, Lead or MQL → MQL or SQL on <c>HandRaise</c>, as <see cref="LifecycleDefinitions.HandRaiseRoute"/> says;</description></item>
/// <item><description>any earlier stage → Opportunity on <c>CreateDeal</c>, or SQL → Opportunity on <c>ConnectSucceeded</c>, as <see cref="LifecycleDefinitions.OpportunityDefinition"/> says;</description></item>
/// <item><description>Subscriber to Opportunity → Customer on <c>WinDeal</c>; Customer → Evangelist on <c>BecomeAdvocate</c>.</description></item>
/// </list>
/// <para>
/// Backward: MQL or SQL → nurture stage on <c>ReturnToMarketing</c>; Opportunity, Customer or Evangelist → nurture
/// stage on <c>Recycle</c>; any stage before Customer → Other on <c>Disqualify</c> ("unable to reach" only once the
/// connect policy is exhausted); Other → nurture stage on <c>Reopen</c>. Each needs a reason.
/// </para>
/// </remarks>
public sealed class LifecyclePolicy
{
    internal const string MqlThresholdGuard = "the lead score reached the MQL threshold of the contact's lead type";
    internal const string SqlByAcceptanceGuard = "the agreement qualifies SQLs by sales acceptance";
    internal const string SqlByScoreGuard = "the agreement qualifies SQLs by score";
    internal const string SqlThresholdGuard = "the lead score reached the SQL threshold of the contact's lead type";
    internal const string HandRaiseToMqlGuard = "the agreement routes hand-raises to MQL";
    internal const string HandRaiseToSqlGuard = "the agreement routes hand-raises straight to SQL";
    internal const string OpportunityByDealGuard = "the agreement defines an Opportunity as a contact with an open deal";
    internal const string OpportunityByConnectGuard = "the agreement defines an Opportunity as a contact whose first connect attempt succeeded";
    internal const string UnableToReachGuard = "'unable to reach' only after the connect policy's attempts are exhausted";
    internal const string ReasonGuard = "a reason is given";
    internal const string OtherNoteGuard = "a note says the reason, for disqualification reason Other";
    internal const string RequalificationGuard = "a returned or recycled contact gained the new points (or waited the cool-off) its requalification rule asks for";

    private readonly MachinePool<LifecycleMachine> machines;
    private readonly MachinePool<LeadStatusMachine> statusMachines;

    /// <summary>Initializes a new policy for the contacts of one lead type and validates it.</summary>
    /// <param name="definitions">The lifecycle choices of the agreement.</param>
    /// <param name="thresholds">The lead type's MQL and SQL thresholds.</param>
    /// <param name="connectPolicy">The lead type's connect policy: it alone decides when an attempt connected and when the attempts are exhausted.</param>
    /// <param name="leadType">The key of the lead type, stored with each contact so that an agreement can resolve it again; <see langword="null"/> for a policy outside an agreement.</param>
    /// <remarks>An agreement builds one policy per lead type (see <c>ServiceLevelAgreement.GetLeadType</c>); build one yourself only to use the lifecycle without an agreement.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/>, <paramref name="thresholds"/> or <paramref name="connectPolicy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="leadType"/> is empty or white space.</exception>
    /// <exception cref="DefinitionValidationException">The definitions or thresholds are invalid; every problem is listed with its path.</exception>
    public LifecyclePolicy(LifecycleDefinitions definitions, QualificationThresholds thresholds, ConnectPolicy connectPolicy, string? leadType = null)
    {
        Definitions = Guard.NotNull(definitions);
        Thresholds = Guard.NotNull(thresholds);
        ConnectPolicy = Guard.NotNull(connectPolicy);
        if (leadType is not null)
        {
            Guard.NotBlank(leadType);
        }

        LeadType = leadType;
        Validate(definitions, thresholds);
        Stages = [.. LifecycleStage.InFunnelOrder.Concat(definitions.AddedStages).OrderBy(st => st.IsFunnelStage ? 0 : 1).ThenBy(st => st.Rank)];
        machines = new MachinePool<LifecycleMachine>(() => new LifecycleMachine(this, drawing: false));
        statusMachines = new MachinePool<LeadStatusMachine>(() => new LeadStatusMachine(this));
    }

    /// <summary>Gets a policy with the default definitions, an MQL threshold of 100 points and <see cref="ConnectPolicy.Default"/>.</summary>
    public static LifecyclePolicy Default { get; } = new(new LifecycleDefinitions(), new QualificationThresholds(100m), ConnectPolicy.Default);

    /// <summary>Gets the lifecycle choices the policy enforces.</summary>
    public LifecycleDefinitions Definitions { get; }

    /// <summary>Gets the MQL and SQL thresholds of the policy's lead type.</summary>
    public QualificationThresholds Thresholds { get; }

    /// <summary>Gets the connect policy of the policy's lead type.</summary>
    public ConnectPolicy ConnectPolicy { get; }

    /// <summary>Gets the key of the policy's lead type, or <see langword="null"/> for a policy outside an agreement.</summary>
    public string? LeadType { get; }

    /// <summary>Gets every lifecycle stage of the policy in funnel order: the article's stages and those the agreement added, Other last.</summary>
    public IReadOnlyList<LifecycleStage> Stages { get; }

    /// <summary>Gets the team that owns a lifecycle stage, as the definitions assign it.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The owning team.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is <see langword="null"/>.</exception>
    public Team OwnerOf(LifecycleStage stage) => Definitions.StageOwners[Guard.NotNull(stage)];

    /// <summary>Draws the lifecycle machine as a Mermaid state diagram of the moves this policy allows, with every remaining guard described in words.</summary>
    /// <returns>The diagram in Mermaid's <c>stateDiagram-v2</c> syntax.</returns>
    /// <remarks>The agreement's fixed choices (what makes an SQL, what an Opportunity is, where hand-raises route) are applied when drawing: a move they rule out is not drawn.</remarks>
    public string ToMermaidGraph() => MermaidGraph.Format(new LifecycleMachine(this, drawing: true).Machine.GetInfo());

    /// <summary>Draws the lifecycle machine as a Graphviz DOT graph of the moves this policy allows, with every remaining guard described in words.</summary>
    /// <returns>The graph in DOT syntax.</returns>
    public string ToDotGraph() => UmlDotGraph.Format(new LifecycleMachine(this, drawing: true).Machine.GetInfo());

    /// <summary>Draws the lead-status machine over the agreement's statuses as a Mermaid state diagram: every move of the status, with its guards in words.</summary>
    /// <returns>The diagram in Mermaid's <c>stateDiagram-v2</c> syntax.</returns>
    /// <remarks>
    /// Drawn are the moves sales makes on the status (start working, bad timing, connect attempts, <c>ChangeLeadStatus(…)</c> to
    /// each status no other move sets), the status a lifecycle move leaves (<c>EnterSalesStage</c>, <c>ReturnToMarketing</c>,
    /// <c>Disqualify</c>, <c>EndLead</c> into <c>NoStatus</c>) and the statuses a deal sets (<c>CreateDeal</c>, <c>LoseDeal</c>).
    /// The agreement's own statuses move by their flags (open, working, connected, closed).
    /// </remarks>
    public string ToLeadStatusMermaidGraph() => LeadStatusMachine.ToMermaidGraph(this);

    /// <summary>Draws the lead-status machine over the agreement's statuses as a Graphviz DOT graph: every move of the status, with its guards in words.</summary>
    /// <returns>The graph in DOT syntax.</returns>
    public string ToLeadStatusDotGraph() => LeadStatusMachine.ToDotGraph(this);

    /// <summary>Gets the handoff a record makes: a stage change into a stage another team owns; the one definition the contact, the connect clock and the reports share.</summary>
    internal Handoff? HandoffOf(LifecycleTransition record)
    {
        if (!record.ChangesStage)
        {
            return null;
        }

        var from = OwnerOf(record.From);
        var to = OwnerOf(record.To);
        return from == to ? null : new Handoff(record.At, from, to, record.To);
    }

    /// <summary>Judges whether a contact's score qualifies it now: the one home of the nurture loop's hold, used by the machine's guard, by rescoring and by <see cref="Contact.CanQualify()"/>.</summary>
    internal QualificationCheck CheckQualification(ILifecycleSubject contact, ContactScore? score, DateTimeOffset now)
    {
        var mql = LifecycleStage.MarketingQualifiedLead;
        if (!contact.Stage.IsFunnelStage || contact.Stage.Backbone.Value >= mql.Value)
        {
            return new QualificationCheck(false, $"Contact '{contact.Id}' is in stage {contact.Stage.DisplayName}; only a Subscriber or Lead qualifies by score.", null, null, null);
        }

        var total = score?.Total;
        var held = Held(contact, total, now);
        string? shortfall = null;
        if (total is not { } value || value < Thresholds.Mql)
        {
            shortfall = string.Create(CultureInfo.InvariantCulture, $"Contact '{contact.Id}' has a score of {(total is { } s ? QualificationCheck.Points(s) : "none")}; the MQL threshold of its lead type is {QualificationCheck.Points(Thresholds.Mql)}.");
        }
        else
        {
            var missing = Thresholds.MqlGroups
                .Where(g => score!.Group(g.Group) < g.Minimum)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Group} {QualificationCheck.Points(score!.Group(g.Group))} of at least {QualificationCheck.Points(g.Minimum)}"))
                .ToArray();
            if (missing.Length > 0)
            {
                shortfall = string.Create(CultureInfo.InvariantCulture, $"Contact '{contact.Id}' has a score of {QualificationCheck.Points(value)}, at or above the MQL threshold of {QualificationCheck.Points(Thresholds.Mql)}, but its lead type also asks group minimums it does not meet: {string.Join(", ", missing)}.");
            }
        }

        if (shortfall is not null)
        {
            return new QualificationCheck(false, held is null ? shortfall : shortfall + " " + held.Explanation, held?.HeldSince, held?.PointsStillNeeded, held?.NotBefore);
        }

        return held ?? new QualificationCheck(true, string.Create(CultureInfo.InvariantCulture, $"Contact '{contact.Id}' has a score of {QualificationCheck.Points(total!.Value)}, at or above the MQL threshold of {QualificationCheck.Points(Thresholds.Mql)}{(Thresholds.MqlGroups.Count > 0 ? " with every group minimum met" : string.Empty)}; it qualifies."), null, null, null);
    }

    /// <summary>Gets the hold of the requalification rule on a contact in nurture, or <see langword="null"/> when the rule lets its score count.</summary>
    internal QualificationCheck? Held(ILifecycleSubject contact, decimal? score, DateTimeOffset now)
    {
        if (contact.NurtureEntry() is not { } entry)
        {
            return null;
        }

        var rule = Definitions.Requalification;
        var gained = (score ?? 0m) - (entry.Score ?? 0m);
        decimal? pointsNeeded = rule.MinimumNewPoints is { } minimum && gained < minimum ? minimum - gained : null;
        DateTimeOffset? notBefore = rule.CoolOff is { } coolOff && now - entry.At < coolOff ? entry.At + coolOff : null;
        if (pointsNeeded is null && notBefore is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (pointsNeeded is { } needed)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"it gained {QualificationCheck.Points(gained)} points since then and needs {QualificationCheck.Points(rule.MinimumNewPoints!.Value)} new points ({QualificationCheck.Points(needed)} to go)"));
        }

        if (notBefore is { } until)
        {
            parts.Add("its cool-off lasts until " + until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        var explanation = string.Create(
            CultureInfo.InvariantCulture,
            $"Contact '{contact.Id}' is held back in nurture since {entry.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} ({entry.Trigger.Verb}: {entry.Reason}): {string.Join(" and ", parts)}.");
        return new QualificationCheck(false, explanation, entry.At, pointsNeeded, notBefore);
    }

    internal LifecycleMachine Rent() => machines.Rent();

    internal void Return(LifecycleMachine slot) => machines.Return(slot);

    internal LeadStatusMachine RentStatusMachine() => statusMachines.Rent();

    internal void Return(LeadStatusMachine machine) => statusMachines.Return(machine);

    private static void Validate(LifecycleDefinitions definitions, QualificationThresholds thresholds)
    {
        var problems = new ValidationCollector();
        QualificationThresholds.Validate(problems, "$.thresholds", thresholds, definitions.SqlQualification);
        if (!Enum.IsDefined(definitions.SqlQualification))
        {
            problems.Add("$.sqlQualification", $"{(int)definitions.SqlQualification} is not an SQL qualification; use SalesAcceptance, Score or SalesAcceptanceOrScore.");
        }

        if (!Enum.IsDefined(definitions.OpportunityDefinition))
        {
            problems.Add("$.opportunityDefinition", $"{(int)definitions.OpportunityDefinition} is not an Opportunity definition; use OpenDeal or FirstSuccessfulConnect.");
        }

        if (definitions.HandRaiseRoute is { } route && route != LifecycleStage.MarketingQualifiedLead && route != LifecycleStage.SalesQualifiedLead)
        {
            problems.Add("$.handRaiseRoute", $"A hand-raise can route to MarketingQualifiedLead or SalesQualifiedLead, not {route.Name}.");
        }

        if (definitions.NurtureStage != LifecycleStage.Subscriber && definitions.NurtureStage != LifecycleStage.Lead)
        {
            problems.Add("$.nurtureStage", $"Returned and recycled contacts are nurtured as Subscriber or Lead, not {definitions.NurtureStage?.Name ?? "nothing"}.");
        }

        if (definitions.AddedStages is null)
        {
            problems.Add("$.addedStages", "The added stages are missing; give an empty list when the agreement adds none.");
        }

        var added = definitions.AddedStages ?? [];
        for (var i = 0; i < added.Count; i++)
        {
            if (added[i] is not { IsAdded: true })
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.addedStages[{i}]"), $"{added[i]?.Name ?? "An empty entry"} is not a stage an agreement added; define added stages in the agreement's vocabulary.");
            }
            else if (added.Take(i).Any(a => a is not null && (a.Value == added[i].Value || string.Equals(a.Name, added[i].Name, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.addedStages[{i}]"), $"The stage {added[i].Name} is added twice (by number or by name ignoring case).");
            }
        }

        if (definitions.StageOwners is null)
        {
            problems.Add("$.stageOwners", "The stage owners are missing; every stage needs an owning team so that handoffs are explicit.");
        }
        else
        {
            foreach (var stage in LifecycleStage.InFunnelOrder.Concat(added.Where(a => a is not null)).Where(s => !definitions.StageOwners.TryGetValue(s, out var team) || team is null))
            {
                problems.Add("$.stageOwners", $"No team owns {stage.Name}; every stage needs an owner so that handoffs are explicit.");
            }
        }

        if (definitions.LeadStatuses is null || definitions.LeadStatuses.Count == 0)
        {
            problems.Add("$.leadStatuses", "The lead statuses are missing; give at least the shipped ones.");
        }

        RequalificationRule.Validate(problems, "$.requalification", definitions.Requalification);
        problems.ThrowIfAny("lifecycle definitions");
    }
}
