using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Decay without a division per activity still gives the exact rounded hundredths of the semantics.</summary>
public class DecayArithmeticTests
{
    /// <summary>Points from the smallest to the largest a model accepts (1,000,000,000 points), both signs.</summary>
    private static Gen<long> Points() =>
        Gen.OneOf(
            Gen.Choose(-100_000, 100_000).Select(p => (long)p),
            Gen.Choose(1, 100_000).SelectMany(a => Gen.Choose(1, 1_000_000).Select(b => (long)a * b)),
            Gen.Elements(1L, -1L, 99_999_999_999L, 100_000_000_000L, -100_000_000_000L, 1L << 40, (1L << 40) + 1));

    private static Gen<ScoreDecay> Decays() =>
        from percent in Gen.OneOf(Gen.Choose(1, 100).Select(p => (decimal)p), Gen.Choose(1, 1_000_000).Select(p => p / 10_000m))
        from every in Gen.OneOf(Gen.Choose(1, 365).Select(d => (decimal)d), Gen.Choose(1, 100_000_000).Select(d => d / 1_000m), Gen.Elements(0.0001m, 1_000_000m))
        select new ScoreDecay { Percent = percent, EveryDays = every };

    private static Gen<long> Ages() =>
        Gen.OneOf(
            Gen.Choose(0, int.MaxValue).Select(a => (long)a),
            Gen.Choose(0, 400_000).SelectMany(d => Gen.Choose(0, (int)(TimeSpan.TicksPerDay / 1_000)).Select(t => (d * TimeSpan.TicksPerDay / 100) + t)),
            Gen.Elements(0L, 1L, TimeSpan.TicksPerDay, 30 * TimeSpan.TicksPerDay, long.MaxValue / 2));

    [Property(MaxTest = 3_000)]
    public Property Apply_IsTheExactRoundedFraction_AtEveryWidth() =>
        Prop.ForAll(Points().ToArbitrary(), Decays().ToArbitrary(), Ages().ToArbitrary(), (points, decay, age) =>
        {
            var expected = Reference(points, decay, age);
            Assert.Equal(expected, new DecayPlan(decay, points).Apply(age));
        });

    [Fact]
    public void Apply_RoundsHalfAwayFromZero_AtExactHalves()
    {
        // 50 % every 1 day: an age of half a day leaves 3/4 of the points; 2 hundredths × 3/4 = 1.5 → 2, and −1.5 → −2.
        var decay = new ScoreDecay { Percent = 50m, EveryDays = 1m };
        Assert.Equal(2, new DecayPlan(decay, 2).Apply(TimeSpan.TicksPerDay / 2));
        Assert.Equal(-2, new DecayPlan(decay, -2).Apply(TimeSpan.TicksPerDay / 2));
        Assert.Equal(1, new DecayPlan(decay, 1).Apply(TimeSpan.TicksPerDay));
        Assert.Equal(0, new DecayPlan(decay, 1).Apply(2 * TimeSpan.TicksPerDay));
    }

    /// <summary>round(P × (1 − percent/100 × age / (everyDays × ticks per day))), at least 0 in magnitude, half away from zero, in exact integers.</summary>
    private static long Reference(long points, ScoreDecay decay, long age)
    {
        if (age <= 0)
        {
            return points;
        }

        var (pn, pd) = ScoreArithmetic.Fraction(decay.Percent);
        var (en, ed) = ScoreArithmetic.Fraction(decay.EveryDays);
        var k = pn * ed;
        var d = 100 * pd * en * TimeSpan.TicksPerDay;
        var remaining = d - (k * age);
        return remaining <= 0 ? 0 : (long)ScoreArithmetic.DivideRounded(points * remaining, d);
    }
}
