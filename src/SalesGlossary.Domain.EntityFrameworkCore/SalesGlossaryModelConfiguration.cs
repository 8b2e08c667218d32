using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Applies the library's storage conventions to an application's own <see cref="DbContext"/>.</summary>
public static class SalesGlossaryModelConfiguration
{
    /// <summary>Stores every vocabulary type of the library by its number, wherever an entity of the model uses one.</summary>
    /// <param name="configurationBuilder">The builder passed to <see cref="DbContext.ConfigureConventions"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Call it from <c>ConfigureConventions</c>: <c>configurationBuilder.AddSalesGlossaryConverters();</c>. It covers
    /// <see cref="LifecycleStage"/>, <see cref="LeadStatus"/>, <see cref="LifecycleTrigger"/>, <see cref="Actor"/>,
    /// <see cref="Team"/>, <see cref="FlywheelPhase"/>, <see cref="DisqualificationReason"/>, <see cref="LostReason"/>, <see cref="DealTrigger"/>,
    /// <see cref="DealStageKind"/>, <see cref="ForecastCategory"/>, <see cref="ConnectChannel"/>,
    /// <see cref="ConnectOutcome"/>, <see cref="IcpTier"/>, <see cref="IcpCriterion"/>, <see cref="Seniority"/> and
    /// <see cref="BuyerJourneyStage"/>, nullable properties included.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="configurationBuilder"/> is <see langword="null"/>.</exception>
    public static ModelConfigurationBuilder AddSalesGlossaryConverters(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<LifecycleStage>().HaveConversion<SmartEnumValueConverter<LifecycleStage>>();
        configurationBuilder.Properties<LeadStatus>().HaveConversion<SmartEnumValueConverter<LeadStatus>>();
        configurationBuilder.Properties<LifecycleTrigger>().HaveConversion<SmartEnumValueConverter<LifecycleTrigger>>();
        configurationBuilder.Properties<Actor>().HaveConversion<SmartEnumValueConverter<Actor>>();
        configurationBuilder.Properties<Team>().HaveConversion<SmartEnumValueConverter<Team>>();
        configurationBuilder.Properties<FlywheelPhase>().HaveConversion<SmartEnumValueConverter<FlywheelPhase>>();
        configurationBuilder.Properties<DisqualificationReason>().HaveConversion<SmartEnumValueConverter<DisqualificationReason>>();
        configurationBuilder.Properties<LostReason>().HaveConversion<SmartEnumValueConverter<LostReason>>();
        configurationBuilder.Properties<DealTrigger>().HaveConversion<SmartEnumValueConverter<DealTrigger>>();
        configurationBuilder.Properties<DealStageKind>().HaveConversion<SmartEnumValueConverter<DealStageKind>>();
        configurationBuilder.Properties<ForecastCategory>().HaveConversion<SmartEnumValueConverter<ForecastCategory>>();
        configurationBuilder.Properties<ConnectChannel>().HaveConversion<SmartEnumValueConverter<ConnectChannel>>();
        configurationBuilder.Properties<ConnectOutcome>().HaveConversion<SmartEnumValueConverter<ConnectOutcome>>();
        configurationBuilder.Properties<IcpTier>().HaveConversion<SmartEnumValueConverter<IcpTier>>();
        configurationBuilder.Properties<IcpCriterion>().HaveConversion<SmartEnumValueConverter<IcpCriterion>>();
        configurationBuilder.Properties<Seniority>().HaveConversion<SmartEnumValueConverter<Seniority>>();
        configurationBuilder.Properties<BuyerJourneyStage>().HaveConversion<SmartEnumValueConverter<BuyerJourneyStage>>();
        return configurationBuilder;
    }

    /// <summary>Gets the precision (total digits) of the amount and score columns.</summary>
    public const int DecimalPrecision = 28;

    /// <summary>Gets the scale (digits after the point) of the amount and score columns: amounts to a ten-thousandth, scores (whole hundredths) exactly.</summary>
    public const int DecimalScale = 4;

    /// <summary>Maps <see cref="StoredContact"/>: one row per contact, its state as JSON, its version as the concurrency token.</summary>
    /// <param name="modelBuilder">The builder passed to <see cref="DbContext.OnModelCreating"/>.</param>
    /// <param name="table">The table's name.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Columns: <c>Id</c> (key), <c>LeadType</c>, <c>Stage</c> and <c>LeadStatus</c> (their numbers, indexed for queries),
    /// <c>Score</c> (<see cref="DecimalPrecision"/>, <see cref="DecimalScale"/>), <c>Version</c> (concurrency token) and
    /// <c>State</c> (the <see cref="ContactState"/> as JSON text written with <c>SalesGlossaryJson.Options</c>, read back
    /// strictly: a malformed document fails the read with its JSON path). A property the library adds to a contact's
    /// state is stored in <c>State</c> without a change of schema.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or white space.</exception>
    /// <param name="vocabulary">The agreement's vocabulary, when its contacts use the agreement's own terms (stages, statuses, reasons, actors); <see langword="null"/> for the shipped terms only.</param>
    public static ModelBuilder MapSalesGlossaryContacts(this ModelBuilder modelBuilder, string table = "Contacts", Vocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        modelBuilder.Entity<StoredContact>(contact =>
        {
            contact.ToTable(table);
            contact.HasKey(c => c.Id);
            contact.Property(c => c.Id).IsRequired();
            contact.Property(c => c.LeadType);
            contact.Property(c => c.Stage).IsRequired().HasConversion(vocabulary is null ? new SmartEnumValueConverter<LifecycleStage>() : new SmartEnumValueConverter<LifecycleStage>(vocabulary));
            contact.Property(c => c.LeadStatus).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter)(vocabulary is null ? new SmartEnumValueConverter<LeadStatus>() : new SmartEnumValueConverter<LeadStatus>(vocabulary)));
            contact.Property(c => c.Score).HasPrecision(DecimalPrecision, DecimalScale);
            contact.Property(c => c.Version).IsConcurrencyToken();
            contact.Property(c => c.State).IsRequired().HasConversion(JsonColumn.Converter<ContactState>(vocabulary?.JsonOptions), JsonColumn.Comparer<ContactState>());
            contact.HasIndex(c => c.Stage);
            contact.HasIndex(c => c.LeadStatus);
        });
        return modelBuilder;
    }

    /// <summary>Maps <see cref="StoredDeal"/>: one row per deal, its history as JSON, its version as the concurrency token.</summary>
    /// <param name="modelBuilder">The builder passed to <see cref="DbContext.OnModelCreating"/>.</param>
    /// <param name="table">The table's name.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Columns: <c>Id</c> (key), <c>Pipeline</c> and <c>Stage</c> (names, indexed), <c>Amount</c>
    /// (<see cref="DecimalPrecision"/>, <see cref="DecimalScale"/>), <c>ExpectedClose</c> (a date), <c>ContactIds</c>
    /// (JSON list), <c>Version</c> (concurrency token) and <c>History</c> (the <see cref="DealTransition"/> records as
    /// JSON text written with <c>SalesGlossaryJson.Options</c>, read back strictly). A property the library adds to a
    /// deal's records is stored in <c>History</c> without a change of schema.
    /// </remarks>
    /// <param name="vocabulary">The agreement's vocabulary, when its deals use the agreement's own terms (actors); <see langword="null"/> for the shipped terms only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or white space.</exception>
    public static ModelBuilder MapSalesGlossaryDeals(this ModelBuilder modelBuilder, string table = "Deals", Vocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        modelBuilder.Entity<StoredDeal>(deal =>
        {
            deal.ToTable(table);
            deal.HasKey(d => d.Id);
            deal.Property(d => d.Pipeline).IsRequired();
            deal.Property(d => d.Stage).IsRequired();
            deal.Property(d => d.Amount).HasPrecision(DecimalPrecision, DecimalScale);
            deal.Property(d => d.ExpectedClose);
            deal.Property(d => d.ContactIds).IsRequired().HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
            deal.Property(d => d.Version).IsConcurrencyToken();
            deal.Property(d => d.History).IsRequired().HasConversion(JsonColumn.Converter<IReadOnlyList<DealTransition>>(vocabulary?.JsonOptions), JsonColumn.Comparer<IReadOnlyList<DealTransition>>());
            deal.HasIndex(d => new { d.Pipeline, d.Stage });
        });
        return modelBuilder;
    }

    /// <summary>Maps <see cref="OutboxMessage"/>: one row per event of a contact or a deal, numbered by the database.</summary>
    /// <param name="modelBuilder">The builder passed to <see cref="DbContext.OnModelCreating"/>.</param>
    /// <param name="table">The table's name.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Columns: <c>Id</c> (key, generated in save order), <c>AggregateId</c>, <c>Type</c>, <c>At</c>, <c>PublishedAt</c>
    /// (indexed: a relay reads the unpublished messages) and <c>Event</c> (the <see cref="DomainEvent"/> as JSON text with
    /// its <c>$type</c>, written with <c>SalesGlossaryJson.Options</c>, read back strictly).
    /// </remarks>
    /// <param name="vocabulary">The agreement's vocabulary, when its events carry the agreement's own terms; <see langword="null"/> for the shipped terms only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or white space.</exception>
    public static ModelBuilder MapSalesGlossaryOutbox(this ModelBuilder modelBuilder, string table = "Outbox", Vocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(table);
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).ValueGeneratedOnAdd();
            message.Property(m => m.AggregateId).IsRequired();
            message.Property(m => m.Type).IsRequired();
            message.Property(m => m.At);
            message.Property(m => m.PublishedAt);
            message.Property(m => m.Event).IsRequired().HasConversion(JsonColumn.Converter<DomainEvent>(vocabulary?.JsonOptions), JsonColumn.Comparer<DomainEvent>());
            message.HasIndex(m => m.PublishedAt);
            message.HasIndex(m => m.AggregateId);
        });
        return modelBuilder;
    }

    /// <summary>Maps <see cref="ScoreLedgerEntry"/>: the score ledger, one append-only row per lead score, numbered by the database.</summary>
    /// <param name="modelBuilder">The builder passed to <see cref="DbContext.OnModelCreating"/>.</param>
    /// <param name="table">The table's name.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Columns: <c>Id</c> (key, generated in save order), <c>ContactId</c> (indexed with <c>Id</c>, for
    /// <see cref="ScoreLedger.ForContact"/>), <c>Model</c>, <c>ModelVersion</c>, <c>AsOf</c> (UTC), <c>Total</c>
    /// (<see cref="DecimalPrecision"/>, <see cref="DecimalScale"/>), <c>Grade</c>, <c>IsComplete</c> and <c>Score</c>
    /// (the <see cref="LeadScore"/> with its explanation as JSON text written with <c>SalesGlossaryJson.Options</c>, read
    /// back strictly and checked with <see cref="LeadScore.EnsureConsistent"/>). Every column is read-only once saved: a
    /// <c>SaveChanges</c> that would change a stored entry throws <see cref="InvalidOperationException"/> and stores nothing.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or white space.</exception>
    public static ModelBuilder MapSalesGlossaryScores(this ModelBuilder modelBuilder, string table = "ScoreLedger")
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        modelBuilder.Entity<ScoreLedgerEntry>(entry =>
        {
            entry.ToTable(table);
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedOnAdd();
            entry.Property(e => e.ContactId).IsRequired();
            entry.Property(e => e.Model).IsRequired();
            entry.Property(e => e.ModelVersion).IsRequired();
            entry.Property(e => e.AsOf);
            entry.Property(e => e.Total).HasPrecision(DecimalPrecision, DecimalScale);
            entry.Property(e => e.Grade);
            entry.Property(e => e.IsComplete);
            entry.Property(e => e.Score).IsRequired().HasConversion(JsonColumn.Converter<LeadScore>(static score => score.EnsureConsistent()), JsonColumn.Comparer<LeadScore>());
            foreach (var property in entry.Metadata.GetProperties())
            {
                property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
            }

            entry.HasIndex(e => new { e.ContactId, e.Id });
        });
        return modelBuilder;
    }
}
