using Ardalis.SmartEnum;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesGlossary.Domain.Lifecycle;

namespace CrmWithSqlite;

/// <summary>A contact row: the stage and lead status are plain columns, stored by their smart-enum values.</summary>
public sealed class ContactRow
{
    public required string Id { get; set; }

    public string? LeadType { get; set; }

    public required LifecycleStage Stage { get; set; }

    public LeadStatus? LeadStatus { get; set; }

    public decimal? Score { get; set; }

    /// <summary>The contact's <c>Version</c> when saved (every recorded change moves it, a score-only change included): the optimistic concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The latest score of each model, their bounded history and the recorded SLA breaches, as JSON (a <c>ContactState</c> without history and attempts).</summary>
    public string? ScoresJson { get; set; }

    public List<TransitionRow> History { get; set; } = [];

    public List<AttemptRow> Attempts { get; set; } = [];
}

/// <summary>One lifecycle transition of a contact.</summary>
public sealed class TransitionRow
{
    public int Id { get; set; }

    public required string ContactId { get; set; }

    public int Sequence { get; set; }

    public required LifecycleStage From { get; set; }

    public required LifecycleStage To { get; set; }

    public LeadStatus? FromStatus { get; set; }

    public LeadStatus? ToStatus { get; set; }

    public required LifecycleTrigger Trigger { get; set; }

    public DateTimeOffset At { get; set; }

    public required Actor Actor { get; set; }

    public string? ActorName { get; set; }

    public string? Reason { get; set; }

    public decimal? Score { get; set; }

    public DisqualificationReason? DisqualificationReason { get; set; }
}

/// <summary>One connect attempt on a contact.</summary>
public sealed class AttemptRow
{
    public int Id { get; set; }

    public required string ContactId { get; set; }

    public DateTimeOffset At { get; set; }

    public int Channel { get; set; }

    public int Outcome { get; set; }

    public string? By { get; set; }
}

/// <summary>One entry of the score ledger: a stored, explained score.</summary>
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

/// <summary>One event in the outbox, written in the same transaction as the aggregate it came from; a relay publishes and marks it.</summary>
public sealed class OutboxRow
{
    public long Id { get; set; }

    public required string AggregateId { get; set; }

    /// <summary>The event's type name, as its <c>$type</c> discriminator says.</summary>
    public required string Type { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The event as JSON, written with <c>SalesGlossaryJson.Options</c> as a <c>DomainEvent</c>.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}

public sealed class CrmDbContext(string path) : DbContext
{
    public DbSet<ContactRow> Contacts => Set<ContactRow>();

    public DbSet<TransitionRow> Transitions => Set<TransitionRow>();

    public DbSet<AttemptRow> Attempts => Set<AttemptRow>();

    public DbSet<ScoreLedgerRow> ScoreLedger => Set<ScoreLedgerRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=" + path);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ContactRow>(contact =>
        {
            contact.HasKey(c => c.Id);
            contact.Property(c => c.Stage).HasConversion(SmartEnumConverter<LifecycleStage>());
            contact.Property(c => c.LeadStatus).HasConversion(OptionalSmartEnumConverter<LeadStatus>());
            contact.Property(c => c.Version).IsConcurrencyToken();
            contact.HasMany(c => c.History).WithOne().HasForeignKey(t => t.ContactId);
            contact.HasMany(c => c.Attempts).WithOne().HasForeignKey(a => a.ContactId);
        });
        model.Entity<TransitionRow>(transition =>
        {
            transition.Property(t => t.From).HasConversion(SmartEnumConverter<LifecycleStage>());
            transition.Property(t => t.To).HasConversion(SmartEnumConverter<LifecycleStage>());
            transition.Property(t => t.FromStatus).HasConversion(OptionalSmartEnumConverter<LeadStatus>());
            transition.Property(t => t.ToStatus).HasConversion(OptionalSmartEnumConverter<LeadStatus>());
            transition.Property(t => t.Trigger).HasConversion(SmartEnumConverter<LifecycleTrigger>());
            transition.Property(t => t.Actor).HasConversion(SmartEnumConverter<Actor>());
            transition.Property(t => t.DisqualificationReason).HasConversion(OptionalSmartEnumConverter<DisqualificationReason>());
            transition.Property(t => t.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            transition.HasIndex(t => new { t.ContactId, t.Sequence }).IsUnique();
        });
        model.Entity<AttemptRow>().Property(a => a.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        model.Entity<OutboxRow>().Property(o => o.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        model.Entity<OutboxRow>().Property(o => o.PublishedAt).HasConversion(v => v!.Value.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        model.Entity<ScoreLedgerRow>().Property(s => s.AsOf).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }

    /// <summary>Stores an optional smart enum by its value; EF Core stores a missing one as NULL without calling the converter.</summary>
    private static ValueConverter<T?, int> OptionalSmartEnumConverter<T>()
        where T : SmartEnum<T> => new(v => v!.Value, v => SmartEnum<T>.FromValue(v));

    /// <summary>Stores a smart enum by its value, which never changes.</summary>
    private static ValueConverter<T, int> SmartEnumConverter<T>()
        where T : SmartEnum<T> => new(v => v.Value, v => SmartEnum<T>.FromValue(v));
}
