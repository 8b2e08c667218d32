
namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>One deal, hosted by the cluster: one activation per deal id; a move that drives the deal's contact changes both grains or neither.</summary>
/// <remarks>
/// <para>
/// Each verb is the deal's own (see <see cref="Deal"/>), run on the deal and its contact rehydrated with the lead type's pipeline from
/// the cluster's current model generation. A move that changes the contact (opening, winning, losing, reopening a lost deal) is
/// computed on the contact's current revision and stored on the contact only if the contact is still at that revision
/// (compare-and-set); when another change came first, the deal reads the contact again and redoes the move on it. Two concurrent
/// moves of deals of one contact therefore never lose an update, and a refusal on the new state (for example a disqualified
/// contact) comes back to the caller with nothing stored.
/// </para>
/// <para>
/// The deal stores its intended change before it changes the contact and completes it after; a deal whose silo died in between
/// completes the change on its next activation (or drops it, when the contact never took it), so no move is ever half applied as
/// seen through the grains. Refusals throw the library's own <see cref="DealTransitionException"/> or
/// <see cref="LifecycleTransitionException"/> with every value they carry. Where a stream provider is configured, every stored
/// change is published as a <see cref="DealChanged"/> on <see cref="SalesGlossaryCluster.DealStreamNamespace"/>, keyed by the deal's id.
/// </para>
/// </remarks>
[Alias("SalesGlossary.IDealGrain")]
public interface IDealGrain : IGrainWithStringKey
{
    /// <summary>Opens the deal for a contact, in its lead type's pipeline (see <see cref="Deal.Open"/>).</summary>
    /// <param name="contactId">The id of an existing contact grain.</param>
    /// <param name="amount">The deal's amount (not negative).</param>
    /// <param name="expectedClose">The expected close date, if known.</param>
    /// <param name="by">Who opened it (the actor, and the person or system by name if given).</param>
    /// <param name="startStage">The start stage's name, or <see langword="null"/> for the pipeline's first start stage.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="InvalidOperationException">The deal exists already, or the contact was never created.</exception>
    /// <exception cref="ArgumentException">The amount is negative or the start stage is not one the pipeline allows.</exception>
    /// <exception cref="LifecycleTransitionException">The contact cannot take a deal (it is in Other); nothing was stored.</exception>
    [Alias("Open")]
    Task<DealView> OpenAsync(string contactId, decimal amount, DateOnly? expectedClose, By by, string? startStage = null);

    /// <summary>Gets the deal.</summary>
    /// <returns>The deal, or <see langword="null"/> when it was never opened.</returns>
    [Alias("Get")]
    Task<DealView?> GetAsync();

    /// <summary>Moves the deal to another open stage (see <see cref="Deal.MoveTo"/>).</summary>
    /// <param name="stage">The target stage's name.</param>
    /// <param name="by">Who moved it (the actor, and the person or system by name if given).</param>
    /// <param name="reason">Why; required to move back.</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="DealTransitionException">The pipeline does not allow the move from the current stage.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("MoveTo")]
    Task<DealView> MoveToAsync(string stage, By by, string? reason = null);

    /// <summary>Puts the deal on hold (see <see cref="Deal.PutOnHold"/>).</summary>
    /// <param name="by">Who did it (the actor, and the person or system by name if given).</param>
    /// <param name="reason">Why, if given.</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="DealTransitionException">The deal is not open, or the pipeline has no on-hold stage.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("PutOnHold")]
    Task<DealView> PutOnHoldAsync(By by, string? reason = null);

    /// <summary>Resumes a deal on hold in the stage it left (see <see cref="Deal.Resume"/>).</summary>
    /// <param name="by">Who did it (the actor, and the person or system by name if given).</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="DealTransitionException">The deal is not on hold.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("Resume")]
    Task<DealView> ResumeAsync(By by);

    /// <summary>Wins the deal; its contact becomes a Customer in the same move (see <see cref="Deal.Win"/>).</summary>
    /// <param name="by">Who closed it (the actor, and the person or system by name if given).</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="DealTransitionException">The deal is not in an open stage.</exception>
    /// <exception cref="LifecycleTransitionException">The contact cannot become a Customer from its stage; neither grain changed.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("Win")]
    Task<DealView> WinAsync(By by);

    /// <summary>Loses the deal; its contact is recycled or loses its Open deal status in the same move (see <see cref="Deal.Lose"/>).</summary>
    /// <param name="reason">The lost reason; required where the pipeline says so.</param>
    /// <param name="by">Who closed it (the actor, and the person or system by name if given).</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="DealTransitionException">The deal is closed, or no lost reason is given where one is required.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("Lose")]
    Task<DealView> LoseAsync(string? reason, By by);

    /// <summary>Reopens a closed deal in the stage it closed from (see <see cref="Deal.Reopen"/>).</summary>
    /// <param name="reason">Why it is reopened.</param>
    /// <param name="by">Who reopened it (the actor, and the person or system by name if given).</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="DealTransitionException">The deal is not closed, or no reason is given.</exception>
    /// <exception cref="LifecycleTransitionException">The contact of a lost deal is in Other; neither grain changed.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("Reopen")]
    Task<DealView> ReopenAsync(string reason, By by);

    /// <summary>Changes the amount or expected close date (see <see cref="Deal.UpdateForecast"/>).</summary>
    /// <param name="amount">The new amount (not negative).</param>
    /// <param name="expectedClose">The new expected close date, if known.</param>
    /// <param name="by">Who changed it (the actor, and the person or system by name if given).</param>
    /// <param name="reason">Why, if given.</param>
    /// <returns>The changed deal.</returns>
    /// <exception cref="ArgumentException">Nothing would change, or the amount is negative.</exception>
    /// <exception cref="InvalidOperationException">The deal was never opened.</exception>
    [Alias("UpdateForecast")]
    Task<DealView> UpdateForecastAsync(decimal amount, DateOnly? expectedClose, By by, string? reason = null);
}
