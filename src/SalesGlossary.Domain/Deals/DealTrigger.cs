using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents an event in a deal's life.</summary>
/// <remarks>Values are stored; they never change.</remarks>
public sealed class DealTrigger : SmartEnum<DealTrigger>
{
    /// <summary>The deal was created in its start stage; always the first record of a history.</summary>
    public static readonly DealTrigger Create = new(nameof(Create), 1);

    /// <summary>The deal moved to another open stage: forward, or back with a reason where the pipeline allows it.</summary>
    public static readonly DealTrigger MoveTo = new(nameof(MoveTo), 2);

    /// <summary>The deal was parked in the on-hold stage; it remembers the stage it left.</summary>
    public static readonly DealTrigger PutOnHold = new(nameof(PutOnHold), 3);

    /// <summary>The deal left the on-hold stage for the stage it had left.</summary>
    public static readonly DealTrigger Resume = new(nameof(Resume), 4);

    /// <summary>The deal was won.</summary>
    public static readonly DealTrigger Win = new(nameof(Win), 5);

    /// <summary>The deal was lost, with a lost reason.</summary>
    public static readonly DealTrigger Lose = new(nameof(Lose), 6);

    /// <summary>A closed deal was reopened in the stage it closed from, with a reason.</summary>
    public static readonly DealTrigger Reopen = new(nameof(Reopen), 7);

    /// <summary>The amount or expected close date changed; the stage did not.</summary>
    public static readonly DealTrigger UpdateForecast = new(nameof(UpdateForecast), 8);

    private DealTrigger(string name, int value)
        : base(name, value)
    {
    }
}
