namespace SalesGlossary.Domain.Extensions;

/// <summary>What a reload did.</summary>
public enum AgreementReloadOutcome
{
    /// <summary>The documents were valid and are now the current snapshot.</summary>
    Published,

    /// <summary>The documents had not changed since the last load; nothing was loaded.</summary>
    Unchanged,

    /// <summary>The documents were unreadable or invalid; the current snapshot stays and the problems are logged.</summary>
    Rejected,
}
