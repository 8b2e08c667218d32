using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Connecting;

public class BusinessHoursTests
{
    internal static readonly BusinessHours Berlin = new(new BusinessHoursOptions { TimeZone = "Europe/Berlin", Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0), Holidays = [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)] });

    private static Gen<DateTimeOffset> Instants() =>
        from minutes in Gen.Choose(0, 60 * 24 * 400)
        select new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

    [Property(MaxTest = 300)]
    public Property AddingBusinessTime_ThenMeasuringIt_GivesItBack() =>
        Prop.ForAll(Instants().ToArbitrary(), Gen.Choose(0, 60 * 200).ToArbitrary(), (start, minutes) =>
        {
            var duration = TimeSpan.FromMinutes(minutes);
            var end = Berlin.Add(start, duration);
            return (Berlin.Between(start, end) == duration).Label($"from {start:O} plus {duration}: ends {end:O}, measures {Berlin.Between(start, end)}");
        });

    [Property(MaxTest = 200)]
    public Property WeekendAndHolidayTime_NeverCounts() =>
        Prop.ForAll(Instants().ToArbitrary(), start =>
        {
            var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
            var day = DateOnly.FromDateTime(local.DateTime);
            var closedDay = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Berlin.Holidays.Contains(day);
            var dayStart = new DateTimeOffset(local.Date, local.Offset);
            var measured = Berlin.Between(dayStart, dayStart.AddHours(23));
            return (!closedDay || measured == TimeSpan.Zero).Label($"{day} ({day.DayOfWeek}) counted {measured}").Classify(closedDay, "closed day");
        });

    [Property(MaxTest = 200)]
    public Property Results_AreTheSameInEveryOffsetRepresentation() =>
        Prop.ForAll(Instants().ToArbitrary(), Instants().ToArbitrary(), Gen.Choose(-12, 14).ToArbitrary(), (a, b, hours) =>
        {
            var offset = TimeSpan.FromHours(hours);
            return (Berlin.Between(a, b) == Berlin.Between(a.ToOffset(offset), b.ToOffset(offset))
                    && Berlin.Add(a, TimeSpan.FromHours(3)) == Berlin.Add(a.ToOffset(offset), TimeSpan.FromHours(3))
                    && Berlin.IsOpen(a) == Berlin.IsOpen(a.ToOffset(offset)))
                .Label("offset " + offset);
        });

    [Fact]
    public void Add_FridayAfternoon_LandsOnMonday()
    {
        var friday = new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.FromHours(1)), Berlin.Add(friday, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Invalid_ReportsEveryProblem()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new BusinessHours(new BusinessHoursOptions { TimeZone = "Mars/Olympus", Opens = new TimeOnly(17, 0), Closes = new TimeOnly(9, 0), WorkingDays = [] }));
        Assert.Equal(
            """
            The business hours is invalid (3 problems); fix every problem listed and load it again:
            - $.timeZone: 'Mars/Olympus' is not a known time zone; use an IANA id such as 'Europe/Berlin'.
            - $.closes: The working day closes at 09:00, not after it opens at 17:00.
            - $.workingDays: There is no working day, so no business time would ever pass.
            """.ReplaceLineEndings("\n"),
            error.Message);
    }
}
