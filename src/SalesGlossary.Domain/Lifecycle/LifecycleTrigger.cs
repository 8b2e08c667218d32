using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents an event that can move a contact's lifecycle stage or lead status.</summary>
/// <remarks>
/// Forward moves happen only through named triggers whose guards come from the agreement; backward moves
/// (<see cref="ReturnToMarketing"/>, <see cref="Recycle"/>, <see cref="Disqualify"/>) always carry a reason.
/// <see cref="Override"/> records an administrative correction that bypasses the rules, visibly.
/// Status-only triggers change the lead status and leave the stage alone. Values are stored; they never change.
/// </remarks>
public sealed class LifecycleTrigger : SmartEnum<LifecycleTrigger>
{
    /// <summary>The contact was created; always the first record of a history.</summary>
    public static readonly LifecycleTrigger Create = new(nameof(Create), 1, LifecycleTriggerKind.Creation, "Create");

    /// <summary>A subscriber converted (for example filled in a form) and became a lead.</summary>
    public static readonly LifecycleTrigger Convert = new(nameof(Convert), 2, LifecycleTriggerKind.Forward, "Convert");

    /// <summary>The lead score reached the MQL threshold of the contact's lead type.</summary>
    public static readonly LifecycleTrigger ReachMqlThreshold = new(nameof(ReachMqlThreshold), 3, LifecycleTriggerKind.Forward, "ApplyScore");

    /// <summary>Sales accepted the MQL; it becomes an SQL where the agreement qualifies SQLs by acceptance.</summary>
    public static readonly LifecycleTrigger AcceptBySales = new(nameof(AcceptBySales), 4, LifecycleTriggerKind.Forward, "AcceptBySales");

    /// <summary>The lead score reached the SQL threshold, where the agreement qualifies SQLs by score.</summary>
    public static readonly LifecycleTrigger ReachSqlThreshold = new(nameof(ReachSqlThreshold), 5, LifecycleTriggerKind.Forward, "ApplyScore");

    /// <summary>The contact raised a hand (for example requested a demo); routes straight to MQL or SQL where the agreement says so.</summary>
    public static readonly LifecycleTrigger HandRaise = new(nameof(HandRaise), 6, LifecycleTriggerKind.Forward, "HandRaise");

    /// <summary>A deal was created for the contact.</summary>
    public static readonly LifecycleTrigger CreateDeal = new(nameof(CreateDeal), 7, LifecycleTriggerKind.Forward, "Deal.Open");

    /// <summary>A connect attempt reached the person for the first time.</summary>
    public static readonly LifecycleTrigger ConnectSucceeded = new(nameof(ConnectSucceeded), 8, LifecycleTriggerKind.Forward, "RecordConnectAttempt");

    /// <summary>A deal of the contact was won.</summary>
    public static readonly LifecycleTrigger WinDeal = new(nameof(WinDeal), 9, LifecycleTriggerKind.Forward, "Deal.Win");

    /// <summary>The customer became an advocate (referrals, reviews, case studies).</summary>
    public static readonly LifecycleTrigger BecomeAdvocate = new(nameof(BecomeAdvocate), 10, LifecycleTriggerKind.Forward, "BecomeAdvocate");

    /// <summary>Sales returned a qualified lead to marketing for nurturing, with a reason.</summary>
    public static readonly LifecycleTrigger ReturnToMarketing = new(nameof(ReturnToMarketing), 11, LifecycleTriggerKind.Backward, "ReturnToMarketing");

    /// <summary>A lost opportunity or a churned customer went back to nurturing, with a reason.</summary>
    public static readonly LifecycleTrigger Recycle = new(nameof(Recycle), 12, LifecycleTriggerKind.Backward, "Recycle");

    /// <summary>The contact was disqualified (moved to Other) with a reason code.</summary>
    public static readonly LifecycleTrigger Disqualify = new(nameof(Disqualify), 13, LifecycleTriggerKind.Backward, "Disqualify");

    /// <summary>A contact in Other was reopened as a lead, with a reason.</summary>
    public static readonly LifecycleTrigger Reopen = new(nameof(Reopen), 14, LifecycleTriggerKind.Backward, "Reopen");

    /// <summary>An administrative correction that bypasses the rules; always recorded as an override with a reason.</summary>
    public static readonly LifecycleTrigger Override = new(nameof(Override), 15, LifecycleTriggerKind.Override, "Override");

    /// <summary>A connect attempt was made; moves the lead status only.</summary>
    public static readonly LifecycleTrigger RecordConnectAttempt = new(nameof(RecordConnectAttempt), 16, LifecycleTriggerKind.StatusOnly, "RecordConnectAttempt");

    /// <summary>Sales started working the lead; moves the lead status to In progress.</summary>
    public static readonly LifecycleTrigger StartWorking = new(nameof(StartWorking), 17, LifecycleTriggerKind.StatusOnly, "StartWorking");

    /// <summary>The timing is wrong; moves the lead status to Bad timing, with a reason.</summary>
    public static readonly LifecycleTrigger MarkBadTiming = new(nameof(MarkBadTiming), 18, LifecycleTriggerKind.StatusOnly, "MarkBadTiming");

    /// <summary>A deal of the contact was lost: recorded on the contact by the deal (lead status Open deal becomes Connected, or the contact is recycled where the agreement says so).</summary>
    public static readonly LifecycleTrigger LoseDeal = new(nameof(LoseDeal), 19, LifecycleTriggerKind.StatusOnly, "Deal.Lose");

    /// <summary>The contact was imported from another system at the stage it already had there: a creation, recorded with who imported it, why and from where (not an override).</summary>
    public static readonly LifecycleTrigger Import = new(nameof(Import), 20, LifecycleTriggerKind.Creation, "Import");

    /// <summary>The contact entered a stage the agreement added (for example Sales Accepted Lead after MQL), as its entry rule allows.</summary>
    public static readonly LifecycleTrigger EnterStage = new(nameof(EnterStage), 21, LifecycleTriggerKind.Forward, "EnterStage");

    /// <summary>Someone set a lead status of the agreement's vocabulary that no other verb sets (for example an agreement's own nurture status).</summary>
    public static readonly LifecycleTrigger ChangeLeadStatus = new(nameof(ChangeLeadStatus), 22, LifecycleTriggerKind.StatusOnly, "ChangeLeadStatus");

    private LifecycleTrigger(string name, int value, LifecycleTriggerKind kind, string verb)
        : base(name, value)
    {
        Kind = kind;
        Verb = verb;
    }

    /// <summary>Gets the method a caller uses to take the trigger, for example <c>Deal.Win</c> for <see cref="WinDeal"/>; messages speak in these words.</summary>
    internal string Verb { get; }

    /// <summary>Gets what kind of move the trigger makes.</summary>
    public LifecycleTriggerKind Kind { get; }

    /// <summary>Gets a value indicating whether the trigger needs a reason (every backward move, override and bad timing).</summary>
    public bool RequiresReason => Kind is LifecycleTriggerKind.Backward or LifecycleTriggerKind.Override || this == MarkBadTiming || this == Import;
}
