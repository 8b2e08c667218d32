namespace SalesGlossary.Domain.Tests.Connecting;

/// <summary>The edges of a working day: the instant it opens and the instant it closes, a day that closes as it opens, and an opening time a clock change skips.</summary>
public class BusinessHoursEdgeTests
{
    [Fact]
    public void IsOpen_FromTheOpeningInstant_UntilJustBeforeClosing()
    {
        var hours = new BusinessHours(new BusinessHoursOptions { TimeZone = "UTC", Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0) });
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.False(hours.IsOpen(monday.AddHours(9).AddTicks(-1)));
        Assert.True(hours.IsOpen(monday.AddHours(9)));
        Assert.True(hours.IsOpen(monday.AddHours(17).AddTicks(-1)));
        Assert.False(hours.IsOpen(monday.AddHours(17)));
        Assert.False(hours.IsOpen(monday.AddDays(-1).AddHours(12))); // a Sunday
    }

    [Fact]
    public void ADayThatClosesAsItOpens_IsRefused_OneMinuteLaterIsAccepted()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new BusinessHours(new BusinessHoursOptions { TimeZone = "UTC", Opens = new TimeOnly(9, 0), Closes = new TimeOnly(9, 0) }));
        Assert.Equal(["$.closes: The working day closes at 09:00, not after it opens at 09:00."], error.Problems.Select(p => p.ToString()));

        var brief = new BusinessHours(new BusinessHoursOptions { TimeZone = "UTC", Opens = new TimeOnly(9, 0), Closes = new TimeOnly(9, 1) });
        Assert.True(brief.IsOpen(new DateTimeOffset(2026, 3, 2, 9, 0, 30, TimeSpan.Zero)));
    }

    [Fact]
    public void AnOpeningTimeTheSpringClockChangeSkips_OpensAtTheFirstValidMinute()
    {
        // In Berlin, 29 March 2026 goes from 02:00 CET straight to 03:00 CEST (01:00 UTC); a day opening at 02:30 opens at 03:00.
        var hours = new BusinessHours(new BusinessHoursOptions { TimeZone = "Europe/Berlin", Opens = new TimeOnly(2, 30), Closes = new TimeOnly(10, 0), WorkingDays = [DayOfWeek.Sunday] });
        var change = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        Assert.False(hours.IsOpen(change.AddTicks(-1)));
        Assert.True(hours.IsOpen(change));
        Assert.Equal(change.AddHours(1), hours.Add(change.AddHours(-5), TimeSpan.FromHours(1)));
    }
}
