using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Model-based tests: random sequences of lifecycle events against a small reference model written independently of the machine.</summary>
public class LifecycleModelTests
{
    [Property(MaxTest = 200)]
    public Property RandomEventSequences_MatchTheReferenceModel_WithScoreQualifiedSqls() =>
        new LifecycleMachine(
            new LifecycleDefinitions { SqlQualification = SqlQualification.SalesAcceptanceOrScore },
            new QualificationThresholds(100m, 200m)).ToProperty();

    [Property(MaxTest = 200)]
    public Property RandomEventSequences_MatchTheReferenceModel_WithOpportunityOnFirstConnect() =>
        new LifecycleMachine(new LifecycleDefinitions
        {
            OpportunityDefinition = OpportunityDefinition.FirstSuccessfulConnect,
            HandRaiseRoute = LifecycleStage.MarketingQualifiedLead,
            NurtureStage = LifecycleStage.Subscriber,
        },
        new QualificationThresholds(100m)).ToProperty();

    [Property(MaxTest = 200)]
    public Property RandomEventSequences_MatchTheReferenceModel_WithNewPointsAndACoolOffBeforeRequalifying() =>
        new LifecycleMachine(new LifecycleDefinitions
        {
            Requalification = new RequalificationRule { MinimumNewPoints = 30m, CoolOff = TimeSpan.FromHours(30) },
        },
        new QualificationThresholds(100m)).ToProperty();

    /// <summary>The system under test: a contact and the clock it reads.</summary>
    public sealed class Sut(Contact contact, FakeTimeProvider time)
    {
        public Contact Contact { get; } = contact;

        public FakeTimeProvider Time { get; } = time;
    }

    /// <summary>The reference model: what the contact must look like, computed from the definitions alone.</summary>
    public sealed record Model(
        LifecycleStage Stage,
        LeadStatus? Status,
        int Records,
        decimal? Score,
        DateTimeOffset Now,
        DateTimeOffset HandoffAt,
        IReadOnlyList<(DateTimeOffset At, bool Connected)> Attempts,
        bool Refused,
        bool InNurture = false,
        decimal NurtureScore = 0m,
        DateTimeOffset NurtureAt = default);

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private sealed class LifecycleMachine(LifecycleDefinitions definitions, QualificationThresholds thresholds) : Machine<Sut, Model>(40)
    {
        private readonly LifecyclePolicy policy = new(definitions, thresholds, ConnectPolicy.Default);

        public override Arbitrary<Setup<Sut, Model>> Setup =>
            Gen.Elements(LifecycleStage.Subscriber, LifecycleStage.Lead)
                .Select(stage => (Setup<Sut, Model>)new ContactSetup(policy, stage))
                .ToArbitrary();

        public override Gen<Operation<Sut, Model>> Next(Model model) =>
            Gen.OneOf(
                Gen.Choose(0, 260).Select(s => Op(new ApplyScore(definitions, thresholds, s))),
                Gen.Elements<Operation<Sut, Model>>(
                    Op(new Simple(definitions, "Convert")),
                    Op(new Simple(definitions, "AcceptBySales")),
                    Op(new Simple(definitions, "HandRaise")),
                    Op(new Simple(definitions, "DealCreated")),
                    Op(new Simple(definitions, "DealWon")),
                    Op(new Simple(definitions, "BecomeAdvocate")),
                    Op(new Simple(definitions, "ReturnToMarketing")),
                    Op(new Simple(definitions, "Recycle")),
                    Op(new Simple(definitions, "Reopen"))),
                Generators.SmartEnum<DisqualificationReason>().Select(r => Op(new Disqualify(r))),
                Generators.SmartEnum<ConnectOutcome>().Select(o => Op(new Attempt(definitions, o))),
                Gen.Choose(1, 72).Select(h => Op(new AdvanceTime(h))));

        private static Operation<Sut, Model> Op(Operation<Sut, Model> op) => op;
    }

    private sealed class ContactSetup(LifecyclePolicy policy, LifecycleStage stage) : Setup<Sut, Model>
    {
        public override Sut Actual()
        {
            var time = new FakeTimeProvider(Start);
            return new Sut(Contact.Create("C-1", stage, policy, time, By.Integration), time);
        }

        public override Model Model() => new(stage, null, 1, null, Start, DateTimeOffset.MinValue, [], false);

        public override string ToString() => "Create(" + stage.Name + ")";
    }

    /// <summary>Base of every operation: runs the verb on the contact, then checks it against the model and the invariants.</summary>
    private abstract class LifecycleOperation : Operation<Sut, Model>
    {
        protected abstract void Act(Sut sut);

        public override Property Check(Sut sut, Model model)
        {
            var contact = sut.Contact;
            var before = contact.ToState();
            var beforeStage = contact.Stage;
            var beforeStatus = contact.LeadStatus;
            Exception? error = null;
            try
            {
                Act(sut);
            }
            catch (LifecycleTransitionException e)
            {
                error = e;
            }

            if (model.Refused)
            {
                return (error is not null
                        && contact.Stage == beforeStage
                        && contact.LeadStatus == beforeStatus
                        && contact.History.SequenceEqual(before.History)
                        && contact.ConnectAttempts.SequenceEqual(before.ConnectAttempts))
                    .Label(ToString() + ": expected a refusal that changes nothing; got " + (error?.GetType().Name ?? "no error"));
            }

            return (error is null).Label(ToString() + " refused: " + error?.Message)
                .And((contact.Stage == model.Stage).Label($"{this}: stage {contact.Stage.Name}, model {model.Stage.Name}"))
                .And((contact.LeadStatus == model.Status).Label($"{this}: status {contact.LeadStatus?.Name}, model {model.Status?.Name}"))
                .And((contact.History.Count == model.Records).Label($"{this}: {contact.History.Count} records, model {model.Records}"))
                .And(Invariants(sut));
        }

        private static Property Invariants(Sut sut)
        {
            var contact = sut.Contact;
            var history = contact.History;
            var chain = history.Skip(1).Zip(history).All(p =>
                p.First.From == p.Second.To && p.First.FromStatus == p.Second.ToStatus && p.First.At >= p.Second.At && p.First.Sequence == p.Second.Sequence + 1);
            var orderOnlyFallsWithReason = history.Where(r => r.ChangesStage && r.To.Value < r.From.Value)
                .All(r => r.Trigger.Kind == LifecycleTriggerKind.Backward && !string.IsNullOrWhiteSpace(r.Reason));
            var times = contact.TimeInStages();
            var total = times.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Cumulative);
            var elapsed = sut.Time.GetUtcNow() - history[0].At;
            var rehydrated = Contact.Rehydrate(contact.ToState(), contact.Policy, sut.Time);
            var stageAtNow = contact.StageAt(sut.Time.GetUtcNow());
            return chain.Label("history is a contiguous chain with non-decreasing times")
                .And(orderOnlyFallsWithReason.Label("the stage order falls only through reasoned backward triggers"))
                .And((total == elapsed).Label($"cumulative time in stages {total} equals elapsed {elapsed}"))
                .And((stageAtNow == contact.Stage).Label("the stage at now is the current stage"))
                .And((rehydrated.Stage == contact.Stage && rehydrated.LeadStatus == contact.LeadStatus
                      && rehydrated.History.SequenceEqual(contact.History) && rehydrated.Score == contact.Score)
                    .Label("rehydrating from the stored state gives an equal contact"));
        }
    }

    private static bool Before(LifecycleStage stage, LifecycleStage other) => stage.IsFunnelStage && stage.Value < other.Value;

    /// <summary>The model's own list of the statuses under which sales is still on the lead (untouched or being worked); the production <c>LeadStatus.IsOpen</c> is what this checks.</summary>
    private static readonly LeadStatus[] SalesIsWorking =
        [LeadStatus.New, LeadStatus.Open, LeadStatus.InProgress, LeadStatus.AttemptedToContact, LeadStatus.Connected];

    private static bool IsHandedOver(LifecycleStage stage) =>
        stage == LifecycleStage.MarketingQualifiedLead || stage == LifecycleStage.SalesQualifiedLead;

    /// <summary>The model's rule for a forward move into a stage: the status becomes New on entering MQL or SQL unless sales is already working it.</summary>
    private static Model Enter(Model m, LifecycleStage to, LeadStatus? status = null, bool keepStatus = true)
    {
        var newStatus = status ?? (keepStatus ? m.Status : null);
        if (status is null && keepStatus && IsHandedOver(to) && (m.Status is null || !SalesIsWorking.Contains(m.Status)))
        {
            newStatus = LeadStatus.New;
        }

        var handoff = IsHandedOver(to) && !IsHandedOver(m.Stage) ? m.Now : m.HandoffAt;
        var qualified = to.IsFunnelStage && to.Value >= LifecycleStage.MarketingQualifiedLead.Value;
        return m with { Stage = to, Status = newStatus, Records = m.Records + 1, HandoffAt = handoff, Refused = false, InNurture = m.InNurture && !qualified };
    }

    /// <summary>The model's nurture loop: a backward move into nurture holds the contact back until the rule's new points and cool-off are met.</summary>
    private static Model Nurture(Model m) => m with { InNurture = true, NurtureScore = m.Score ?? 0m, NurtureAt = m.Now };

    private static bool RuleAllows(LifecycleDefinitions d, Model m, decimal score)
    {
        var rule = d.Requalification;
        return !m.InNurture
            || ((rule.MinimumNewPoints is not { } points || score - m.NurtureScore >= points)
                && (rule.CoolOff is not { } coolOff || m.Now - m.NurtureAt >= coolOff));
    }

    private static Model Refuse(Model m) => m with { Refused = true };

    private sealed class ApplyScore(LifecycleDefinitions d, QualificationThresholds thresholds, decimal score) : LifecycleOperation
    {
        protected override void Act(Sut sut) => sut.Contact.ApplyScore(score, By.System);

        public override Model Run(Model m)
        {
            m = m with { Score = score, Refused = false };
            if (Before(m.Stage, LifecycleStage.MarketingQualifiedLead) && score >= thresholds.Mql && RuleAllows(d, m, score))
            {
                m = Enter(m, LifecycleStage.MarketingQualifiedLead);
            }

            if (m.Stage == LifecycleStage.MarketingQualifiedLead && d.SqlQualification != SqlQualification.SalesAcceptance
                && thresholds.Sql is { } sql && score >= sql)
            {
                m = Enter(m, LifecycleStage.SalesQualifiedLead);
            }

            return m;
        }

        public override string ToString() => "ApplyScore(" + score + ")";
    }

    private sealed class Simple(LifecycleDefinitions d, string verb) : LifecycleOperation
    {
        protected override void Act(Sut sut)
        {
            var c = sut.Contact;
            switch (verb)
            {
                case "Convert": c.Convert(By.Marketing); break;
                case "AcceptBySales": c.AcceptBySales(By.Sales); break;
                case "HandRaise": c.HandRaise("Demo request", By.Integration); break;
                case "DealCreated": c.RecordDealCreated(By.Sales, "D-1"); break;
                case "DealWon": c.EnsureCanWinDeal(); c.RecordDealWon(By.Sales, "D-1"); break;
                case "BecomeAdvocate": c.BecomeAdvocate(By.Marketing); break;
                case "ReturnToMarketing": c.ReturnToMarketing("Not ready to buy", By.Sales); break;
                case "Recycle": c.Recycle("Deal lost to a competitor", By.Sales); break;
                case "Reopen": c.Reopen("New project announced", By.Marketing); break;
                default: throw new InvalidOperationException(verb);
            }
        }

        public override Model Run(Model m)
        {
            var s = m.Stage;
            return verb switch
            {
                "Convert" => s == LifecycleStage.Subscriber ? Enter(m, LifecycleStage.Lead) : Refuse(m),
                "AcceptBySales" => s == LifecycleStage.MarketingQualifiedLead && d.SqlQualification != SqlQualification.Score
                    ? Enter(m, LifecycleStage.SalesQualifiedLead) : Refuse(m),
                "HandRaise" => d.HandRaiseRoute is { } route && Before(s, route) ? Enter(m, route) : Refuse(m),
                "DealCreated" => s == LifecycleStage.Other ? Refuse(m)
                    : Before(s, LifecycleStage.Opportunity) && d.OpportunityDefinition == OpportunityDefinition.OpenDeal
                        ? Enter(m, LifecycleStage.Opportunity, LeadStatus.OpenDeal)
                        : s.Value <= LifecycleStage.Opportunity.Value && m.Status != LeadStatus.OpenDeal
                            ? m with { Status = LeadStatus.OpenDeal, Records = m.Records + 1, Refused = false }
                            : m with { Refused = false },
                "DealWon" => s == LifecycleStage.Customer || s == LifecycleStage.Evangelist ? m with { Refused = false }
                    : s.IsFunnelStage ? Enter(m, LifecycleStage.Customer, keepStatus: false) : Refuse(m),
                "BecomeAdvocate" => s == LifecycleStage.Customer ? Enter(m, LifecycleStage.Evangelist) : Refuse(m),
                "ReturnToMarketing" => IsHandedOver(s) ? Nurture(Enter(m, d.NurtureStage, LeadStatus.ReturnedNotReady)) : Refuse(m),
                "Recycle" => s == LifecycleStage.Opportunity || s == LifecycleStage.Customer || s == LifecycleStage.Evangelist
                    ? Nurture(Enter(m, d.NurtureStage, keepStatus: false)) : Refuse(m),
                "Reopen" => s == LifecycleStage.Other ? Nurture(Enter(m, d.NurtureStage, keepStatus: false)) : Refuse(m),
                _ => throw new InvalidOperationException(verb),
            };
        }

        public override string ToString() => verb;
    }

    private sealed class Disqualify(DisqualificationReason reason) : LifecycleOperation
    {
        protected override void Act(Sut sut) => sut.Contact.Disqualify(reason, By.Sales, "note");

        public override Model Run(Model m)
        {
            var sinceHandoff = m.Attempts.Where(a => a.At >= m.HandoffAt).ToArray();
            var exhausted = sinceHandoff.Length >= ConnectPolicy.Default.MinimumAttempts && !sinceHandoff.Any(a => a.Connected);
            var allowed = Before(m.Stage, LifecycleStage.Customer) && (reason != DisqualificationReason.UnableToReach || exhausted);
            return allowed ? Enter(m, LifecycleStage.Other, LeadStatus.Unqualified) : Refuse(m);
        }

        public override string ToString() => "Disqualify(" + reason.Name + ")";
    }

    private sealed class Attempt(LifecycleDefinitions d, ConnectOutcome outcome) : LifecycleOperation
    {
        protected override void Act(Sut sut) =>
            sut.Contact.RecordConnectAttempt(new ConnectAttempt(sut.Time.GetUtcNow(), ConnectChannel.Phone, outcome), Actor.Sales);

        public override Model Run(Model m)
        {
            if (!IsHandedOver(m.Stage) && m.Stage != LifecycleStage.Opportunity)
            {
                return Refuse(m);
            }

            var connected = ConnectPolicy.Default.ConnectedOutcomes.Contains(outcome);
            m = m with { Attempts = [.. m.Attempts, (m.Now, connected)], Refused = false };
            if (connected && m.Stage == LifecycleStage.SalesQualifiedLead && d.OpportunityDefinition == OpportunityDefinition.FirstSuccessfulConnect)
            {
                // A deal already open keeps the status Open deal: the connect does not undo the deal.
                return Enter(m, LifecycleStage.Opportunity, m.Status == LeadStatus.OpenDeal ? LeadStatus.OpenDeal : LeadStatus.Connected);
            }

            var status = connected
                ? LeadStatus.Connected
                : m.Status is null || m.Status == LeadStatus.New || m.Status == LeadStatus.Open || m.Status == LeadStatus.InProgress
                    ? LeadStatus.AttemptedToContact
                    : m.Status;
            return status != m.Status && m.Status != LeadStatus.OpenDeal ? m with { Status = status, Records = m.Records + 1 } : m;
        }

        public override string ToString() => "Attempt(" + outcome.Name + ")";
    }

    private sealed class AdvanceTime(int hours) : LifecycleOperation
    {
        protected override void Act(Sut sut) => sut.Time.Advance(TimeSpan.FromHours(hours));

        public override Model Run(Model m) => m with { Now = m.Now.AddHours(hours), Refused = false };

        public override string ToString() => "Advance(" + hours + "h)";
    }
}
