using System.Globalization;

namespace SalesGlossary.Domain;

/// <content>The lead status: its verbs, and the status a lifecycle or deal move leaves, all moved by the lead-status machine.</content>
public sealed partial class Contact
{
    /// <summary>Sets a lead status of the agreement's vocabulary that no other verb sets, for example an agreement's own nurture status.</summary>
    /// <param name="status">The status, from the agreement's vocabulary (<c>agreement.Vocabulary.GetLeadStatus(…)</c>).</param>
    /// <param name="reason">Why; required for a closed status.</param>
    /// <param name="by">Who set it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <remarks>
    /// The shipped statuses with a meaning of their own are set by their verbs (a connect attempt, a deal, a return, a
    /// disqualification) so that they always agree with the record; this sets the others, on a contact handed to sales.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The status is not one of the contact's agreement.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not in a stage sales owns, already has the status, the status is one a verb sets, or a closed status has no reason.</exception>
    public IReadOnlyList<DomainEvent> ChangeLeadStatus(LeadStatus status, string? reason, By by)
    {
        Guard.NotNull(status);
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            if (!policy.Definitions.LeadStatuses.Contains(status))
            {
                throw new ArgumentException(
                    $"{status.Name} is not a lead status of the agreement of contact '{Id}'. Known: {string.Join(", ", policy.Definitions.LeadStatuses.Select(s => s.Name))}.",
                    nameof(status));
            }

            var reasoned = !string.IsNullOrWhiteSpace(reason);
            if (!TryMoveStatus(LeadStatusTrigger.ChangeStatus, status, Stage, reasoned, out _, out var unmet))
            {
                throw unmet.Count > 0 ? Refused(LifecycleTrigger.ChangeLeadStatus, unmet, null)
                    : LeadStatusRules.SetByVerb(status) is { } verb ? Refused(LifecycleTrigger.ChangeLeadStatus, null, c => Localization.Format("Detail.StatusSetByVerb", c, status.GetDisplayName(c), verb == LeadStatusRules.Handoff ? Localization.Format("Detail.Handoff", c) : verb))
                    : Refused(LifecycleTrigger.ChangeLeadStatus, null, c => Localization.Format("Detail.StatusUnchanged", c, status.GetDisplayName(c)));
            }

            return Append(Stage, status, LifecycleTrigger.ChangeLeadStatus, by, reasoned ? reason : null, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Records that sales started working the lead: the lead status becomes In progress.</summary>
    /// <param name="by">Who started (the actor, and the person or system by name if given); usually <see cref="By.Sales"/>.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL or SQL, or its status is not New or Open.</exception>
    public IReadOnlyList<DomainEvent> StartWorking(By by)
    {
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            if (!TryMoveStatus(LeadStatusTrigger.StartWorking, null, Stage, false, out var next, out var unmet))
            {
                throw Refused(LifecycleTrigger.StartWorking, unmet, c => Localization.Format("Detail.StartWorking", c));
            }

            return Append(Stage, next, LifecycleTrigger.StartWorking, by, null, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Records that the timing is wrong: the lead status becomes Bad timing.</summary>
    /// <param name="reason">Why, for example <c>Budget frozen until Q3</c>.</param>
    /// <param name="by">Who recorded it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException"><paramref name="reason"/> is empty, the contact is not an MQL or SQL, or it already has status Bad timing.</exception>
    public IReadOnlyList<DomainEvent> MarkBadTiming(string reason, By by)
    {
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            RequireReason(LifecycleTrigger.MarkBadTiming, reason);
            if (!TryMoveStatus(LeadStatusTrigger.MarkBadTiming, null, Stage, true, out var next, out var unmet))
            {
                throw Refused(LifecycleTrigger.MarkBadTiming, unmet, c => Localization.Format("Detail.BadTiming", c));
            }

            return Append(Stage, next, LifecycleTrigger.MarkBadTiming, by, reason, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Gets the status a lifecycle move leaves, from the lead-status machine: the one home of what each move does to the status.</summary>
    private LeadStatus? StatusAfter(LifecycleTrigger trigger, LifecycleStage destination)
    {
        LeadStatusTrigger? move =
            trigger == LifecycleTrigger.ReturnToMarketing ? LeadStatusTrigger.ReturnToMarketing
            : trigger == LifecycleTrigger.Disqualify ? LeadStatusTrigger.Disqualify
            : trigger == LifecycleTrigger.CreateDeal ? LeadStatusTrigger.CreateDeal
            : trigger == LifecycleTrigger.ConnectSucceeded ? LeadStatusTrigger.ConnectSucceeded
            : trigger == LifecycleTrigger.Recycle || trigger == LifecycleTrigger.Reopen || trigger == LifecycleTrigger.WinDeal ? LeadStatusTrigger.EndLead
            : destination.Backbone == LifecycleStage.MarketingQualifiedLead || destination.Backbone == LifecycleStage.SalesQualifiedLead ? LeadStatusTrigger.EnterSalesStage
            : null;
        return move is { } status ? StatusAfter(status, destination) : LeadStatus;
    }

    /// <summary>Gets the status a move the lead-status machine always takes (one without guards: a lifecycle move's, a deal's) leaves.</summary>
    private LeadStatus? StatusAfter(LeadStatusTrigger trigger, LifecycleStage stage) =>
        TryMoveStatus(trigger, null, stage, true, out var next, out _)
            ? next
            : throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The lead-status machine of contact '{Id}' refused {trigger} from status {LeadStatus?.Name ?? "none"}; a lifecycle or deal move always sets a status."));

    /// <summary>Moves the status on a machine of the contact's policy, without changing the contact.</summary>
    /// <returns><see langword="true"/> with the status after the move (the current one when the machine ignores it); <see langword="false"/> with the unmet guards when the machine refuses it.</returns>
    private bool TryMoveStatus(LeadStatusTrigger trigger, LeadStatus? target, LifecycleStage stage, bool reasonGiven, out LeadStatus? next, out IReadOnlyList<string> unmet)
    {
        var machine = policy.RentStatusMachine();
        try
        {
            machine.Bind(LeadStatus, stage, reasonGiven);
            if (!machine.CanFire(trigger, target, out unmet))
            {
                next = LeadStatus;
                return false;
            }

            machine.TryFire(trigger, target);
            next = machine.Status;
            return true;
        }
        finally
        {
            machine.Release();
        }
    }

    /// <summary>Refuses a move that needs a reason (or a note) when none is given, as a refusal that can be described in every language of the library; it reads the contact as its one writer.</summary>
    private void RequireReason(LifecycleTrigger trigger, string? reason, string guard = LifecyclePolicy.ReasonGuard)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            var began = BeginChange();
            try
            {
                throw Refused(trigger, [guard], null);
            }
            finally
            {
                EndChange(began);
            }
        }
    }
}
