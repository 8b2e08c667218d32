using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the answer to whether a contact's score can qualify it now, and why not yet.</summary>
/// <remarks>Returned by <see cref="Contact.CanQualify()"/>; the same rule holds back <see cref="Contact.ApplyScore(ContactScore, By, string?)"/>, so a contact this refuses is never promoted by rescoring.</remarks>
public sealed class QualificationCheck
{
    internal QualificationCheck(bool canQualify, string explanation, DateTimeOffset? heldSince, decimal? pointsStillNeeded, DateTimeOffset? notBefore)
    {
        CanQualify = canQualify;
        Explanation = explanation;
        HeldSince = heldSince;
        PointsStillNeeded = pointsStillNeeded;
        NotBefore = notBefore;
    }

    /// <summary>Gets a value indicating whether the contact's current score makes it an MQL on the next rescoring.</summary>
    public bool CanQualify { get; }

    /// <summary>Gets the answer in words (English, invariant culture), for example why the contact is held back.</summary>
    public string Explanation { get; }

    /// <summary>Gets when the contact entered nurture, if the agreement's requalification rule holds it back; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? HeldSince { get; }

    /// <summary>Gets the new points the contact still has to earn before the rule lets it qualify, or <see langword="null"/> when none are needed.</summary>
    public decimal? PointsStillNeeded { get; }

    /// <summary>Gets the instant the cool-off ends, while it has not ended; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>Gets the answer in words.</summary>
    /// <returns><see cref="Explanation"/>.</returns>
    public override string ToString() => Explanation;

    internal static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
