using System.Diagnostics;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// No date may come from text (the parser reads it in the host's time zone), and no rule may run the Equals,
/// GetHashCode or CompareTo of the integrator's own types through a collection operation.
/// </summary>
public class GuardTimeAndEqualityTests
{
    private static readonly string[] DatesFromText =
    [
        "lead.Activities.Any(a => a.OccurredAt < \"2026-01-01T05:00:00\")",
        "lead.Activities.Any(a => a.OccurredAt == \"2026-01-01\")",
        "lead.Activities.Any(a => a.OccurredAt.UtcDateTime > \"2025-12-31T20:00:00Z\")",
    ];

    private static string Rejection(string expression) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule(expression))).Problems).Message;

    public static TheoryData<string> DateTexts() => [.. DatesFromText];

    [Theory]
    [MemberData(nameof(DateTexts))]
    public void Load_DateMadeFromText_IsRejectedWithHowToBuildIt(string expression)
    {
        var message = Rejection(expression);

        Assert.Contains("a date or time given as text", message, StringComparison.Ordinal);
        Assert.Contains("DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(0))", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DateBuiltWithItsOffset_IsAccepted()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule(
            "lead.Activities.Any(a => a.OccurredAt < DateTimeOffset(2026, 1, 1, 5, 0, 0, TimeSpan.FromHours(0)) && a.OccurredAt.Subtract(a.OccurredAt) < TimeSpan.FromDays(1))"));
        var lead = new LeadFacts { Id = "L", Employees = 1, Activities = [new LeadActivity { Type = "PageView", OccurredAt = new DateTimeOffset(2026, 1, 1, 4, 0, 0, TimeSpan.Zero) }] };

        Assert.Equal(10m, model.Score(lead, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)).Total);
    }

    [Trait("Isolation", "ChildProcess")]
    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    public async Task Load_DatesFromText_AreRejectedAlike_InEveryTimeZone(string zone)
    {
        var file = Path.Combine(Path.GetTempPath(), "dates-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, ModelJson.WithRules([.. DatesFromText.Select((e, i) =>
            "{\"RuleName\":\"D" + i + "\",\"Expression\":\"" + e.Replace("\"", "\\\"", StringComparison.Ordinal) + "\",\"Properties\":{\"points\":10}}")]));
        try
        {
            var runner = Path.Combine(AppContext.BaseDirectory, "SalesGlossary.Domain.HostileRuleRunner.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(runner);
            start.ArgumentList.Add(file);
            start.Environment["TZ"] = zone;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.StartsWith("REJECTED", output, StringComparison.Ordinal);
            Assert.Equal(DatesFromText.Length, output.Split("a date or time given as text").Length - 1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("lead.Visits.Distinct().Count() > 1", "Distinct")]
    [InlineData("lead.Visits.Contains(lead.Visits.First())", "Contains")]
    [InlineData("lead.Visits.Max() != null", "Max")]
    [InlineData("lead.Visits.Select(v => v).Contains(lead.Visits.Last())", "Contains")]
    public void LoadFor_EqualityOnTheIntegratorsType_IsRejectedAndRunsNothingOfIt(string expression, string method)
    {
        Visit.Calls = 0;

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() =>
            LeadScoringModel.LoadFor<VisitLead, Visit>(ModelJson.WithRule(expression), l => l.Visits, v => v.At)).Problems).Message;

        Assert.Contains("'" + method + "' compares items of type 'Visit' with that type's own Equals, GetHashCode or CompareTo", problem, StringComparison.Ordinal);
        Assert.Equal(0, Visit.Calls);
    }

    [Fact]
    public void LoadFor_EqualityOnTextOfTheIntegratorsType_IsAccepted()
    {
        var model = LeadScoringModel.LoadFor<VisitLead, Visit>(ModelJson.WithRule("lead.Visits.Select(v => v.Page).Distinct().Count() > 1"), l => l.Visits, v => v.At);
        var lead = new VisitLead([new Visit("/a", Generators.ScoringNow), new Visit("/b", Generators.ScoringNow)]);
        Visit.Calls = 0;

        Assert.Equal(10m, model.Score(lead, Generators.ScoringNow).Total);
        Assert.Equal(0, Visit.Calls);
    }

    /// <summary>An integrator's lead type.</summary>
    public sealed class VisitLead(IReadOnlyList<Visit> visits)
    {
        public IReadOnlyList<Visit> Visits { get; } = visits;
    }

    /// <summary>An integrator's activity type whose equality and order are code a rule must never run.</summary>
    public sealed class Visit(string page, DateTimeOffset at) : IComparable<Visit>
    {
        public static int Calls { get; set; }

        public string Page { get; } = page;

        public DateTimeOffset At { get; } = at;

        public override bool Equals(object? obj) => ++Calls > 0 && ReferenceEquals(this, obj);

        public override int GetHashCode() => ++Calls;

        public int CompareTo(Visit? other) => ++Calls;
    }
}
