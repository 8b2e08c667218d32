namespace SalesGlossary.Domain;

/// <summary>One move of the lead-status machine: a trigger, and for <see cref="LeadStatusTrigger.ChangeStatus"/> the status asked for.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="Target">The status asked for by <see cref="LeadStatusTrigger.ChangeStatus"/>; <see langword="null"/> for every other trigger.</param>
internal readonly record struct LeadStatusMove(LeadStatusTrigger Trigger, LeadStatus? Target)
{
    /// <summary>Returns the move as the diagrams draw it: the trigger's name, with the status asked for in parentheses.</summary>
    /// <returns>For example <c>StartWorking</c> or <c>ChangeLeadStatus(Open)</c>.</returns>
    public override string ToString() => Target is null ? Trigger.ToString() : "ChangeLeadStatus(" + Target.Name + ")";
}
