using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents the channel of a connect attempt: phone, email, voicemail, social, SMS or meeting.</summary>
/// <remarks>
/// A connect policy can require attempts across several channels; voicemail counts as its own channel because a
/// left voicemail is a different touch than a call that nobody answered. Values are stored; they never change.
/// </remarks>
public sealed class ConnectChannel : SmartEnum<ConnectChannel>
{
    /// <summary>Phone: a live call.</summary>
    public static readonly ConnectChannel Phone = new(nameof(Phone), 1, "Phone", isSynchronous: true);

    /// <summary>Email: a personal email from the seller.</summary>
    public static readonly ConnectChannel Email = new(nameof(Email), 2, "Email", isSynchronous: false);

    /// <summary>Voicemail: a message left on voicemail.</summary>
    public static readonly ConnectChannel Voicemail = new(nameof(Voicemail), 3, "Voicemail", isSynchronous: false);

    /// <summary>Social: a message on a social network.</summary>
    public static readonly ConnectChannel Social = new(nameof(Social), 4, "Social", isSynchronous: false);

    /// <summary>SMS: a text message.</summary>
    public static readonly ConnectChannel Sms = new(nameof(Sms), 5, "SMS", isSynchronous: false);

    /// <summary>Meeting: a meeting in person or by video.</summary>
    public static readonly ConnectChannel Meeting = new(nameof(Meeting), 6, "Meeting", isSynchronous: true);

    private ConnectChannel(string name, int value, string displayName, bool isSynchronous)
        : base(name, value)
    {
        DisplayName = displayName;
        IsSynchronous = isSynchronous;
    }

    /// <summary>Gets the channel as people write it.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether the channel reaches the person live (phone, meeting).</summary>
    public bool IsSynchronous { get; }
}
