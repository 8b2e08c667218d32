namespace SalesGlossary.Domain;

/// <summary>What makes a Marketing Qualified Lead a Sales Qualified Lead, as the agreement chooses.</summary>
public enum SqlQualification
{
    /// <summary>Only sales accepting the lead makes it an SQL.</summary>
    SalesAcceptance = 0,

    /// <summary>Only the score reaching the SQL threshold makes it an SQL.</summary>
    Score = 1,

    /// <summary>Either sales acceptance or the SQL threshold makes it an SQL.</summary>
    SalesAcceptanceOrScore = 2,
}
