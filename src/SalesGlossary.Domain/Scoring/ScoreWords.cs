using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Numbers of an explanation written from whole hundredths and ticks, as the invariant culture's decimal formats would write them.</summary>
internal static class ScoreWords
{
    /// <summary>
    /// Writes hundredths as <c>0.##</c> (or, <paramref name="signed"/>, as <c>+0.##;-0.##;0</c>): the text
    /// <see cref="decimal.ToString(string, IFormatProvider)"/> gives for the same value.
    /// </summary>
    /// <returns>The number of characters written (at most 24).</returns>
    public static int WriteHundredths(Span<char> destination, long hundredths, bool signed)
    {
        var position = 0;
        if (hundredths < 0)
        {
            destination[position++] = '-';
        }
        else if (signed && hundredths > 0)
        {
            destination[position++] = '+';
        }

        var magnitude = hundredths < 0 ? unchecked((ulong)(-(hundredths + 1)) + 1) : (ulong)hundredths;
        (magnitude / 100).TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture);
        position += written;
        var fraction = (int)(magnitude % 100);
        if (fraction != 0)
        {
            destination[position++] = '.';
            destination[position++] = (char)('0' + (fraction / 10));
            if (fraction % 10 != 0)
            {
                destination[position++] = (char)('0' + (fraction % 10));
            }
        }

        return position;
    }

    /// <summary>Writes an age of whole ticks (at least 0) in days as <c>0.##</c>, rounded half away from zero like the decimal format.</summary>
    /// <returns>The number of characters written.</returns>
    public static int WriteAgeInDays(Span<char> destination, long ageTicks)
    {
        // round(age × 100 / ticks per day), half away from zero, in integers: (2·age·100 + D) / (2·D) for age ≥ 0.
        var hundredths = (long)((((Int128)ageTicks * 200) + TimeSpan.TicksPerDay) / (2 * TimeSpan.TicksPerDay));
        return WriteHundredths(destination, hundredths, signed: false);
    }
}
