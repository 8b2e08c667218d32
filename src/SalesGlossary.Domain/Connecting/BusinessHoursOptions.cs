namespace SalesGlossary.Domain;

/// <summary>Represents the settings <see cref="BusinessHours"/> are built from, each named, with documented defaults.</summary>
/// <remarks>
/// Set only what differs from the defaults: <c>new BusinessHours(new BusinessHoursOptions { TimeZone = "Europe/Berlin", Opens = new TimeOnly(8, 0) })</c>.
/// The settings are checked together when the business hours are built; every problem is reported with the setting it concerns.
/// </remarks>
public sealed class BusinessHoursOptions
{
    /// <summary>Gets the IANA time zone id, for example <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Gets when the working day starts, local time.</summary>
    /// <value>The default is 09:00.</value>
    public TimeOnly Opens { get; init; } = new(9, 0);

    /// <summary>Gets when the working day ends, local time; after <see cref="Opens"/>.</summary>
    /// <value>The default is 17:00.</value>
    public TimeOnly Closes { get; init; } = new(17, 0);

    /// <summary>Gets the working days.</summary>
    /// <value>The default is <see langword="null"/>: Monday to Friday.</value>
    public IReadOnlyList<DayOfWeek>? WorkingDays { get; init; }

    /// <summary>Gets the dates that are not worked.</summary>
    /// <value>The default is <see langword="null"/>: no holidays.</value>
    public IReadOnlyList<DateOnly>? Holidays { get; init; }
}
