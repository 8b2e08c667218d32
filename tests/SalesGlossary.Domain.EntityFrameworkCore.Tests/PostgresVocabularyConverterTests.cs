using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SalesGlossary.Domain.EntityFrameworkCore.Tests;

/// <summary>A fact that runs against a real PostgreSQL server, and is skipped, saying why, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SALESGLOSSARY_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = "No PostgreSQL server: set " + Variable + " to a connection string (for example Host=/tmp/pg;Port=55432;Username=postgres). .ci/run starts a server from the Debian packages and sets it; it says so when it cannot.";
        }
    }
}

/// <summary>The contract on a real PostgreSQL server, in a database of its own that is dropped afterwards.</summary>
public sealed class PostgresVocabularyConverterTests : VocabularyConverterContract, IDisposable
{
    private readonly string connectionString;

    public PostgresVocabularyConverterTests()
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? string.Empty)
        {
            Database = "salesglossary_" + Guid.NewGuid().ToString("N"),
            Pooling = false,
        };
        connectionString = builder.ConnectionString;
    }

    protected override string StageColumnTypeSql => "pg_typeof(\"Stage\")::text";

    protected override string ExpectedStageColumnType => "integer";

    [PostgresFact]
    public void EveryValueOfEveryVocabularyType_RoundTrips() => RoundTrip();

    [PostgresFact]
    public void Columns_HoldTheStableNumbers() => StoredNumbers();

    [PostgresFact]
    public void UnknownStoredNumber_FailsTheRead_NamingTypeNumberAndKnownNumbers() => UnknownNumber();

    [PostgresFact]
    public void TheConventions_CoverEveryVocabularyTypeOfTheLibrary() => Coverage();

    public void Dispose()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)))
        {
            using var context = Create();
            context.Database.EnsureDeleted();
        }
    }

    protected override VocabularyContext Create() =>
        new(new DbContextOptionsBuilder<VocabularyContext>().UseNpgsql(connectionString).Options);
}
