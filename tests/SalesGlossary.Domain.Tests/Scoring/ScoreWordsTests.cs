using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Explanations written from integers read exactly as the decimal formats they replace.</summary>
public class ScoreWordsTests
{
    private static Gen<long> Hundredths() =>
        Gen.OneOf(
            Gen.Choose(-100_000, 100_000).Select(h => (long)h),
            Gen.Choose(int.MinValue, int.MaxValue).SelectMany(a => Gen.Choose(0, 99).Select(b => ((long)a * 100) + b)),
            Gen.Elements(0L, 1L, -1L, 10L, -10L, 100L, 105L, -250L, long.MaxValue, long.MinValue + 1));

    private static Gen<long> Ages() =>
        Gen.OneOf(
            Gen.Choose(0, int.MaxValue).Select(a => (long)a),
            Gen.Choose(0, 100_000).SelectMany(d => Gen.Choose(-3, 3).Select(t => Math.Max(0, (d * (TimeSpan.TicksPerDay / 1_000)) + (TimeSpan.TicksPerDay / 200) + t))),
            Gen.Choose(0, 40_000).SelectMany(d => Gen.Choose(0, int.MaxValue).Select(t => (d * TimeSpan.TicksPerDay) + (t % TimeSpan.TicksPerDay))));

    [Property(MaxTest = 2_000)]
    public Property Hundredths_ReadAsTheDecimalFormats() =>
        Prop.ForAll(Hundredths().ToArbitrary(), hundredths =>
        {
            var value = hundredths / 100m;
            Span<char> buffer = stackalloc char[32];
            Assert.Equal(value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture), new string(buffer[..ScoreWords.WriteHundredths(buffer, hundredths, signed: true)]));
            Assert.Equal(value.ToString("0.##", CultureInfo.InvariantCulture), new string(buffer[..ScoreWords.WriteHundredths(buffer, hundredths, signed: false)]));
        });

    [Property(MaxTest = 2_000)]
    public Property AgesInDays_ReadAsTheDecimalFormat_RoundedHalfAwayFromZero() =>
        Prop.ForAll(Ages().ToArbitrary(), ticks =>
        {
            Span<char> buffer = stackalloc char[32];
            var expected = ((decimal)ticks / TimeSpan.TicksPerDay).ToString("0.##", CultureInfo.InvariantCulture);
            Assert.Equal(expected, new string(buffer[..ScoreWords.WriteAgeInDays(buffer, ticks)]));
        });

    [Fact]
    public void AnAgeOfExactlyHalfAHundredthOfADay_RoundsUp()
    {
        Span<char> buffer = stackalloc char[32];
        Assert.Equal("0.01", new string(buffer[..ScoreWords.WriteAgeInDays(buffer, TimeSpan.TicksPerDay / 200)]));
        Assert.Equal("0", new string(buffer[..ScoreWords.WriteAgeInDays(buffer, (TimeSpan.TicksPerDay / 200) - 1)]));
    }
}
