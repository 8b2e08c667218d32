namespace SalesGlossary.Domain;

/// <summary>What an SLA timer watches on a contact handed to sales.</summary>
public enum SlaTimerKind
{
    /// <summary>The first touch, due within the connect policy's first-touch time after the handoff; late is a breach.</summary>
    FirstTouch = 0,

    /// <summary>The next attempt of a sequence in progress, due once the policy's minimum spacing has passed; firing it breaches nothing.</summary>
    NextAttempt = 1,

    /// <summary>The end of the sequence: from then on, too few attempts or channels are a breach.</summary>
    EndOfSequence = 2,
}
