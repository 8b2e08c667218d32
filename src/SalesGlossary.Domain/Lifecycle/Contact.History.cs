
namespace SalesGlossary.Domain;

/// <content>History queries: handoffs, the stage at an instant, time in stages, the nurture entry and the attempts since the handoff.</content>
public sealed partial class Contact
{
    /// <summary>Gets the handoffs between teams in the contact's history, oldest first: each stage change into a stage another team owns, as the agreement assigns ownership.</summary>
    public IReadOnlyList<Handoff> Handoffs
    {
        get
        {
            var handoffs = new List<Handoff>();
            foreach (var record in history)
            {
                if (policy.HandoffOf(record) is { } handoff)
                {
                    handoffs.Add(handoff);
                }
            }

            return handoffs;
        }
    }

    /// <summary>Gets when the contact was last handed to sales (entered a stage sales owns from a stage another team owns), or <see langword="null"/> if never.</summary>
    /// <remarks>The connect policy's clock starts here (<see cref="EvaluateConnectAttempts"/>), and the reports count handoffs by the same definition.</remarks>
    public DateTimeOffset? HandedOverAt
    {
        get
        {
            for (var i = history.Count - 1; i >= 0; i--)
            {
                if (policy.HandoffOf(history[i]) is { } handoff && handoff.To == Team.Sales)
                {
                    return handoff.At;
                }
            }

            return null;
        }
    }

    /// <summary>Gets the stage the contact was in at an instant, from its history.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The stage at that instant, or <see langword="null"/> when the contact did not exist yet.</returns>
    public LifecycleStage? StageAt(DateTimeOffset instant)
    {
        LifecycleStage? stage = null;
        foreach (var record in history)
        {
            if (record.At > instant)
            {
                break;
            }

            stage = record.To;
        }

        return stage;
    }

    /// <summary>Derives, per stage, when the contact entered and left it and how long it spent there, up to now.</summary>
    /// <returns>One entry per stage the contact has been in, in the order first entered.</returns>
    /// <remarks>The cumulative times of all stages add up to the time since the contact was created.</remarks>
    public IReadOnlyList<StageTime> TimeInStages() => StageTime.FromHistory(history, time.GetUtcNow());

    /// <summary>Gets the record by which the contact entered nurture (returned, recycled or reopened), while it is still there; <see langword="null"/> otherwise.</summary>
    internal LifecycleTransition? NurtureEntry()
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var record = history[i];
            if (record.Trigger == LifecycleTrigger.ReturnToMarketing || record.Trigger == LifecycleTrigger.Recycle || record.Trigger == LifecycleTrigger.Reopen)
            {
                return record;
            }

            if (record.ChangesStage && record.To.IsFunnelStage && record.To.Backbone.Value >= LifecycleStage.MarketingQualifiedLead.Value)
            {
                return null;
            }
        }

        return null;
    }

    internal IReadOnlyList<ConnectAttempt> AttemptsSinceHandoff()
    {
        var since = HandedOverAt ?? DateTimeOffset.MinValue;
        return [.. attempts.Where(a => a.At >= since)];
    }
}
