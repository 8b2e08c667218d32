using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents a stage of the buyer's journey: Awareness, Consideration or Decision.</summary>
/// <remarks>
/// The journey is the buyer's view, not the company's: content and activities carry a journey stage, and a
/// contact's current stage is inferred from what it recently did. Values are stored; they never change.
/// </remarks>
public sealed class BuyerJourneyStage : SmartEnum<BuyerJourneyStage>
{
    /// <summary>Awareness: the buyer notices a problem or an opportunity and looks for words for it.</summary>
    public static readonly BuyerJourneyStage Awareness = new(nameof(Awareness), 1, "The buyer is aware of a problem and researches it.");

    /// <summary>Consideration: the buyer has named the problem and compares ways to solve it.</summary>
    public static readonly BuyerJourneyStage Consideration = new(nameof(Consideration), 2, "The buyer has defined the problem and weighs approaches to solve it.");

    /// <summary>Decision: the buyer has chosen an approach and compares vendors.</summary>
    public static readonly BuyerJourneyStage Decision = new(nameof(Decision), 3, "The buyer has chosen a solution approach and picks a vendor.");

    private BuyerJourneyStage(string name, int value, string description)
        : base(name, value)
    {
        Description = description;
    }

    /// <summary>Gets a one-sentence description of what the buyer does in this stage.</summary>
    public string Description { get; }
}
