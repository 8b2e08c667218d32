// The quickstart: the shared vocabulary of the agreement, an ideal customer profile and buyer personas at work.
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Deals;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Profiles;

Console.WriteLine("SalesGlossary.Domain quickstart");
Console.WriteLine();

Console.WriteLine("Lifecycle stages (funnel order, owning team):");
foreach (var stage in LifecycleStage.InFunnelOrder)
{
    Console.WriteLine($"  {stage.Value}. {stage.DisplayName,-26} {stage.Abbreviation,-12} {stage.Phase.Name,-8} {stage.OwningTeam.Name}");
}

Console.WriteLine();
Console.WriteLine("Lead statuses: " + string.Join(", ", LeadStatus.List.OrderBy(s => s.Value).Select(s => s.DisplayName)));
Console.WriteLine("Connect outcomes that count as connected by default: "
    + string.Join(", ", ConnectOutcome.List.Where(o => o.IsConnectedByDefault).OrderBy(o => o.Value).Select(o => o.DisplayName)));
Console.WriteLine();

var icp = new IdealCustomerProfile(
    "Mid-market software in DACH",
    [
        new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria(
            industries: ["Software"], employees: new NumberRange(200, 2000), countries: ["DE", "AT", "CH"], requiredTechnologies: ["HubSpot"])),
        new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria(
            industries: ["Software", "Manufacturing"], employees: new NumberRange(50, 5000), countries: ["DE", "AT", "CH", "NL"])),
        new IcpTierDefinition(IcpTier.Tier3, new FirmographicCriteria(employees: new NumberRange(20, null))),
    ],
    [new IcpExclusion("Competitors", new FirmographicCriteria(industries: ["Marketing Software"]))]);

CompanyProfile[] companies =
[
    new("Acme Software GmbH", "Software", 450, 60_000_000m, "DE", ["HubSpot", "AWS"]),
    new("Globex Manufacturing", "Manufacturing", 3200, 800_000_000m, "NL", ["SAP"]),
    new("Tiny Startup", "Software", 8, 500_000m, "DE", []),
    new("Rival Marketing Cloud", "Marketing Software", 900, null, "DE", ["HubSpot"]),
];

Console.WriteLine($"Ideal customer profile '{icp.Name}':");
foreach (var company in companies)
{
    var evaluation = icp.Evaluate(company);
    Console.WriteLine($"  {company.Name,-24} -> {evaluation.Tier.DisplayName}{(evaluation.IsNegative ? " (negative ICP)" : string.Empty)}");
    Console.WriteLine($"      {evaluation.Summary}");
    foreach (var failed in evaluation.CheckedTiers.SelectMany(t => t.Criteria.Where(c => !c.IsMet).Select(c => (t.Tier, c))).Take(2))
    {
        Console.WriteLine($"      {failed.Tier.DisplayName}: {failed.c.Explanation}");
    }
}

Console.WriteLine();
var personas = new PersonaCatalog(
[
    new BuyerPersona("Marketing Mary", "Head of marketing", Seniority.Director, "Marketing",
        ["More qualified pipeline"], ["Sales ignores her leads"], [ConnectChannel.Email, ConnectChannel.Social], ["marketing", "demand generation", "CMO"]),
    new BuyerPersona("Sales Sam", "Head of sales", Seniority.VicePresident, "Sales",
        ["Hit the quarterly number"], ["Too many unqualified leads"], [ConnectChannel.Phone], ["sales", "revenue", "CRO"]),
]);

Console.WriteLine("Buyer personas:");
foreach (var profile in new ContactProfile[]
{
    new("Director of Demand Generation", "Marketing", Seniority.Director),
    new("VP Sales EMEA", "Sales", Seniority.VicePresident),
    new("Software Engineer", "IT", Seniority.IndividualContributor),
})
{
    var match = personas.Match(profile);
    Console.WriteLine($"  {profile.JobTitle,-30} -> {match.Persona?.Name ?? "no persona"}: {match.Reason}");
}

Console.WriteLine();
Console.WriteLine("A contact's lifecycle (every move recorded):");
var clock = TimeProvider.System;
var contact = Contact.Create("C-42", LifecycleStage.Subscriber, LifecyclePolicy.Default, clock, Actor.Integration, actorName: "newsletter form");
contact.Convert(Actor.Integration, "webinar form");
contact.ApplyScore(120, Actor.System);
contact.AcceptBySales(Actor.Sales, "sam");
contact.RecordConnectAttempt(new ConnectAttempt(clock.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer, "sam"), Actor.Sales);
contact.ReturnToMarketing("No budget before Q3", Actor.Sales, "sam");
contact.ApplyScore(160, Actor.System);
contact.AcceptBySales(Actor.Sales, "sam");
contact.RecordConnectAttempt(new ConnectAttempt(clock.GetUtcNow(), ConnectChannel.Meeting, ConnectOutcome.MeetingBooked, "sam"), Actor.Sales);
var deal = Deal.Open("D-7", Pipeline.Default, 48_000m, new DateOnly(2026, 12, 15), clock, Actor.Sales, contact: contact, actorName: "sam");
deal.MoveTo("Create proposal", Actor.Sales, actorName: "sam");
deal.MoveTo("Present proposal", Actor.Sales, actorName: "sam");
Console.WriteLine($"  Weighted pipeline with D-7 in '{deal.Stage.Name}': {DealForecast.For([deal]).WeightedPipeline:N0}");
deal.Win(Actor.Sales, contact, "sam");
foreach (var step in contact.History)
{
    Console.WriteLine($"  {step.Sequence,2}. {step.From.Abbreviation,-11} -> {step.To.Abbreviation,-11} {step.Trigger.Name,-21} {step.ToStatus?.DisplayName ?? "-",-22} {step.Actor.Name,-11} {step.Reason}");
}

try
{
    contact.AcceptBySales(Actor.Sales);
}
catch (LifecycleTransitionException refused)
{
    Console.WriteLine("  Refused: " + refused.Message);
}

var output = Path.Combine(AppContext.BaseDirectory, "output");
Directory.CreateDirectory(output);
var diagram = Path.Combine(output, "lifecycle.mmd");
File.WriteAllText(diagram, LifecyclePolicy.Default.ToMermaidGraph());
var dealDiagram = Path.Combine(output, "deal-pipeline.mmd");
File.WriteAllText(dealDiagram, Pipeline.Default.ToMermaidGraph());
Console.WriteLine();
Console.WriteLine("Diagrams (Mermaid) written to " + diagram + " and " + dealDiagram);
