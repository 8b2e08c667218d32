using Ardalis.SmartEnum;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SalesGlossary.Domain.EntityFrameworkCore.Tests;

/// <summary>What every database provider must show: each value of each vocabulary type stored by its number and read back.</summary>
public abstract class VocabularyConverterContract
{
    /// <summary>Gets the SQL expression that names the storage type of the column <c>"Stage"</c>.</summary>
    protected abstract string StageColumnTypeSql { get; }

    /// <summary>Gets the storage type expected for the column <c>"Stage"</c>.</summary>
    protected abstract string ExpectedStageColumnType { get; }

    protected abstract VocabularyContext Create();

    protected void RoundTrip()
    {
        var rows = Enumerable.Range(0, 40).Select(Row).ToArray();
        using (var context = Create())
        {
            context.Database.EnsureCreated();
            context.Rows.AddRange(rows);
            context.SaveChanges();
        }

        using var reread = Create();
        var read = reread.Rows.OrderBy(r => r.Id).ToArray();

        Assert.Equal(rows.Length, read.Length);
        foreach (var property in typeof(VocabularyRow).GetProperties())
        {
            Assert.Equal(rows.Select(r => property.GetValue(r)), read.Select(r => property.GetValue(r)));
        }

        Assert.All(VocabularyTypes(), type => Assert.Equal(
            ListOf(type).Count,
            read.Select(r => typeof(VocabularyRow).GetProperties().Single(p => p.PropertyType == type).GetValue(r)).Where(v => v is not null).Distinct().Count()));
    }

    protected void StoredNumbers()
    {
        var row = Row(7);
        using (var context = Create())
        {
            context.Database.EnsureCreated();
            context.Rows.Add(row);
            context.SaveChanges();
        }

        using var context2 = Create();
        var connection = context2.Database.GetDbConnection();
        context2.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Stage\", \"Outcome\", " + StageColumnTypeSql + " FROM \"Rows\"";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(row.Stage.Value, reader.GetInt32(0));
        Assert.Equal(row.Outcome.Value, reader.GetInt32(1));
        Assert.Equal(ExpectedStageColumnType, reader.GetString(2));
    }

    protected void UnknownNumber()
    {
        using (var context = Create())
        {
            context.Database.EnsureCreated();
            context.Rows.Add(Row(1));
            context.SaveChanges();
            context.Database.ExecuteSqlRaw("UPDATE \"Rows\" SET \"Stage\" = 999");
        }

        using var reread = Create();
        var error = Assert.Throws<InvalidOperationException>(() => reread.Rows.ToArray());

        Assert.Contains("999 for a LifecycleStage", error.Message, StringComparison.Ordinal);
        Assert.Contains("(Subscriber)", error.Message, StringComparison.Ordinal);
    }

    protected void Coverage()
    {
        using var context = Create();
        var entity = context.Model.FindEntityType(typeof(VocabularyRow))!;
        var covered = typeof(VocabularyRow).GetProperties().Select(p => p.PropertyType).Where(t => t != typeof(int)).ToHashSet();

        Assert.Equal(VocabularyTypes().OrderBy(t => t.Name), covered.OrderBy(t => t.Name));
        foreach (var property in entity.GetProperties().Where(p => p.ClrType != typeof(int)))
        {
            Assert.Equal(typeof(SmartEnumValueConverter<>).MakeGenericType(property.ClrType), property.GetValueConverter()?.GetType());
        }
    }

    private static Type[] VocabularyTypes() =>
        [.. typeof(LifecycleStage).Assembly.GetTypes().Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(SmartEnum<>))];

    private static IReadOnlyList<object> ListOf(Type type) =>
        [.. ((System.Collections.IEnumerable)type.GetProperty("List", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy)!.GetValue(null)!).Cast<object>()];

    private static T Pick<T>(int i)
        where T : SmartEnum<T>
    {
        var list = SmartEnum<T>.List.OrderBy(v => v.Value).ToArray();
        return list[i % list.Length];
    }

    private static VocabularyRow Row(int i) => new()
    {
        Id = i + 1,
        Stage = Pick<LifecycleStage>(i),
        Status = i % 5 == 4 ? null : Pick<LeadStatus>(i),
        Trigger = Pick<LifecycleTrigger>(i),
        Actor = Pick<Actor>(i),
        Team = Pick<Team>(i),
        Phase = Pick<FlywheelPhase>(i),
        Disqualification = i % 7 == 6 ? null : Pick<DisqualificationReason>(i),
        Lost = Pick<LostReason>(i),
        DealTrigger = Pick<DealTrigger>(i),
        Kind = Pick<DealStageKind>(i),
        Forecast = Pick<ForecastCategory>(i),
        Channel = Pick<ConnectChannel>(i),
        Outcome = Pick<ConnectOutcome>(i),
        Tier = Pick<IcpTier>(i),
        Criterion = Pick<IcpCriterion>(i),
        Seniority = Pick<Seniority>(i),
        Journey = Pick<BuyerJourneyStage>(i),
    };

}

/// <summary>The contract on a real SQLite file.</summary>
public sealed class SqliteVocabularyConverterTests : VocabularyConverterContract, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "salesglossary-ef-" + Guid.NewGuid().ToString("N"));

    public SqliteVocabularyConverterTests() => Directory.CreateDirectory(directory);

    protected override string StageColumnTypeSql => "typeof(\"Stage\")";

    protected override string ExpectedStageColumnType => "integer";

    [Fact]
    public void EveryValueOfEveryVocabularyType_RoundTrips() => RoundTrip();

    [Fact]
    public void Columns_HoldTheStableNumbers() => StoredNumbers();

    [Fact]
    public void UnknownStoredNumber_FailsTheRead_NamingTypeNumberAndKnownNumbers() => UnknownNumber();

    [Fact]
    public void TheConventions_CoverEveryVocabularyTypeOfTheLibrary() => Coverage();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    protected override VocabularyContext Create() =>
        new(new DbContextOptionsBuilder<VocabularyContext>().UseSqlite("Data Source=" + Path.Combine(directory, "vocabulary.db") + ";Pooling=False").Options);
}

public sealed class VocabularyRow
{
    public int Id { get; set; }

    public required LifecycleStage Stage { get; set; }

    public LeadStatus? Status { get; set; }

    public required LifecycleTrigger Trigger { get; set; }

    public required Actor Actor { get; set; }

    public required Team Team { get; set; }

    public required FlywheelPhase Phase { get; set; }

    public DisqualificationReason? Disqualification { get; set; }

    public LostReason Lost { get; set; } = LostReason.Price;

    public required DealTrigger DealTrigger { get; set; }

    public required DealStageKind Kind { get; set; }

    public required ForecastCategory Forecast { get; set; }

    public required ConnectChannel Channel { get; set; }

    public required ConnectOutcome Outcome { get; set; }

    public required IcpTier Tier { get; set; }

    public required IcpCriterion Criterion { get; set; }

    public required Seniority Seniority { get; set; }

    public required BuyerJourneyStage Journey { get; set; }
}

public sealed class VocabularyContext(DbContextOptions<VocabularyContext> options) : DbContext(options)
{
    public DbSet<VocabularyRow> Rows => Set<VocabularyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddSalesGlossaryConverters();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<VocabularyRow>().ToTable("Rows");
}
