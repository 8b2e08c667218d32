namespace SalesGlossary.Domain;

/// <summary>The one home of which shipped lead statuses only a verb of the contact sets, so that they always agree with the record that set them.</summary>
internal static class LeadStatusRules
{
    /// <summary>What sets New: not one verb but every handoff to sales; refusals say it in the reader's language.</summary>
    public const string Handoff = "the handoff to sales";

    /// <summary>Gets the verb that alone sets a status, or <see langword="null"/> when <c>ChangeLeadStatus</c> may set it.</summary>
    public static string? SetByVerb(LeadStatus status)
    {
        if (status.IsDefinedByAgreement || status == LeadStatus.Open)
        {
            return null;
        }

        return status.Name switch
        {
            nameof(LeadStatus.New) => Handoff,
            nameof(LeadStatus.InProgress) => "StartWorking",
            nameof(LeadStatus.AttemptedToContact) or nameof(LeadStatus.Connected) => "RecordConnectAttempt",
            nameof(LeadStatus.OpenDeal) => "Deal.Open",
            nameof(LeadStatus.Unqualified) => "Disqualify",
            nameof(LeadStatus.BadTiming) => "MarkBadTiming",
            nameof(LeadStatus.ReturnedNotReady) => "ReturnToMarketing",
            _ => null,
        };
    }
}
