using System.Numerics;

namespace SalesGlossary.Domain;

/// <summary>
/// The exact arithmetic of scoring: points in whole hundredths (<see cref="long"/>), ages in whole ticks of 100 ns, one
/// rounding (half away from zero) per decayed activity. <see cref="decimal"/> appears only where a score leaves the library.
/// </summary>
internal static class ScoreArithmetic
{
    /// <summary>Whether a configured number is a whole number of hundredths, the precision of every score.</summary>
    public static bool IsHundredths(decimal value) => decimal.Round(value, 2) == value;

    /// <summary>The configured number in hundredths; only for numbers <see cref="IsHundredths"/> accepts.</summary>
    public static long ToHundredths(decimal value) => decimal.ToInt64(value * 100m);

    /// <summary>Hundredths as a <see cref="decimal"/> without trailing zeros (117, 12.5, 2.76), built without division.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static decimal ToDecimal(long hundredths)
    {
        var negative = hundredths < 0;
        var magnitude = negative ? unchecked((ulong)-hundredths) : (ulong)hundredths; // unchecked: -long.MinValue is 2^63 as ulong
        byte scale = 2;
        if (magnitude % 100 == 0)
        {
            magnitude /= 100;
            scale = 0;
        }
        else if (magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale = 1;
        }

        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative && magnitude != 0, scale);
    }

    /// <summary>The exact fraction of a <see cref="decimal"/>: numerator and a power of ten as denominator.</summary>
    public static (BigInteger Numerator, BigInteger Denominator) Fraction(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger(unchecked((uint)bits[0])) | (new BigInteger(unchecked((uint)bits[1])) << 32) | (new BigInteger(unchecked((uint)bits[2])) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return (bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    /// <summary>The last age, in ticks, inside a window of <paramref name="windowDays"/> days: exact at every length.</summary>
    public static long WindowTicks(decimal? windowDays)
    {
        if (windowDays is not { } days)
        {
            return long.MaxValue;
        }

        // age <= days × ticks-per-day  ⇔  age <= floor(days × ticks-per-day), for a whole number of ticks.
        var (n, d) = Fraction(days);
        var last = BigInteger.Divide(n * TimeSpan.TicksPerDay, d);
        return last >= long.MaxValue ? long.MaxValue : (long)last;
    }

    /// <summary>Divides and rounds half away from zero: the one rounding of scoring.</summary>
    public static BigInteger DivideRounded(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var r = BigInteger.Abs(remainder);
        return r >= denominator - r ? quotient + numerator.Sign : quotient;
    }
}
