using System.Numerics;

namespace SalesGlossary.Domain.Scoring;

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
    public static decimal ToDecimal(long hundredths)
    {
        var negative = hundredths < 0;
        var magnitude = negative ? (ulong)(-hundredths) : (ulong)hundredths;
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

/// <summary>
/// Linear decay of one rule's points, compiled to integers: an activity of age <c>t</c> ticks earns
/// <c>round(P × (D − K·t) / D)</c> hundredths for <c>t &lt; D/K</c> and 0 from there, where
/// <c>K/D = percent/100 / (everyDays × ticks per day)</c> reduced to lowest terms, rounded half away from zero.
/// </summary>
internal sealed class DecayPlan
{
    private readonly long points;
    private readonly long zeroFrom;
    private readonly int width;
    private readonly long k64;
    private readonly long d64;
    private readonly double inverseD;
    private readonly Int128 k128;
    private readonly Int128 d128;
    private readonly BigInteger k;
    private readonly BigInteger d;

    /// <summary>The largest |points| (hundredths) whose decay divides by the reciprocal: quotients up to 2^40 keep its estimate within one.</summary>
    private const long MaxEstimatedQuotient = 1L << 40;

    public DecayPlan(ScoreDecay decay, long pointsHundredths)
    {
        points = pointsHundredths;
        var (pn, pd) = ScoreArithmetic.Fraction(decay.Percent);
        var (en, ed) = ScoreArithmetic.Fraction(decay.EveryDays);
        k = pn * ed;
        d = 100 * pd * en * TimeSpan.TicksPerDay;
        var g = BigInteger.GreatestCommonDivisor(k, d);
        k /= g;
        d /= g;
        var zero = (d + k - 1) / k;
        zeroFrom = zero >= long.MaxValue ? long.MaxValue : (long)zero;
        // |P|·D bounds every intermediate product (K·t < D whenever decay is computed); K and D themselves must fit too.
        var bound = BigInteger.Max(BigInteger.Abs(points) * d, BigInteger.Max(k, d));
        if (bound <= long.MaxValue / 4 && BigInteger.Abs(points) <= MaxEstimatedQuotient)
        {
            // Small enough to divide by multiplying with the reciprocal and correcting by one (see Apply).
            width = 63;
            k64 = (long)k;
            d64 = (long)d;
            inverseD = 1.0 / (double)d64;
        }
        else if (bound <= long.MaxValue)
        {
            width = 64;
            k64 = (long)k;
            d64 = (long)d;
        }
        else if (bound <= (BigInteger)Int128.MaxValue)
        {
            width = 128;
            k128 = (Int128)k;
            d128 = (Int128)d;
        }
    }

    /// <summary>The points (hundredths) an activity of the given age (whole ticks, at least 0) earns.</summary>
    public long Apply(long ageTicks)
    {
        if (ageTicks <= 0)
        {
            return points;
        }

        if (ageTicks >= zeroFrom)
        {
            return 0;
        }

        // Here K·t < D, so every product below is bounded by |P|·D, which the chosen width holds.
        switch (width)
        {
            case 63:
            {
                // |numerator| / D ≤ |P| ≤ 2^40: the reciprocal's estimate (relative error below 2^-50) is off by at most
                // one, and one correction each way makes it the exact floor; no hardware division per activity.
                var numerator = points * (d64 - (k64 * ageTicks));
                var magnitude = Math.Abs(numerator);
                var quotient = (long)(magnitude * inverseD);
                var remainder = magnitude - (quotient * d64);
                if (remainder < 0)
                {
                    quotient--;
                    remainder += d64;
                }
                else if (remainder >= d64)
                {
                    quotient++;
                    remainder -= d64;
                }

                var rounded = remainder >= d64 - remainder ? quotient + 1 : quotient;
                return numerator < 0 ? -rounded : rounded;
            }

            case 64:
            {
                var numerator = points * (d64 - (k64 * ageTicks));
                var quotient = Math.DivRem(numerator, d64, out var remainder);
                var r = Math.Abs(remainder);
                return r >= d64 - r ? quotient + Math.Sign(numerator) : quotient;
            }

            case 128:
            {
                var numerator = points * (d128 - (k128 * ageTicks));
                var (quotient, remainder) = Int128.DivRem(numerator, d128);
                var r = Int128.Abs(remainder);
                return (long)(r >= d128 - r ? quotient + Int128.Sign(numerator) : quotient);
            }

            default:
                return (long)ScoreArithmetic.DivideRounded(points * (d - (k * ageTicks)), d);
        }
    }
}
