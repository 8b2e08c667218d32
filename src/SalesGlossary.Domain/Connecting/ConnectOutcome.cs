using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents the outcome of a connect attempt, after HubSpot's call outcomes plus replies, bounces and booked meetings.</summary>
/// <remarks>
/// Whether an outcome counts as connected is finally the connect policy's choice; <see cref="IsConnectedByDefault"/>
/// is the default the library offers. Values are stored; they never change.
/// </remarks>
public sealed class ConnectOutcome : SmartEnum<ConnectOutcome>
{
    /// <summary>Connected: a conversation with the person took place.</summary>
    public static readonly ConnectOutcome Connected = new(nameof(Connected), 1, "Connected", isConnectedByDefault: true, stopsSequence: true);

    /// <summary>Replied: the person answered in writing.</summary>
    public static readonly ConnectOutcome Replied = new(nameof(Replied), 2, "Replied", isConnectedByDefault: true, stopsSequence: true);

    /// <summary>Left voicemail: a message was left on voicemail.</summary>
    public static readonly ConnectOutcome LeftVoicemail = new(nameof(LeftVoicemail), 3, "Left voicemail", isConnectedByDefault: false, stopsSequence: false);

    /// <summary>Left live message: a message was left with a colleague or assistant.</summary>
    public static readonly ConnectOutcome LeftLiveMessage = new(nameof(LeftLiveMessage), 4, "Left live message", isConnectedByDefault: false, stopsSequence: false);

    /// <summary>No answer: nobody picked up.</summary>
    public static readonly ConnectOutcome NoAnswer = new(nameof(NoAnswer), 5, "No answer", isConnectedByDefault: false, stopsSequence: false);

    /// <summary>Busy: the line was busy.</summary>
    public static readonly ConnectOutcome Busy = new(nameof(Busy), 6, "Busy", isConnectedByDefault: false, stopsSequence: false);

    /// <summary>Wrong number: the number does not belong to the person.</summary>
    public static readonly ConnectOutcome WrongNumber = new(nameof(WrongNumber), 7, "Wrong number", isConnectedByDefault: false, stopsSequence: false);

    /// <summary>Bounced: the email could not be delivered.</summary>
    public static readonly ConnectOutcome Bounced = new(nameof(Bounced), 8, "Bounced", isConnectedByDefault: false, stopsSequence: true);

    /// <summary>Meeting booked: the person booked a meeting.</summary>
    public static readonly ConnectOutcome MeetingBooked = new(nameof(MeetingBooked), 9, "Meeting booked", isConnectedByDefault: true, stopsSequence: true);

    private ConnectOutcome(string name, int value, string displayName, bool isConnectedByDefault, bool stopsSequence)
        : base(name, value)
    {
        DisplayName = displayName;
        IsConnectedByDefault = isConnectedByDefault;
        StopsSequence = stopsSequence;
    }

    /// <summary>Gets the outcome as people write it.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether the outcome counts as connected unless the connect policy says otherwise.</summary>
    public bool IsConnectedByDefault { get; }

    /// <summary>Gets a value indicating whether the outcome ends an attempt sequence (a reply, a booked meeting, a bounce).</summary>
    public bool StopsSequence { get; }
}
