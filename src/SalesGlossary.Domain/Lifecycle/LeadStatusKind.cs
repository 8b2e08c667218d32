namespace SalesGlossary.Domain;

/// <summary>The broad group a <see cref="LeadStatus"/> belongs to.</summary>
public enum LeadStatusKind
{
    /// <summary>Nobody has worked the lead yet.</summary>
    Untouched = 0,

    /// <summary>Sales is working the lead.</summary>
    Working = 1,

    /// <summary>The lead turned into a deal.</summary>
    Converted = 2,

    /// <summary>Work on the lead ended without a deal.</summary>
    Closed = 3,
}
