namespace SalesGlossary.Domain.Lifecycle;

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

/// <summary>Describes a lead status an agreement defines, with the flags that give it meaning.</summary>
/// <remarks>A status is open (sales still has work to do) or closed (work ended), never both; it may be open and untouched, or neither open nor closed when it turned into a deal. Working and connected statuses are open.</remarks>
public sealed record LeadStatusDefinition
{
    /// <summary>Gets the status's name, as stored and written in the agreement, for example <c>NurtureEventFollowUp</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the status's number, as stored; 100 or more and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the status as people write it, for example <c>Nurture – event follow-up</c>.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }

    /// <summary>Gets a value indicating whether sales still has work to do on a lead with this status.</summary>
    public bool IsOpen { get; init; }

    /// <summary>Gets a value indicating whether sales is actively working the lead (an open status).</summary>
    public bool IsWorking { get; init; }

    /// <summary>Gets a value indicating whether the person was reached.</summary>
    public bool IsConnected { get; init; }

    /// <summary>Gets a value indicating whether work on the lead ended.</summary>
    public bool IsClosed { get; init; }
}

/// <summary>Describes a reason code an agreement defines: a disqualification reason or a deal lost reason.</summary>
public sealed record ReasonDefinition
{
    /// <summary>Gets the reason's name, as stored and written in the agreement, for example <c>ChoseCompetitor</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the reason's number, as stored; 100 or more and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the reason as people write it.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }

    /// <summary>Gets a value indicating whether the reason is accepted only once the connect policy's attempts are exhausted (disqualification reasons only).</summary>
    public bool RequiresExhaustedConnectPolicy { get; init; }
}

/// <summary>Describes a team or an actor an agreement defines, for example a <c>CustomerSuccess</c> team or a <c>Partner</c> actor.</summary>
public sealed record TermDefinition
{
    /// <summary>Gets the term's name, as stored and written in the agreement.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the term's number, as stored; 100 or more and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the term as people write it.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }
}
