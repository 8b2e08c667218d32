using System.Globalization;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Reporting;

/// <summary>A report period runs forward: a start after its end is refused with both instants named, an empty period is allowed and counts nothing.</summary>
public class ReportPeriodTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReportPeriod_StartOneTickAfterEnd_IsRefusedNamingBothInstants()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportPeriod(Start.AddTicks(1), Start));

        Assert.Equal("from", error.ParamName);
        Assert.Contains("2026-03-01T00:00:00.0000001+00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-01T00:00:00.0000000+00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("swap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportPeriod_StartEqualToEnd_IsAnEmptyPeriod()
    {
        var period = new ReportPeriod(Start, Start);

        Assert.False(period.Contains(Start));
        Assert.False(period.Contains(Start.AddTicks(-1)));
        Assert.Equal(0m, period.Months);
    }

    [Fact]
    public void ReportPeriod_StartOneTickBeforeEnd_ContainsOnlyItsStart()
    {
        var period = new ReportPeriod(Start, Start.AddTicks(1));

        Assert.True(period.Contains(Start));
        Assert.False(period.Contains(Start.AddTicks(1)));
        Assert.False(period.Contains(Start.AddTicks(-1)));
    }

    [Fact]
    public void ReportPeriod_Offsets_AreComparedAsInstants()
    {
        // 10:00 in Berlin is 09:00 UTC: before 09:30 UTC, although its clock reads later.
        var berlin = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));
        var period = new ReportPeriod(berlin, new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        Assert.True(period.Contains(new DateTimeOffset(2026, 3, 1, 9, 15, 0, TimeSpan.Zero)));

        // 09:30 UTC is after 10:00 in Berlin, although its clock reads earlier.
        var error = Assert.Throws<ArgumentException>(() => new ReportPeriod(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), berlin));
        Assert.Contains("2026-03-01T10:00:00.0000000+01:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("de-DE")]
    public void ReportPeriod_RefusalAndText_AreTheSameInEveryCulture(string culture)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var error = Assert.Throws<ArgumentException>(() => new ReportPeriod(Start.AddDays(1), Start));
            Assert.StartsWith("The period's start 2026-03-02T00:00:00.0000000+00:00 is after its end 2026-03-01T00:00:00.0000000+00:00; swap them.", error.Message, StringComparison.Ordinal);
            Assert.Equal("[2026-03-01T00:00:00.0000000+00:00, 2026-03-02T00:00:00.0000000+00:00)", new ReportPeriod(Start, Start.AddDays(1)).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void ReportPeriod_StoredSwapped_FailsTheReadWithADocumentedError()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<ReportPeriod>("{\"from\":\"2026-03-02T00:00:00+00:00\",\"to\":\"2026-03-01T00:00:00+00:00\"}"));

        Assert.Contains("is after its end", error.Message, StringComparison.Ordinal);
        Assert.Equal(new ReportPeriod(Start, Start.AddDays(1)), SalesGlossaryJson.Read<ReportPeriod>("{\"from\":\"2026-03-01T00:00:00+00:00\",\"to\":\"2026-03-02T00:00:00+00:00\"}"));
    }

    [Fact]
    public void SlaReport_OverAnEmptyPeriod_CountsNothingAndCommitsToNothing()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
        var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("c-1", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120, By.System);

        var report = SlaReport.Compute(ServiceLevelAgreement.Default, [contact], [], new ReportPeriod(Start, Start), Start.AddDays(1));

        Assert.All(report.Funnel, stage => Assert.Equal(0, stage.Reached));
        var delivered = report.Attainment[0];
        Assert.Equal((0m, 0m), (delivered.Actual, delivered.Target));

        var day = SlaReport.Compute(ServiceLevelAgreement.Default, [contact], [], new ReportPeriod(Start, Start.AddDays(1)), Start.AddDays(1));
        Assert.Equal(1m, day.Attainment[0].Actual);
    }
}
