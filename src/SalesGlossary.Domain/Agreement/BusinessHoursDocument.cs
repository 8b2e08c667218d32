namespace SalesGlossary.Domain;

internal sealed record BusinessHoursDocument(string? TimeZone, TimeOnly? Opens, TimeOnly? Closes, List<string?>? WorkingDays, List<DateOnly>? Holidays);
