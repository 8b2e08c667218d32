using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents the kind of a deal stage: open, won, lost or on hold.</summary>
/// <remarks>
/// Every pipeline has open stages, exactly one won stage and at least one lost stage; an on-hold stage parks a
/// deal and remembers where it came from. Values are stored; they never change.
/// </remarks>
public sealed class DealStageKind : SmartEnum<DealStageKind>
{
    /// <summary>Open: the deal is being worked.</summary>
    public static readonly DealStageKind Open = new(nameof(Open), 1, isClosed: false);

    /// <summary>Won: the customer signed; the probability is 100 %.</summary>
    public static readonly DealStageKind Won = new(nameof(Won), 2, isClosed: true);

    /// <summary>Lost: the deal ended without a sale; the probability is 0 %.</summary>
    public static readonly DealStageKind Lost = new(nameof(Lost), 3, isClosed: true);

    /// <summary>On hold: the deal is paused and resumes in the stage it left.</summary>
    public static readonly DealStageKind OnHold = new(nameof(OnHold), 4, isClosed: false);

    private DealStageKind(string name, int value, bool isClosed)
        : base(name, value)
    {
        IsClosed = isClosed;
    }

    /// <summary>Gets a value indicating whether a deal in a stage of this kind is closed (won or lost).</summary>
    public bool IsClosed { get; }
}
