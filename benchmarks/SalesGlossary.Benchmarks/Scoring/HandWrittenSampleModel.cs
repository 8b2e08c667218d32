using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// The sample scoring model written by hand in C# the way a careful developer would: exact integer hundredths, no
/// <see cref="decimal"/> in the loop, no LINQ, no allocation. The practical speed limit for the same semantics
/// (docs/scoring-semantics.md); <see cref="ScoreDecimal"/> is the same model in <see cref="decimal"/> for reference.
/// </summary>
internal static class HandWrittenSampleModel
{
    private const long Day = TimeSpan.TicksPerDay;

    /// <summary>The total in hundredths of a point.</summary>
    public static long Score(LeadFacts lead, DateTimeOffset asOf)
    {
        long fit = 0, engagement = 0;
        var title = lead.JobTitle;
        if (lead.Industry == "Software") { fit += 2000; }
        if (lead.Employees >= 200 && lead.Employees <= 2000) { fit += 2000; }
        if (lead.Employees > 2000) { fit += 1000; }
        if (lead.Employees < 20) { fit -= 1500; }
        if (lead.Country is "DE" or "AT" or "CH") { fit += 1000; }
        if (title != null && (title.Contains("Director", StringComparison.Ordinal) || title.Contains("VP", StringComparison.Ordinal) || title.Contains("Head", StringComparison.Ordinal))) { fit += 1500; }
        if (title != null && (title.StartsWith("Chief", StringComparison.Ordinal) || title.StartsWith("CMO", StringComparison.Ordinal) || title.StartsWith("CEO", StringComparison.Ordinal))) { fit += 2000; }
        if (title != null && (title.Contains("Student", StringComparison.Ordinal) || title.Contains("Intern", StringComparison.Ordinal))) { fit -= 3000; }
        var email = lead.Email;
        if (email != null && (email.EndsWith("@gmail.com", StringComparison.Ordinal) || email.EndsWith("@yahoo.com", StringComparison.Ordinal) || email.EndsWith("@web.de", StringComparison.Ordinal))) { fit -= 1000; }
        if (lead.Industry == "Marketing Software") { fit -= 5000; }
        if (lead.Unsubscribed) { engagement -= 5000; }
        if (lead.HardBounced) { engagement -= 7500; }

        var activities = lead.Activities;
        var now = asOf.UtcTicks;
        Span<(long NegativeTicks, int Index)> order = stackalloc (long, int)[activities.Count];
        var count = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            var ticks = activities[i].OccurredAt.UtcTicks;
            if (ticks <= now)
            {
                order[count++] = (-ticks, i);
            }
        }

        order = order[..count];
        order.Sort();
        long opensDay = long.MinValue, visitsDay = long.MinValue;
        int opens = 0, visits = 0;
        foreach (var (negativeTicks, index) in order)
        {
            var activity = activities[index];
            var age = now + negativeTicks;
            var day = -negativeTicks / Day;
            var type = activity.Type;
            var url = activity.Url;
            if (type == "EmailOpen")
            {
                if (opensDay != day) { opensDay = day; opens = 0; }
                if (++opens <= 3) { engagement += Decay(200, 60 * Day, age); }
            }

            if (type == "EmailClick") { engagement += Decay(500, 60 * Day, age); }
            if (type == "WebinarAttended") { engagement += Decay(1500, 60 * Day, age); }
            if (type == "PageView" && url != null && url.Contains("/pricing", StringComparison.Ordinal) && age <= 30 * Day) { engagement += 1000; }
            if (type == "ContentDownload") { engagement += Decay(800, 120 * Day, age); }
            if (type == "ContentDownload" && activity.JourneyStage == "Decision") { engagement += Decay(1000, 60 * Day, age); }
            if (type == "DemoRequest" && age <= 90 * Day) { engagement += 4000; }
            if (type == "PageView" && url != null && url.Contains("/careers", StringComparison.Ordinal) && age <= 60 * Day) { engagement -= 1000; }
            if (type == "PageView" && age <= 30 * Day)
            {
                if (visitsDay != day) { visitsDay = day; visits = 0; }
                if (++visits <= 5) { engagement += 100; }
            }
        }

        var total = Math.Min(fit, 10_000) + Math.Min(engagement, 10_000);
        return Math.Min(total, 15_000);
    }

    /// <summary>Linear decay to 0 at <paramref name="zeroAt"/> ticks, rounded half away from zero (positive points only here).</summary>
    private static long Decay(long points, long zeroAt, long age) =>
        age >= zeroAt ? 0 : ((2 * points * (zeroAt - age)) + zeroAt) / (2 * zeroAt);

    /// <summary>The same model in <see cref="decimal"/> on a <see cref="double"/> age in days: the former baseline, kept for reference.</summary>
    public static decimal ScoreDecimal(LeadFacts lead, DateTimeOffset asOf)
    {
        decimal fit = 0, engagement = 0;
        var title = lead.JobTitle;
        if (lead.Industry == "Software") { fit += 20; }
        if (lead.Employees >= 200 && lead.Employees <= 2000) { fit += 20; }
        if (lead.Employees > 2000) { fit += 10; }
        if (lead.Employees < 20) { fit -= 15; }
        if (lead.Country is "DE" or "AT" or "CH") { fit += 10; }
        if (title != null && (title.Contains("Director", StringComparison.Ordinal) || title.Contains("VP", StringComparison.Ordinal) || title.Contains("Head", StringComparison.Ordinal))) { fit += 15; }
        if (title != null && (title.StartsWith("Chief", StringComparison.Ordinal) || title.StartsWith("CMO", StringComparison.Ordinal) || title.StartsWith("CEO", StringComparison.Ordinal))) { fit += 20; }
        if (title != null && (title.Contains("Student", StringComparison.Ordinal) || title.Contains("Intern", StringComparison.Ordinal))) { fit -= 30; }
        var email = lead.Email;
        if (email != null && (email.EndsWith("@gmail.com", StringComparison.Ordinal) || email.EndsWith("@yahoo.com", StringComparison.Ordinal) || email.EndsWith("@web.de", StringComparison.Ordinal))) { fit -= 10; }
        if (lead.Industry == "Marketing Software") { fit -= 50; }
        if (lead.Unsubscribed) { engagement -= 50; }
        if (lead.HardBounced) { engagement -= 75; }

        var activities = lead.Activities;
        Span<(long NegativeTicks, int Index)> order = stackalloc (long, int)[activities.Count];
        var count = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].OccurredAt <= asOf)
            {
                order[count++] = (-activities[i].OccurredAt.UtcTicks, i);
            }
        }

        order = order[..count];
        order.Sort();
        long opensDay = long.MinValue, visitsDay = long.MinValue;
        int opens = 0, visits = 0;
        foreach (var (negativeTicks, index) in order)
        {
            var activity = activities[index];
            var age = (decimal)(asOf - new DateTimeOffset(-negativeTicks, TimeSpan.Zero)).TotalDays;
            var day = -negativeTicks / TimeSpan.TicksPerDay;
            var type = activity.Type;
            var url = activity.Url;
            if (type == "EmailOpen")
            {
                if (opensDay != day) { opensDay = day; opens = 0; }
                if (++opens <= 3) { engagement += Decay(2, 50, 30, age); }
            }

            if (type == "EmailClick") { engagement += Decay(5, 50, 30, age); }
            if (type == "WebinarAttended") { engagement += Decay(15, 50, 30, age); }
            if (type == "PageView" && url != null && url.Contains("/pricing", StringComparison.Ordinal) && age <= 30) { engagement += 10; }
            if (type == "ContentDownload") { engagement += Decay(8, 25, 30, age); }
            if (type == "ContentDownload" && activity.JourneyStage == "Decision") { engagement += Decay(10, 50, 30, age); }
            if (type == "DemoRequest" && age <= 90) { engagement += 40; }
            if (type == "PageView" && url != null && url.Contains("/careers", StringComparison.Ordinal) && age <= 60) { engagement -= 10; }
            if (type == "PageView" && age <= 30)
            {
                if (visitsDay != day) { visitsDay = day; visits = 0; }
                if (++visits <= 5) { engagement += 1; }
            }
        }

        var total = Math.Min(fit, 100m) + Math.Min(engagement, 100m);
        return Math.Min(total, 150m);
    }

    private static decimal Decay(decimal points, decimal percent, decimal everyDays, decimal ageDays) =>
        Math.Round(points * Math.Clamp(1m - (percent / 100m * Math.Max(0m, ageDays) / everyDays), 0m, 1m), 2, MidpointRounding.AwayFromZero);
}
