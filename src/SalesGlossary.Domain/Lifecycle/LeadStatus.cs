using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents what sales is doing with a lead right now, a sub-state while the contact is a qualified lead.</summary>
/// <remarks>
/// Lead status is separate from the lifecycle stage: an SQL can be <see cref="New"/>, <see cref="AttemptedToContact"/>
/// or <see cref="Connected"/>. Connect attempts and deals move it; a return to marketing sets
/// <see cref="ReturnedNotReady"/> and a disqualification <see cref="Unqualified"/>. Values are stored; they never change.
/// </remarks>
public sealed class LeadStatus : SmartEnum<LeadStatus>
{
    /// <summary>New: handed over, nobody has worked it yet. The default status.</summary>
    public static readonly LeadStatus New = new(nameof(New), 1, "New", LeadStatusKind.Untouched);

    /// <summary>Open: assigned and queued for work, no attempt yet.</summary>
    public static readonly LeadStatus Open = new(nameof(Open), 2, "Open", LeadStatusKind.Untouched);

    /// <summary>In progress: sales is actively working the lead.</summary>
    public static readonly LeadStatus InProgress = new(nameof(InProgress), 3, "In progress", LeadStatusKind.Working);

    /// <summary>Attempted to contact: at least one connect attempt was made, none connected yet.</summary>
    public static readonly LeadStatus AttemptedToContact = new(nameof(AttemptedToContact), 4, "Attempted to contact", LeadStatusKind.Working);

    /// <summary>Connected: a connect attempt reached the person (a conversation, a reply, a booked meeting).</summary>
    public static readonly LeadStatus Connected = new(nameof(Connected), 5, "Connected", LeadStatusKind.Working);

    /// <summary>Open deal: a deal exists for the lead; in Salesforce terms the lead is converted.</summary>
    public static readonly LeadStatus OpenDeal = new(nameof(OpenDeal), 6, "Open deal", LeadStatusKind.Converted);

    /// <summary>Unqualified: the lead was disqualified, always with a reason.</summary>
    public static readonly LeadStatus Unqualified = new(nameof(Unqualified), 7, "Unqualified", LeadStatusKind.Closed);

    /// <summary>Bad timing: qualified in principle, but not now; nurture and try again later.</summary>
    public static readonly LeadStatus BadTiming = new(nameof(BadTiming), 8, "Bad timing", LeadStatusKind.Closed);

    /// <summary>Returned – not ready: sales returned the lead to marketing for more nurturing, with a reason.</summary>
    public static readonly LeadStatus ReturnedNotReady = new(nameof(ReturnedNotReady), 9, "Returned – not ready", LeadStatusKind.Closed);

    private LeadStatus(string name, int value, string displayName, LeadStatusKind kind)
        : base(name, value)
    {
        DisplayName = displayName;
        Kind = kind;
        IsConnected = name is nameof(Connected) or nameof(OpenDeal);
    }

    private LeadStatus(LeadStatusDefinition definition)
        : base(definition.Name, definition.Number)
    {
        DisplayName = definition.DisplayName ?? definition.Name;
        Kind = definition.IsClosed ? LeadStatusKind.Closed
            : definition.IsWorking ? LeadStatusKind.Working
            : definition.IsOpen ? LeadStatusKind.Untouched
            : LeadStatusKind.Converted;
        IsConnected = definition.IsConnected;
    }

    /// <summary>Gets the status as people write it, for example <c>Attempted to contact</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the broad group of the status: untouched, working, converted or closed.</summary>
    public LeadStatusKind Kind { get; }

    /// <summary>Gets a value indicating whether sales still has work to do on the lead.</summary>
    public bool IsOpen => Kind == LeadStatusKind.Untouched || Kind == LeadStatusKind.Working;

    /// <summary>Gets a value indicating whether sales is actively working the lead.</summary>
    public bool IsWorking => Kind == LeadStatusKind.Working;

    /// <summary>Gets a value indicating whether the person was reached: <see cref="Connected"/> and <see cref="OpenDeal"/> among the shipped statuses.</summary>
    public bool IsConnected { get; }

    /// <summary>Gets a value indicating whether work on the lead ended without a deal.</summary>
    public bool IsClosed => Kind == LeadStatusKind.Closed;

    /// <summary>Gets a value indicating whether an agreement defined the status (it is not one the library ships).</summary>
    public bool IsDefinedByAgreement => Value >= 100;

    /// <summary>Gets the status's name as people write it in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in, for example <c>de-DE</c>; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The name in that language; for a status an agreement defines, its <see cref="DisplayName"/> (an agreement names its own terms per language through <c>Vocabulary.GetDisplayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture) => Localization.TermName(nameof(LeadStatus), Name, culture) ?? DisplayName;

    /// <summary>Gets what the status means, in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The description, or <see langword="null"/> for a status an agreement defines (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture) => Localization.TermDescription(nameof(LeadStatus), Name, culture);

    /// <summary>Determines whether another status is the same: the same number and name.</summary>
    /// <param name="other">The other status.</param>
    /// <returns><see langword="true"/> when both have the same number and name.</returns>
    public override bool Equals(SmartEnum<LeadStatus, int>? other) => base.Equals(other) && (other is null || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>Returns the hash code of the status's number.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => base.GetHashCode();

    internal static LeadStatus Define(LeadStatusDefinition definition) => new(definition);
}
