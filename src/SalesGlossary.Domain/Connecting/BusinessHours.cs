using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the working hours of a team in one time zone, with its working days and holidays.</summary>
/// <remarks>
/// Business time counts only inside the daily window on working days that are not holidays, in the local time of
/// <see cref="TimeZone"/> (an IANA id such as <c>Europe/Berlin</c>). Results depend only on the instants, never on the
/// offset they are written with. Days on which a daylight-saving change falls inside the window count their real length.
/// </remarks>
public sealed record BusinessHours
{
    private readonly TimeZoneInfo zone;

    /// <summary>Initializes new business hours from named settings and validates them.</summary>
    /// <param name="options">The settings, each named; unset ones take the defaults of <see cref="BusinessHoursOptions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The time zone is unknown, the window is empty or there is no working day; each problem names its setting.</exception>
    public BusinessHours(BusinessHoursOptions options)
        : this(Guard.NotNull(options).TimeZone, options.Opens, options.Closes, options.WorkingDays, options.Holidays)
    {
    }

    [System.Text.Json.Serialization.JsonConstructor]
    private BusinessHours(string timeZone, TimeOnly opens, TimeOnly closes, IReadOnlyList<DayOfWeek>? workingDays, IReadOnlyList<DateOnly>? holidays)
    {
        TimeZone = timeZone;
        Opens = opens;
        Closes = closes;
        WorkingDays = workingDays?.Distinct().Order().ToArray() ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        Holidays = holidays?.Distinct().Order().ToArray() ?? [];
        var problems = new ValidationCollector();
        TimeZoneInfo? found = null;
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out found))
        {
            problems.Add("$.timeZone", $"'{timeZone}' is not a known time zone; use an IANA id such as 'Europe/Berlin'.");
        }

        if (closes <= opens)
        {
            problems.Add("$.closes", string.Create(CultureInfo.InvariantCulture, $"The working day closes at {closes:HH\\:mm}, not after it opens at {opens:HH\\:mm}."));
        }

        if (WorkingDays.Count == 0)
        {
            problems.Add("$.workingDays", "There is no working day, so no business time would ever pass.");
        }

        problems.ThrowIfAny("business hours");
        zone = found!;
    }

    /// <summary>Gets the IANA time zone id.</summary>
    public string TimeZone { get; }

    /// <summary>Gets when the working day starts, local time.</summary>
    public TimeOnly Opens { get; }

    /// <summary>Gets when the working day ends, local time.</summary>
    public TimeOnly Closes { get; }

    /// <summary>Gets the working days.</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; private init => field = ValueList<DayOfWeek>.From(value); }

    /// <summary>Gets the holidays.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; private init => field = ValueList<DateOnly>.From(value); }

    /// <summary>Gets the business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    /// <param name="from">The earlier instant.</param>
    /// <param name="to">The later instant.</param>
    /// <returns>The time inside business hours between them.</returns>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var day = LocalDate(from);
        var last = LocalDate(to);
        for (; day <= last; day = day.AddDays(1))
        {
            if (Window(day) is not var (open, close))
            {
                continue;
            }

            var start = open > from ? open : from;
            var end = close < to ? close : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Gets the instant when a given amount of business time has passed after an instant.</summary>
    /// <param name="from">The starting instant.</param>
    /// <param name="duration">The business time to add (not negative).</param>
    /// <returns>The instant, in UTC. For a zero duration: <paramref name="from"/> itself inside business hours, otherwise the next opening.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Business time to add must not be negative.");
        }

        var remaining = duration;
        var cursor = from.ToUniversalTime();
        for (var day = LocalDate(from); ; day = day.AddDays(1))
        {
            if (Window(day) is not var (open, close) || close <= cursor)
            {
                continue;
            }

            var start = open > cursor ? open : cursor;
            if (remaining == TimeSpan.Zero)
            {
                return start;
            }

            var available = close - start;
            if (available >= remaining)
            {
                return start + remaining;
            }

            remaining -= available;
            cursor = close;
        }
    }

    /// <summary>Gets a value indicating whether an instant lies inside business hours.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> inside the window of a working day that is not a holiday.</returns>
    public bool IsOpen(DateTimeOffset instant) =>
        Window(LocalDate(instant)) is var (open, close) && instant >= open && instant < close;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private (DateTimeOffset Open, DateTimeOffset Close)? Window(DateOnly day)
    {
        if (!WorkingDays.Contains(day.DayOfWeek) || Holidays.Contains(day))
        {
            return null;
        }

        return (ToInstant(day.ToDateTime(Opens)), ToInstant(day.ToDateTime(Closes)));
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        // A local time skipped by a daylight-saving change moves forward to the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
