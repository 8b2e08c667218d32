namespace SalesGlossary.Domain;

/// <summary>The kind of move a <see cref="LifecycleTrigger"/> makes.</summary>
public enum LifecycleTriggerKind
{
    /// <summary>The first record of a contact's history.</summary>
    Creation = 0,

    /// <summary>A move forward through the funnel, guarded by the agreement.</summary>
    Forward = 1,

    /// <summary>A move backward or out of the funnel, always with a reason.</summary>
    Backward = 2,

    /// <summary>A change of the lead status only.</summary>
    StatusOnly = 3,

    /// <summary>An administrative correction that bypasses the rules.</summary>
    Override = 4,
}
