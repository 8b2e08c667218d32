// Usage: HostileRuleRunner <model.json> [lead|custom|big] [default|raised|hard]
//        HostileRuleRunner --host-probe
// Loads one scoring model in a process of its own and prints one outcome line:
//   REJECTED (then every problem)  the model was refused at load;
//   STOPPED total=… errors=…       it loaded, and the work budget stopped a rule (Score and bulk agree);
//   LOADED total=… …               it loaded and scored within the budget.
// Exit code 0 in every case; any other exit code (a crash) or no exit (a hang) is what the hostile-rule tests guard against.
using SalesGlossary.Domain;

if (args[0] == "--host-probe")
{
    Console.Write(HostProbe.Fingerprint(Enumerable.Range(0, HostProbe.Fragments.Length)));
    return;
}

var json = File.ReadAllText(args[0]);
var kind = args.Length > 1 ? args[1] : "lead";
var limits = (args.Length > 2 ? args[2] : "default") switch
{
    "raised" => new ScoringLimits
    {
        MaxExpressionLength = ScoringLimits.HardMaxExpressionLength, MaxNestingDepth = ScoringLimits.HardMaxNestingDepth, MaxLambdaDepth = 8,
        MaxTokensPerExpression = ScoringLimits.HardMaxTokensPerExpression,
    },
    "hard" => new ScoringLimits
    {
        MaxExpressionLength = ScoringLimits.HardMaxExpressionLength, MaxNestingDepth = ScoringLimits.HardMaxNestingDepth, MaxLambdaDepth = 8,
        MaxTokensPerExpression = ScoringLimits.HardMaxTokensPerExpression, MaxTokensPerModel = ScoringLimits.HardMaxTokensPerModel, MaxRules = 100_000,
    },
    _ => ScoringLimits.Default,
};
var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
try
{
    if (kind == "custom")
    {
        var model = LeadScoringModel.LoadFor<CustomLead, LeadActivity>(json, l => l.Activities, a => a.OccurredAt, limits);
        var lead = new CustomLead("acme", ["a", "b"], [new LeadActivity { Type = "EmailOpen", OccurredAt = now.AddDays(-1) }]);
        var score = model.Score(lead, now);
        Console.WriteLine(Outcome(score) + " total=" + score.Total + " tags=" + lead.Tags.Count + " pokes=" + lead.Pokes);
    }
    else
    {
        var model = LeadScoringModel.Load(json, limits);
        var big = kind == "big";
        var activities = Enumerable.Range(0, 50)
            .Select(i => new LeadActivity { Type = "PageView", OccurredAt = now.AddHours(-i), Url = big && i == 0 ? "/" + new string('p', 2_000_000) : "/pricing" })
            .ToArray();
        var lead = new LeadFacts { Id = "L-1", Email = big ? new string('x', 3_000_000) + "@b.c" : "a@b.c", JobTitle = "VP Sales", Department = "Sales", Industry = "Software", Employees = 500, AnnualRevenue = 1_000_000m, Country = "DE", LeadSource = "Web", Activities = activities };
        var score = model.Score(lead, now);
        var totals = new decimal[2];
        var bulk = model.ScoreTotals([lead, lead], now, totals);
        Console.WriteLine(Outcome(score) + " total=" + score.Total + " errors=" + score.Errors.Count + " bulkIncomplete=" + bulk.Incomplete
            + (score.Errors.Count > 0 ? " first=" + score.Errors[0].Message : string.Empty));
    }
}
catch (DefinitionValidationException e)
{
    Console.WriteLine("REJECTED");
    foreach (var problem in e.Problems)
    {
        Console.WriteLine(problem);
    }
}

static string Outcome(LeadScore score) =>
    score.Errors.Any(e => e.Message.StartsWith("The rule was stopped after", StringComparison.Ordinal)) ? "STOPPED" : "LOADED";

/// <summary>An integrator's lead type with methods that have side effects; rules must not reach them.</summary>
public sealed class CustomLead(string name, List<string> tags, IReadOnlyList<LeadActivity> activities)
{
    public string Name { get; } = name;

    public List<string> Tags { get; } = tags;

    public IReadOnlyList<LeadActivity> Activities { get; } = activities;

    public int Pokes { get; private set; }

    public CustomLead? Parent { get; init; }

    public bool Poke() => ++Pokes > 0;

    public static bool Reset() => true;

    /// <summary>A ToString with a side effect and a cycle: a rule must never reach it.</summary>
    public override string ToString() => "poked " + ++Pokes + " " + Parent;
}
