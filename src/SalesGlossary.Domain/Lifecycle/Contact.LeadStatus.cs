namespace SalesGlossary.Domain;

/// <content>The lead status: its verbs, the status a lifecycle move leaves, and the lead-status machine.</content>
public sealed partial class Contact
{
    /// <summary>Sets a lead status of the agreement's vocabulary that no other verb sets, for example an agreement's own nurture status.</summary>
    /// <param name="status">The status, from the agreement's vocabulary (<c>agreement.Vocabulary.GetLeadStatus(…)</c>).</param>
    /// <param name="reason">Why; required for a closed status.</param>
    /// <param name="actor">Who set it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <remarks>
    /// The shipped statuses with a meaning of their own are set by their verbs (a connect attempt, a deal, a return, a
    /// disqualification) so that they always agree with the record; this sets the others, on a contact handed to sales.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The status is not one of the contact's agreement, or a closed status has no reason.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not in a stage sales owns, already has the status, or the status is one a verb sets.</exception>
    public IReadOnlyList<DomainEvent> ChangeLeadStatus(LeadStatus status, string? reason, Actor actor, string? actorName = null)
    {
        Guard.NotNull(status);
        Guard.NotNull(actor);
        var began = BeginChange();
        try
        {
            if (!policy.Definitions.LeadStatuses.Contains(status))
            {
                throw new ArgumentException(
                    $"{status.Name} is not a lead status of the agreement of contact '{Id}'. Known: {string.Join(", ", policy.Definitions.LeadStatuses.Select(s => s.Name))}.",
                    nameof(status));
            }

            if (status.IsClosed && string.IsNullOrWhiteSpace(reason))
            {
                throw new ArgumentException("Lead status " + status.Name + " is closed; a closed status needs a reason.", nameof(reason));
            }

            if (LeadStatusRules.SetByVerb(status) is { } verb)
            {
                throw Refused(LifecycleTrigger.ChangeLeadStatus, null, c => Localization.Format("Detail.StatusSetByVerb", c, status.Name, verb));
            }

            if (policy.OwnerOf(Stage) != Team.Sales || status == LeadStatus)
            {
                throw Refused(LifecycleTrigger.ChangeLeadStatus, null, c => Localization.Format("Detail.StatusInSalesStage", c));
            }

            return Append(Stage, status, LifecycleTrigger.ChangeLeadStatus, actor, actorName, string.IsNullOrWhiteSpace(reason) ? null : reason, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Records that sales started working the lead: the lead status becomes In progress.</summary>
    /// <param name="actor">Who started; usually <see cref="Actor.Sales"/>.</param>
    /// <param name="actorName">The seller, if known.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL or SQL, or its status is not New or Open.</exception>
    public IReadOnlyList<DomainEvent> StartWorking(Actor actor, string? actorName = null)
    {
        Guard.NotNull(actor);
        var began = BeginChange();
        try
        {
            if (LeadStatus is null || LeadStatusMachine().TryFire(LeadStatusTrigger.StartWorking) is false)
            {
                throw Refused(LifecycleTrigger.StartWorking, null, c => Localization.Format("Detail.StartWorking", c));
            }

            return Append(Stage, SalesGlossary.Domain.LeadStatus.InProgress, LifecycleTrigger.StartWorking, actor, actorName, null, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Records that the timing is wrong: the lead status becomes Bad timing.</summary>
    /// <param name="reason">Why, for example <c>Budget frozen until Q3</c>.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL or SQL, or already has status Bad timing.</exception>
    public IReadOnlyList<DomainEvent> MarkBadTiming(string reason, Actor actor, string? actorName = null)
    {
        Guard.NotBlank(reason);
        Guard.NotNull(actor);
        var began = BeginChange();
        try
        {
            if (!LeadStatusMachine().TryFire(LeadStatusTrigger.MarkBadTiming))
            {
                throw Refused(LifecycleTrigger.MarkBadTiming, null, c => Localization.Format("Detail.BadTiming", c));
            }

            return Append(Stage, SalesGlossary.Domain.LeadStatus.BadTiming, LifecycleTrigger.MarkBadTiming, actor, actorName, reason, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    private LeadStatus? StatusAfter(LifecycleTrigger trigger, LifecycleStage destination)
    {
        if (trigger == LifecycleTrigger.ReturnToMarketing)
        {
            return SalesGlossary.Domain.LeadStatus.ReturnedNotReady;
        }

        if (trigger == LifecycleTrigger.Disqualify)
        {
            return SalesGlossary.Domain.LeadStatus.Unqualified;
        }

        if (trigger == LifecycleTrigger.CreateDeal)
        {
            return SalesGlossary.Domain.LeadStatus.OpenDeal;
        }

        if (trigger == LifecycleTrigger.ConnectSucceeded)
        {
            return SalesGlossary.Domain.LeadStatus.Connected;
        }

        if (trigger == LifecycleTrigger.Recycle || trigger == LifecycleTrigger.Reopen || trigger == LifecycleTrigger.WinDeal)
        {
            return null;
        }

        if ((destination.Backbone == LifecycleStage.MarketingQualifiedLead || destination.Backbone == LifecycleStage.SalesQualifiedLead)
            && (LeadStatus is null || !LeadStatus.IsOpen))
        {
            return SalesGlossary.Domain.LeadStatus.New;
        }

        return LeadStatus;
    }

    private LeadStatusMachine LeadStatusMachine() => new(
        policy.Definitions.LeadStatuses,
        LeadStatus,
        () => Stage.Backbone == LifecycleStage.MarketingQualifiedLead || Stage.Backbone == LifecycleStage.SalesQualifiedLead);
}
