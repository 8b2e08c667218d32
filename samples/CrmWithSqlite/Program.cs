// The library inside a real CRM database: EF Core with SQLite. Contacts keep their lifecycle stage and lead status as
// mapped columns, transitions and the score ledger are tables, smart enums are stored by value. The sample creates
// the database, works some contacts, reloads them from the database, continues their transitions, and rescores all
// contacts in bulk.
// Usage: dotnet run --project samples/CrmWithSqlite [database-file]
using System.Globalization;
using System.Text.Json;
using CrmWithSqlite;
using Microsoft.EntityFrameworkCore;
using SalesGlossary.Domain.Agreement;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Scoring;
using SalesGlossary.Domain.Serialization;

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

// 1. Create the database and a first batch of contacts, scored and promoted.
await using (var db = new CrmDbContext(path))
{
    await db.Database.EnsureCreatedAsync();
    for (var i = 0; i < Count; i++)
    {
        var contact = prospect.CreateContact(Id(i), LifecycleStage.Lead, clock, Actor.Integration);
        prospect.ApplyScore(contact, model.Score(Facts(i, clock.Now), clock.Now), Actor.System);
        db.Contacts.Add(ToRow(contact));
    }

    await db.SaveChangesAsync();
    Console.WriteLine($"Created {path} with {await db.Contacts.CountAsync()} contacts: " + await StagesAsync(db));
}

// 2. Reload from the database (a new context, as a later request would), rebuild the aggregates, continue working them.
clock.Advance(TimeSpan.FromHours(3));
await using (var db = new CrmDbContext(path))
{
    var rows = await db.Contacts.Include(c => c.History).Include(c => c.Attempts).ToListAsync();
    var worked = 0;
    foreach (var row in rows)
    {
        var contact = agreement.RehydrateContact(ToState(row), clock);
        var before = contact.Version;
        if (contact.Stage == LifecycleStage.MarketingQualifiedLead)
        {
            contact.RecordConnectAttempt(new ConnectAttempt(clock.Now, ConnectChannel.Phone, ConnectOutcome.Connected, "sam"), Actor.Sales);
            contact.AcceptBySales(Actor.Sales, "sam");
            if (row.Id.EndsWith('7') || row.Id.EndsWith('3'))
            {
                contact.ReturnToMarketing("Not ready to buy", Actor.Sales, "sam");
            }
        }

        if (contact.Version != before)
        {
            Apply(row, contact);
            worked++;
        }
    }

    await db.SaveChangesAsync();
    Console.WriteLine($"Reloaded {rows.Count} contacts, continued {worked}: " + await StagesAsync(db));
}

// 3. A rule change (webinars count double): rescore every contact in bulk, store the new totals, and a ledger entry where the score changed.
clock.Advance(TimeSpan.FromDays(10));
var changedRules = System.Text.Json.Nodes.JsonNode.Parse(LeadScoringModel.SampleJson)!;
changedRules["ScoringModel"]!["Version"] = "1.1.0";
changedRules["Rules"]!.AsArray().First(r => (string?)r!["RuleName"] == "WebinarAttended")!["Properties"]!["points"] = 30;
model = LeadScoringModel.Load(changedRules.ToJsonString());
await using (var db = new CrmDbContext(path))
{
    var rows = await db.Contacts.Include(c => c.History).Include(c => c.Attempts).OrderBy(c => c.Id).ToListAsync();
    var leads = rows.Select(r => Facts(int.Parse(r.Id[2..], CultureInfo.InvariantCulture), clock.Now)).ToArray();
    var totals = new decimal[leads.Length];
    var summary = model.ScoreTotals(leads, clock.Now, totals, null, new BulkScoringOptions());
    var changed = 0;
    for (var i = 0; i < rows.Count; i++)
    {
        if (rows[i].Score == totals[i])
        {
            continue;
        }

        var contact = agreement.RehydrateContact(ToState(rows[i]), clock);
        var explained = model.Score(leads[i], clock.Now);
        agreement.GetLeadType(contact.LeadType!).ApplyScore(contact, explained, Actor.System);
        Apply(rows[i], contact);
        db.ScoreLedger.Add(new ScoreLedgerRow
        {
            ContactId = rows[i].Id,
            Model = explained.Model,
            ModelVersion = explained.ModelVersion,
            AsOf = explained.AsOf,
            Total = explained.Total,
            Explanation = JsonSerializer.Serialize(explained, SalesGlossaryJson.Options),
        });
        changed++;
    }

    await db.SaveChangesAsync();
    Console.WriteLine($"Rescored {summary.Scored} contacts in bulk with '{summary.Model}' v{summary.ModelVersion}; {changed} scores changed and were written to the ledger: " + await StagesAsync(db));

    // The ledger reads back unchanged.
    var entry = await db.ScoreLedger.OrderBy(e => e.Id).FirstAsync();
    var score = JsonSerializer.Deserialize<LeadScore>(entry.Explanation, SalesGlossaryJson.Options)!;
    Console.WriteLine($"Ledger entry of {entry.ContactId}: {score.Total} points, grade {score.Grade}, {score.Contributions.Count} contributions; top: {score.Contributions.OrderByDescending(c => c.Points).First().Explanation}");
    Console.WriteLine($"Transitions stored: {await db.Transitions.CountAsync()}; connect attempts stored: {await db.Attempts.CountAsync()}");
}

return 0;

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
    return new LeadFacts(
        Id(i), "buyer@company.example", i % 3 == 0 ? "VP Marketing" : "Engineer", null, i % 2 == 0 ? "Software" : "Retail",
        random.Next(50, 2500), null, i % 4 == 0 ? "DE" : "US", null, false, false,
        [.. Enumerable.Range(0, random.Next(0, 12)).Select(k => new LeadActivity(types[random.Next(types.Length)], now.AddHours(-random.Next(0, 24 * 30)), "/pricing"))]);
}

static ContactRow ToRow(Contact contact)
{
    var row = new ContactRow { Id = contact.Id, Stage = contact.Stage };
    Apply(row, contact);
    return row;
}

static void Apply(ContactRow row, Contact contact)
{
    row.LeadType = contact.LeadType;
    row.Stage = contact.Stage;
    row.LeadStatus = contact.LeadStatus;
    row.Score = contact.Score;
    row.Version = contact.Version;
    foreach (var t in contact.History.Skip(row.History.Count))
    {
        row.History.Add(new TransitionRow
        {
            ContactId = contact.Id, Sequence = t.Sequence, From = t.From, To = t.To, FromStatus = t.FromStatus, ToStatus = t.ToStatus,
            Trigger = t.Trigger, At = t.At, Actor = t.Actor, ActorName = t.ActorName, Reason = t.Reason, Score = t.Score, DisqualificationReason = t.DisqualificationReason,
        });
    }

    foreach (var a in contact.ConnectAttempts.Skip(row.Attempts.Count))
    {
        row.Attempts.Add(new AttemptRow { ContactId = contact.Id, At = a.At, Channel = a.Channel.Value, Outcome = a.Outcome.Value, By = a.By });
    }
}

static ContactState ToState(ContactRow row) => new(
    row.Id,
    row.LeadType,
    row.Score,
    [.. row.History.OrderBy(t => t.Sequence).Select(t => new LifecycleTransition(
        t.Sequence, t.From, t.To, t.FromStatus, t.ToStatus, t.Trigger, t.At, t.Actor, t.ActorName, t.Reason, t.Score, t.DisqualificationReason))],
    [.. row.Attempts.OrderBy(a => a.At).Select(a => new ConnectAttempt(a.At, ConnectChannel.FromValue(a.Channel), ConnectOutcome.FromValue(a.Outcome), a.By))]);

/// <summary>A clock the sample moves by hand.</summary>
internal sealed class Clock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
