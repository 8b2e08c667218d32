namespace SalesGlossary.Domain;

/// <summary>Represents how long a contact spent in one lifecycle stage, derived from its history.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="FirstEntered">When the contact first entered the stage (HubSpot's "date entered").</param>
/// <param name="LastEntered">When the contact last entered the stage.</param>
/// <param name="LastExited">When the contact last left the stage, or <see langword="null"/> while it is still in it.</param>
/// <param name="Latest">The time spent in the stage during the latest stay (up to now for the current stage).</param>
/// <param name="Cumulative">The time spent in the stage over all stays.</param>
/// <param name="Stays">How many times the contact entered the stage.</param>
public sealed record StageTime(
    LifecycleStage Stage,
    DateTimeOffset FirstEntered,
    DateTimeOffset LastEntered,
    DateTimeOffset? LastExited,
    TimeSpan Latest,
    TimeSpan Cumulative,
    int Stays)
{
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
}
