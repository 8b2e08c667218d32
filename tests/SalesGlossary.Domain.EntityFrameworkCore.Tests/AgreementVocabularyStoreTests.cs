using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.EntityFrameworkCore.Tests;

/// <summary>A contact in a stage and with a status its agreement defined is stored by number and read back through the agreement's vocabulary.</summary>
public sealed class AgreementVocabularyStoreTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public AgreementVocabularyStoreTests() => connection.Open();

    private static ServiceLevelAgreement OwnWords()
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["vocabulary"] = JsonNode.Parse("""
            {
              "stages": [ { "name": "SalesAcceptedLead", "number": 101, "after": "MarketingQualifiedLead" } ],
              "leadStatuses": [ { "name": "NurtureEventFollowUp", "number": 100, "open": true } ],
              "actors": [ { "name": "Partner", "number": 100 } ]
            }
            """);
        node["teams"]!["Sales"]!.AsArray().Add("SalesAcceptedLead");
        node.Remove("leadStatuses");
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    [Fact]
    public void ContactWithAgreementTerms_IsStoredByNumber_AndReadBackThroughTheVocabulary()
    {
        var agreement = OwnWords();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, new By(agreement.Vocabulary.GetActor("Partner")));
        contact.ApplyScore(120m, By.System);
        contact.EnterStage(agreement.Vocabulary.GetStage("SalesAcceptedLead"), By.Sales);
        contact.ChangeLeadStatus(agreement.Vocabulary.GetLeadStatus("NurtureEventFollowUp"), null, By.Sales);

        using (var context = new OwnWordsContext(connection, agreement.Vocabulary))
        {
            context.Database.EnsureCreated();
            context.Contacts.Add(StoredContact.From(contact));
            context.SaveChanges();
        }

        using (var context = new OwnWordsContext(connection, agreement.Vocabulary))
        {
            var row = context.Contacts.Single(c => c.Stage == agreement.Vocabulary.GetStage("SalesAcceptedLead"));
            Assert.Equal("NurtureEventFollowUp", row.LeadStatus!.Name);
            var back = row.Rehydrate(agreement, time);
            Assert.Equal("SalesAcceptedLead", back.Stage.Name);
            Assert.Equal("Partner", back.History[0].By.Actor.Name);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Stage\", \"LeadStatus\" FROM \"Contacts\"";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(101, reader.GetInt32(0));
        Assert.Equal(100, reader.GetInt32(1));
    }

    [Fact]
    public void ShippedMapping_RefusesAnAgreementsStage_NamingIt_InsteadOfReadingADefault()
    {
        var agreement = OwnWords();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120m, By.System);
        contact.EnterStage(agreement.Vocabulary.GetStage("SalesAcceptedLead"), By.Sales);
        using (var context = new OwnWordsContext(connection, agreement.Vocabulary))
        {
            context.Database.EnsureCreated();
            context.Contacts.Add(StoredContact.From(contact));
            context.SaveChanges();
        }

        using var shipped = new OwnWordsContext(connection, null);
        var error = Assert.ThrowsAny<Exception>(() => shipped.Contacts.ToArray());
        Assert.True(error is InvalidOperationException or DefinitionValidationException, error.GetType().Name);
        Assert.Contains(error is DefinitionValidationException ? "SalesAcceptedLead" : "101", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => connection.Dispose();

    private sealed class OwnWordsContext(SqliteConnection connection, Vocabulary? vocabulary) : DbContext
    {
        public DbSet<StoredContact> Contacts => Set<StoredContact>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlite(connection).ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, VocabularyCacheKey>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapSalesGlossaryContacts(vocabulary: vocabulary);

        internal Vocabulary? Vocabulary => vocabulary;
    }

    private sealed class VocabularyCacheKey : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((OwnWordsContext)context).Vocabulary is null, designTime);
    }
}
