using System.Globalization;
using Stateless;
using Stateless.Graph;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents validated lifecycle definitions together with the state machine that enforces them.</summary>
/// <remarks>
/// <para>
/// Build one policy per set of definitions and share it: contacts use it for every transition. The Stateless
/// configuration is built once per policy and thread, never per contact, so re-evaluating millions of contacts
/// costs no machine construction. A policy is immutable and safe to share between threads; a
/// <see cref="Contact"/> is not thread-safe.
/// </para>
/// <para>Forward transitions and their guards, in the words of the agreement:</para>
/// <list type="bullet">
/// <item><description>Subscriber → Lead on <c>Convert</c>;</description></item>
/// <item><description>Subscriber or Lead → MQL on <c>ReachMqlThreshold</c> when the score reached the lead type's MQL threshold;</description></item>
/// <item><description>MQL → SQL on <c>AcceptBySales</c> or <c>ReachSqlThreshold</c>, as <see cref="LifecycleDefinitions.SqlQualification"/> allows;</description></item>
/// <item><description>Subscriber, Lead or MQL → MQL or SQL on <c>HandRaise</c>, as <see cref="LifecycleDefinitions.HandRaiseRoute"/> says;</description></item>
/// <item><description>any earlier stage → Opportunity on <c>CreateDeal</c>, or SQL → Opportunity on <c>ConnectSucceeded</c>, as <see cref="LifecycleDefinitions.OpportunityDefinition"/> says;</description></item>
/// <item><description>Lead to Opportunity → Customer on <c>WinDeal</c>; Customer → Evangelist on <c>BecomeAdvocate</c>.</description></item>
/// </list>
/// <para>
/// Backward: MQL or SQL → nurture stage on <c>ReturnToMarketing</c>; Opportunity, Customer or Evangelist → nurture
/// stage on <c>Recycle</c>; any stage before Customer → Other on <c>Disqualify</c> ("unable to reach" only once the
/// connect policy is exhausted); Other → nurture stage on <c>Reopen</c>. Each needs a reason.
/// </para>
/// </remarks>
public sealed class LifecyclePolicy
{
    internal const string MqlThresholdGuard = "the lead score reached the MQL threshold of the contact's lead type";
    internal const string SqlByAcceptanceGuard = "the agreement qualifies SQLs by sales acceptance";
    internal const string SqlByScoreGuard = "the agreement qualifies SQLs by score";
    internal const string SqlThresholdGuard = "the lead score reached the SQL threshold of the contact's lead type";
    internal const string HandRaiseToMqlGuard = "the agreement routes hand-raises to MQL";
    internal const string HandRaiseToSqlGuard = "the agreement routes hand-raises straight to SQL";
    internal const string OpportunityByDealGuard = "the agreement defines an Opportunity as a contact with an open deal";
    internal const string OpportunityByConnectGuard = "the agreement defines an Opportunity as a contact whose first connect attempt succeeded";
    internal const string UnableToReachGuard = "'unable to reach' only after the connect policy's attempts are exhausted";
    internal const string ReasonGuard = "a reason is given";

    private static readonly LifecycleStage[] BeforeCustomer =
    [
        LifecycleStage.Subscriber, LifecycleStage.Lead, LifecycleStage.MarketingQualifiedLead,
        LifecycleStage.SalesQualifiedLead, LifecycleStage.Opportunity,
    ];

    /// <summary>Initializes a new policy and validates the definitions.</summary>
    /// <param name="definitions">The lifecycle definitions of the agreement.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The definitions are invalid; every problem is listed with its path.</exception>
    public LifecyclePolicy(LifecycleDefinitions definitions)
    {
        Definitions = Guard.NotNull(definitions);
        Validate(definitions);
    }

    /// <summary>Gets a policy with the default definitions (see <see cref="LifecycleDefinitions"/>).</summary>
    public static LifecyclePolicy Default { get; } = new(new LifecycleDefinitions());

    /// <summary>Gets the definitions the policy enforces.</summary>
    public LifecycleDefinitions Definitions { get; }

    /// <summary>Draws the lifecycle machine as a Mermaid state diagram, with every guard described in words.</summary>
    /// <returns>The diagram in Mermaid's <c>stateDiagram-v2</c> syntax.</returns>
    public string ToMermaidGraph() => MermaidGraph.Format(new MachineSlot(this).Machine.GetInfo());

    /// <summary>Draws the lifecycle machine as a Graphviz DOT graph, with every guard described in words.</summary>
    /// <returns>The graph in DOT syntax.</returns>
    public string ToDotGraph() => UmlDotGraph.Format(new MachineSlot(this).Machine.GetInfo());

    internal MachineSlot Rent() => ThreadSlot<MachineSlot>.Rent(this, () => new MachineSlot(this));

    private static void Validate(LifecycleDefinitions definitions)
    {
        var problems = new ValidationCollector();
        ValidateThresholds(problems, "$.defaultThresholds", definitions.DefaultThresholds, definitions.SqlQualification);
        if (definitions.LeadTypeThresholds is null)
        {
            problems.Add("$.leadTypeThresholds", "The thresholds per lead type are missing; use an empty map when every lead type uses the default.");
        }
        else
        {
            foreach (var (leadType, thresholds) in definitions.LeadTypeThresholds.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                ValidateThresholds(problems, "$.leadTypeThresholds['" + leadType + "']", thresholds, definitions.SqlQualification);
            }
        }

        if (!Enum.IsDefined(definitions.SqlQualification))
        {
            problems.Add("$.sqlQualification", $"{(int)definitions.SqlQualification} is not an SQL qualification; use SalesAcceptance, Score or SalesAcceptanceOrScore.");
        }

        if (!Enum.IsDefined(definitions.OpportunityDefinition))
        {
            problems.Add("$.opportunityDefinition", $"{(int)definitions.OpportunityDefinition} is not an Opportunity definition; use OpenDeal or FirstSuccessfulConnect.");
        }

        if (definitions.HandRaiseRoute is { } route && route != LifecycleStage.MarketingQualifiedLead && route != LifecycleStage.SalesQualifiedLead)
        {
            problems.Add("$.handRaiseRoute", $"A hand-raise can route to MarketingQualifiedLead or SalesQualifiedLead, not {route.Name}.");
        }

        if (definitions.NurtureStage != LifecycleStage.Subscriber && definitions.NurtureStage != LifecycleStage.Lead)
        {
            problems.Add("$.nurtureStage", $"Returned and recycled contacts are nurtured as Subscriber or Lead, not {definitions.NurtureStage?.Name ?? "nothing"}.");
        }

        if (definitions.ConnectAttemptsExhausted is null)
        {
            problems.Add("$.connectAttemptsExhausted", "The connect policy's exhaustion check is missing; 'unable to reach' could never be judged.");
        }

        problems.ThrowIfAny("lifecycle definitions");
    }

    private static void ValidateThresholds(ValidationCollector problems, string path, QualificationThresholds? thresholds, SqlQualification sqlQualification)
    {
        if (thresholds is null)
        {
            problems.Add(path, "The thresholds are missing.");
            return;
        }

        if (thresholds.Mql <= 0)
        {
            problems.Add(path + ".mql", $"The MQL threshold must be above 0; it is {thresholds.Mql.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (thresholds.Sql is { } sql && sql <= thresholds.Mql)
        {
            problems.Add(path + ".sql", $"The SQL threshold {sql.ToString(CultureInfo.InvariantCulture)} must be above the MQL threshold {thresholds.Mql.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (thresholds.Sql is null && sqlQualification == SqlQualification.Score)
        {
            problems.Add(path + ".sql", "SQLs are qualified by score only, so an SQL threshold is required.");
        }
    }

    /// <summary>One configured Stateless machine, bound in turn to the contact being moved.</summary>
    internal sealed class MachineSlot : ThreadSlot<MachineSlot>.IRentable
    {
        public MachineSlot(LifecyclePolicy policy)
        {
            Policy = policy;
            Stage = LifecycleStage.Subscriber;
            Machine = new StateMachine<LifecycleStage, LifecycleTrigger>(() => Stage, stage => Stage = stage, FiringMode.Immediate);
            Configure(policy.Definitions);
        }

        public LifecyclePolicy Policy { get; }

        object ThreadSlot<MachineSlot>.IRentable.Owner => Policy;

        public StateMachine<LifecycleStage, LifecycleTrigger> Machine { get; }

        public bool InUse { get; set; }

        public LifecycleStage Stage { get; set; }

        public Contact? Contact { get; set; }

        public DisqualificationReason? DisqualificationReason { get; set; }

        public void Bind(Contact contact, DisqualificationReason? reason)
        {
            Contact = contact;
            Stage = contact.Stage;
            DisqualificationReason = reason;
        }

        public void Release()
        {
            Contact = null;
            DisqualificationReason = null;
            InUse = false;
        }

        private QualificationThresholds Thresholds => Policy.Definitions.ThresholdsFor(Contact?.LeadType);

        private bool ScoreReachedMql() => Contact?.Score is { } score && score >= Thresholds.Mql;

        private bool ScoreReachedSql() => Contact?.Score is { } score && Thresholds.Sql is { } sql && score >= sql;

        private bool AttemptsAllowUnableToReach() =>
            DisqualificationReason is null
            || !DisqualificationReason.RequiresExhaustedConnectPolicy
            || (Contact is not null && Policy.Definitions.ConnectAttemptsExhausted(Contact.LeadType, Contact.AttemptsSinceHandoff()));

        private static bool Always() => true;

        private void Configure(LifecycleDefinitions d)
        {
            var nurture = d.NurtureStage;
            var mql = LifecycleStage.MarketingQualifiedLead;
            var sql = LifecycleStage.SalesQualifiedLead;
            bool SqlByAcceptance() => d.SqlQualification != SqlQualification.Score;
            bool SqlByScore() => d.SqlQualification != SqlQualification.SalesAcceptance;
            bool HandRaiseToMql() => d.HandRaiseRoute == mql;
            bool HandRaiseToSql() => d.HandRaiseRoute == sql;
            bool OpportunityByDeal() => d.OpportunityDefinition == OpportunityDefinition.OpenDeal;
            bool OpportunityByConnect() => d.OpportunityDefinition == OpportunityDefinition.FirstSuccessfulConnect;

            foreach (var stage in LifecycleStage.InFunnelOrder)
            {
                var config = Machine.Configure(stage);
                if (stage.Value < mql.Value)
                {
                    config.PermitIf(LifecycleTrigger.ReachMqlThreshold, mql, ScoreReachedMql, MqlThresholdGuard);
                    config.PermitIf(LifecycleTrigger.HandRaise, mql, HandRaiseToMql, HandRaiseToMqlGuard);
                }

                if (stage.Value < sql.Value)
                {
                    config.PermitIf(LifecycleTrigger.HandRaise, sql, HandRaiseToSql, HandRaiseToSqlGuard);
                }

                if (stage.Value < LifecycleStage.Opportunity.Value)
                {
                    config.PermitIf(LifecycleTrigger.CreateDeal, LifecycleStage.Opportunity, OpportunityByDeal, OpportunityByDealGuard);
                }

                if (stage.Value >= LifecycleStage.Lead.Value && stage.Value < LifecycleStage.Customer.Value)
                {
                    config.Permit(LifecycleTrigger.WinDeal, LifecycleStage.Customer);
                }

                if (BeforeCustomer.Contains(stage))
                {
                    config.PermitIf(LifecycleTrigger.Disqualify, LifecycleStage.Other, AttemptsAllowUnableToReach, UnableToReachGuard);
                }
            }

            Machine.Configure(LifecycleStage.Subscriber)
                .Permit(LifecycleTrigger.Convert, LifecycleStage.Lead);
            Machine.Configure(mql)
                .PermitIf(LifecycleTrigger.AcceptBySales, sql, SqlByAcceptance, SqlByAcceptanceGuard)
                .PermitIf(
                    LifecycleTrigger.ReachSqlThreshold,
                    sql,
                    new Tuple<Func<bool>, string>(SqlByScore, SqlByScoreGuard),
                    new Tuple<Func<bool>, string>(ScoreReachedSql, SqlThresholdGuard))
                .PermitIf(LifecycleTrigger.ReturnToMarketing, nurture, Always, ReasonGuard);
            Machine.Configure(sql)
                .PermitIf(LifecycleTrigger.ConnectSucceeded, LifecycleStage.Opportunity, OpportunityByConnect, OpportunityByConnectGuard)
                .PermitIf(LifecycleTrigger.ReturnToMarketing, nurture, Always, ReasonGuard);
            Machine.Configure(LifecycleStage.Opportunity)
                .PermitIf(LifecycleTrigger.Recycle, nurture, Always, ReasonGuard);
            Machine.Configure(LifecycleStage.Customer)
                .Permit(LifecycleTrigger.BecomeAdvocate, LifecycleStage.Evangelist)
                .PermitIf(LifecycleTrigger.Recycle, nurture, Always, ReasonGuard);
            Machine.Configure(LifecycleStage.Evangelist)
                .PermitIf(LifecycleTrigger.Recycle, nurture, Always, ReasonGuard);
            Machine.Configure(LifecycleStage.Other)
                .PermitIf(LifecycleTrigger.Reopen, nurture, Always, ReasonGuard);
        }
    }
}
