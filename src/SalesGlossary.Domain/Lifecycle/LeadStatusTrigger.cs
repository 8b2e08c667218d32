namespace SalesGlossary.Domain;

/// <summary>The moves of the lead status alone.</summary>
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
}
