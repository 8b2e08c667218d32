namespace SalesGlossary.Domain;

/// <summary>What fell short of a connect policy; written by name in JSON.</summary>
public enum ConnectBreachKind
{
    /// <summary>The first touch came (or has not come) later than the policy allows after the handoff.</summary>
    FirstTouchLate = 0,

    /// <summary>Two attempts were closer together than the policy's minimum spacing.</summary>
    TooCloseTogether = 1,

    /// <summary>The sequence ended with fewer attempts than the policy asks for.</summary>
    TooFewAttempts = 2,

    /// <summary>The sequence ended on fewer channels than the policy asks for.</summary>
    TooFewChannels = 3,
}
