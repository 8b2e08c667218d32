using Stateless;
using Stateless.Graph;

namespace SalesGlossary.Domain;

/// <summary>The lead status as a Stateless machine beside the lifecycle machine: the moves sales makes on a lead (start working, bad timing, connect attempts), with guards in words.</summary>
/// <remarks>
/// The statuses a lifecycle move sets (New on a handoff, Returned – not ready, Unqualified, Open deal) follow the lifecycle
/// machine; this machine holds the moves of the lead status alone. A contact with no status moves as one that is New.
/// </remarks>
internal sealed class LeadStatusMachine
{
    internal const string WorkStageGuard = "the contact is an MQL or SQL (or in a stage added after one)";

    private readonly StateMachine<LeadStatus, LeadStatusTrigger> machine;
    private LeadStatus state;

    internal LeadStatusMachine(IEnumerable<LeadStatus> statuses, LeadStatus? current, Func<bool> inWorkStage)
    {
        state = current ?? LeadStatus.New;
        machine = new StateMachine<LeadStatus, LeadStatusTrigger>(() => state, s => state = s);
        var all = statuses.Concat([LeadStatus.New, LeadStatus.InProgress, LeadStatus.AttemptedToContact, LeadStatus.Connected, LeadStatus.BadTiming, state]).Distinct().ToList();
        foreach (var status in all)
        {
            var config = machine.Configure(status);
            if (status.Kind == LeadStatusKind.Untouched)
            {
                config.PermitIf(LeadStatusTrigger.StartWorking, LeadStatus.InProgress, inWorkStage, WorkStageGuard);
            }

            if (status != LeadStatus.BadTiming)
            {
                config.PermitIf(LeadStatusTrigger.MarkBadTiming, LeadStatus.BadTiming, inWorkStage, WorkStageGuard);
            }

            if (status.Kind == LeadStatusKind.Untouched || status == LeadStatus.InProgress)
            {
                config.Permit(LeadStatusTrigger.ConnectFailed, LeadStatus.AttemptedToContact);
            }
            else
            {
                config.Ignore(LeadStatusTrigger.ConnectFailed);
            }

            if (status == LeadStatus.Connected || status == LeadStatus.OpenDeal)
            {
                config.Ignore(LeadStatusTrigger.ConnectSucceeded);
            }
            else
            {
                config.Permit(LeadStatusTrigger.ConnectSucceeded, LeadStatus.Connected);
            }
        }
    }

    /// <summary>Gets the status the machine is in.</summary>
    internal LeadStatus Status => state;

    /// <summary>Draws the machine for the statuses of an agreement as a Mermaid state diagram.</summary>
    internal static string ToMermaidGraph(IEnumerable<LeadStatus> statuses) => MermaidGraph.Format(new LeadStatusMachine(statuses, null, () => true).machine.GetInfo());

    /// <summary>Draws the machine for the statuses of an agreement as a Graphviz DOT graph.</summary>
    internal static string ToDotGraph(IEnumerable<LeadStatus> statuses) => UmlDotGraph.Format(new LeadStatusMachine(statuses, null, () => true).machine.GetInfo());

    /// <summary>Fires a trigger if the machine allows it now.</summary>
    /// <returns><see langword="true"/> when the move was made (or ignored); <see langword="false"/> when it is refused.</returns>
    internal bool TryFire(LeadStatusTrigger trigger)
    {
        if (!machine.CanFire(trigger))
        {
            return false;
        }

        machine.Fire(trigger);
        return true;
    }
}
