// The quickstart: the default agreement at work on generated CRM data — scoring, lifecycle, connect attempts,
// deals and returns — and the reports both teams read.
using System.Globalization;
using Quickstart;
using SalesGlossary.Domain;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var agreement = ServiceLevelAgreement.Default;
var quarterStart = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
var reportAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

Console.WriteLine($"SalesGlossary.Domain quickstart — agreement '{agreement.Name}' v{agreement.Version}");
Console.WriteLine();
Console.WriteLine("Lifecycle stages (owner):  " + string.Join("  ", LifecycleStage.InFunnelOrder.Select(s => $"{s.Abbreviation} ({agreement.OwnerOf(s).Name})")));
Console.WriteLine("Lead types:                " + string.Join("; ", agreement.LeadTypes.Select(t => $"{t.Definition.Name}: MQL at {t.Thresholds.Mql} points, pipeline '{t.Pipeline.Name}'")));
Console.WriteLine();

// 1. Score 2,000 generated leads in bulk with the agreement's model, with a progress bar.
var leads = SampleData.Leads(2_000, quarterStart.AddDays(45));
var model = agreement.GetLeadType("new-prospect").ScoringModel;
var totals = new decimal[leads.Length];
var progress = new ConsoleProgressBar("Scoring leads");
var summary = model.ScoreTotalsParallel(leads, quarterStart.AddDays(45), totals, null, new BulkScoringOptions { BatchSize = 100, MaxDegreeOfParallelism = 1, Progress = progress });
Console.WriteLine($"\rScored {summary.Scored:N0} leads with '{summary.Model}' v{summary.ModelVersion}; {summary.Incomplete} with rule errors.          ");

// 2. Work the leads through the lifecycle: promotions, connect attempts, acceptance, returns, deals.
var random = new Random(7);
var contacts = new List<Contact>();
var deals = new List<Deal>();
for (var i = 0; i < leads.Length; i++)
{
    var clock = new SimulatedClock(quarterStart.AddMinutes(random.Next(0, 60 * 24 * 40)));
    var leadType = agreement.GetLeadType(i % 5 == 0 ? "existing-customer" : "new-prospect");
    var contact = leadType.CreateContact(leads[i].Id, random.Next(4) == 0 ? LifecycleStage.Subscriber : LifecycleStage.Lead, clock, By.Integration);
    contacts.Add(contact);
    if (contact.Stage == LifecycleStage.Subscriber && random.Next(2) == 0)
    {
        clock.Advance(TimeSpan.FromDays(random.Next(1, 10)));
        contact.Convert(By.Integration);
    }

    clock.Advance(TimeSpan.FromDays(random.Next(1, 5)));
    leadType.ApplyScore(contact, leadType.ScoringModel.Score(leads[i], clock.Now), By.System);
    if (contact.Stage != LifecycleStage.MarketingQualifiedLead && contact.Stage != LifecycleStage.SalesQualifiedLead)
    {
        continue;
    }

    // Sales works the handed-over lead: attempts over the following days, across channels.
    var policy = leadType.ConnectPolicy;
    clock.Advance(TimeSpan.FromHours(random.Next(1, 9)));
    var connected = false;
    for (var attempt = 0; attempt < policy.MinimumAttempts && !connected; attempt++)
    {
        var outcome = random.Next(5) == 0 ? ConnectOutcome.Connected : random.Next(2) == 0 ? ConnectOutcome.NoAnswer : ConnectOutcome.LeftVoicemail;
        contact.RecordConnectAttempt(new ConnectAttempt(clock.Now, attempt % 2 == 0 ? ConnectChannel.Phone : ConnectChannel.Email, outcome, "sam"), Actor.Sales);
        connected = policy.IsConnected(outcome);
        clock.Advance(TimeSpan.FromDays(2));
    }

    if (!connected)
    {
        if (contact.CanDisqualify(DisqualificationReason.UnableToReach))
        {
            contact.Disqualify(DisqualificationReason.UnableToReach, By.Sales);
        }

        continue;
    }

    if (contact.Stage == LifecycleStage.MarketingQualifiedLead)
    {
        if (random.Next(4) == 0)
        {
            contact.ReturnToMarketing(random.Next(2) == 0 ? "No budget this year" : "Wrong contact person", By.Sales.Named("sam"));
            continue;
        }

        contact.AcceptBySales(By.Sales.Named("sam"));
    }

    if (random.Next(3) == 0)
    {
        contact.ReturnToMarketing("Not ready to buy", By.Sales.Named("sam"));
        continue;
    }

    var deal = leadType.OpenDeal("D-" + contact.Id, contact, random.Next(5, 80) * 1_000m, null, clock, By.Sales.Named("sam"));
    deals.Add(deal);
    clock.Advance(TimeSpan.FromDays(random.Next(3, 20)));
    var next = deal.Pipeline.OpenStages.Skip(1).FirstOrDefault();
    if (next is not null && random.Next(3) > 0)
    {
        deal.MoveTo(next.Name, By.Sales.Named("sam"));
    }

    clock.Advance(TimeSpan.FromDays(random.Next(3, 20)));
    switch (random.Next(4))
    {
        case 0: deal.Win(By.Sales.Named("sam")); break;
        case 1: deal.Lose("Chose a competitor", By.Sales.Named("sam")); break;
        default: break;
    }
}

// 3. The reports both teams read.
var quarter = new ReportPeriod(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), reportAt);
var report = SlaReport.Compute(agreement, contacts, deals, quarter, reportAt);
Console.WriteLine();
Console.WriteLine($"Funnel, cohort {quarter.From:yyyy-MM-dd} to {quarter.To:yyyy-MM-dd}");
Console.WriteLine("  Stage                         Reached   Conversion");
foreach (var stage in report.Funnel)
{
    Console.WriteLine($"  {stage.Stage.DisplayName,-28} {stage.Reached,8}   {(stage.ConversionPercent is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—"),10}");
}

Console.WriteLine();
Console.WriteLine($"SQL rejection rate: {report.Rejections.RatePercent} % ({report.Rejections.Returned} returned of {report.Rejections.HandedOver} handed over)");
foreach (var reason in report.Rejections.ByReason)
{
    Console.WriteLine($"  {reason.Count,4} × {reason.Reason}");
}

Console.WriteLine();
Console.WriteLine("SLA attainment");
Console.WriteLine("  Team        Measure                                           Actual     Target   Attainment");
foreach (var a in report.Attainment)
{
    Console.WriteLine($"  {a.Team.Name,-10}  {a.Measure,-46} {a.Actual,9:0.#} {a.Target,10:0.#} {a.AttainmentPercent,10:0.0} %");
}

Console.WriteLine();
Console.WriteLine("Time in stage (median / 90th percentile, days)");
foreach (var d in report.TimeInStage)
{
    Console.WriteLine($"  {d.Stage.DisplayName,-28} {d.Median.TotalDays,6:0.0} / {d.Percentile90.TotalDays,6:0.0}   ({d.Contacts} contacts)");
}

Console.WriteLine();
Console.WriteLine($"Weighted pipeline: {report.Forecast.WeightedPipeline:N0}");
foreach (var category in report.Forecast.Categories.Where(c => c.Deals > 0))
{
    Console.WriteLine($"  {category.Category.DisplayName,-10} {category.Deals,4} deals  {category.Amount,12:N0}  weighted {category.Weighted,12:N0}");
}

// 4. One lead's score, explained.
var best = Enumerable.Range(0, leads.Length).MaxBy(i => totals[i]);
var explained = model.Score(leads[best], quarterStart.AddDays(45));
Console.WriteLine();
Console.WriteLine($"Score of {leads[best].Id} ({leads[best].JobTitle}, {leads[best].Industry}, {leads[best].Country}): {explained.Total} points, grade {explained.Grade}");
foreach (var c in explained.Contributions.Take(12))
{
    Console.WriteLine($"  {c.Rule,-20} {c.Points,7}  {c.Explanation}");
}

// 5. Who to target and who to talk to: the ICP and buyer personas.
var icp = new IdealCustomerProfile(
    "Mid-market software in DACH",
    [
        new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Industries = ["Software"], Employees = new NumberRange(200, 2000), Countries = ["DE", "AT", "CH"] }),
        new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria { Employees = new NumberRange(50, null) }),
    ],
    [new IcpExclusion("Competitors", new FirmographicCriteria { Industries = ["Marketing Software"] })]);
Console.WriteLine();
Console.WriteLine("Ideal customer profile: " + string.Join(", ",
    leads.Take(400).GroupBy(l => icp.Evaluate(new CompanyProfile { Name = l.Id, Industry = l.Industry, Employees = l.Employees, Country = l.Country, Technologies = [] }) is var e && e.IsNegative ? "Negative ICP" : e.Tier.DisplayName)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key}: {g.Count()}")));

// 6. The machines, drawn.
var output = Path.Combine(AppContext.BaseDirectory, "output");
Directory.CreateDirectory(output);
File.WriteAllText(Path.Combine(output, "lifecycle.mmd"), agreement.GetLeadType("new-prospect").Lifecycle.ToMermaidGraph());
foreach (var pipeline in agreement.Pipelines.Values)
{
    File.WriteAllText(Path.Combine(output, "pipeline-" + pipeline.Name.ToLowerInvariant().Replace(' ', '-') + ".mmd"), pipeline.ToMermaidGraph());
}

Console.WriteLine();
Console.WriteLine("Mermaid diagrams of the lifecycle and of each pipeline written to " + output);
