using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents how long a contact spent in one lifecycle stage, derived from its history.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record StageTime
{
    [JsonConstructor]
    internal StageTime(LifecycleStage stage, DateTimeOffset firstEntered, DateTimeOffset lastEntered, DateTimeOffset? lastExited, TimeSpan latest, TimeSpan cumulative, int stays)
    {
        Stage = stage;
        FirstEntered = firstEntered;
        LastEntered = lastEntered;
        LastExited = lastExited;
        Latest = latest;
        Cumulative = cumulative;
        Stays = stays;
    }

    /// <summary>Gets the stage.</summary>
    public LifecycleStage Stage { get; internal init; }

    /// <summary>Gets when the contact first entered the stage (HubSpot's "date entered").</summary>
    public DateTimeOffset FirstEntered { get; internal init; }

    /// <summary>Gets when the contact last entered the stage.</summary>
    public DateTimeOffset LastEntered { get; internal init; }

    /// <summary>Gets when the contact last left the stage, or <see langword="null"/> while it is still in it.</summary>
    public DateTimeOffset? LastExited { get; internal init; }

    /// <summary>Gets the time spent in the stage during the latest stay (up to now for the current stage).</summary>
    public TimeSpan Latest { get; internal init; }

    /// <summary>Gets the time spent in the stage over all stays.</summary>
    public TimeSpan Cumulative { get; internal init; }

    /// <summary>Gets how many times the contact entered the stage.</summary>
    public int Stays { get; internal init; }

    internal static IReadOnlyList<StageTime> FromHistory(IReadOnlyList<LifecycleTransition> history, DateTimeOffset now)
    {
        var result = new List<StageTime>();
        var index = new Dictionary<LifecycleStage, int>();
        var current = history[0].To;
        var enteredAt = history[0].At;
        Enter(current, enteredAt);
        foreach (var record in history.Skip(1).Where(r => r.ChangesStage))
        {
            Leave(current, enteredAt, record.At);
            current = record.To;
            enteredAt = record.At;
            Enter(current, enteredAt);
        }

        var end = now < enteredAt ? enteredAt : now;
        var open = result[index[current]];
        result[index[current]] = open with { Latest = end - enteredAt, Cumulative = open.Cumulative + (end - enteredAt) };
        return result;

        void Enter(LifecycleStage stage, DateTimeOffset at)
        {
            if (index.TryGetValue(stage, out var i))
            {
                result[i] = result[i] with { LastEntered = at, LastExited = null, Stays = result[i].Stays + 1 };
            }
            else
            {
                index[stage] = result.Count;
                result.Add(new StageTime(stage, at, at, null, TimeSpan.Zero, TimeSpan.Zero, 1));
            }
        }

        void Leave(LifecycleStage stage, DateTimeOffset entered, DateTimeOffset left)
        {
            var i = index[stage];
            result[i] = result[i] with { LastExited = left, Latest = left - entered, Cumulative = result[i].Cumulative + (left - entered) };
        }
    }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>MarketingQualifiedLead: 2 stays, latest 1.00:00:00, cumulative 3.00:00:00, first entered 2026-03-01T00:00:00.0000000+00:00, still in it</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Stage.Name}: {Stays} {(Stays == 1 ? "stay" : "stays")}, latest {Latest:c}, cumulative {Cumulative:c}, first entered {FirstEntered:O}, {(LastExited is { } exited ? $"last left {exited:O}" : "still in it")}");
}
