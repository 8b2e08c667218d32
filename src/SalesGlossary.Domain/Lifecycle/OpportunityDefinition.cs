namespace SalesGlossary.Domain;

/// <summary>What an Opportunity is, as the agreement chooses (the source article leaves it open on purpose).</summary>
public enum OpportunityDefinition
{
    /// <summary>A contact with an open deal: creating a deal makes the contact an Opportunity.</summary>
    OpenDeal = 0,

    /// <summary>A contact whose first connect attempt succeeded: a successful connect on an SQL makes it an Opportunity.</summary>
    FirstSuccessfulConnect = 1,
}
