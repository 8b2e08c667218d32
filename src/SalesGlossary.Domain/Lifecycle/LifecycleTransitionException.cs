using System.Globalization;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>The exception thrown when a contact cannot take a trigger in its current stage; the contact is left unchanged.</summary>
/// <remarks>
/// The message names the contact, its stage, the trigger, the guards that were not met (in the words of the
/// agreement) and the triggers that are permitted now, so that the caller knows what to do instead.
/// </remarks>
public sealed class LifecycleTransitionException : InvalidOperationException
{
    internal LifecycleTransitionException(
        string contactId,
        LifecycleStage stage,
        LeadStatus? status,
        LifecycleTrigger trigger,
        IReadOnlyList<string> unmetGuards,
        IReadOnlyList<LifecycleTrigger> permittedTriggers,
        string? detail = null)
        : base(BuildMessage(contactId, stage, status, trigger, unmetGuards, permittedTriggers, detail))
    {
        ContactId = contactId;
        Stage = stage;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
        PermittedTriggers = permittedTriggers;
    }

    // Rebuilds a refusal that crossed a process boundary (an Orleans grain call) with its original message.
    internal LifecycleTransitionException(
        string message,
        string contactId,
        LifecycleStage stage,
        LifecycleTrigger trigger,
        IReadOnlyList<string> unmetGuards,
        IReadOnlyList<LifecycleTrigger> permittedTriggers)
        : base(message)
    {
        ContactId = contactId;
        Stage = stage;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
        PermittedTriggers = permittedTriggers;
    }

    /// <summary>Gets the id of the contact.</summary>
    public string ContactId { get; }

    /// <summary>Gets the contact's stage, which did not change.</summary>
    public LifecycleStage Stage { get; }

    /// <summary>Gets the trigger that was refused.</summary>
    public LifecycleTrigger Trigger { get; }

    /// <summary>Gets the descriptions of the guards that were not met; empty when the trigger has no transition from the stage at all.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>Gets the triggers the contact could take now.</summary>
    public IReadOnlyList<LifecycleTrigger> PermittedTriggers { get; }

    private static string BuildMessage(
        string contactId,
        LifecycleStage stage,
        LeadStatus? status,
        LifecycleTrigger trigger,
        IReadOnlyList<string> unmetGuards,
        IReadOnlyList<LifecycleTrigger> permittedTriggers,
        string? detail)
    {
        var why = detail
            ?? (unmetGuards.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{trigger.Verb} is not possible from {stage.DisplayName}")
                : "unmet " + (unmetGuards.Count == 1 ? "guard" : "guards") + ": " + string.Join("; ", unmetGuards));
        var permitted = permittedTriggers.Count == 0 ? "none" : string.Join(", ", permittedTriggers.Select(t => t.Verb).Distinct(StringComparer.Ordinal));
        var statusText = status is null ? string.Empty : " (lead status " + status.DisplayName + ")";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Contact '{contactId}' in stage {stage.DisplayName}{statusText} cannot {trigger.Verb}: {why}. Permitted now: {permitted}.");
    }
}
