using Stateless;

namespace SalesGlossary.Domain;

/// <summary>
/// The Stateless configuration of the lifecycle: one machine per slot, pooled by its <see cref="LifecyclePolicy"/> and bound in
/// turn to the contact being moved. It knows the contact only as an <see cref="ILifecycleSubject"/>, so the machine has
/// no reference back to the aggregate.
/// </summary>
internal sealed class LifecycleMachine
{
    private static readonly LifecycleStage[] BeforeCustomer =
    [
        LifecycleStage.Subscriber, LifecycleStage.Lead, LifecycleStage.MarketingQualifiedLead,
        LifecycleStage.SalesQualifiedLead, LifecycleStage.Opportunity,
    ];

    private readonly bool drawing;
    private readonly Dictionary<LifecycleStage, int> stageIndex;
    private readonly Func<bool>[][]?[,] permits;
    private readonly Dictionary<LifecycleStage, string[]> entryGuards = [];

    public LifecycleMachine(LifecyclePolicy policy, bool drawing)
    {
        Policy = policy;
        this.drawing = drawing;
        stageIndex = policy.Stages.Select((stage, i) => (stage, i)).ToDictionary(x => x.stage, x => x.i);
        permits = new Func<bool>[][]?[policy.Stages.Count, LifecycleTrigger.List.Max(t => t.Value) + 1];
        Stage = LifecycleStage.Subscriber;
        Machine = new StateMachine<LifecycleStage, LifecycleTrigger>(() => Stage, stage => Stage = stage, FiringMode.Immediate);
        Configure(policy.Definitions);
    }

    public LifecyclePolicy Policy { get; }

    public StateMachine<LifecycleStage, LifecycleTrigger> Machine { get; }

    public LifecycleStage Stage { get; set; }

    public ILifecycleSubject? Contact { get; set; }

    public DisqualificationReason? DisqualificationReason { get; set; }

    /// <summary>Gets or sets the added stage a contact asks to enter, for <see cref="LifecycleTrigger.EnterStage"/>.</summary>
    public LifecycleStage? TargetStage { get; set; }

    public void Bind(ILifecycleSubject contact, DisqualificationReason? reason, LifecycleStage? target = null)
    {
        Contact = contact;
        Stage = contact.Stage;
        DisqualificationReason = reason;
        TargetStage = target;
    }

    public void Release()
    {
        Contact = null;
        DisqualificationReason = null;
        TargetStage = null;
        Policy.Return(this);
    }

    private QualificationThresholds Thresholds => Policy.Thresholds;

    private bool ScoreReachedMql() => Contact?.Score is { } score && score >= Thresholds.Mql;

    private bool RequalificationAllows() => Contact is null || Policy.Held(Contact, Contact.Score, Contact.Now) is null;

    private bool ScoreReachedSql() => Contact?.Score is { } score && Thresholds.Sql is { } sql && score >= sql;

    private bool AttemptsAllowUnableToReach() =>
        DisqualificationReason is null
        || !DisqualificationReason.RequiresExhaustedConnectPolicy
        || (Contact is not null && Policy.ConnectPolicy.IsExhausted(Contact.AttemptsSinceHandoff()));

    private static bool Always() => true;

    /// <summary>
    /// Keeps, of the guards Stateless found unmet, those that speak of the move asked for. Every added stage is entered by
    /// the same trigger, so for <see cref="LifecycleTrigger.EnterStage"/> Stateless lists the entry guards of every added
    /// stage the contact could have been moved to; only the target's own guards explain the refusal.
    /// </summary>
    public IReadOnlyList<string> UnmetFor(LifecycleTrigger trigger, IEnumerable<string>? unmet)
    {
        if (unmet is null)
        {
            return [];
        }

        return trigger == LifecycleTrigger.EnterStage && TargetStage is { } target && entryGuards.TryGetValue(target, out var own)
            ? [.. unmet.Where(own.Contains)]
            : [.. unmet];
    }

    /// <summary>Gets a value indicating whether the bound contact can take a trigger, from the same configuration as the Stateless machine, without allocating.</summary>
    public bool CanFire(LifecycleTrigger trigger) =>
        CanFireFrom(Stage, trigger) || (Stage.IsAdded && CanFireFrom(Stage.Backbone, trigger));

    private bool CanFireFrom(LifecycleStage stage, LifecycleTrigger trigger)
    {
        if (!stageIndex.TryGetValue(stage, out var index) || permits[index, trigger.Value] is not { } candidates)
        {
            return false;
        }

        foreach (var guards in candidates)
        {
            var met = true;
            foreach (var guard in guards)
            {
                if (!guard())
                {
                    met = false;
                    break;
                }
            }

            if (met)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Configures one transition in both sinks: the Stateless machine (firing, refusal messages, diagrams) and the allocation-free table of <see cref="CanFire"/>.</summary>
    private void Allow(LifecycleStage from, LifecycleTrigger trigger, LifecycleStage to, params (Func<bool> Guard, string Description)[] guards)
    {
        var config = Machine.Configure(from);
        switch (guards.Length)
        {
            case 0:
                config.Permit(trigger, to);
                break;
            case 1:
                config.PermitIf(trigger, to, guards[0].Guard, guards[0].Description);
                break;
            default:
                config.PermitIf(trigger, to, [.. guards.Select(g => new Tuple<Func<bool>, string>(g.Guard, g.Description))]);
                break;
        }

        var index = stageIndex[from];
        var existing = permits[index, trigger.Value] ?? [];
        permits[index, trigger.Value] = [.. existing, [.. guards.Select(g => g.Guard)]];
    }

    /// <summary>A fixed choice of the agreement is a guard when firing (so a refusal names it) and decides whether a move is drawn at all when drawing (so the diagram shows only what the agreement allows).</summary>
    private void AllowByChoice(LifecycleStage from, LifecycleTrigger trigger, LifecycleStage to, Func<bool> choice, string description, params (Func<bool> Guard, string Description)[] guards)
    {
        if (!drawing)
        {
            Allow(from, trigger, to, [(choice, description), .. guards]);
        }
        else if (choice())
        {
            Allow(from, trigger, to, guards);
        }
    }

    private void Configure(LifecycleDefinitions d)
    {
        var nurture = d.NurtureStage;
        var mql = LifecycleStage.MarketingQualifiedLead;
        var sql = LifecycleStage.SalesQualifiedLead;
        var opportunity = LifecycleStage.Opportunity;
        bool SqlByAcceptance() => d.SqlQualification != SqlQualification.Score;
        bool SqlByScore() => d.SqlQualification != SqlQualification.SalesAcceptance;
        bool HandRaiseToMql() => d.HandRaiseRoute == mql;
        bool HandRaiseToSql() => d.HandRaiseRoute == sql;
        bool OpportunityByDeal() => d.OpportunityDefinition == OpportunityDefinition.OpenDeal;
        bool OpportunityByConnect() => d.OpportunityDefinition == OpportunityDefinition.FirstSuccessfulConnect;
        var reason = ((Func<bool>)Always, LifecyclePolicy.ReasonGuard);

        foreach (var stage in LifecycleStage.InFunnelOrder)
        {
            if (stage.Value < mql.Value)
            {
                Allow(stage, LifecycleTrigger.ReachMqlThreshold, mql, (ScoreReachedMql, LifecyclePolicy.MqlThresholdGuard), (RequalificationAllows, LifecyclePolicy.RequalificationGuard));
                AllowByChoice(stage, LifecycleTrigger.HandRaise, mql, HandRaiseToMql, LifecyclePolicy.HandRaiseToMqlGuard);
            }

            if (stage.Value < sql.Value)
            {
                AllowByChoice(stage, LifecycleTrigger.HandRaise, sql, HandRaiseToSql, LifecyclePolicy.HandRaiseToSqlGuard);
            }

            if (stage.Value < opportunity.Value)
            {
                AllowByChoice(stage, LifecycleTrigger.CreateDeal, opportunity, OpportunityByDeal, LifecyclePolicy.OpportunityByDealGuard);
            }

            if (stage.IsFunnelStage && stage.Value < LifecycleStage.Customer.Value)
            {
                Allow(stage, LifecycleTrigger.WinDeal, LifecycleStage.Customer);
            }

            if (BeforeCustomer.Contains(stage))
            {
                Allow(stage, LifecycleTrigger.Disqualify, LifecycleStage.Other, (AttemptsAllowUnableToReach, LifecyclePolicy.UnableToReachGuard));
            }
        }

        Allow(LifecycleStage.Subscriber, LifecycleTrigger.Convert, LifecycleStage.Lead);
        AllowByChoice(mql, LifecycleTrigger.AcceptBySales, sql, SqlByAcceptance, LifecyclePolicy.SqlByAcceptanceGuard);
        AllowByChoice(mql, LifecycleTrigger.ReachSqlThreshold, sql, SqlByScore, LifecyclePolicy.SqlByScoreGuard, (ScoreReachedSql, LifecyclePolicy.SqlThresholdGuard));
        Allow(mql, LifecycleTrigger.ReturnToMarketing, nurture, reason);
        AllowByChoice(sql, LifecycleTrigger.ConnectSucceeded, opportunity, OpportunityByConnect, LifecyclePolicy.OpportunityByConnectGuard);
        Allow(sql, LifecycleTrigger.ReturnToMarketing, nurture, reason);
        Allow(opportunity, LifecycleTrigger.Recycle, nurture, reason);
        Allow(LifecycleStage.Customer, LifecycleTrigger.BecomeAdvocate, LifecycleStage.Evangelist);
        Allow(LifecycleStage.Customer, LifecycleTrigger.Recycle, nurture, reason);
        Allow(LifecycleStage.Evangelist, LifecycleTrigger.Recycle, nurture, reason);
        Allow(LifecycleStage.Other, LifecycleTrigger.Reopen, nurture, reason);

        // An added stage refines the stage it follows: every move allowed from that stage stays allowed from it (a
        // Stateless substate), and it is entered from that stage or an earlier added stage of the same one.
        foreach (var added in Policy.Stages.Where(st => st.IsAdded))
        {
            Machine.Configure(added).SubstateOf(added.Backbone);
            var target = added;
            bool Asked() => TargetStage == target && Stage.Rank < target.Rank;
            var entry = "the stage asked for is " + target.DisplayName + ", not yet reached";
            (Func<bool> Guard, string Description)[] guards = target.EntryMinimumScore is { } minimum
                ? [(Asked, entry), (() => Contact?.Score is { } score && score >= minimum, "the lead score reached " + QualificationCheck.Points(minimum) + ", the entry score of " + target.DisplayName)]
                : [(Asked, entry)];
            entryGuards[target] = [.. guards.Select(g => g.Description)];
            foreach (var from in Policy.Stages.Where(st => st.Backbone == target.Backbone && st.Rank < target.Rank))
            {
                Allow(from, LifecycleTrigger.EnterStage, target, guards);
            }
        }
    }
}
