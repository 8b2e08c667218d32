using System.Globalization;
using System.Text;

namespace SalesGlossary.Domain;

/// <summary>Represents the codes under which the agreement's terms are known in the CRMs integrators sync with, and maps them both ways.</summary>
/// <remarks>
/// <para>
/// Every lifecycle stage, lead status, disqualification reason, lost reason and deal stage (an agreement's own terms included) carries a HubSpot internal value and a
/// Salesforce picklist value. The defaults are the vendors' documented values (HubSpot's <c>lifecyclestage</c>,
/// <c>hs_lead_status</c> and default <c>dealstage</c> ids; Salesforce's Lead Status and Opportunity Stage picklists),
/// with a value in the vendors' style where the vendor has none (a custom HubSpot lead status
/// <c>RETURNED_NOT_READY</c>, a custom Salesforce lifecycle picklist named as the stages are). An agreement overrides
/// any of them in its <c>crmCodes</c> section.
/// </para>
/// <para>
/// Several terms may share a code (Salesforce's four Lead Status values cover the nine statuses): mapping a code back
/// gives the first term that has it, in the terms' own order, so reading a code and writing it back always gives the
/// same code. Deal stages of a pipeline without overrides get <c>closedwon</c>/<c>closedlost</c> (HubSpot) and
/// <c>Closed Won</c>/<c>Closed Lost</c> (Salesforce) for their won and lost stages, the stage name in lower case
/// without spaces or punctuation (HubSpot) and the stage name itself (Salesforce) for the others.
/// </para>
/// <para>An unknown code fails with <see cref="UnknownCrmCodeException"/>, which lists the known ones. Instances are immutable and safe to share.</para>
/// </remarks>
public sealed class CrmCodes
{
    private static readonly Dictionary<LifecycleStage, string> HubSpotStages = new()
    {
        [LifecycleStage.Subscriber] = "subscriber",
        [LifecycleStage.Lead] = "lead",
        [LifecycleStage.MarketingQualifiedLead] = "marketingqualifiedlead",
        [LifecycleStage.SalesQualifiedLead] = "salesqualifiedlead",
        [LifecycleStage.Opportunity] = "opportunity",
        [LifecycleStage.Customer] = "customer",
        [LifecycleStage.Evangelist] = "evangelist",
        [LifecycleStage.Other] = "other",
    };

    private static readonly Dictionary<LeadStatus, string> HubSpotStatuses = new()
    {
        [LeadStatus.New] = "NEW",
        [LeadStatus.Open] = "OPEN",
        [LeadStatus.InProgress] = "IN_PROGRESS",
        [LeadStatus.AttemptedToContact] = "ATTEMPTED_TO_CONTACT",
        [LeadStatus.Connected] = "CONNECTED",
        [LeadStatus.OpenDeal] = "OPEN_DEAL",
        [LeadStatus.Unqualified] = "UNQUALIFIED",
        [LeadStatus.BadTiming] = "BAD_TIMING",
        [LeadStatus.ReturnedNotReady] = "RETURNED_NOT_READY",
    };

    private static readonly Dictionary<LeadStatusKind, string> SalesforceStatuses = new()
    {
        [LeadStatusKind.Untouched] = "Open - Not Contacted",
        [LeadStatusKind.Working] = "Working - Contacted",
        [LeadStatusKind.Converted] = "Closed - Converted",
        [LeadStatusKind.Closed] = "Closed - Not Converted",
    };

    private readonly Table<LifecycleStage>[] stages;
    private readonly Table<LeadStatus>[] statuses;
    private readonly Table<DisqualificationReason>[] reasons;
    private readonly Table<LostReason>[] lostReasons;
    private readonly Dictionary<string, string>[] dealStageOverrides;

    private CrmCodes(Overrides? overrides, Vocabulary vocabulary)
    {
        var crms = Enum.GetValues<Crm>();
        stages = [.. crms.Select(crm => new Table<LifecycleStage>(crm, "lifecycle stage", vocabulary.Stages, s => DefaultCode(crm, s), overrides?.Stages[(int)crm]))];
        statuses = [.. crms.Select(crm => new Table<LeadStatus>(crm, "lead status", vocabulary.LeadStatuses, s => DefaultCode(crm, s), overrides?.Statuses[(int)crm]))];
        reasons = [.. crms.Select(crm => new Table<DisqualificationReason>(crm, "disqualification reason", vocabulary.DisqualificationReasons, r => DefaultCode(crm, r), overrides?.Reasons[(int)crm]))];
        lostReasons = [.. crms.Select(crm => new Table<LostReason>(crm, "lost reason", vocabulary.LostReasons, r => DefaultCode(crm, r), overrides?.LostReasons[(int)crm]))];
        dealStageOverrides = [.. crms.Select(crm => overrides?.DealStages[(int)crm] ?? new Dictionary<string, string>(StringComparer.Ordinal))];
    }

    /// <summary>Gets the vendors' default codes, as an agreement that overrides nothing uses them.</summary>
    public static CrmCodes Default { get; } = new(null, Vocabulary.Default);

    /// <summary>Gets the code of a lifecycle stage in a CRM (HubSpot's <c>lifecyclestage</c> value, for example <c>marketingqualifiedlead</c>).</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="stage">The stage.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    public string CodeOf(Crm crm, LifecycleStage stage) => stages[Index(crm)].CodeOf(Guard.NotNull(stage));

    /// <summary>Gets the code of a lead status in a CRM (HubSpot's <c>hs_lead_status</c> value, Salesforce's Lead Status picklist value).</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="status">The lead status.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    public string CodeOf(Crm crm, LeadStatus status) => statuses[Index(crm)].CodeOf(Guard.NotNull(status));

    /// <summary>Gets the code of a disqualification reason in a CRM.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    public string CodeOf(Crm crm, DisqualificationReason reason) => reasons[Index(crm)].CodeOf(Guard.NotNull(reason));

    /// <summary>Gets the code of a deal lost reason in a CRM (a HubSpot <c>closed_lost_reason</c> value, a Salesforce Loss Reason picklist value).</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="reason">The lost reason.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">The reason is not one of the agreement's; the known ones are listed.</exception>
    public string CodeOf(Crm crm, LostReason reason) => lostReasons[Index(crm)].CodeOf(Guard.NotNull(reason));

    /// <summary>Gets the deal lost reason a CRM code stands for.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="code">The code, for example <c>CHOSE_A_COMPETITOR</c>.</param>
    /// <returns>The lost reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">No lost reason has the code; the known codes are listed.</exception>
    public LostReason LostReasonOf(Crm crm, string code) => lostReasons[Index(crm)].TermOf(Guard.NotNull(code));

    /// <summary>Gets the code of a deal stage of a pipeline in a CRM (HubSpot's <c>dealstage</c> id, Salesforce's Opportunity Stage picklist value).</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="pipeline">The pipeline the stage belongs to.</param>
    /// <param name="stageName">The stage's name in the pipeline.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="stageName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">The pipeline has no stage of that name; the known stage names are listed.</exception>
    public string CodeOf(Crm crm, Pipeline pipeline, string stageName)
    {
        var table = DealStages(crm, Guard.NotNull(pipeline));
        var stage = pipeline.Stages.FirstOrDefault(s => string.Equals(s.Name, Guard.NotNull(stageName), StringComparison.Ordinal))
            ?? throw new UnknownCrmCodeException(crm, "stage name in pipeline '" + pipeline.Name + "'", stageName, [.. pipeline.Stages.Select(s => s.Name)]);
        return table.CodeOf(stage);
    }

    /// <summary>Gets the lifecycle stage a CRM code stands for.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="code">The code, for example <c>salesqualifiedlead</c>.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">No stage has the code; the known codes are listed.</exception>
    public LifecycleStage LifecycleStageOf(Crm crm, string code) => stages[Index(crm)].TermOf(Guard.NotNull(code));

    /// <summary>Gets the lead status a CRM code stands for; where several statuses share the code, the first in order.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="code">The code, for example <c>ATTEMPTED_TO_CONTACT</c> or <c>Working - Contacted</c>.</param>
    /// <returns>The lead status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">No status has the code; the known codes are listed.</exception>
    public LeadStatus LeadStatusOf(Crm crm, string code) => statuses[Index(crm)].TermOf(Guard.NotNull(code));

    /// <summary>Gets the disqualification reason a CRM code stands for.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="code">The code, for example <c>UNABLE_TO_REACH</c>.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">No reason has the code; the known codes are listed.</exception>
    public DisqualificationReason DisqualificationReasonOf(Crm crm, string code) => reasons[Index(crm)].TermOf(Guard.NotNull(code));

    /// <summary>Gets the deal stage of a pipeline a CRM code stands for.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="code">The code, for example <c>closedwon</c>.</param>
    /// <returns>The deal stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="crm"/> is not a known CRM.</exception>
    /// <exception cref="UnknownCrmCodeException">No stage of the pipeline has the code; the known codes are listed.</exception>
    public DealStage DealStageOf(Crm crm, Pipeline pipeline, string code) => DealStages(crm, Guard.NotNull(pipeline)).TermOf(Guard.NotNull(code));

    internal static CrmCodes With(Overrides? overrides, Vocabulary vocabulary) => new(overrides, vocabulary);

    internal static string DefaultCode(Crm crm, LifecycleStage stage) =>
        crm == Crm.HubSpot ? HubSpotStages.TryGetValue(stage, out var code) ? code : new string([.. stage.Name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)])
        : stage.DisplayName;

    internal static string DefaultCode(Crm crm, LeadStatus status) =>
        crm == Crm.HubSpot ? HubSpotStatuses.TryGetValue(status, out var code) ? code : UpperSnake(status.DisplayName)
        : SalesforceStatuses[status.Kind];

    internal static string DefaultCode(Crm crm, LostReason reason) => crm == Crm.HubSpot ? UpperSnake(reason.DisplayName) : reason.DisplayName;

    internal static string DefaultCode(Crm crm, DisqualificationReason reason) => crm == Crm.HubSpot ? UpperSnake(reason.DisplayName) : reason.DisplayName;

    internal static string DefaultCode(Crm crm, DealStage stage)
    {
        if (stage.Kind == DealStageKind.Won)
        {
            return crm == Crm.HubSpot ? "closedwon" : "Closed Won";
        }

        if (stage.Kind == DealStageKind.Lost)
        {
            return crm == Crm.HubSpot ? "closedlost" : "Closed Lost";
        }

        return crm == Crm.HubSpot ? new string([.. stage.Name.Where(char.IsLetterOrDigit).Select(c => char.ToLowerInvariant(c))]) : stage.Name;
    }

    private static string UpperSnake(string words)
    {
        var builder = new StringBuilder(words.Length);
        foreach (var c in words)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    private static int Index(Crm crm) =>
        Enum.IsDefined(crm) ? (int)crm : throw new ArgumentOutOfRangeException(nameof(crm), crm, string.Create(CultureInfo.InvariantCulture, $"{(int)crm} is not a CRM; use HubSpot or Salesforce."));

    private Table<DealStage> DealStages(Crm crm, Pipeline pipeline)
    {
        var all = dealStageOverrides[Index(crm)];
        var prefix = pipeline.Name + "\u0000";
        var own = all.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
        return new Table<DealStage>(crm, "deal stage of pipeline '" + pipeline.Name + "'", pipeline.Stages, s => DefaultCode(crm, s), own, s => s.Name);
    }

    /// <summary>The overrides an agreement states, by CRM: term name to code (deal stages keyed by pipeline name, a NUL, and stage name).</summary>
    internal sealed record Overrides(
        Dictionary<string, string>[] Stages,
        Dictionary<string, string>[] Statuses,
        Dictionary<string, string>[] Reasons,
        Dictionary<string, string>[] DealStages)
    {
        public Dictionary<string, string>[] LostReasons { get; init; } = [.. Enum.GetValues<Crm>().Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];
    }

    /// <summary>One kind of term in one CRM: codes out by term, terms in by code (the first term in order for a shared code).</summary>
    private sealed class Table<T>
        where T : notnull
    {
        private readonly Crm crm;
        private readonly string kind;
        private readonly Dictionary<T, string> codes = [];
        private readonly Dictionary<string, T> terms = new(StringComparer.Ordinal);
        private readonly List<string> known = [];

        public Table(Crm crm, string kind, IEnumerable<T> ordered, Func<T, string> defaults, IReadOnlyDictionary<string, string>? overrides, Func<T, string>? nameOf = null)
        {
            this.crm = crm;
            this.kind = kind;
            nameOf ??= t => t.ToString()!;
            foreach (var term in ordered)
            {
                var code = overrides is not null && overrides.TryGetValue(nameOf(term), out var given) ? given : defaults(term);
                codes[term] = code;
                if (terms.TryAdd(code, term))
                {
                    known.Add(code);
                }
            }
        }

        public string CodeOf(T term) => codes.TryGetValue(term, out var code)
            ? code
            : throw new UnknownCrmCodeException(crm, kind, term.ToString()!, [.. codes.Keys.Select(k => k.ToString()!)]);

        public T TermOf(string code) => terms.TryGetValue(code, out var term)
            ? term
            : throw new UnknownCrmCodeException(crm, kind, code, known);
    }
}
