using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Keeps histories in time order: a new record may not be older than the last one.</summary>
internal static class Chronology
{
    public static void EnsureNotBefore(DateTimeOffset now, DateTimeOffset last, string owner)
    {
        if (now < last)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The time provider says {now:O}, before the last record of {owner} at {last:O}; history times must not go backward. Check the clock."));
        }
    }
}
