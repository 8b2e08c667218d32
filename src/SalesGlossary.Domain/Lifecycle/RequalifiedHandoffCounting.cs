namespace SalesGlossary.Domain;

/// <summary>How the reports count the handoffs of a contact that qualified again after it was returned, recycled or reopened.</summary>
public enum RequalifiedHandoffCounting
{
    /// <summary>Every handoff counts: a contact that earned its way back is delivered again.</summary>
    EveryHandoff = 0,

    /// <summary>Only a contact's first handoff to a team counts; handoffs after a return are not delivered again.</summary>
    FirstHandoffOnly = 1,
}
