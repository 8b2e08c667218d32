namespace SalesGlossary.Domain;

/// <summary>The kinds of terms a vocabulary holds.</summary>
public enum TermKind
{
    /// <summary>A lifecycle stage.</summary>
    Stage = 0,

    /// <summary>A lead status.</summary>
    LeadStatus = 1,

    /// <summary>A disqualification reason.</summary>
    DisqualificationReason = 2,

    /// <summary>A deal lost reason.</summary>
    LostReason = 3,

    /// <summary>A team.</summary>
    Team = 4,

    /// <summary>An actor.</summary>
    Actor = 5,
}
