using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>Deterministic, realistic leads for the scoring benchmarks: firmographics plus 0–8 activities over four months.</summary>
internal static class BenchmarkLeads
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Titles = ["Director Marketing", "VP Sales", "Chief Revenue Officer", "Student", "Head of Growth", "Engineer", "CMO", "Marketing Intern"];
    private static readonly string[] Industries = ["Software", "Manufacturing", "Marketing Software", "Retail", "Healthcare"];
    private static readonly string[] Countries = ["DE", "AT", "CH", "US", "FR", "GB"];
    private static readonly string[] Emails = ["mary@acme.de", "joe@gmail.com", "x@web.de", "ceo@globex.com", "ops@initech.io"];
    private static readonly string[] Types = ["EmailOpen", "EmailOpen", "EmailOpen", "PageView", "PageView", "EmailClick", "WebinarAttended", "ContentDownload", "DemoRequest"];
    private static readonly string[] Urls = ["/pricing", "/careers", "/blog/post", "/product"];
    private static readonly string[] Stages = ["Awareness", "Consideration", "Decision"];

    public static LeadFacts[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Next(random, i))];
    }

    public static LeadFacts Next(Random random, long id)
    {
        var activities = new LeadActivity[random.Next(0, 9)];
        for (var a = 0; a < activities.Length; a++)
        {
            var minutesAgo = random.Next(3) == 0 ? random.Next(0, 600) : random.Next(0, 60 * 24 * 120);
            activities[a] = new LeadActivity
            {
                Type = Types[random.Next(Types.Length)],
                OccurredAt = AsOf.AddMinutes(-minutesAgo),
                Url = random.Next(3) == 0 ? null : Urls[random.Next(Urls.Length)],
                JourneyStage = random.Next(2) == 0 ? null : Stages[random.Next(Stages.Length)],
            };
        }

        return new LeadFacts
        {
            Id = "L-" + id,
            Email = random.Next(6) == 0 ? null : Emails[random.Next(Emails.Length)],
            JobTitle = random.Next(6) == 0 ? null : Titles[random.Next(Titles.Length)],
            Department = "Marketing",
            Industry = random.Next(8) == 0 ? null : Industries[random.Next(Industries.Length)],
            Employees = random.Next(8) == 0 ? null : random.Next(1, 5000),
            Country = Countries[random.Next(Countries.Length)],
            LeadSource = "Webinar",
            Unsubscribed = random.Next(20) == 0,
            HardBounced = random.Next(30) == 0,
            Activities = activities,
        };
    }
}
