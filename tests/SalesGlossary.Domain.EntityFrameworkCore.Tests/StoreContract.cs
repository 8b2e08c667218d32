using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.EntityFrameworkCore.Tests;

/// <summary>What the contact and deal mapping must show on every database provider.</summary>
public abstract class StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceLevelAgreement agreement = ServiceLevelAgreement.Default;

    private readonly FakeTimeProvider time = new(Start);

    protected abstract CrmStoreContext Create();

    /// <summary>Gets the SQL that returns the declared type of the column <c>"Deals"."Amount"</c> as one text value.</summary>
    protected abstract string AmountColumnTypeSql { get; }

    /// <summary>Gets the declared type expected for the amount column.</summary>
    protected abstract string ExpectedAmountColumnType { get; }

    protected void AmountColumnDeclared()
    {
        Save(_ => { });
        using var context = Create();
        var declared = context.Database.SqlQueryRaw<string>(AmountColumnTypeSql).AsEnumerable().Single();
        Assert.Equal(ExpectedAmountColumnType, declared);
    }

    protected void ContactRoundTrip()
    {
        var contact = WorkedContact("C-1", 120.55m);
        Save(context => context.Contacts.Add(StoredContact.From(contact)));

        using var reread = Create();
        var row = reread.Contacts.Single(c => c.Id == "C-1");
        var rehydrated = row.Rehydrate(agreement, time);

        Assert.Equal(Json(contact.ToState()), Json(rehydrated.ToState()));
        Assert.Equal(contact.Version, row.Version);
        Assert.Equal(contact.Stage, row.Stage);
        Assert.Equal(contact.LeadStatus, row.LeadStatus);
        Assert.Equal("new-prospect", row.LeadType);
        Assert.Equal(120.55m, row.Score);
        Assert.Equal(contact.ScoreHistory, rehydrated.ScoreHistory);
        Assert.NotEmpty(rehydrated.ScoreHistory);
        Assert.Equal(contact.Scores, rehydrated.Scores);

        // It continues exactly as the original would.
        time.Advance(TimeSpan.FromMinutes(5));
        rehydrated.ReturnToMarketing("Not ready to buy", By.Sales.Named("sam"));
        Assert.Equal(contact.Version + 1, rehydrated.Version);
    }

    protected void DealRoundTrip()
    {
        var contact = WorkedContact("C-2", 130m);
        var deal = agreement.GetLeadType("new-prospect").OpenDeal("D-2", contact, 1_250_000.75m, new DateOnly(2026, 6, 30), time, By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromDays(2));
        deal.MoveTo("Create proposal", By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromDays(1));
        deal.UpdateForecast(1_300_000.25m, new DateOnly(2026, 7, 15), By.Sales, "Scope grew");
        Save(context =>
        {
            context.Contacts.Add(StoredContact.From(contact));
            context.Deals.Add(StoredDeal.From(deal));
        });

        using var reread = Create();
        var row = reread.Deals.Single(d => d.Id == "D-2");
        var contacts = reread.Contacts.Where(c => row.ContactIds.Contains(c.Id)).AsEnumerable().Select(c => c.Rehydrate(agreement, time)).ToArray();
        var rehydrated = row.Rehydrate(agreement, contacts, time);

        Assert.Equal(Json(deal.History), Json(rehydrated.History));
        Assert.Equal(["C-2"], row.ContactIds);
        Assert.Equal(("Create proposal", 1_300_000.25m, new DateOnly(2026, 7, 15), 3), (row.Stage, row.Amount, row.ExpectedClose, row.Version));
        Assert.Equal((deal.Stage, deal.Amount, deal.ExpectedClose), (rehydrated.Stage, rehydrated.Amount, rehydrated.ExpectedClose));
        Assert.Equal(Json(contact.ToState()), Json(rehydrated.Contacts[0].ToState()));

        // The rehydrated deal drives its contact on: winning makes it a Customer.
        time.Advance(TimeSpan.FromDays(1));
        rehydrated.MoveTo("Present proposal", By.Sales);
        rehydrated.Win(By.Sales);
        Assert.Equal(LifecycleStage.Customer, rehydrated.Contacts[0].Stage);
    }

    protected void ConcurrentContactUpdateRefused()
    {
        Save(context => context.Contacts.Add(StoredContact.From(WorkedContact("C-3", 120m))));

        using var first = Create();
        using var second = Create();
        var firstRow = first.Contacts.Single(c => c.Id == "C-3");
        var secondRow = second.Contacts.Single(c => c.Id == "C-3");
        var firstContact = firstRow.Rehydrate(agreement, time);
        var secondContact = secondRow.Rehydrate(agreement, time);

        time.Advance(TimeSpan.FromMinutes(1));
        firstContact.TakeEvents();
        secondContact.TakeEvents();
        firstContact.ReturnToMarketing("Not ready to buy", By.Sales);
        firstRow.Update(firstContact);
        first.Outbox.AddRange(firstContact.TakeEvents().Select(OutboxMessage.From));
        first.SaveChanges();

        secondContact.ReturnToMarketing("Wrong contact person", By.Sales.Named("kim"));
        secondRow.Update(secondContact);
        second.Outbox.AddRange(secondContact.TakeEvents().Select(OutboxMessage.From));
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var reread = Create();
        var stored = reread.Contacts.Single(c => c.Id == "C-3");
        Assert.Equal(Json(firstContact.ToState()), Json(stored.State));
        Assert.Equal(firstContact.Version, stored.Version);

        // The refused save stored none of its events: the outbox holds the first request's only.
        Assert.Equal(["Not ready to buy"], reread.Outbox.AsEnumerable().Select(m => m.Event).OfType<StageChanged>().Select(e => e.Transition.Reason));
    }

    protected void ConcurrentScoreOnlyUpdateRefused()
    {
        Save(context => context.Contacts.Add(StoredContact.From(WorkedContact("C-8", 120m))));

        using var first = Create();
        using var second = Create();
        var firstRow = first.Contacts.Single(c => c.Id == "C-8");
        var secondRow = second.Contacts.Single(c => c.Id == "C-8");
        var firstContact = firstRow.Rehydrate(agreement, time);
        var secondContact = secondRow.Rehydrate(agreement, time);

        time.Advance(TimeSpan.FromMinutes(1));
        firstContact.ApplyScore(121.25m, By.System);
        secondContact.ApplyScore(119.75m, By.System);
        Assert.Equal(LifecycleStage.SalesQualifiedLead, firstContact.Stage);
        firstRow.Update(firstContact);
        first.SaveChanges();
        secondRow.Update(secondContact);
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var reread = Create();
        var stored = reread.Contacts.Single(c => c.Id == "C-8");
        Assert.Equal(121.25m, stored.Score);
        Assert.Equal(121.25m, stored.Rehydrate(agreement, time).ScoreHistory[^1].Current.Total);
    }

    protected void OutboxInTheSameTransaction()
    {
        var contact = WorkedContact("C-9", 120m);
        var deal = agreement.GetLeadType("new-prospect").OpenDeal("D-9", contact, 42.5m, null, time, By.Sales);
        time.Advance(TimeSpan.FromHours(1));
        deal.MoveTo("Create proposal", By.Sales);
        DomainEvent[] events = [.. contact.TakeEvents(), .. deal.TakeEvents()];
        Save(context =>
        {
            context.Contacts.Add(StoredContact.From(contact));
            context.Deals.Add(StoredDeal.From(deal));
            context.Outbox.AddRange(events.Select(OutboxMessage.From));
        });

        using (var relay = Create())
        {
            var waiting = relay.Outbox.Where(m => m.PublishedAt == null).OrderBy(m => m.Id).ToList();
            Assert.Equal(events.Select(Json), waiting.Select(m => Json(m.Event)));
            Assert.Equal(events.Select(e => e.GetType()), waiting.Select(m => m.Event.GetType()));
            Assert.Contains(waiting, m => m is { Type: "contactCreated", AggregateId: "C-9" });
            Assert.Contains(waiting, m => m is { Type: "dealStageChanged", AggregateId: "D-9" });
            Assert.All(waiting, m => Assert.Equal(TimeSpan.Zero, m.At.Offset));
            foreach (var message in waiting)
            {
                message.MarkPublished(time.GetUtcNow());
            }

            Assert.Throws<InvalidOperationException>(() => waiting[0].MarkPublished(time.GetUtcNow()));
            relay.SaveChanges();
        }

        using var reread = Create();
        Assert.Equal(0, reread.Outbox.Count(m => m.PublishedAt == null));
        Assert.Equal(events.Length, reread.Outbox.Count());
    }

    protected void ConcurrentDealUpdateRefused()
    {
        var contact = WorkedContact("C-4", 120m);
        var deal = agreement.GetLeadType("new-prospect").OpenDeal("D-4", contact, 500m, null, time, By.Sales);
        Save(context =>
        {
            context.Contacts.Add(StoredContact.From(contact));
            context.Deals.Add(StoredDeal.From(deal));
        });

        using var first = Create();
        using var second = Create();
        var firstRow = first.Deals.Single(d => d.Id == "D-4");
        var secondRow = second.Deals.Single(d => d.Id == "D-4");
        var firstDeal = firstRow.Rehydrate(agreement, [first.Contacts.Single(c => c.Id == "C-4").Rehydrate(agreement, time)], time);
        var secondDeal = secondRow.Rehydrate(agreement, [second.Contacts.Single(c => c.Id == "C-4").Rehydrate(agreement, time)], time);

        time.Advance(TimeSpan.FromHours(1));
        firstDeal.UpdateForecast(600m, null, By.Sales);
        firstRow.Update(firstDeal);
        first.SaveChanges();

        secondDeal.MoveTo("Create proposal", By.Sales);
        secondRow.Update(secondDeal);
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var reread = Create();
        Assert.Equal((600m, "Discovery / meeting booked", 2), reread.Deals.Where(d => d.Id == "D-4").Select(d => new { d.Amount, d.Stage, d.Version }).AsEnumerable().Select(d => (d.Amount, d.Stage, d.Version)).Single());
    }

    protected void DecimalsKept()
    {
        decimal[] amounts = [0.01m, 12.34m, 99.99m, 1_000_000.5m, 123_456_789_012_345_678.91m, 99_999_999_999_999_999_999_999.99m];
        decimal[] scores = [0.01m, 87.25m, 100.5m, 9_999_999.99m, -12.75m];
        Save(context =>
        {
            for (var i = 0; i < amounts.Length; i++)
            {
                var contact = WorkedContact("C-A" + i, 120m);
                context.Contacts.Add(StoredContact.From(contact));
                context.Deals.Add(StoredDeal.From(agreement.GetLeadType("new-prospect").OpenDeal("D-A" + i, contact, amounts[i], null, time, By.Sales)));
            }

            for (var i = 0; i < scores.Length; i++)
            {
                var contact = agreement.GetLeadType("new-prospect").CreateContact("C-S" + i, LifecycleStage.Lead, time, By.Integration);
                contact.ApplyScore(scores[i], By.System);
                context.Contacts.Add(StoredContact.From(contact));
            }
        });

        using var reread = Create();
        var deals = reread.Deals.Where(d => d.Id.StartsWith("D-A")).AsEnumerable().OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(amounts, deals.Select(d => d.Amount));
        Assert.Equal(amounts.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)), deals.Select(d => d.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(amounts, deals.Select(d => d.History[^1].Amount));
        var contacts = reread.Contacts.Where(c => c.Id.StartsWith("C-S")).AsEnumerable().OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(scores.Select(s => (decimal?)s), contacts.Select(c => c.Score));
        Assert.Equal(scores.Select(s => (decimal?)s), contacts.Select(c => c.Rehydrate(agreement, time).Score));
    }

    protected void SecondLeadTypeOnItsOwnPipeline()
    {
        var customer = agreement.GetLeadType("existing-customer");
        var contact = customer.CreateContact("C-10", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(150.01m, By.System);
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Email, ConnectOutcome.Connected), Actor.Sales);
        contact.AcceptBySales(By.Sales);
        var deal = customer.OpenDeal("D-10", contact, 7_500.05m, new DateOnly(2026, 12, 31), time, By.Sales);
        time.Advance(TimeSpan.FromDays(3));
        deal.Win(By.Sales);
        Save(context =>
        {
            context.Contacts.Add(StoredContact.From(contact));
            context.Deals.Add(StoredDeal.From(deal));
        });

        using var reread = Create();
        var row = reread.Deals.Single(d => d.Id == "D-10");
        var stored = reread.Contacts.Single(c => c.Id == "C-10");
        var rehydrated = row.Rehydrate(agreement, [stored.Rehydrate(agreement, time)], time);

        Assert.Equal(("Maintenance service", "Contract signed", "existing-customer"), (row.Pipeline, row.Stage, stored.LeadType));
        Assert.Equal(LifecycleStage.Customer, stored.Stage);
        Assert.Null(stored.LeadStatus);
        Assert.Equal(Json(deal.History), Json(rehydrated.History));
        Assert.Equal(customer.Pipeline, rehydrated.Pipeline);
    }

    protected void MalformedStateFailsTheReadWithItsPath()
    {
        Save(context => context.Contacts.Add(StoredContact.From(WorkedContact("C-5", 120m))));
        using (var context = Create())
        {
            context.Database.ExecuteSqlRaw("UPDATE \"Contacts\" SET \"State\" = {0}", "{\"id\":\"C-5\",\"history\":[{\"sequence\":\"one\"}]}");
        }

        using var reread = Create();
        var error = Assert.ThrowsAny<Exception>(() => reread.Contacts.Single(c => c.Id == "C-5"));
        var invalid = error as DefinitionValidationException ?? error.InnerException as DefinitionValidationException;
        Assert.NotNull(invalid);
        Assert.Contains(invalid.Problems, p => p.Path.StartsWith("$.history[0]", StringComparison.Ordinal));
    }

    protected void UnknownPipelineListsTheKnownOnes()
    {
        var contact = WorkedContact("C-6", 120m);
        var deal = Deal.Open("D-6", Pipeline.Default, contact, 10m, null, time, By.Sales);
        Save(context => context.Deals.Add(StoredDeal.From(deal)));

        using var reread = Create();
        var row = reread.Deals.Single(d => d.Id == "D-6");
        var error = Assert.Throws<DefinitionValidationException>(() => row.Rehydrate(agreement, [contact], time));
        Assert.Contains("'Equipment sale'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'" + Pipeline.Default.Name + "'", error.Message, StringComparison.Ordinal);
        Assert.Equal(deal.Stage, row.Rehydrate(Pipeline.Default, [contact], time).Stage);
        Assert.Throws<ArgumentException>(() => row.Rehydrate(agreement.Pipelines["Equipment sale"], [contact], time));
        Assert.Throws<ArgumentException>(() => StoredContact.From(contact).Update(agreement.GetLeadType("new-prospect").CreateContact("C-7", LifecycleStage.Lead, time, By.Integration)));
    }

    protected void LedgerAppendedAndQueriedPerContact()
    {
        var prospect = agreement.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-L1", LifecycleStage.Lead, time, By.Integration);
        var other = prospect.CreateContact("C-L2", LifecycleStage.Lead, time, By.Integration);
        Save(context => context.Contacts.AddRange(StoredContact.From(contact), StoredContact.From(other)));

        // Three scores of the contact over time (the second as of an instant in another offset), one of another contact, each saved with its contact's row.
        var asOfs = new[] { Start.AddDays(1), new DateTimeOffset(2026, 3, 4, 11, 15, 0, TimeSpan.FromHours(2)), Start.AddDays(20) };
        var scores = new List<LeadScore>();
        foreach (var asOf in asOfs)
        {
            var score = prospect.ScoringModel.Score(Lead("C-L1", asOf), asOf);
            scores.Add(score);
            Rescore(contact, score);
            if (asOf == asOfs[0])
            {
                Rescore(other, prospect.ScoringModel.Score(Lead("C-L2", asOf) with { JobTitle = "Intern", Activities = [] }, asOf));
            }
        }

        using var reread = Create();
        var entries = reread.Scores.ForContact("C-L1").ToList();

        Assert.Equal(3, entries.Count);
        Assert.True(entries[0].Id < entries[1].Id && entries[1].Id < entries[2].Id);
        Assert.Equal(scores.Select(Json), entries.Select(e => Json(e.Score)));
        Assert.Equal(asOfs, entries.Select(e => e.AsOf));
        Assert.All(entries, e => Assert.Equal(TimeSpan.Zero, e.AsOf.Offset));
        Assert.Equal(scores.Select(s => (s.Model, s.ModelVersion, s.Total, s.Grade?.ToString(), s.IsComplete)), entries.Select(e => (e.Model, e.ModelVersion, e.Total, e.Grade, e.IsComplete)));
        Assert.Contains(entries[0].Score.Contributions, c => c.Explanation.Length > 0);
        Assert.NotEqual(entries[0].Total, entries[2].Total);
        Assert.Equal(contact.Score, entries[^1].Total);
        Assert.Single(reread.Scores.ForContact("C-L2"));
        Assert.Empty(reread.Scores.ForContact("C-L3"));
        Assert.Equal(entries.Select(e => e.Id), reread.Scores.ForContact("C-L1").Where(e => e.Model == prospect.ScoringModel.Name && e.IsComplete).Select(e => e.Id));
    }

    protected void LedgerEntryCannotChangeOnceSaved()
    {
        var prospect = agreement.GetLeadType("new-prospect");
        var score = prospect.ScoringModel.Score(Lead("C-L4", Start), Start);
        Save(context => context.Scores.Add(ScoreLedgerEntry.From("C-L4", score)));

        using (var context = Create())
        {
            var entry = context.Scores.ForContact("C-L4").Single();
            context.Entry(entry).Property(e => e.Total).CurrentValue = entry.Total + 100m;
            context.Entry(entry).Property(e => e.ContactId).CurrentValue = "C-L5";
            var error = Assert.Throws<InvalidOperationException>(() => context.SaveChanges());
            Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        }

        using var reread = Create();
        var stored = reread.Scores.Single(e => e.ContactId == "C-L4");
        Assert.Equal(score.Total, stored.Total);
        Assert.Empty(reread.Scores.ForContact("C-L5"));
    }

    protected void LedgerEntryRefusedWithItsContactsConcurrentSave()
    {
        var prospect = agreement.GetLeadType("new-prospect");
        Save(context => context.Contacts.Add(StoredContact.From(prospect.CreateContact("C-L6", LifecycleStage.Lead, time, By.Integration))));

        using var first = Create();
        using var second = Create();
        var firstRow = first.Contacts.Single(c => c.Id == "C-L6");
        var secondRow = second.Contacts.Single(c => c.Id == "C-L6");
        var firstContact = firstRow.Rehydrate(agreement, time);
        var secondContact = secondRow.Rehydrate(agreement, time);
        var firstScore = prospect.ScoringModel.Score(Lead("C-L6", Start.AddDays(1)), Start.AddDays(1));
        var secondScore = prospect.ScoringModel.Score(Lead("C-L6", Start.AddDays(2)), Start.AddDays(2));

        prospect.ApplyScore(firstContact, firstScore, By.System);
        firstRow.Update(firstContact);
        first.Scores.Add(ScoreLedgerEntry.From(firstContact.Id, firstScore));
        first.SaveChanges();

        prospect.ApplyScore(secondContact, secondScore, By.System);
        secondRow.Update(secondContact);
        second.Scores.Add(ScoreLedgerEntry.From(secondContact.Id, secondScore));
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var reread = Create();
        Assert.Equal([Json(firstScore)], reread.Scores.ForContact("C-L6").AsEnumerable().Select(e => Json(e.Score)));
        Assert.Equal(firstContact.Version, reread.Contacts.Single(c => c.Id == "C-L6").Version);
    }

    protected void InconsistentOrTamperedLedgerEntryRefused()
    {
        var prospect = agreement.GetLeadType("new-prospect");
        var score = prospect.ScoringModel.Score(Lead("C-L7", Start), Start);
        Assert.NotEqual(0m, score.Total);

        var changed = JsonNode.Parse(Json(score))!;
        changed["total"] = score.Total + 1m;
        var forged = SalesGlossaryJson.Read<LeadScore>(changed.ToJsonString());
        var inconsistent = Assert.Throws<DefinitionValidationException>(() => ScoreLedgerEntry.From("C-L7", forged));
        Assert.Contains(inconsistent.Problems, p => p.Path == "$.contributions");
        Assert.Throws<ArgumentException>(() => ScoreLedgerEntry.From(" ", score));

        Save(context => context.Scores.Add(ScoreLedgerEntry.From("C-L7", score)));
        var tampered = JsonNode.Parse(Json(score))!;
        tampered["total"] = score.Total + 50m;
        tampered["groups"]![0]!["score"] = score.Groups[0].Score + 50m;
        using (var context = Create())
        {
            context.Database.ExecuteSqlRaw("UPDATE \"ScoreLedger\" SET \"Score\" = {0}", tampered.ToJsonString());
        }

        using var reread = Create();
        var error = Assert.ThrowsAny<Exception>(() => reread.Scores.ForContact("C-L7").Single());
        var invalid = error as DefinitionValidationException ?? error.InnerException as DefinitionValidationException;
        Assert.NotNull(invalid);
        Assert.Contains(invalid.Problems, p => p.Path == "$.contributions");
    }

    /// <summary>A lead the sample model scores on fit and on engagement whose points decay, so that totals differ by the instant.</summary>
    private static LeadFacts Lead(string id, DateTimeOffset asOf) => new LeadFacts
    {
        Id = id,
        Email = id.ToLowerInvariant() + "@example.com",
        JobTitle = "VP of Sales",
        Department = "Sales",
        Industry = "Software",
        Employees = 250,
        AnnualRevenue = 25_000_000m,
        Country = "DE",
        LeadSource = "Webinar",
        Activities = [new LeadActivity { Type = "WebinarAttended", OccurredAt = Start.AddHours(-3) }, new LeadActivity { Type = "PageView", OccurredAt = Start.AddHours(-2), Url = "/pricing" }, new LeadActivity { Type = "EmailOpen", OccurredAt = asOf.AddHours(-1) }],
    };

    /// <summary>Applies a score to the stored contact and appends it to the ledger, in one save.</summary>
    private void Rescore(Contact contact, LeadScore score)
    {
        using var context = Create();
        var row = context.Contacts.Single(c => c.Id == contact.Id);
        agreement.GetLeadType(contact.LeadType!).ApplyScore(contact, score, By.System);
        row.Update(contact);
        context.Scores.Add(ScoreLedgerEntry.From(contact.Id, score));
        context.SaveChanges();
    }

    private Contact WorkedContact(string id, decimal score)
    {
        var contact = agreement.GetLeadType("new-prospect").CreateContact(id, LifecycleStage.Lead, time, By.Integration.Named("import"));
        time.Advance(TimeSpan.FromMinutes(10));
        contact.ApplyScore(score, By.System);
        time.Advance(TimeSpan.FromMinutes(10));
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.Connected, "sam"), Actor.Sales);
        contact.AcceptBySales(By.Sales.Named("sam"));
        return contact;
    }

    private void Save(Action<CrmStoreContext> add)
    {
        using var context = Create();
        context.Database.EnsureCreated();
        add(context);
        context.SaveChanges();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SalesGlossaryJson.Options);
}

public sealed class CrmStoreContext(DbContextOptions<CrmStoreContext> options) : DbContext(options)
{
    public DbSet<StoredContact> Contacts => Set<StoredContact>();

    public DbSet<StoredDeal> Deals => Set<StoredDeal>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ScoreLedgerEntry> Scores => Set<ScoreLedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.MapSalesGlossaryContacts().MapSalesGlossaryDeals().MapSalesGlossaryOutbox().MapSalesGlossaryScores();
}

/// <summary>The mapping on a real SQLite file.</summary>
public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "salesglossary-store-" + Guid.NewGuid().ToString("N"));

    public SqliteStoreTests() => Directory.CreateDirectory(directory);

    [Fact]
    public void ContactWithHistory_RoundTrips() => ContactRoundTrip();

    [Fact]
    public void DealWithHistory_RoundTrips_WithItsContact() => DealRoundTrip();

    [Fact]
    public void ConcurrentContactUpdate_IsRefusedByTheVersion() => ConcurrentContactUpdateRefused();

    [Fact]
    public void ConcurrentDealUpdate_IsRefusedByTheVersion() => ConcurrentDealUpdateRefused();

    [Fact]
    public void AmountsAndScores_KeepTheirDecimals() => DecimalsKept();

    [Fact]
    public void MalformedStoredState_FailsTheRead_WithItsJsonPath() => MalformedStateFailsTheReadWithItsPath();

    [Fact]
    public void UnknownPipeline_IsRefused_ListingTheKnownOnes() => UnknownPipelineListsTheKnownOnes();

    [Fact]
    public void AmountColumn_HasTheDeclaredPrecisionAndScale() => AmountColumnDeclared();

    [Fact]
    public void SecondLeadType_RoundTrips_OnItsOwnPipeline() => SecondLeadTypeOnItsOwnPipeline();

    [Fact]
    public void Decimals_AreKept_UnderACultureWithACommaAsDecimalSeparator()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            DecimalsKept();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void ConcurrentScoreOnlyUpdate_IsRefusedByTheVersion() => ConcurrentScoreOnlyUpdateRefused();

    [Fact]
    public void Events_GoToTheOutbox_InTheAggregatesTransaction() => OutboxInTheSameTransaction();

    [Fact]
    public void ScoreLedger_AppendsEachScoreWithItsExplanation_QueryablePerContact() => LedgerAppendedAndQueriedPerContact();

    [Fact]
    public void ScoreLedger_EntryCannotChange_OnceSaved() => LedgerEntryCannotChangeOnceSaved();

    [Fact]
    public void ScoreLedger_EntryIsNotStored_WhenItsContactsSaveIsRefusedByTheVersion() => LedgerEntryRefusedWithItsContactsConcurrentSave();

    [Fact]
    public void ScoreLedger_InconsistentScoreIsRefused_AndATamperedEntryFailsTheRead() => InconsistentOrTamperedLedgerEntryRefused();

    protected override string AmountColumnTypeSql => "SELECT \"type\" AS \"Value\" FROM pragma_table_info('Deals') WHERE \"name\" = 'Amount'";

    protected override string ExpectedAmountColumnType => "TEXT";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    protected override CrmStoreContext Create() =>
        new(new DbContextOptionsBuilder<CrmStoreContext>().UseSqlite("Data Source=" + Path.Combine(directory, "crm.db") + ";Pooling=False").Options);
}

/// <summary>The mapping on a real PostgreSQL server, in a database of its own that is dropped afterwards.</summary>
public sealed class PostgresStoreTests : StoreContract, IDisposable
{
    private readonly string connectionString = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? string.Empty)
    {
        Database = "salesglossary_" + Guid.NewGuid().ToString("N"),
        Pooling = false,
    }.ConnectionString;

    [PostgresFact]
    public void ContactWithHistory_RoundTrips() => ContactRoundTrip();

    [PostgresFact]
    public void DealWithHistory_RoundTrips_WithItsContact() => DealRoundTrip();

    [PostgresFact]
    public void ConcurrentContactUpdate_IsRefusedByTheVersion() => ConcurrentContactUpdateRefused();

    [PostgresFact]
    public void ConcurrentDealUpdate_IsRefusedByTheVersion() => ConcurrentDealUpdateRefused();

    [PostgresFact]
    public void AmountsAndScores_KeepTheirDecimals() => DecimalsKept();

    [PostgresFact]
    public void MalformedStoredState_FailsTheRead_WithItsJsonPath() => MalformedStateFailsTheReadWithItsPath();

    [PostgresFact]
    public void UnknownPipeline_IsRefused_ListingTheKnownOnes() => UnknownPipelineListsTheKnownOnes();

    [PostgresFact]
    public void AmountColumn_HasTheDeclaredPrecisionAndScale() => AmountColumnDeclared();

    [PostgresFact]
    public void SecondLeadType_RoundTrips_OnItsOwnPipeline() => SecondLeadTypeOnItsOwnPipeline();

    [PostgresFact]
    public void ConcurrentScoreOnlyUpdate_IsRefusedByTheVersion() => ConcurrentScoreOnlyUpdateRefused();

    [PostgresFact]
    public void Events_GoToTheOutbox_InTheAggregatesTransaction() => OutboxInTheSameTransaction();

    [PostgresFact]
    public void ScoreLedger_AppendsEachScoreWithItsExplanation_QueryablePerContact() => LedgerAppendedAndQueriedPerContact();

    [PostgresFact]
    public void ScoreLedger_EntryCannotChange_OnceSaved() => LedgerEntryCannotChangeOnceSaved();

    [PostgresFact]
    public void ScoreLedger_EntryIsNotStored_WhenItsContactsSaveIsRefusedByTheVersion() => LedgerEntryRefusedWithItsContactsConcurrentSave();

    [PostgresFact]
    public void ScoreLedger_InconsistentScoreIsRefused_AndATamperedEntryFailsTheRead() => InconsistentOrTamperedLedgerEntryRefused();

    protected override string AmountColumnTypeSql => "SELECT format_type(atttypid, atttypmod) AS \"Value\" FROM pg_attribute WHERE attrelid = '\"Deals\"'::regclass AND attname = 'Amount'";

    protected override string ExpectedAmountColumnType => "numeric(28,4)";

    public void Dispose()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)))
        {
            using var context = Create();
            context.Database.EnsureDeleted();
        }
    }

    protected override CrmStoreContext Create() =>
        new(new DbContextOptionsBuilder<CrmStoreContext>().UseNpgsql(connectionString).Options);
}
