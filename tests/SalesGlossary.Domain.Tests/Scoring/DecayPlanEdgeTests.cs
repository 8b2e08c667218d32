using System.Globalization;
using System.Numerics;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The exact arithmetic of scoring at its edges: hundredths, windows, rounding, and each width of the decay.</summary>
public class DecayPlanEdgeTests
{
    private const long Day = TimeSpan.TicksPerDay;

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1L, "0.01")]
    [InlineData(10L, "0.1")]
    [InlineData(120L, "1.2")]
    [InlineData(123L, "1.23")]
    [InlineData(1200L, "12")]
    [InlineData(-1L, "-0.01")]
    [InlineData(-150L, "-1.5")]
    [InlineData(-300L, "-3")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void ToDecimal_WritesHundredthsWithoutTrailingZeros(long hundredths, string text)
    {
        var value = ScoreArithmetic.ToDecimal(hundredths);

        Assert.Equal(text, value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(hundredths / 100m, value);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.00", true)]
    [InlineData("-2.55", true)]
    [InlineData("1.005", false)]
    [InlineData("-0.001", false)]
    public void IsHundredths_AcceptsAtMostTwoDecimals(string value, bool expected) =>
        Assert.Equal(expected, ScoreArithmetic.IsHundredths(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2.5", 250L)]
    [InlineData("-0.01", -1L)]
    [InlineData("0", 0L)]
    public void ToHundredths_MultipliesByAHundred(string value, long expected) =>
        Assert.Equal(expected, ScoreArithmetic.ToHundredths(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void WindowTicks_IsTheLastTickInside_AndUnboundedWithoutAWindow()
    {
        Assert.Equal(long.MaxValue, ScoreArithmetic.WindowTicks(null));
        Assert.Equal(Day, ScoreArithmetic.WindowTicks(1m));
        Assert.Equal(Day / 2, ScoreArithmetic.WindowTicks(0.5m));
        Assert.Equal(0L, ScoreArithmetic.WindowTicks(0.0000000000001m)); // 0.0864 ticks: only age 0 is inside
        Assert.Equal(8L, ScoreArithmetic.WindowTicks(0.00000000001m)); // 8.64 ticks, floored
        Assert.Equal(long.MaxValue, ScoreArithmetic.WindowTicks(100_000_000m));
    }

    [Theory]
    [InlineData(5, 2, 3)] // 2.5 → 3
    [InlineData(-5, 2, -3)] // -2.5 → -3
    [InlineData(7, 3, 2)] // 2.33 → 2
    [InlineData(8, 3, 3)] // 2.67 → 3
    [InlineData(-8, 3, -3)]
    [InlineData(-7, 3, -2)]
    [InlineData(6, 3, 2)]
    [InlineData(0, 3, 0)]
    public void DivideRounded_RoundsHalfAwayFromZero(int numerator, int denominator, int expected) =>
        Assert.Equal(new BigInteger(expected), ScoreArithmetic.DivideRounded(numerator, denominator));

    [Fact]
    public void Fraction_IsExact_WithItsSign()
    {
        Assert.Equal((new BigInteger(-125), new BigInteger(100)), ScoreArithmetic.Fraction(-1.25m));
        Assert.Equal((new BigInteger(30), BigInteger.One), ScoreArithmetic.Fraction(30m));
        Assert.Equal((BigInteger.Parse("79228162514264337593543950335", CultureInfo.InvariantCulture), BigInteger.One), ScoreArithmetic.Fraction(decimal.MaxValue));
    }

    [Fact]
    public void DecayPlan_HalfEvery30Days_IsReducedToLowestTerms()
    {
        var plan = new DecayPlan(new ScoreDecay { Percent = 50, EveryDays = 30 }, 200);

        Assert.True(plan.IsReciprocal);
        Assert.Equal(200, plan.Points);
        Assert.Equal(1, plan.K);
        Assert.Equal(60 * Day, plan.D);
        Assert.Equal(60 * Day, plan.ZeroFrom);
        Assert.Equal(1.0 / (60 * Day), plan.InverseD);
        Assert.Equal(200, plan.Apply(0));
        Assert.Equal(200, plan.Apply(-Day));
        Assert.Equal(100, plan.Apply(30 * Day));
        Assert.Equal(50, plan.Apply(45 * Day));
        Assert.Equal(0, plan.Apply((60 * Day) - 1));
        Assert.Equal(0, plan.Apply(60 * Day));
        Assert.Equal(0, plan.Apply(long.MaxValue));
    }

    [Fact]
    public void DecayPlan_ZeroFrom_IsTheCeilingOfDOverK()
    {
        // 7 % every 1 day: K/D = 7 / (100 × ticks per day); D/K is not whole, so the first age at 0 rounds up.
        var plan = new DecayPlan(new ScoreDecay { Percent = 7, EveryDays = 1 }, 100);

        Assert.Equal(7, plan.K);
        Assert.Equal(100 * Day, plan.D);
        Assert.Equal(((100 * Day) + 6) / 7, plan.ZeroFrom);
        Assert.Equal(0, plan.Apply(plan.ZeroFrom));
        Assert.Equal(0, plan.Apply(plan.ZeroFrom - 1)); // 100 × (D − K·t) / D is below 0.5 here
        Assert.Equal(1, plan.Apply(plan.ZeroFrom - (plan.D / 100 / plan.K)));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(3L)]
    [InlineData(-3L)]
    [InlineData(1L << 40)]
    [InlineData(-(1L << 40))]
    [InlineData((1L << 40) + 1)]
    [InlineData(-((1L << 40) + 1))]
    [InlineData(1L << 45)]
    [InlineData(-(1L << 45))]
    [InlineData(1L << 47)]
    [InlineData(-(1L << 47))]
    public void DecayPlan_EveryWidth_RoundsHalfAwayFromZero_AtEveryAge(long points)
    {
        // 100 % every 1e-7 days: K/D = 1/86,400 ticks, so |P|·D stays small and |P| alone picks the width.
        var plan = new DecayPlan(new ScoreDecay { Percent = 100, EveryDays = 0.0000001m }, points);

        Assert.Equal(86_400, plan.ZeroFrom);
        Assert.Equal(Math.Abs(points) <= 1L << 40, plan.IsReciprocal);
        foreach (var age in new long[] { 1, 2, 21_600, 43_199, 43_200, 43_201, 64_800, 86_398, 86_399 })
        {
            Assert.Equal(Expected(points, 86_400 - age, 86_400), plan.Apply(age));
        }
    }

    [Fact]
    public void DecayPlan_Beyond64Bits_And128Bits_StaysExact()
    {
        // 1e-20 % every 1e6 days: D is about 8.6e39, beyond Int128 once multiplied by the points.
        var tiny = new DecayPlan(new ScoreDecay { Percent = 0.00000000000000000001m, EveryDays = 1_000_000m }, 123_456_789);
        var wide = new DecayPlan(new ScoreDecay { Percent = 0.0001m, EveryDays = 1m }, 1_000_000_007);

        Assert.False(tiny.IsReciprocal);
        Assert.False(wide.IsReciprocal);
        foreach (var age in new long[] { 1, Day, 365 * Day, 9_000 * 365 * Day })
        {
            Assert.Equal(Exact(123_456_789, 0.00000000000000000001m, 1_000_000m, age), tiny.Apply(age));
            Assert.Equal(Exact(1_000_000_007, 0.0001m, 1m, age), wide.Apply(age));
        }
    }

    [Theory]
    [InlineData("-5", "1")]
    [InlineData("0", "1")]
    [InlineData("15", "0.75")]
    [InlineData("30", "0.5")]
    [InlineData("60", "0")]
    [InlineData("90", "0")]
    public void FactorAt_IsLinearInTheAge_BetweenOneAndZero(string ageDays, string factor)
    {
        var decay = new ScoreDecay { Percent = 50, EveryDays = 30 };

        Assert.Equal(decimal.Parse(factor, CultureInfo.InvariantCulture), decay.FactorAt(decimal.Parse(ageDays, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ScoreDecay_ReadsAsPercentAndPeriod_AndIsEqualByValue()
    {
        Assert.Equal("50 % every 30 days", new ScoreDecay { Percent = 50, EveryDays = 30 }.ToString());
        Assert.Equal("12.5 % every 7.25 days", new ScoreDecay { Percent = 12.5m, EveryDays = 7.25m }.ToString());
        Assert.Equal(new ScoreDecay { Percent = 50, EveryDays = 30 }, new ScoreDecay { Percent = 50, EveryDays = 30 });
        Assert.NotEqual(new ScoreDecay { Percent = 50, EveryDays = 30 }, new ScoreDecay { Percent = 50, EveryDays = 31 });
    }

    private static long Expected(BigInteger points, BigInteger left, BigInteger d)
    {
        var numerator = points * left;
        var magnitude = ((2 * BigInteger.Abs(numerator)) + d) / (2 * d);
        return (long)(numerator.Sign < 0 ? -magnitude : magnitude);
    }

    private static long Exact(long points, decimal percent, decimal everyDays, long age)
    {
        var (pn, pd) = ScoreArithmetic.Fraction(percent);
        var (en, ed) = ScoreArithmetic.Fraction(everyDays);

        // points × (1 − pn/pd/100 × age / (en/ed × Day)) = points × (100·pd·en·Day − pn·ed·age) / (100·pd·en·Day)
        var d = 100 * pd * en * Day;
        var left = d - (pn * ed * age);
        return left <= 0 ? 0 : Expected(points, left, d);
    }
}
