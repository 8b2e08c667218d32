
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Pins each decision of the allow-list in the test host: every allowed member and method loads and runs, and each
/// refused one is refused with its exact reason, so that weakening or widening the list fails a test here.
/// </summary>
public class GuardAllowListTests
{
    private const string MethodReason = " is not allowed: rules may use comparisons, arithmetic, text tests (Contains, StartsWith, EndsWith, …), date arithmetic and Any/All/Count/Sum/… over the lead's own collections";
    private const string MemberReason = " is not allowed: rules read only the lead's own data and simple properties of text, numbers and dates";
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static LeadFacts Lead() =>
        new LeadFacts
        {
            Id = "L-1",
            Email = "mary@acme.de",
            JobTitle = "VP Sales",
            Department = "Sales",
            Industry = "Software",
            Employees = 450,
            AnnualRevenue = 1_000_000m,
            Country = "DE",
            LeadSource = "Web",
            Activities = [new LeadActivity { Type = "PageView", OccurredAt = Now.AddDays(-1), Url = "/pricing" }, new LeadActivity { Type = "Demo", OccurredAt = Now.AddDays(-2), Url = "/demo" }],
        };

    [Theory]
    [InlineData("lead.Email.Length > 0")]
    [InlineData("lead.Email.Contains(\"@\")")]
    [InlineData("lead.Email.StartsWith(\"mary\")")]
    [InlineData("lead.Email.EndsWith(\".de\")")]
    [InlineData("lead.Email.Equals(\"mary@acme.de\")")]
    [InlineData("lead.Email.IndexOf(\"@\") == 4")]
    [InlineData("lead.Email.ToLower() == \"mary@acme.de\"")]
    [InlineData("lead.Email.ToUpper() == \"MARY@ACME.DE\"")]
    [InlineData("lead.Email.ToLowerInvariant() == \"mary@acme.de\"")]
    [InlineData("lead.Email.ToUpperInvariant() == \"MARY@ACME.DE\"")]
    [InlineData("lead.Email.Trim() == lead.Email")]
    [InlineData("lead.Email.TrimStart() == lead.Email")]
    [InlineData("lead.Email.TrimEnd() == lead.Email")]
    [InlineData("!string.IsNullOrEmpty(lead.Email)")]
    [InlineData("!string.IsNullOrWhiteSpace(lead.Email)")]
    [InlineData("string.Compare(lead.Country, \"DE\") == 0")]
    [InlineData("string.CompareOrdinal(lead.Country, \"DE\") == 0")]
    [InlineData("lead.Country.CompareTo(\"DE\") == 0")]
    [InlineData("string.Concat(lead.Country, \"-\") == \"DE-\"")]
    [InlineData("lead.Email.Substring(0, 4) == \"mary\"")]
    [InlineData("lead.Activities.Any(a => a.Type == \"Demo\")")]
    [InlineData("lead.Activities.All(a => a.Url != null)")]
    [InlineData("lead.Activities.Count(a => a.Type == \"Demo\") == 1")]
    [InlineData("lead.Activities.LongCount() == 2")]
    [InlineData("lead.Activities.Sum(a => a.Type.Length) == 12")]
    [InlineData("lead.Activities.Min(a => a.Type.Length) == 4")]
    [InlineData("lead.Activities.Max(a => a.Type.Length) == 8")]
    [InlineData("lead.Activities.Average(a => a.Type.Length) == 6")]
    [InlineData("lead.Activities.Select(a => a.Type).Contains(\"Demo\")")]
    [InlineData("lead.Activities.Where(a => a.Type == \"Demo\").Count() == 1")]
    [InlineData("lead.Activities.First().Type == \"PageView\"")]
    [InlineData("lead.Activities.FirstOrDefault(a => a.Type == \"Demo\") != null")]
    [InlineData("lead.Activities.Last().Type == \"Demo\"")]
    [InlineData("lead.Activities.LastOrDefault(a => a.Type == \"x\") == null")]
    [InlineData("lead.Activities.Select(a => a.Type).Distinct().Count() == 2")]
    [InlineData("lead.Activities.Take(1).Skip(0).Count() == 1")]
    [InlineData("lead.Activities.Count == 2")]
    [InlineData("Math.Abs(-(lead.Employees ?? 0)) == 450")]
    [InlineData("Math.Min(lead.Employees ?? 0, 10) == 10 && Math.Max(lead.Employees ?? 0, 10) == 450")]
    [InlineData("Math.Round(1.5m) == 2 && Math.Floor(1.5m) == 1 && Math.Ceiling(1.5m) == 2 && Math.Sign(-3) == -1")]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.AddDays(1).AddHours(1).AddMinutes(1).AddSeconds(1).AddMonths(1).AddYears(1) > a.OccurredAt)")]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.Subtract(a.OccurredAt) == TimeSpan.FromDays(0))")]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.Year > 2000 && a.OccurredAt.Month > 0 && a.OccurredAt.Day > 0 && a.OccurredAt.Hour >= 0)")]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.DayOfWeek >= DayOfWeek.Sunday && a.OccurredAt.DayOfYear > 0 && a.OccurredAt.Offset.Hours == 0)")]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.UtcDateTime.Hour >= 0 && a.OccurredAt.ToUniversalTime().Minute >= 0 && a.OccurredAt.Date.Second == 0)")]
    [InlineData("TimeSpan.FromHours(24).TotalDays == 1 && TimeSpan.FromMinutes(60).Hours == 1 && TimeSpan.FromSeconds(-1).Duration().Seconds == 1")]
    [InlineData("(lead.AnnualRevenue ?? 0).CompareTo(1m) > 0 && (lead.Employees ?? 0).Equals(450)")]
    [InlineData("lead.Email.Any(c => char.IsLetter(c)) && !lead.Email.Any(c => char.IsWhiteSpace(c)) && !lead.Email.Any(c => char.IsDigit(c))")]
    [InlineData("lead.Employees.HasValue && lead.Employees.Value == 450 && lead.Employees.GetValueOrDefault() == 450")]
    public void AllowedConstruct_LoadsAndMatches(string expression)
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule(expression));

        var score = model.Score(Lead(), Now);

        Assert.Empty(score.Errors);
        Assert.Equal(10m, score.Total);
    }

    [Theory]
    [InlineData("lead.Email.PadLeft(100) != null", "the method 'String.PadLeft'" + MethodReason)]
    [InlineData("lead.Email.PadRight(100) != null", "the method 'String.PadRight'" + MethodReason)]
    [InlineData("lead.Email.Replace(\"a\", \"b\") != null", "the method 'String.Replace'" + MethodReason)]
    [InlineData("lead.Email.GetHashCode() != 0", "the method 'Object.GetHashCode'" + MethodReason)]
    [InlineData("lead.Email.GetType() != null", "the method 'Object.GetType'" + MethodReason)]
    [InlineData("lead.Activities.OrderBy(a => a.Type).Any()", "the method 'Enumerable.OrderBy'" + MethodReason)]
    [InlineData("lead.Activities.SelectMany(a => lead.Activities).Any()", "the method 'Enumerable.SelectMany'" + MethodReason)]
    [InlineData("lead.Activities.Reverse().Any()", "the method 'Enumerable.Reverse'" + MethodReason)]
    [InlineData("lead.Activities.ToList().Count > 0", "the method 'Enumerable.ToList'" + MethodReason)]
    [InlineData("Math.Pow(2, 64) > 0", "the method 'Math.Pow'" + MethodReason)]
    [InlineData("Math.Sqrt(4) > 0", "the method 'Math.Sqrt'" + MethodReason)]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.AddTicks(1) > a.OccurredAt)", "the method 'DateTimeOffset.AddTicks'" + MethodReason)]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.Ticks > 0)", "the member 'DateTimeOffset.Ticks'" + MemberReason)]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.Millisecond >= 0)", "the member 'DateTimeOffset.Millisecond'" + MemberReason)]
    [InlineData("lead.Activities.Any(a => a.OccurredAt.LocalDateTime.Hour > 0)", "the member 'DateTimeOffset.LocalDateTime'" + MemberReason)]
    [InlineData("TimeSpan.FromDays(1).Ticks > 0", "the member 'TimeSpan.Ticks'" + MemberReason)]
    [InlineData("DateTime.Now.Hour > 0", "the static member 'DateTime.Now' is not allowed: rules read only the lead's own data (for time, use the rule's decay or windowDays instead of the clock)")]
    [InlineData("DateTimeOffset.UtcNow.Hour > 0", "the static member 'DateTimeOffset.UtcNow' is not allowed: rules read only the lead's own data (for time, use the rule's decay or windowDays instead of the clock)")]
    [InlineData("string.Empty == lead.Email", "the static member 'String.Empty' is not allowed: rules read only the lead's own data")]
    [InlineData("TimeSpan.MaxValue.Days > 0", "the static member 'TimeSpan.MaxValue' is not allowed: rules read only the lead's own data")]
    public void RefusedConstruct_IsRejectedWithItsReason(string expression, string reason)
    {
        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule(expression))).Problems);

        Assert.Equal("$.Rules[0].Expression", problem.Path);
        Assert.Equal("Rule 'R' is rejected: " + reason + ".", problem.Message);
    }
}
