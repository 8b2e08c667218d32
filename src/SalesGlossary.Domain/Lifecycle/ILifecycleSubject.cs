namespace SalesGlossary.Domain;

/// <summary>What the lifecycle machine and the qualification check read of the contact they judge; a contact is one.</summary>
internal interface ILifecycleSubject
{
    /// <summary>Gets the contact's id, for explanations.</summary>
    string Id { get; }

    /// <summary>Gets the contact's stage.</summary>
    LifecycleStage Stage { get; }

    /// <summary>Gets the contact's score, or <see langword="null"/>.</summary>
    decimal? Score { get; }

    /// <summary>Gets the instant the contact's clock reads now.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Gets the record that last put the contact in nurture (a return or recycle), or <see langword="null"/>.</summary>
    /// <returns>The record.</returns>
    LifecycleTransition? NurtureEntry();

    /// <summary>Gets the connect attempts since the latest handoff to sales.</summary>
    /// <returns>The attempts.</returns>
    IReadOnlyList<ConnectAttempt> AttemptsSinceHandoff();
}
