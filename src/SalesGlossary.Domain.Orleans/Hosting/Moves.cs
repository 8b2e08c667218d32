namespace SalesGlossary.Domain.Orleans;

/// <summary>Writes the records of a change as a log line reads them: the stages it went through, not every record.</summary>
internal static class Moves
{
    /// <summary>Describes records oldest first: <c>no records</c>, <c>A → B</c>, or <c>3 records, A → D</c>.</summary>
    public static string Describe<T, TStage>(IReadOnlyList<T>? records, Func<T, TStage> from, Func<T, TStage> to) => records switch
    {
        null or { Count: 0 } => "no records",
        { Count: 1 } => from(records[0]) + " → " + to(records[0]),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{records.Count} records, {from(records[0])} → {to(records[^1])}"),
    };
}
