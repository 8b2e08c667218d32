namespace SalesGlossary.Domain;

/// <summary>The moves of the lead status: those sales makes on the status alone, and those a lifecycle move or a deal makes on it.</summary>
internal enum LeadStatusTrigger
{
    /// <summary>Sales starts working an untouched lead.</summary>
    StartWorking = 0,

    /// <summary>Sales records that the timing is wrong.</summary>
    MarkBadTiming = 1,

    /// <summary>A connect attempt did not reach the person.</summary>
    ConnectFailed = 2,

    /// <summary>A connect attempt reached the person.</summary>
    ConnectSucceeded = 3,

    /// <summary>Sales sets a status no other move sets (<c>ChangeLeadStatus</c>); the status asked for is bound to the machine.</summary>
    ChangeStatus = 4,

    /// <summary>The contact moves into an MQL or SQL stage (or a stage added after one): a lead without an open status becomes New.</summary>
    EnterSalesStage = 5,

    /// <summary>Sales returns the contact to marketing.</summary>
    ReturnToMarketing = 6,

    /// <summary>The contact is disqualified.</summary>
    Disqualify = 7,

    /// <summary>A deal is created for the contact.</summary>
    CreateDeal = 8,

    /// <summary>The contact's open deal is lost and the contact is not recycled.</summary>
    LoseDeal = 9,

    /// <summary>The contact stops being a lead (recycled, reopened, or won as a customer): it has no lead status.</summary>
    EndLead = 10,
}
