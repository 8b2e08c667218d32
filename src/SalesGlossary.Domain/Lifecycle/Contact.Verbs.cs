using System.Globalization;

namespace SalesGlossary.Domain;

/// <content>The verbs that move a contact through the lifecycle, and the records a deal makes on it.</content>
public sealed partial class Contact
{
    /// <summary>Moves a subscriber to Lead because it converted (for example filled in a form).</summary>
    /// <param name="by">Who recorded the conversion (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="LifecycleTransitionException">The contact is not a subscriber.</exception>
    public IReadOnlyList<DomainEvent> Convert(By by) => Fire(LifecycleTrigger.Convert, by, null, null);

    /// <summary>Moves an MQL to SQL because sales accepted it.</summary>
    /// <param name="by">Who accepted (the actor, and the person or system by name if given); usually <see cref="By.Sales"/>.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL, or the agreement does not qualify SQLs by acceptance.</exception>
    public IReadOnlyList<DomainEvent> AcceptBySales(By by) => Fire(LifecycleTrigger.AcceptBySales, by, null, null);

    /// <summary>Routes a hand-raise (for example a demo request) straight to MQL or SQL, as the agreement defines.</summary>
    /// <param name="what">What the contact did, for example <c>Demo request</c>; recorded as the reason.</param>
    /// <param name="by">Who recorded it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="what"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The agreement defines no such route, or the contact is already past it.</exception>
    public IReadOnlyList<DomainEvent> HandRaise(string what, By by) =>
        Fire(LifecycleTrigger.HandRaise, by, Guard.NotBlank(what), null);

    /// <summary>Moves the contact into a stage the agreement added (for example Sales Accepted Lead after MQL), as the stage's entry rule allows.</summary>
    /// <param name="stage">The added stage, from the agreement's vocabulary (<c>agreement.Vocabulary.GetStage("SalesAcceptedLead")</c>).</param>
    /// <param name="by">Who moved it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <remarks>An added stage is entered from the stage it follows (or an earlier added stage after the same one); where its entry rule asks a score, the contact's score must reach it.</remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is not a stage the contact's agreement added.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not in the stage it follows, is already in or past it, or its score is below the entry score.</exception>
    public IReadOnlyList<DomainEvent> EnterStage(LifecycleStage stage, By by)
    {
        Guard.NotNull(stage);
        if (!policy.Definitions.AddedStages.Contains(stage))
        {
            throw new ArgumentException(
                $"{stage.Name} is not a stage the agreement of contact '{Id}' added; stages it added: {(policy.Definitions.AddedStages.Count == 0 ? "none" : string.Join(", ", policy.Definitions.AddedStages.Select(s => s.Name)))}. The article's stages are reached through their own verbs.",
                nameof(stage));
        }

        return Fire(LifecycleTrigger.EnterStage, by, null, null, stage);
    }

    /// <summary>Records that a deal was created; only a <c>Deal</c> calls it, so that deal and contact always agree.</summary>
    internal void RecordDealCreated(By by, string deal)
    {
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            if (Stage == LifecycleStage.Other)
            {
                throw Refused(LifecycleTrigger.CreateDeal, null, c => Localization.Format("Detail.NoDealsInOther", c));
            }

            if (Stage.Backbone.Value < LifecycleStage.Opportunity.Value && policy.Definitions.OpportunityDefinition == OpportunityDefinition.OpenDeal)
            {
                Fire(LifecycleTrigger.CreateDeal, by, deal, null);
            }
            else if (Stage.Backbone.Value <= LifecycleStage.Opportunity.Value && StatusAfter(LeadStatusTrigger.CreateDeal, Stage) is var status && status != LeadStatus)
            {
                Append(Stage, status, LifecycleTrigger.CreateDeal, by, deal, null);
            }
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Throws the refusal a won deal would meet, before the deal changes.</summary>
    internal void EnsureCanWinDeal()
    {
        if (Stage.Backbone != LifecycleStage.Customer && Stage.Backbone != LifecycleStage.Evangelist && !CanTake(LifecycleTrigger.WinDeal))
        {
            var slot = policy.Rent();
            try
            {
                slot.Bind(this, null);
                slot.Machine.CanFire(LifecycleTrigger.WinDeal, out var unmet);
                throw new LifecycleTransitionException(Id, Stage, LeadStatus, LifecycleTrigger.WinDeal, [.. unmet ?? []], PermittedIn(slot));
            }
            finally
            {
                slot.Release();
            }
        }
    }

    /// <summary>Records that a deal was won: the contact becomes a Customer (a customer has no lead status: it is no longer a lead); a Customer or Evangelist stays as it is.</summary>
    internal void RecordDealWon(By by, string deal)
    {
        var began = BeginChange();
        try
        {
            if (Stage.Backbone != LifecycleStage.Customer && Stage.Backbone != LifecycleStage.Evangelist)
            {
                Fire(LifecycleTrigger.WinDeal, by, deal, null);
            }
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Records that a deal was lost: the contact is recycled where the agreement says so; otherwise a converted status (Open deal) becomes Connected (the contact was reached, and no deal is open).</summary>
    internal void RecordDealLost(By by, string deal, string? reason)
    {
        var began = BeginChange();
        try
        {
            var why = "Deal '" + deal + "' lost: " + (string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason);
            if (policy.Definitions.RecycleWhenDealLost && Stage.Backbone == LifecycleStage.Opportunity)
            {
                Fire(LifecycleTrigger.Recycle, by, why, null);
            }
            else if (StatusAfter(LeadStatusTrigger.LoseDeal, Stage) is var status && status != LeadStatus)
            {
                Append(Stage, status, LifecycleTrigger.LoseDeal, by, why, null);
            }
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Moves a customer to Evangelist.</summary>
    /// <param name="by">Who recorded it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="LifecycleTransitionException">The contact is not a customer.</exception>
    public IReadOnlyList<DomainEvent> BecomeAdvocate(By by) => Fire(LifecycleTrigger.BecomeAdvocate, by, null, null);

    /// <summary>Returns an MQL or SQL to marketing for nurturing; the lead status becomes Returned – not ready.</summary>
    /// <param name="reason">Why sales returns it; reports group returns by reason.</param>
    /// <param name="by">Who returned it (the actor, and the person or system by name if given); usually <see cref="By.Sales"/>.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException"><paramref name="reason"/> is empty (a refusal naming the unmet guard "a reason is given"), or the contact is neither MQL nor SQL.</exception>
    public IReadOnlyList<DomainEvent> ReturnToMarketing(string reason, By by) =>
        Fire(LifecycleTrigger.ReturnToMarketing, by, Reason(LifecycleTrigger.ReturnToMarketing, reason), null);

    /// <summary>Sends a lost opportunity or a churned customer back to nurturing.</summary>
    /// <param name="reason">Why, for example the lost reason of the deal.</param>
    /// <param name="by">Who recycled it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException"><paramref name="reason"/> is empty, or the contact is not an Opportunity, Customer or Evangelist.</exception>
    public IReadOnlyList<DomainEvent> Recycle(string reason, By by) =>
        Fire(LifecycleTrigger.Recycle, by, Reason(LifecycleTrigger.Recycle, reason), null);

    /// <summary>Disqualifies the contact: it moves to Other with lead status Unqualified.</summary>
    /// <param name="reason">The reason code; <see cref="DisqualificationReason.UnableToReach"/> only once the connect policy is exhausted.</param>
    /// <param name="by">Who disqualified it (the actor, and the person or system by name if given).</param>
    /// <param name="note">Details in words; required for <see cref="DisqualificationReason.Other"/>.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> or <paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException">The reason is Other and no note is given, the contact is a Customer, Evangelist or already in Other, or the connect policy is not exhausted for "unable to reach".</exception>
    public IReadOnlyList<DomainEvent> Disqualify(DisqualificationReason reason, By by, string? note = null)
    {
        Guard.NotNull(reason);
        if (reason == DisqualificationReason.Other)
        {
            RequireReason(LifecycleTrigger.Disqualify, note, LifecyclePolicy.OtherNoteGuard);
        }

        return Fire(LifecycleTrigger.Disqualify, by, string.IsNullOrWhiteSpace(note) ? reason.DisplayName : reason.DisplayName + ": " + note, reason);
    }

    /// <summary>Reopens a contact in Other as a nurtured lead.</summary>
    /// <param name="reason">Why it is reopened.</param>
    /// <param name="by">Who reopened it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException"><paramref name="reason"/> is empty, or the contact is not in Other.</exception>
    public IReadOnlyList<DomainEvent> Reopen(string reason, By by) =>
        Fire(LifecycleTrigger.Reopen, by, Reason(LifecycleTrigger.Reopen, reason), null);

    /// <summary>Records a connect attempt: the first moves the lead status to Attempted to contact, a connected outcome to Connected.</summary>
    /// <param name="attempt">The attempt.</param>
    /// <param name="actor">Who recorded it; usually <see cref="Actor.Sales"/>. The person who made the attempt is the attempt's own <see cref="ConnectAttempt.By"/>, recorded as the transition's name.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <remarks>
    /// Where the agreement defines an Opportunity as a first successful connect, a connected outcome on an SQL also
    /// makes the contact an Opportunity. A later attempt that does not connect never turns Connected back.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not handed to sales (MQL, SQL or Opportunity).</exception>
    public IReadOnlyList<DomainEvent> RecordConnectAttempt(ConnectAttempt attempt, Actor actor)
    {
        Guard.NotNull(attempt);
        Guard.NotNull(actor);
        var began = BeginChange();
        try
        {
            if (policy.OwnerOf(Stage) != Team.Sales)
            {
                var salesStages = LifecycleStage.InFunnelOrder.Where(s => policy.OwnerOf(s) == Team.Sales).ToArray();
                throw Refused(LifecycleTrigger.RecordConnectAttempt, null, c => Localization.Format("Detail.ConnectInSalesStage", c, string.Join(", ", salesStages.Select(s => s.GetDisplayName(c)))));
            }

            var mark = pending.Count;
            var reason = string.Create(CultureInfo.InvariantCulture, $"Attempt {attempts.Count + 1} by {attempt.Channel.DisplayName}: {attempt.Outcome.DisplayName}");
            var connected = policy.ConnectPolicy.IsConnected(attempt.Outcome);
            var movesToOpportunity = connected && Stage.Backbone == LifecycleStage.SalesQualifiedLead
                && policy.Definitions.OpportunityDefinition == OpportunityDefinition.FirstSuccessfulConnect;
            if (movesToOpportunity)
            {
                Fire(LifecycleTrigger.ConnectSucceeded, By.Stored(actor, attempt.By), reason, null);
            }
            else
            {
                var status = StatusAfter(connected ? LeadStatusTrigger.ConnectSucceeded : LeadStatusTrigger.ConnectFailed, Stage);
                if (status != LeadStatus)
                {
                    Append(Stage, status, LifecycleTrigger.RecordConnectAttempt, By.Stored(actor, attempt.By), reason, null);
                }
            }

            attempts.Add(attempt);

            pending.Insert(mark, new ConnectAttemptRecorded { ContactId = Id, At = time.GetUtcNow(), Attempt = attempt, Number = attempts.Count });
            return Since(mark);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Corrects the stage or lead status administratively, bypassing the rules; the record is marked as an override.</summary>
    /// <param name="stage">The stage the contact must have.</param>
    /// <param name="status">The lead status the contact must have, or <see langword="null"/> for none.</param>
    /// <param name="reason">Why the rules are bypassed.</param>
    /// <param name="by">Who corrects it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or nothing would change.</exception>
    public IReadOnlyList<DomainEvent> Override(LifecycleStage stage, LeadStatus? status, string reason, By by)
    {
        Guard.NotNull(stage);
        Guard.NotBlank(reason);
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            if (stage == Stage && status == LeadStatus)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The override changes nothing: contact '{Id}' is already in stage {Stage.DisplayName} with lead status {LeadStatus?.DisplayName ?? "none"}."),
                    nameof(stage));
            }

            return Append(stage, status, LifecycleTrigger.Override, by, reason, null);
        }
        finally
        {
            EndChange(began);
        }
    }

    private string Reason(LifecycleTrigger trigger, string reason)
    {
        RequireReason(trigger, reason);
        return reason;
    }
}
