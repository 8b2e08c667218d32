using Microsoft.EntityFrameworkCore;
using SalesGlossary.Domain.EntityFrameworkCore;

namespace CrmWithSqlite;

/// <summary>The CRM's own context: contacts, deals, the outbox and the score ledger are mapped by SalesGlossary.Domain.EntityFrameworkCore.</summary>
public sealed class CrmDbContext(string path) : DbContext
{
    public DbSet<StoredContact> Contacts => Set<StoredContact>();

    public DbSet<StoredDeal> Deals => Set<StoredDeal>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ScoreLedgerEntry> ScoreLedger => Set<ScoreLedgerEntry>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=" + path);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddSalesGlossaryConverters();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.MapSalesGlossaryContacts().MapSalesGlossaryDeals().MapSalesGlossaryOutbox().MapSalesGlossaryScores();
}
