using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the agreement's connect policy: what a proper sequence of attempts on a handed-over lead is.</summary>
/// <remarks>
/// The first touch is due within <see cref="FirstTouchWithin"/> of business time after the handoff; the sequence is
/// complete (exhausted) after at least <see cref="MinimumAttempts"/> attempts over at least <see cref="OverDays"/> days
/// across at least <see cref="MinimumChannels"/> channels; attempts must be at least <see cref="MinimumSpacing"/> of
/// business time apart. A connected outcome ends the sequence as connected; a bounce stops it.
/// </remarks>
public sealed record ConnectPolicy
{
    /// <summary>Initializes a new connect policy from its settings and validates it.</summary>
    /// <param name="options">The settings, each named; unset ones take the defaults of <see cref="ConnectPolicyOptions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The policy is invalid; every problem is listed with the setting it concerns.</exception>
    public ConnectPolicy(ConnectPolicyOptions options)
        : this(
            Guard.NotNull(options).Name,
            options.BusinessHours,
            options.FirstTouchWithin,
            options.MinimumAttempts,
            options.OverDays,
            options.MinimumChannels,
            options.MinimumSpacing,
            options.ConnectedOutcomes)
    {
    }

    [System.Text.Json.Serialization.JsonConstructor]
    private ConnectPolicy(
        string name,
        BusinessHours businessHours,
        TimeSpan firstTouchWithin,
        int minimumAttempts,
        int overDays,
        int minimumChannels,
        TimeSpan minimumSpacing,
        IReadOnlyList<ConnectOutcome>? connectedOutcomes = null)
    {
        Name = name;
        BusinessHours = businessHours;
        FirstTouchWithin = firstTouchWithin;
        MinimumAttempts = minimumAttempts;
        OverDays = overDays;
        MinimumChannels = minimumChannels;
        MinimumSpacing = minimumSpacing;
        ConnectedOutcomes = connectedOutcomes?.ToArray() ?? [.. ConnectOutcome.List.Where(o => o.IsConnectedByDefault).OrderBy(o => o.Value)];
        var problems = new ValidationCollector();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("$.name", "The connect policy needs a name.");
        }

        if (businessHours is null)
        {
            problems.Add("$.businessHours", "The connect policy needs business hours.");
        }

        if (firstTouchWithin <= TimeSpan.Zero)
        {
            problems.Add("$.firstTouchWithin", "The first touch must be due after some business time; it is not positive.");
        }

        if (minimumAttempts is < 1 or > 1000)
        {
            problems.Add("$.minimumAttempts", $"A sequence needs between 1 and 1000 attempts; it is {minimumAttempts}.");
        }

        if (overDays is < 0 or > 3650)
        {
            problems.Add("$.overDays", $"The days a sequence spans must be between 0 and 3650; it is {overDays}.");
        }

        if (firstTouchWithin > TimeSpan.FromHours(100_000) || minimumSpacing > TimeSpan.FromHours(100_000))
        {
            problems.Add("$.firstTouchWithin", "Business-time limits above 100000 hours are not accepted.");
        }

        if (minimumChannels < 1 || minimumChannels > ConnectChannel.List.Count || minimumChannels > Math.Max(1, minimumAttempts))
        {
            problems.Add("$.minimumChannels", $"The channels must be between 1 and the number of attempts ({minimumAttempts}); it is {minimumChannels}.");
        }

        if (minimumSpacing < TimeSpan.Zero)
        {
            problems.Add("$.minimumSpacing", "The spacing between attempts cannot be negative.");
        }

        if (ConnectedOutcomes.Count == 0 || ConnectedOutcomes.Any(o => o is null))
        {
            problems.Add("$.connectedOutcomes", "At least one outcome must count as connected, and none may be missing.");
        }

        problems.ThrowIfAny("connect policy '" + name + "'");
    }

    /// <summary>Gets the business hours of <see cref="Default"/> and of settings that name none: 09:00 to 17:00 UTC, Monday to Friday.</summary>
    internal static BusinessHours DefaultBusinessHours { get; } = new(new BusinessHoursOptions { TimeZone = "UTC" });

    /// <summary>Gets the connect policy used where no agreement gives one: the first touch within 4 business hours (09:00 to 17:00 UTC, Monday to Friday), and the sequence exhausted after 6 attempts without a connection, at least 1 business hour apart.</summary>
    public static ConnectPolicy Default { get; } = new(new ConnectPolicyOptions { Name = "Default follow-up" });

    /// <summary>Gets the policy's name.</summary>
    public string Name { get; }

    /// <summary>Gets the sales team's business hours.</summary>
    public BusinessHours BusinessHours { get; }

    /// <summary>Gets the business time within which the first attempt is due after the handoff.</summary>
    public TimeSpan FirstTouchWithin { get; }

    /// <summary>Gets the attempts a complete sequence has at least.</summary>
    public int MinimumAttempts { get; }

    /// <summary>Gets the days a complete sequence spans at least, from the first to the last attempt.</summary>
    public int OverDays { get; }

    /// <summary>Gets the distinct channels a complete sequence uses at least.</summary>
    public int MinimumChannels { get; }

    /// <summary>Gets the business time between two attempts at least.</summary>
    public TimeSpan MinimumSpacing { get; }

    /// <summary>Gets the outcomes that count as connected.</summary>
    public IReadOnlyList<ConnectOutcome> ConnectedOutcomes { get; private init => field = ValueList<ConnectOutcome>.From(value); }

    /// <summary>Gets a value indicating whether an outcome counts as connected under this policy; the policy alone decides it.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns><see langword="true"/> when the outcome is one of <see cref="ConnectedOutcomes"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is <see langword="null"/>.</exception>
    public bool IsConnected(ConnectOutcome outcome)
    {
        Guard.NotNull(outcome);
        foreach (var connected in ConnectedOutcomes)
        {
            if (connected == outcome)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a value indicating whether these attempts complete the sequence without a connection.</summary>
    /// <param name="attempts">The attempts made since the handoff.</param>
    /// <returns><see langword="true"/> when the sequence is exhausted.</returns>
    public bool IsExhausted(IReadOnlyList<ConnectAttempt> attempts)
    {
        Guard.NotNull(attempts);
        return Status(attempts.OrderBy(a => a.At).ToArray()) == ConnectStatus.Exhausted;
    }

    /// <summary>Evaluates a lead's attempts against the policy.</summary>
    /// <param name="handoffAt">When the lead was handed to sales; attempts before it do not count.</param>
    /// <param name="attempts">The lead's attempts, in any order.</param>
    /// <param name="now">The instant of the evaluation, from the caller's <see cref="TimeProvider"/>.</param>
    /// <returns>The status, the next attempt due and every breach so far.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attempts"/> is <see langword="null"/>.</exception>
    public ConnectEvaluation Evaluate(DateTimeOffset handoffAt, IReadOnlyList<ConnectAttempt> attempts, DateTimeOffset now)
    {
        Guard.NotNull(attempts);
        var counted = attempts.Where(a => a.At >= handoffAt).OrderBy(a => a.At).ToArray();
        var status = Status(counted);
        var channels = counted.Select(a => a.Channel).Distinct().Count();
        var stoppedBy = status is ConnectStatus.InProgress ? counted.FirstOrDefault(a => a.Outcome.StopsSequence && !IsConnected(a.Outcome))?.Outcome : null;
        var breaches = new List<ConnectBreach>();
        var firstDue = BusinessHours.Add(handoffAt, FirstTouchWithin);
        var firstTouch = counted.Length > 0 ? counted[0].At : (DateTimeOffset?)null;
        if ((firstTouch ?? now) > firstDue)
        {
            var late = BusinessHours.Between(handoffAt, firstTouch ?? now);
            breaches.Add(new ConnectBreach(ConnectBreachKind.FirstTouchLate, string.Create(
                CultureInfo.InvariantCulture,
                $"The first touch {(firstTouch is null ? "has not happened after" : "came after")} {late.TotalHours:0.##} business hours; the policy allows {FirstTouchWithin.TotalHours:0.##}.")));
        }

        for (var i = 1; i < counted.Length; i++)
        {
            var gap = BusinessHours.Between(counted[i - 1].At, counted[i].At);
            if (gap < MinimumSpacing)
            {
                breaches.Add(new ConnectBreach(ConnectBreachKind.TooCloseTogether, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Attempts {i} and {i + 1} are {gap.TotalHours:0.##} business hours apart; the policy asks for {MinimumSpacing.TotalHours:0.##}.")));
            }
        }

        var sequenceOver = status != ConnectStatus.Exhausted && status != ConnectStatus.Connected && (stoppedBy is not null || now >= handoffAt.AddDays(OverDays) && counted.Length > 0 && now > firstDue);
        if (sequenceOver && counted.Length < MinimumAttempts)
        {
            breaches.Add(new ConnectBreach(ConnectBreachKind.TooFewAttempts, string.Create(CultureInfo.InvariantCulture, $"{counted.Length} attempts were made; the policy asks for {MinimumAttempts}.")));
        }

        if (sequenceOver && channels < MinimumChannels)
        {
            breaches.Add(new ConnectBreach(ConnectBreachKind.TooFewChannels, string.Create(CultureInfo.InvariantCulture, $"The attempts used {channels} channels; the policy asks for {MinimumChannels}.")));
        }

        DateTimeOffset? next = status switch
        {
            ConnectStatus.NotStarted => firstDue,
            ConnectStatus.InProgress when stoppedBy is null => BusinessHours.Add(counted[^1].At, MinimumSpacing),
            _ => null,
        };
        return new ConnectEvaluation(handoffAt, status, counted.Length, channels, next, stoppedBy, breaches);
    }

    private ConnectStatus Status(ConnectAttempt[] ordered)
    {
        if (ordered.Length == 0)
        {
            return ConnectStatus.NotStarted;
        }

        if (ordered.Any(a => IsConnected(a.Outcome)))
        {
            return ConnectStatus.Connected;
        }

        var complete = ordered.Length >= MinimumAttempts
            && ordered.Select(a => a.Channel).Distinct().Count() >= MinimumChannels
            && (ordered[^1].At - ordered[0].At) >= TimeSpan.FromDays(OverDays);
        return complete ? ConnectStatus.Exhausted : ConnectStatus.InProgress;
    }
}
