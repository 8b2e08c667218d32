namespace SalesGlossary.Domain;

/// <summary>Where a lead's connect attempts stand against the connect policy.</summary>
public enum ConnectStatus
{
    /// <summary>No attempt yet.</summary>
    NotStarted = 0,

    /// <summary>Attempts made, none connected, the sequence not yet complete.</summary>
    InProgress = 1,

    /// <summary>An attempt connected (by the policy's connected outcomes).</summary>
    Connected = 2,

    /// <summary>The policy's full sequence was made without a connection: "unable to reach" is now accepted.</summary>
    Exhausted = 3,
}
