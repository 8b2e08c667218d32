// Usage: HostileRuleRunner <model.json> [lead|custom]
// Prints "REJECTED" and every problem, or "LOADED" and the score of a sample lead. Exit code 0 either way;
// any other exit code (a crash) or no exit (a hang) is what the hostile-rule tests guard against.
using SalesGlossary.Domain;
using SalesGlossary.Domain.Scoring;

if (args[0] == "--host-probe")
{
    Console.Write(HostProbe.Fingerprint(Enumerable.Range(0, HostProbe.Fragments.Length)));
    return;
}

var json = File.ReadAllText(args[0]);
var kind = args.Length > 1 ? args[1] : "lead";
var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
try
{
    if (kind == "custom")
    {
        var model = LeadScoringModel.LoadFor<CustomLead, LeadActivity>(json, l => l.Activities, a => a.OccurredAt);
        var lead = new CustomLead("acme", ["a", "b"], [new LeadActivity("EmailOpen", now.AddDays(-1))]);
        var score = model.Score(lead, now);
        Console.WriteLine("LOADED total=" + score.Total + " tags=" + lead.Tags.Count + " pokes=" + lead.Pokes);
    }
    else
    {
        var model = LeadScoringModel.Load(json);
        var activities = Enumerable.Range(0, 50).Select(i => new LeadActivity("PageView", now.AddHours(-i), "/pricing")).ToArray();
        var score = model.Score(new LeadFacts("L-1", "a@b.c", "VP Sales", "Sales", "Software", 500, 1_000_000m, "DE", "Web", false, false, activities), now);
        Console.WriteLine("LOADED total=" + score.Total + " errors=" + score.Errors.Count);
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

/// <summary>An integrator's lead type with methods that have side effects; rules must not reach them.</summary>
public sealed class CustomLead(string name, List<string> tags, IReadOnlyList<LeadActivity> activities)
{
    public string Name { get; } = name;

    public List<string> Tags { get; } = tags;

    public IReadOnlyList<LeadActivity> Activities { get; } = activities;

    public int Pokes { get; private set; }

    public bool Poke() => ++Pokes > 0;

    public static bool Reset() => true;
}
