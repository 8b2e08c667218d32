// Rule authoring, for integrators who embed scoring rules written by their customers:
// validate a model file, explain a score, ask "what if", and watch a hostile file being rejected.
// Usage: dotnet run --project samples/RuleAuthoring [model.json]
using System.Globalization;
using System.Text.Json.Nodes;
using SalesGlossary.Domain;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var models = Path.Combine(AppContext.BaseDirectory, "models");
var asOf = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

// 1. Validate a model file: every problem at once, each with its JSON path and rule.
var file = args.Length > 0 ? args[0] : Path.Combine(models, "broken-model.json");
Console.WriteLine($"Validating {Path.GetFileName(file)} ...");
if (TryLoad(File.ReadAllText(file), out var loaded))
{
    Console.WriteLine($"  valid: {loaded!.Name} v{loaded.Version}, {loaded.Rules.Count} rules, maximum score {loaded.MaximumScore?.ToString(CultureInfo.InvariantCulture) ?? "unbounded"}");
}

// 2. A hostile file: rejected at load, before anything runs.
Console.WriteLine();
Console.WriteLine("Validating hostile-model.json (rules that try to read the host, burn the CPU, eat memory, read the clock, smash the stack) ...");
TryLoad(File.ReadAllText(Path.Combine(models, "hostile-model.json")), out _);

// 3. Explain a lead's score with the shipped sample model.
var model = LeadScoringModel.LoadSample();
var leads = Leads(500);
var lead = leads[7];
var score = model.Score(lead, asOf);
Console.WriteLine();
Console.WriteLine($"Score of {lead.Id} ({lead.JobTitle}, {lead.Industry}, {lead.Employees} employees): {score.Total} points, grade {score.Grade}");
foreach (var group in score.Groups)
{
    Console.WriteLine($"  group {group.Group,-10} raw {group.Raw,7} cap {group.Cap?.ToString(CultureInfo.InvariantCulture) ?? "none",5} → {group.Score}");
}

foreach (var contribution in score.Contributions)
{
    Console.WriteLine($"  {contribution.Rule,-20} {contribution.Points,7}  {contribution.Explanation}");
}

// 4. What if: MQLs at other thresholds, and with a rule changed, on the same 500 leads.
var totals = new decimal[leads.Length];
model.ScoreTotals(leads.AsSpan(), asOf, totals.AsSpan());
Console.WriteLine();
Console.WriteLine("What if the MQL threshold changed? (500 sample leads)");
foreach (var threshold in new[] { 60m, 80m, 100m, 120m })
{
    Console.WriteLine($"  MQL at {threshold,3} points: {totals.Count(t => t >= threshold),3} MQLs");
}

var changed = JsonNode.Parse(LeadScoringModel.SampleJson)!;
changed["ScoringModel"]!["Version"] = "1.1.0-what-if";
foreach (var rule in changed["Rules"]!.AsArray())
{
    if ((string?)rule!["RuleName"] == "WebinarAttended")
    {
        rule["Properties"]!["points"] = 30;
    }
}

var whatIf = LeadScoringModel.Load(changed.ToJsonString());
var whatIfTotals = new decimal[leads.Length];
whatIf.ScoreTotals(leads.AsSpan(), asOf, whatIfTotals.AsSpan());
Console.WriteLine($"  With WebinarAttended at 30 points instead of 15: {whatIfTotals.Count(t => t >= 100m)} MQLs at 100 points instead of {totals.Count(t => t >= 100m)}");

static bool TryLoad(string json, out LeadScoringModel<LeadFacts, LeadActivity>? model)
{
    try
    {
        model = LeadScoringModel.Load(json);
        return true;
    }
    catch (DefinitionValidationException e)
    {
        Console.WriteLine($"  rejected, {e.Problems.Count} problems:");
        foreach (var problem in e.Problems)
        {
            Console.WriteLine($"  - {problem.Path}: {problem.Message}");
        }

        model = null;
        return false;
    }
}

static LeadFacts[] Leads(int count)
{
    var random = new Random(11);
    string[] titles = ["Director Marketing", "VP Sales", "Engineer", "Head of Growth", "CMO", "Student"];
    string[] industries = ["Software", "Manufacturing", "Retail"];
    string[] types = ["EmailOpen", "EmailClick", "WebinarAttended", "PageView", "ContentDownload"];
    var asOf = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    return [.. Enumerable.Range(1, count).Select(i => new LeadFacts
    {
        Id = "L-" + i,
        Email = "buyer@company.example",
        JobTitle = titles[random.Next(titles.Length)],
        Industry = industries[random.Next(industries.Length)],
        Employees = random.Next(10, 3000),
        Country = random.Next(2) == 0 ? "DE" : "US",
        Activities = [.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => new LeadActivity { Type = types[random.Next(types.Length)], OccurredAt = asOf.AddHours(-random.Next(0, 24 * 60)), Url = "/pricing" })],
    })];
}
