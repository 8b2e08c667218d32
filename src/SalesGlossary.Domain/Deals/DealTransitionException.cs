using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>The exception thrown when a deal cannot take a move; the deal (and its contact) are left unchanged.</summary>
public sealed class DealTransitionException : InvalidOperationException
{
    private readonly Func<CultureInfo, string>? describe;

    internal DealTransitionException(string dealId, DealStage stage, Func<CultureInfo, string> move, IReadOnlyList<string> unmetGuards, IReadOnlyList<(string Move, bool NeedsReason)> allowed)
        : base(BuildMessage(dealId, stage, move, unmetGuards, allowed, CultureInfo.InvariantCulture))
    {
        describe = culture => BuildMessage(dealId, stage, move, unmetGuards, allowed, culture);
        DealId = dealId;
        Stage = stage;
        UnmetGuards = unmetGuards;
        Allowed = [.. allowed.Select(a => Allowance(a, CultureInfo.InvariantCulture))];
    }

    // Rebuilds a refusal that crossed a process boundary (an Orleans grain call) with its original message.
    internal DealTransitionException(string message, string dealId, DealStage stage, IReadOnlyList<string> unmetGuards, IReadOnlyList<string> allowed)
        : base(message)
    {
        DealId = dealId;
        Stage = stage;
        UnmetGuards = unmetGuards;
        Allowed = allowed;
    }

    /// <summary>Gets the deal's id.</summary>
    public string DealId { get; }

    /// <summary>Gets the deal's stage, which did not change.</summary>
    public DealStage Stage { get; }

    /// <summary>Gets the descriptions of the guards that were not met.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>Gets the moves allowed now, named as the methods that make them (for example <c>MoveTo('Create proposal')</c>, <c>Lose (with a reason)</c>).</summary>
    public IReadOnlyList<string> Allowed { get; }

    /// <summary>Renders the refusal in a language: the same facts as <see cref="Exception.Message"/> (which is English), with the guards from the library's resources.</summary>
    /// <param name="culture">The language, for example <c>de-DE</c>; the thread's culture is never used. A language without resources gets English.</param>
    /// <returns>The message in that language. Stage names are the pipeline's and moves the names of the methods that make them; a refusal rebuilt from a message (after crossing a process boundary) returns that message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string Describe(CultureInfo culture)
    {
        Guard.NotNull(culture);
        return describe is null ? Message : describe(culture);
    }

    private static string Allowance((string Move, bool NeedsReason) allowed, CultureInfo culture) =>
        allowed.NeedsReason ? allowed.Move + Localization.Format("Refusal.WithReason", culture) : allowed.Move;

    private static string BuildMessage(string dealId, DealStage stage, Func<CultureInfo, string> move, IReadOnlyList<string> unmetGuards, IReadOnlyList<(string Move, bool NeedsReason)> allowed, CultureInfo culture)
    {
        var why = unmetGuards.Count == 0
            ? Localization.Format("Refusal.DealNoMove", culture)
            : Localization.Format(unmetGuards.Count == 1 ? "Refusal.UnmetGuard" : "Refusal.UnmetGuards", culture, string.Join("; ", unmetGuards.Select(g => Localization.GuardText(g, culture))));
        var now = allowed.Count == 0 ? Localization.Format("Refusal.Nothing", culture) : string.Join(", ", allowed.Select(a => Allowance(a, culture)));
        return Localization.Format("Refusal.Deal", culture, dealId, stage.GetDisplayName(culture), move(culture), why, now);
    }
}
