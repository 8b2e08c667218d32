using SalesGlossary.Domain;

namespace Quickstart;

/// <summary>Generated, repeatable sample leads: firmographics plus a few months of activity.</summary>
internal static class SampleData
{
    private static readonly string[] Titles = ["Director Marketing", "VP Sales", "Head of Growth", "Chief Revenue Officer", "Engineer", "Marketing Intern", "CMO", "Student"];
    private static readonly string[] Industries = ["Software", "Software", "Manufacturing", "Retail", "Marketing Software"];
    private static readonly string[] Countries = ["DE", "AT", "CH", "DE", "US", "FR"];
    private static readonly string[] Types = ["EmailOpen", "EmailOpen", "EmailClick", "PageView", "PageView", "WebinarAttended", "ContentDownload", "DemoRequest"];
    private static readonly string[] Urls = ["/pricing", "/blog/post", "/product", "/careers"];

    public static LeadFacts[] Leads(int count, DateTimeOffset asOf, int seed = 2026)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(i =>
        {
            var activities = Enumerable.Range(0, random.Next(0, 14))
                .Select(_ => new LeadActivity
                {
                    Type = Types[random.Next(Types.Length)],
                    OccurredAt = asOf.AddMinutes(-random.Next(0, 60 * 24 * 80)),
                    Url = Urls[random.Next(Urls.Length)],
                    JourneyStage = random.Next(3) == 0 ? "Decision" : "Consideration",
                })
                .ToArray();
            return new LeadFacts
            {
                Id = "L-" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
                Email = random.Next(5) == 0 ? "someone@gmail.com" : "buyer@company.example",
                JobTitle = Titles[random.Next(Titles.Length)],
                Department = "Marketing",
                Industry = Industries[random.Next(Industries.Length)],
                Employees = random.Next(5, 4000),
                Country = Countries[random.Next(Countries.Length)],
                LeadSource = "Webinar",
                Unsubscribed = random.Next(25) == 0,
                HardBounced = random.Next(40) == 0,
                Activities = activities,
            };
        })];
    }
}
