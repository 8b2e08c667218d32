namespace SalesGlossary.Domain;

/// <summary>Describes a lifecycle stage an agreement adds between the article's stages, for example Sales Accepted Lead after MQL.</summary>
/// <remarks>
/// An added stage refines the stage it follows (<see cref="After"/>): to every guard of the lifecycle it is that stage one
/// step further, so every move allowed from it stays allowed, and a contact enters it from it (or from an earlier added
/// stage of the same backbone stage) with <c>Contact.EnterStage</c>. Its owning team is given in the agreement's team
/// assignment like that of every other stage; a stage without an owner is refused.
/// </remarks>
public sealed record StageDefinition
{
    /// <summary>Gets the stage's name, as stored and written in the agreement, for example <c>SalesAcceptedLead</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the stage's number, as stored; 100 or more (lower numbers belong to the article's stages) and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the funnel stage it follows: Subscriber, Lead, MQL, SQL, Opportunity or Customer.</summary>
    public required LifecycleStage After { get; init; }

    /// <summary>Gets the name as people write it, for example <c>Sales Accepted Lead</c>.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }

    /// <summary>Gets the short name used in reports, for example <c>SAL</c>.</summary>
    /// <value><see langword="null"/> by default: the display name is used.</value>
    public string? Abbreviation { get; init; }

    /// <summary>Gets the entry rule: the score a contact needs to enter the stage.</summary>
    /// <value><see langword="null"/> by default: entering needs no score, only someone recording it.</value>
    public decimal? EntryMinimumScore { get; init; }
}
