using System.Numerics;

namespace SalesGlossary.Domain;

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
    /// <remarks>Small enough to inline where scoring loops over activities; the wider arithmetic is in <see cref="ApplyWide"/>.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
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

        if (width != 63)
        {
            return ApplyWide(ageTicks);
        }

        return Reciprocal(points, k64, d64, inverseD, ageTicks);
    }

    /// <summary>Gets whether <see cref="Apply"/> divides by the reciprocal (<see cref="Reciprocal"/>) at every age below the zero point.</summary>
    public bool IsReciprocal => width == 63;

    /// <summary>Gets the rule's points in hundredths (<c>P</c>).</summary>
    public long Points => points;

    /// <summary>Gets <c>K</c>, the numerator of the decay per tick; meaningful where <see cref="IsReciprocal"/>.</summary>
    public long K => k64;

    /// <summary>Gets <c>D</c>, the denominator of the decay per tick; meaningful where <see cref="IsReciprocal"/>.</summary>
    public long D => d64;

    /// <summary>Gets <c>1/D</c> as a <see cref="double"/>; meaningful where <see cref="IsReciprocal"/>.</summary>
    public double InverseD => inverseD;

    /// <summary>Gets the first age (ticks) that earns 0: <c>ceil(D/K)</c>.</summary>
    public long ZeroFrom => zeroFrom;

    /// <summary>
    /// <c>round(P × max(0, D − K·t) / D)</c>, half away from zero, without a hardware division: the one home of the reciprocal
    /// arithmetic, for <see cref="Apply"/> and for kernels that clamp the age to <c>[0, ceil(D/K)]</c> instead of branching.
    /// </summary>
    /// <remarks>
    /// Exact where <c>|P|·D</c> and <c>K·t</c> stay below 2^61 and <c>|P| ≤ 2^40</c> (a reciprocal plan's terms at any
    /// <c>t ≤ ceil(D/K)</c>): the reciprocal's estimate (relative error below 2^-50) is then off by at most one, and one
    /// correction each way makes it the exact floor.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long Reciprocal(long points, long k, long d, double inverseD, long ageTicks)
    {
        // Within the bounds above no step overflows, and every choice is arithmetic on comparison results (no branch the
        // processor could mispredict on the activity's age).
        unchecked
        {
            var left = d - (k * ageTicks);
            var numerator = points * (left & ~(left >> 63));
            var sign = numerator >> 63;
            var magnitude = (numerator ^ sign) - sign;
            var quotient = (long)(magnitude * inverseD);
            var remainder = magnitude - (quotient * d);
            var below = remainder >> 63; // the estimate was one too high
            quotient += below;
            remainder += d & below;
            var above = -Bit(remainder >= d); // one too low
            quotient -= above;
            remainder -= d & above;
            var rounded = quotient + Bit(remainder >= d - remainder);
            return (rounded ^ sign) - sign;
        }
    }

    /// <summary>1 for <see langword="true"/>, 0 for <see langword="false"/>, without a branch.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long Bit(bool value) => System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>(value);

    /// <summary><see cref="Apply"/> for a positive age below the zero point, at the widths beyond 63 bits.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private long ApplyWide(long ageTicks)
    {
        // Here K·t < D, so every product below is bounded by |P|·D, which the chosen width holds.
        switch (width)
        {
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
