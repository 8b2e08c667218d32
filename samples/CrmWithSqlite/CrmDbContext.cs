using Microsoft.EntityFrameworkCore;
using SalesGlossary.Domain.EntityFrameworkCore;

namespace CrmWithSqlite;

/// <summary>One entry of the score ledger: a stored, explained score (the application's own table, next to the library's).</summary>
public sealed class ScoreLedgerRow
{
    public int Id { get; set; }

    public required string ContactId { get; set; }

    public required string Model { get; set; }

    public required string ModelVersion { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public decimal Total { get; set; }

    /// <summary>The whole <c>LeadScore</c> as JSON, so the explanation reads back unchanged.</summary>
    public required string Explanation { get; set; }
}

/// <summary>The CRM's own context: contacts, deals and the outbox are mapped by SalesGlossary.Domain.EntityFrameworkCore.</summary>
public sealed class CrmDbContext(string path) : DbContext
{
    public DbSet<StoredContact> Contacts => Set<StoredContact>();

    public DbSet<StoredDeal> Deals => Set<StoredDeal>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ScoreLedgerRow> ScoreLedger => Set<ScoreLedgerRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=" + path);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddSalesGlossaryConverters();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapSalesGlossaryContacts().MapSalesGlossaryDeals().MapSalesGlossaryOutbox();
        model.Entity<ScoreLedgerRow>().Property(s => s.Total).HasPrecision(SalesGlossaryModelConfiguration.DecimalPrecision, SalesGlossaryModelConfiguration.DecimalScale);
    }
}
