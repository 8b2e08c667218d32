// The library inside a real CRM database: EF Core with SQLite, mapped by SalesGlossary.Domain.EntityFrameworkCore with no
// hand mapping. A contact row keeps its stage, lead status, score and Version as columns and its whole state (history,
// connect attempts, each model's score and the score history) as JSON; a deal row keeps its stage, amount and history;
// the events of every change go to the outbox table in the same transaction, and every explained score to the append-only
// score ledger. The contact's Version is the concurrency
// token of every change, a score-only change included. The sample creates the database, works some contacts, reloads
// them, opens and works deals, rescores all contacts in bulk, and shows that a concurrent score-only update is detected.
// Usage: dotnet run --project samples/CrmWithSqlite [database-file]
using System.Globalization;
using CrmWithSqlite;
using Microsoft.EntityFrameworkCore;
using SalesGlossary.Domain;
using SalesGlossary.Domain.EntityFrameworkCore;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// The sample creates a new database and never deletes or overwrites a file it did not create.
var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "salesglossary-crm-" + Guid.NewGuid().ToString("N") + ".db");
if (File.Exists(path))
{
    Console.Error.WriteLine($"'{path}' exists. The sample creates a new database and never overwrites a file; pass a path that does not exist.");
    return 1;
}

Console.WriteLine($"Database: {path}");
var agreement = ServiceLevelAgreement.Default;
var clock = new Clock(new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero));
var prospect = agreement.GetLeadType("new-prospect");
var model = prospect.ScoringModel;
const int Count = 300;

// 1. Create the database and a first batch of contacts, scored and promoted; their events go to the outbox.
await using (var db = new CrmDbContext(path))
{
    await db.Database.EnsureCreatedAsync();
    for (var i = 0; i < Count; i++)
    {
        var contact = prospect.CreateContact(Id(i), LifecycleStage.Lead, clock, By.Integration);
        prospect.ApplyScore(contact, model.Score(Facts(i, clock.Now), clock.Now), By.System);
        db.Contacts.Add(StoredContact.From(contact));
        Publish(db, contact.TakeEvents());
    }

    await db.SaveChangesAsync();
    Console.WriteLine($"Created {path} with {await db.Contacts.CountAsync()} contacts: " + await StagesAsync(db));
}

// 2. Reload from the database (a new context, as a later request would), rebuild the aggregates, continue working them;
//    sales opens a deal for each contact it accepts and does not return.
clock.Advance(TimeSpan.FromHours(3));
await using (var db = new CrmDbContext(path))
{
    var rows = await db.Contacts.ToListAsync();
    var worked = 0;
    foreach (var row in rows)
    {
        var contact = row.Rehydrate(agreement, clock);
        var before = contact.Version;
        if (contact.Stage == LifecycleStage.MarketingQualifiedLead)
        {
            contact.RecordConnectAttempt(new ConnectAttempt(clock.Now, ConnectChannel.Phone, ConnectOutcome.Connected, "sam"), Actor.Sales);
            contact.AcceptBySales(By.Sales.Named("sam"));
            if (row.Id.EndsWith('7') || row.Id.EndsWith('3'))
            {
                contact.ReturnToMarketing("Not ready to buy", By.Sales.Named("sam"));
            }
            else
            {
                var deal = prospect.OpenDeal("D" + row.Id[1..], contact, 10_000m + (worked * 1_250.5m), new DateOnly(2026, 4, 30), clock, By.Sales.Named("sam"));
                db.Deals.Add(StoredDeal.From(deal));
                Publish(db, deal.TakeEvents());
            }
        }

        if (contact.Version != before)
        {
            row.Update(contact);
            Publish(db, contact.TakeEvents());
            worked++;
        }
    }

    await db.SaveChangesAsync();
    Console.WriteLine($"Reloaded {rows.Count} contacts, continued {worked}, opened {await db.Deals.CountAsync()} deals: " + await StagesAsync(db));
}

// 3. Work the deals a week later: each moves to a proposal; every other one is won, which makes its contact a Customer.
clock.Advance(TimeSpan.FromDays(7));
await using (var db = new CrmDbContext(path))
{
    var deals = await db.Deals.OrderBy(d => d.Id).ToListAsync();
    var ids = deals.SelectMany(d => d.ContactIds).ToHashSet(StringComparer.Ordinal);
    var contactRows = await db.Contacts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal);
    var won = 0;
    foreach (var (row, index) in deals.Select((d, i) => (d, i)))
    {
        Contact[] contacts = [.. row.ContactIds.Select(id => contactRows[id].Rehydrate(agreement, clock))];
        var deal = row.Rehydrate(agreement, contacts, clock);
        deal.MoveTo("Create proposal", By.Sales.Named("sam"));
        if (index % 2 == 0)
        {
            deal.MoveTo("Present proposal", By.Sales.Named("sam"));
            deal.Win(By.Sales.Named("sam"));
            won++;
        }

        row.Update(deal);
        Publish(db, deal.TakeEvents());
        foreach (var contact in contacts)
        {
            contactRows[contact.Id].Update(contact);
            Publish(db, contact.TakeEvents());
        }
    }

    await db.SaveChangesAsync();
    var amounts = await db.Deals.Select(d => d.Amount).ToListAsync();
    Console.WriteLine($"Worked {deals.Count} deals, won {won} (amount {amounts.Sum():0.00} in all): " + await StagesAsync(db));
}

// 4. A rule change (webinars count double): rescore every contact in bulk, store the new totals, and a ledger entry where the score changed.
clock.Advance(TimeSpan.FromDays(10));
var changedRules = System.Text.Json.Nodes.JsonNode.Parse(LeadScoringModel.SampleJson)!;
changedRules["ScoringModel"]!["Version"] = "1.1.0";
changedRules["Rules"]!.AsArray().First(r => (string?)r!["RuleName"] == "WebinarAttended")!["Properties"]!["points"] = 30;
model = LeadScoringModel.Load(changedRules.ToJsonString());
await using (var db = new CrmDbContext(path))
{
    var rows = await db.Contacts.OrderBy(c => c.Id).ToListAsync();
    var leads = rows.Select(r => Facts(int.Parse(r.Id[2..], CultureInfo.InvariantCulture), clock.Now)).ToArray();
    var totals = new decimal[leads.Length];
    var summary = model.ScoreTotalsParallel(leads, clock.Now, totals, null, new BulkScoringOptions());
    var changed = 0;
    for (var i = 0; i < rows.Count; i++)
    {
        if (rows[i].Score == totals[i])
        {
            continue;
        }

        var contact = rows[i].Rehydrate(agreement, clock);
        var explained = model.Score(leads[i], clock.Now);
        agreement.GetLeadType(contact.LeadType!).ApplyScore(contact, explained, By.System);
        rows[i].Update(contact);
        Publish(db, contact.TakeEvents());
        db.ScoreLedger.Add(ScoreLedgerEntry.From(rows[i].Id, explained));
        changed++;
    }

    await db.SaveChangesAsync();
    Console.WriteLine($"Rescored {summary.Scored} contacts in bulk with '{summary.Model}' v{summary.ModelVersion}; {changed} scores changed and were written to the ledger: " + await StagesAsync(db));

    // The ledger reads back unchanged, explanation included, per contact.
    var entry = await db.ScoreLedger.OrderBy(e => e.Id).FirstAsync();
    var score = entry.Score;
    var entries = await db.ScoreLedger.ForContact(entry.ContactId).CountAsync();
    Console.WriteLine($"Ledger entry of {entry.ContactId} ({entries} in its ledger): {score.Total} points, grade {score.Grade}, {score.Contributions.Count} contributions; top: {score.Contributions.OrderByDescending(c => c.Points).First().Explanation}");
    var outbox = await db.Outbox.GroupBy(o => o.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    Console.WriteLine("Outbox: " + string.Join(", ", outbox.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Count}")));
    var first = await db.Outbox.OrderByDescending(o => o.Id).FirstAsync(o => o.Type == "scoreChanged");
    Console.WriteLine($"Outbox event of {first.AggregateId}: {((ScoreChanged)first.Event).Change.Reason}");
}

// 5. Two requests rescore the same contact at once; only the score changes. Version moves with it, so the second save is
//    refused instead of silently overwriting the first, and none of its events reach the outbox.
clock.Advance(TimeSpan.FromHours(1));
await using (var first = new CrmDbContext(path))
await using (var second = new CrmDbContext(path))
{
    var id = Id(1);
    var rowA = await first.Contacts.SingleAsync(c => c.Id == id);
    var rowB = await second.Contacts.SingleAsync(c => c.Id == id);
    var a = rowA.Rehydrate(agreement, clock);
    var b = rowB.Rehydrate(agreement, clock);
    var stageBefore = a.Stage;
    var versionBefore = rowA.Version;
    a.ApplyScore(ScoreOf(a, 1m), By.System, null);
    b.ApplyScore(ScoreOf(b, 2m), By.System, null);
    if (a.Stage != stageBefore || a.Version != versionBefore + 1)
    {
        Console.Error.WriteLine("The update was expected to change the score only, and move Version by one.");
        return 1;
    }

    rowA.Update(a);
    Publish(first, a.TakeEvents());
    rowB.Update(b);
    Publish(second, b.TakeEvents());
    await first.SaveChangesAsync();
    try
    {
        await second.SaveChangesAsync();
        Console.Error.WriteLine("A concurrent score-only update was not detected.");
        return 1;
    }
    catch (DbUpdateConcurrencyException)
    {
        Console.WriteLine($"Concurrent score-only update of {id} detected: version {rowA.Version} was saved first; the other request reloads and retries.");
    }
}

await using (var db = new CrmDbContext(path))
{
    var raced = Id(1);
    var contact = (await db.Contacts.SingleAsync(c => c.Id == raced)).Rehydrate(agreement, clock);
    var scoreEvents = await db.Outbox.CountAsync(o => o.AggregateId == raced && o.Type == "scoreChanged");
    Console.WriteLine($"{contact.Id} after the race: version {contact.Version}, score {contact.Score}, {scoreEvents} score events in the outbox; last change: {contact.ScoreHistory[^1]}");
    Console.WriteLine($"Stored: {await db.Contacts.CountAsync()} contacts, {await db.Deals.CountAsync()} deals, {await db.Outbox.CountAsync()} outbox events, {await db.ScoreLedger.CountAsync()} ledger entries.");
}

return 0;

// Adds an aggregate's taken events to the outbox; the next SaveChanges stores them with the aggregate, in one transaction.
static void Publish(CrmDbContext db, IReadOnlyList<DomainEvent> events) => db.Outbox.AddRange(events.Select(OutboxMessage.From));

// A score-only change: the contact's own model score, one point of 'Manual review' added.
static ContactScore ScoreOf(Contact contact, decimal extra)
{
    var current = contact.Scores.Single(s => s.Model != ContactScore.TotalOnlyModel);
    return current with { Total = current.Total + extra, Rules = [.. current.Rules, new ScorePart("Manual review", extra)] };
}

static string Id(int i) => "C-" + i.ToString("0000", CultureInfo.InvariantCulture);

static async Task<string> StagesAsync(CrmDbContext db)
{
    var rows = await db.Contacts.Select(c => c.Stage).ToListAsync();
    return string.Join(", ", rows.GroupBy(s => s).OrderBy(g => g.Key.Value).Select(g => $"{g.Key.Abbreviation} {g.Count()}"));
}

static LeadFacts Facts(int i, DateTimeOffset now)
{
    var random = new Random(i);
    string[] types = ["EmailOpen", "WebinarAttended", "PageView", "ContentDownload", "EmailClick"];
    return new LeadFacts
    {
        Id = Id(i),
        Email = "buyer@company.example",
        JobTitle = i % 3 == 0 ? "VP Marketing" : "Engineer",
        Industry = i % 2 == 0 ? "Software" : "Retail",
        Employees = random.Next(50, 2500),
        Country = i % 4 == 0 ? "DE" : "US",
        Activities = [.. Enumerable.Range(0, random.Next(0, 12)).Select(k => new LeadActivity { Type = types[random.Next(types.Length)], OccurredAt = now.AddHours(-random.Next(0, 24 * 30)), Url = "/pricing" })],
    };
}

/// <summary>A clock the sample moves by hand.</summary>
internal sealed class Clock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
