using Stateless;
using Stateless.Graph;

namespace SalesGlossary.Domain;

/// <summary>The lead status as a Stateless machine beside the lifecycle machine: every move of the status, with guards in words.</summary>
/// <remarks>
/// <para>
/// The machine holds the moves sales makes on the status alone (start working, bad timing, connect attempts, a status of
/// the agreement's own), the status a lifecycle move leaves (New on a handoff, Returned – not ready, Unqualified, Open deal,
/// none once the contact stops being a lead) and the statuses a deal sets. The moves follow the statuses' meaning flags
/// (open, working, connected, closed), so an agreement's own statuses move like the shipped ones with the same flags.
/// </para>
/// <para>
/// One machine is configured per lifecycle policy and rented from its pool; <see cref="Bind"/> points it at a contact's
/// status and stage. A contact with no status is in the state <see cref="NoStatus"/>.
/// </para>
/// </remarks>
internal sealed class LeadStatusMachine
{
    internal const string WorkStageGuard = "the contact is an MQL or SQL (or in a stage added after one)";
    internal const string SalesStageGuard = "the contact is in a stage sales owns";

    /// <summary>The state of a contact without a lead status; never leaves the machine (<see cref="Status"/> reads it as <see langword="null"/>).</summary>
    internal static readonly LeadStatus NoStatus = LeadStatus.Define(new LeadStatusDefinition { Name = "NoStatus", Number = 0 });

    private readonly LifecyclePolicy policy;
    private readonly StateMachine<LeadStatus, LeadStatusMove> machine;
    private readonly HashSet<LeadStatus> configured = [];
    private readonly LeadStatus[] settable;
    private LeadStatus state = NoStatus;
    private LifecycleStage stage = LifecycleStage.Subscriber;
    private bool reasonGiven;

    internal LeadStatusMachine(LifecyclePolicy policy)
    {
        this.policy = policy;
        machine = new StateMachine<LeadStatus, LeadStatusMove>(() => state, s => state = s, FiringMode.Immediate);
        var statuses = policy.Definitions.LeadStatuses
            .Concat([LeadStatus.New, LeadStatus.InProgress, LeadStatus.AttemptedToContact, LeadStatus.Connected, LeadStatus.OpenDeal, LeadStatus.Unqualified, LeadStatus.BadTiming, LeadStatus.ReturnedNotReady])
            .Distinct()
            .ToList();
        settable = [.. statuses.Where(s => LeadStatusRules.SetByVerb(s) is null)];
        Configure(NoStatus);
        foreach (var status in statuses)
        {
            Configure(status);
        }
    }

    /// <summary>Gets the status the machine is in; <see langword="null"/> for no status.</summary>
    internal LeadStatus? Status => state == NoStatus ? null : state;

    /// <summary>Gets the statuses <see cref="LeadStatusTrigger.ChangeStatus"/> may ask for: those no other move sets.</summary>
    internal IReadOnlyList<LeadStatus> Settable => settable;

    /// <summary>Draws the machine of a policy as a Mermaid state diagram.</summary>
    internal static string ToMermaidGraph(LifecyclePolicy policy) => MermaidGraph.Format(new LeadStatusMachine(policy).machine.GetInfo());

    /// <summary>Draws the machine of a policy as a Graphviz DOT graph.</summary>
    internal static string ToDotGraph(LifecyclePolicy policy) => UmlDotGraph.Format(new LeadStatusMachine(policy).machine.GetInfo());

    /// <summary>Points the machine at a contact: its status, its stage (the stage the move happens in) and whether a reason is given.</summary>
    internal void Bind(LeadStatus? status, LifecycleStage inStage, bool withReason)
    {
        state = status ?? NoStatus;
        if (!configured.Contains(state))
        {
            // A status outside the policy's list (stored under an earlier agreement) still moves by its flags.
            Configure(state);
        }

        stage = inStage;
        reasonGiven = withReason;
    }

    /// <summary>Gets a value indicating whether the machine takes a move now, and the guards that are not met when it does not.</summary>
    internal bool CanFire(LeadStatusTrigger trigger, LeadStatus? target, out IReadOnlyList<string> unmet)
    {
        if (machine.CanFire(new LeadStatusMove(trigger, target), out var guards))
        {
            unmet = [];
            return true;
        }

        unmet = [.. guards ?? []];
        return false;
    }

    /// <summary>Makes a move if the machine allows it now.</summary>
    /// <returns><see langword="true"/> when the move was made (or ignored, leaving the status as it is); <see langword="false"/> when it is refused.</returns>
    internal bool TryFire(LeadStatusTrigger trigger, LeadStatus? target = null)
    {
        var move = new LeadStatusMove(trigger, target);
        if (!machine.CanFire(move))
        {
            return false;
        }

        machine.Fire(move);
        return true;
    }

    /// <summary>Returns the machine to its policy's pool.</summary>
    internal void Release()
    {
        state = NoStatus;
        stage = LifecycleStage.Subscriber;
        reasonGiven = false;
        policy.Return(this);
    }

    private bool InWorkStage() => stage.Backbone == LifecycleStage.MarketingQualifiedLead || stage.Backbone == LifecycleStage.SalesQualifiedLead;

    private bool InSalesStage() => policy.Definitions.StageOwners.TryGetValue(stage, out var team) && team == Team.Sales;

    private bool ReasonGiven() => reasonGiven;

    private void Configure(LeadStatus status)
    {
        configured.Add(status);
        var none = status == NoStatus;
        var config = machine.Configure(status);
        void Move(LeadStatusTrigger trigger, bool allowed, LeadStatus to)
        {
            var move = new LeadStatusMove(trigger, null);
            if (allowed && to != status)
            {
                config.Permit(move, to);
            }
            else
            {
                config.Ignore(move);
            }
        }

        if (!none && status.Kind == LeadStatusKind.Untouched)
        {
            config.PermitIf(new LeadStatusMove(LeadStatusTrigger.StartWorking, null), LeadStatus.InProgress, InWorkStage, WorkStageGuard);
        }

        if (status != LeadStatus.BadTiming)
        {
            config.PermitIf(new LeadStatusMove(LeadStatusTrigger.MarkBadTiming, null), LeadStatus.BadTiming, InWorkStage, WorkStageGuard);
        }

        Move(LeadStatusTrigger.ConnectFailed, none || (status.IsOpen && !status.IsConnected), LeadStatus.AttemptedToContact);
        Move(LeadStatusTrigger.ConnectSucceeded, !status.IsConnected, LeadStatus.Connected);
        Move(LeadStatusTrigger.EnterSalesStage, !status.IsOpen, LeadStatus.New);
        Move(LeadStatusTrigger.ReturnToMarketing, true, LeadStatus.ReturnedNotReady);
        Move(LeadStatusTrigger.Disqualify, true, LeadStatus.Unqualified);
        Move(LeadStatusTrigger.CreateDeal, true, LeadStatus.OpenDeal);
        Move(LeadStatusTrigger.LoseDeal, !none && status.Kind == LeadStatusKind.Converted, LeadStatus.Connected);
        Move(LeadStatusTrigger.EndLead, true, NoStatus);

        foreach (var target in settable.Where(t => t != status))
        {
            var move = new LeadStatusMove(LeadStatusTrigger.ChangeStatus, target);
            if (target.IsClosed)
            {
                config.PermitIf(move, target, new Tuple<Func<bool>, string>(InSalesStage, SalesStageGuard), new Tuple<Func<bool>, string>(ReasonGiven, LifecyclePolicy.ReasonGuard));
            }
            else
            {
                config.PermitIf(move, target, InSalesStage, SalesStageGuard);
            }
        }
    }
}
