using Orleans.Concurrency;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>One contact, hosted by the cluster: one activation per contact id, so every change to it is serialized by the runtime.</summary>
/// <remarks>
/// <para>
/// Each verb is the contact's own (see <see cref="Contact"/>): it runs on the contact rehydrated with the lead type's policy from
/// the cluster's current model generation, and is stored through the grain storage named
/// <see cref="SalesGlossaryCluster.StorageName"/> before it returns. A refused verb throws the library's own exception
/// (<see cref="LifecycleTransitionException"/> with every value it names) and stores nothing.
/// </para>
/// <para>
/// Where a stream provider is configured, every stored change is then published as a <see cref="ContactChanged"/> on the stream
/// <see cref="SalesGlossaryCluster.ContactStreamNamespace"/> keyed by <see cref="SalesGlossaryClusterOptions.ContactStreamKey"/>, in revision order.
/// The event is stored with the change in one write and published after it (a transactional outbox): a silo that dies in between
/// leaves it to the grain's next activation, and a stream that refuses it does not fail the verb. Delivery is at least once;
/// consumers drop repeats by revision (<see cref="ChangeDeduplicator"/>).
/// </para>
/// </remarks>
[Alias("SalesGlossary.IContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>Creates the contact with a lead type of the current agreement.</summary>
    /// <param name="leadType">The key of the contact's lead type.</param>
    /// <param name="initialStage">Subscriber or Lead.</param>
    /// <param name="by">Who created it (the actor, and the person or system by name if given).</param>
    /// <returns>The new contact.</returns>
    /// <exception cref="InvalidOperationException">The contact exists already.</exception>
    /// <exception cref="ArgumentException">The lead type is not one of the agreement's (the message lists its lead types), or the initial stage is neither Subscriber nor Lead.</exception>
    [Alias("Create")]
    Task<ContactView> CreateAsync(string leadType, LifecycleStage initialStage, By by);

    /// <summary>Gets the contact.</summary>
    /// <returns>The contact, or <see langword="null"/> when it was never created.</returns>
    [Alias("Get")]
    [ReadOnly]
    Task<ContactView?> GetAsync();

    /// <summary>Moves a subscriber to Lead (see <see cref="Contact.Convert"/>).</summary>
    /// <param name="by">Who recorded it (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("Convert")]
    Task<ContactView> ConvertAsync(By by);

    /// <summary>Moves an MQL to SQL because sales accepted it (see <see cref="Contact.AcceptBySales"/>).</summary>
    /// <param name="by">Who accepted (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("AcceptBySales")]
    Task<ContactView> AcceptBySalesAsync(By by);

    /// <summary>Records a hand-raise (see <see cref="Contact.HandRaise"/>).</summary>
    /// <param name="what">What the contact did, for example <c>Demo request</c>.</param>
    /// <param name="by">Who recorded it (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("HandRaise")]
    Task<ContactView> HandRaiseAsync(string what, By by);

    /// <summary>Sends the contact back to marketing (see <see cref="Contact.ReturnToMarketing"/>).</summary>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who decided (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("ReturnToMarketing")]
    Task<ContactView> ReturnToMarketingAsync(string reason, By by);

    /// <summary>Recycles the contact for nurturing (see <see cref="Contact.Recycle"/>).</summary>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who decided (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("Recycle")]
    Task<ContactView> RecycleAsync(string reason, By by);

    /// <summary>Disqualifies the contact with a reason code (see <see cref="Contact.Disqualify"/>).</summary>
    /// <param name="reason">The reason code.</param>
    /// <param name="by">Who decided (the actor, and the person or system by name if given).</param>
    /// <param name="note">A free-text note, if any.</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("Disqualify")]
    Task<ContactView> DisqualifyAsync(DisqualificationReason reason, By by, string? note = null);

    /// <summary>Reopens a disqualified contact (see <see cref="Contact.Reopen"/>).</summary>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who decided (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("Reopen")]
    Task<ContactView> ReopenAsync(string reason, By by);

    /// <summary>Records that sales started working the contact (see <see cref="Contact.StartWorking"/>).</summary>
    /// <param name="by">Who (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("StartWorking")]
    Task<ContactView> StartWorkingAsync(By by);

    /// <summary>Records a connect attempt (see <see cref="Contact.RecordConnectAttempt"/>).</summary>
    /// <param name="attempt">The attempt.</param>
    /// <param name="actor">Who recorded it; the person who made the attempt is the attempt's own <see cref="ConnectAttempt.By"/>.</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("RecordConnectAttempt")]
    Task<ContactView> RecordConnectAttemptAsync(ConnectAttempt attempt, Actor actor);

    /// <summary>Overrides the contact's stage and status with a reason (see <see cref="Contact.Override"/>).</summary>
    /// <param name="stage">The new stage.</param>
    /// <param name="status">The new lead status, if any.</param>
    /// <param name="reason">Why.</param>
    /// <param name="by">Who (the actor, and the person or system by name if given).</param>
    /// <returns>The changed contact.</returns>
    /// <exception cref="LifecycleTransitionException">The contact cannot take the move.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("Override")]
    Task<ContactView> OverrideAsync(LifecycleStage stage, LeadStatus? status, string reason, By by);

    /// <summary>Scores the contact with its lead type's model from the cluster's current generation and applies the score.</summary>
    /// <param name="lead">What is known about the lead.</param>
    /// <param name="by">Who scored (the actor, and the person or system by name if given); usually <see cref="By.System"/>.</param>
    /// <returns>The changed contact; its <see cref="ContactView.Score"/> names the model version and generation.</returns>
    /// <exception cref="LifecycleTransitionException">A threshold move the score reached was refused; nothing is stored.</exception>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("Score")]
    Task<ContactView> ScoreAsync(LeadFacts lead, By by);

    /// <summary>Applies a score computed by a rescoring job, once per job.</summary>
    /// <param name="score">The score, with the job that computed it.</param>
    /// <returns><see langword="true"/> when it was applied; <see langword="false"/> when this job applied a score already (nothing changes).</returns>
    /// <exception cref="InvalidOperationException">The contact was never created.</exception>
    [Alias("ApplyRescore")]
    Task<bool> ApplyRescoreAsync(ScoreStamp score);

    /// <summary>Gets whether a rescoring job applied its score to the contact.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <returns><see langword="true"/> when it did.</returns>
    [Alias("WasRescoredBy")]
    [ReadOnly]
    Task<bool> WasRescoredByAsync(string jobId);
}
