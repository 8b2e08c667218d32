using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>The exception thrown when a contact cannot take a trigger in its current stage; the contact is left unchanged.</summary>
/// <remarks>
/// The message names the contact, its stage, the trigger, the guards that were not met (in the words of the
/// agreement) and the triggers that are permitted now, so that the caller knows what to do instead.
/// </remarks>
public sealed class LifecycleTransitionException : InvalidOperationException
{
    private readonly Func<CultureInfo, string>? describe;

    internal LifecycleTransitionException(
        string contactId,
        LifecycleStage stage,
        LeadStatus? status,
        LifecycleTrigger trigger,
        IReadOnlyList<string> unmetGuards,
        IReadOnlyList<LifecycleTrigger> permittedTriggers,
        Func<CultureInfo, string>? detail = null)
        : base(BuildMessage(contactId, stage, status, trigger, unmetGuards, permittedTriggers, detail, CultureInfo.InvariantCulture))
    {
        describe = culture => BuildMessage(contactId, stage, status, trigger, unmetGuards, permittedTriggers, detail, culture);
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

    /// <summary>Renders the refusal in a language: the same facts as <see cref="Exception.Message"/> (which is English), with stage and status names, guards and reasons from the library's resources.</summary>
    /// <param name="culture">The language, for example <c>de-DE</c>; the thread's culture is never used. A language without resources gets English.</param>
    /// <returns>The message in that language. Verbs stay the names of the methods that make the moves; guards an agreement words itself stay as written. A refusal rebuilt from a message (after crossing a process boundary) returns that message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string Describe(CultureInfo culture)
    {
        Guard.NotNull(culture);
        return describe is null ? Message : describe(culture);
    }

    private static string BuildMessage(
        string contactId,
        LifecycleStage stage,
        LeadStatus? status,
        LifecycleTrigger trigger,
        IReadOnlyList<string> unmetGuards,
        IReadOnlyList<LifecycleTrigger> permittedTriggers,
        Func<CultureInfo, string>? detail,
        CultureInfo culture)
    {
        var why = detail?.Invoke(culture)
            ?? (unmetGuards.Count == 0
                ? Localization.Format("Refusal.NotFromStage", culture, trigger.Verb, stage.GetDisplayName(culture))
                : Localization.Format(unmetGuards.Count == 1 ? "Refusal.UnmetGuard" : "Refusal.UnmetGuards", culture, string.Join("; ", unmetGuards.Select(g => Localization.GuardText(g, culture)))));
        var permitted = permittedTriggers.Count == 0 ? Localization.Format("Refusal.None", culture) : string.Join(", ", permittedTriggers.Select(t => t.Verb).Distinct(StringComparer.Ordinal));
        var statusText = status is null ? string.Empty : Localization.Format("Refusal.ContactStatus", culture, status.GetDisplayName(culture));
        return Localization.Format("Refusal.Contact", culture, contactId, stage.GetDisplayName(culture), statusText, trigger.Verb, why, permitted);
    }
}
