using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>Random deal event sequences against a reference model of the default pipeline's rules.</summary>
public class DealModelTests
{
    private static readonly string[] Open = ["Discovery / meeting booked", "Create proposal", "Present proposal"];

    private sealed record Op(string Kind, int Target, bool WithReason, int Hours)
    {
        public override string ToString() => Kind + (Kind == "MoveTo" ? "(" + Open[Target] + ")" : string.Empty) + (WithReason ? " with reason" : string.Empty);
    }

    private sealed record Model(string Stage, string? Resume, bool Refused);

    private static Gen<Op> Ops() =>
        from kind in Gen.Elements("MoveTo", "MoveTo", "MoveTo", "PutOnHold", "Resume", "Win", "Lose", "Reopen", "Forecast")
        from target in Gen.Choose(0, 2)
        from reason in Gen.Elements(true, false)
        from hours in Gen.Choose(0, 96)
        select new Op(kind, target, reason, hours);

    private static Model Step(Model m, Op op)
    {
        var openIndex = Array.IndexOf(Open, m.Stage);
        var isOpen = openIndex >= 0;
        Model Refuse() => m with { Refused = true };
        return op.Kind switch
        {
            "MoveTo" when isOpen && (op.Target == openIndex + 1 || (op.Target < openIndex && op.WithReason)) => new Model(Open[op.Target], null, false),
            "MoveTo" => Refuse(),
            "PutOnHold" when isOpen => new Model("On hold", m.Stage, false),
            "Resume" when m.Stage == "On hold" => new Model(m.Resume!, null, false),
            "Win" when isOpen => new Model("Closed won", m.Stage, false),
            "Lose" when (isOpen || m.Stage == "On hold") && op.WithReason => new Model("Closed lost", isOpen ? m.Stage : m.Resume, false),
            "Reopen" when m.Stage is "Closed won" or "Closed lost" && op.WithReason => new Model(m.Resume!, null, false),
            "Forecast" => m with { Refused = false },
            _ => Refuse(),
        };
    }

    [Property(MaxTest = 300)]
    public Property RandomEventSequences_MatchTheReferenceModel() =>
        Prop.ForAll(Gen.ListOf(Ops()).ToArbitrary(), ops =>
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
            var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
            contact.AcceptBySalesAfterScore();
            var deal = Deal.Open("D-1", Pipeline.Default, contact, 1000m, null, time, By.Sales);
            var model = new Model(Open[0], null, false);
            var contactStages = new List<int> { contact.Stage.Value };
            var amount = 1000m;
            foreach (var op in ops)
            {
                time.Advance(TimeSpan.FromHours(op.Hours));
                model = Step(model, op);
                var before = deal.History.Count;
                var reason = op.WithReason ? "because" : null;
                try
                {
                    switch (op.Kind)
                    {
                        case "MoveTo": deal.MoveTo(Open[op.Target], By.Sales, reason); break;
                        case "PutOnHold": deal.PutOnHold(By.Sales); break;
                        case "Resume": deal.Resume(By.Sales); break;
                        case "Win": deal.Win(By.Sales); break;
                        case "Lose": deal.Lose(reason, By.Sales); break;
                        case "Reopen": deal.Reopen(reason!, By.Sales); break;
                        default: deal.UpdateForecast(amount += 10, null, By.Sales); break;
                    }

                    if (model.Refused)
                    {
                        return false.Label(op + ": accepted, the model refuses it");
                    }
                }
                catch (DealTransitionException)
                {
                    if (!model.Refused || deal.History.Count != before)
                    {
                        return false.Label(op + ": refused, or changed the history while refusing");
                    }
                }

                contactStages.Add(contact.Stage.Value);
                if (deal.Stage.Kind == DealStageKind.Won && (contact.Stage != LifecycleStage.Customer || contact.LeadStatus is not null))
                {
                    return false.Label($"{op}: the deal is won but its contact is {contact.Stage.Name} with lead status {contact.LeadStatus?.Name ?? "none"}");
                }

                if (deal.Stage.Kind == DealStageKind.Open && contact.Stage != LifecycleStage.Customer && contact.LeadStatus != LeadStatus.OpenDeal)
                {
                    return false.Label($"{op}: the deal is open but its contact's lead status is {contact.LeadStatus?.Name ?? "none"}");
                }
                if (deal.Stage.Name != model.Stage)
                {
                    return false.Label($"{op}: deal in '{deal.Stage.Name}', model in '{model.Stage}'");
                }

                if (deal.Probability != Pipeline.Default.Stage(deal.Stage.Name).Probability)
                {
                    return false.Label("the probability differs from the stage's");
                }
            }

            var chain = deal.History.Skip(1).Zip(deal.History).All(p => p.First.From == p.Second.To && p.First.At >= p.Second.At && p.First.Sequence == p.Second.Sequence + 1);
            var contactNeverBack = contactStages.Zip(contactStages.Skip(1)).All(p => p.Second >= p.First);
            return chain.Label("history is a contiguous chain").And(contactNeverBack.Label("the contact never moves back through deal events"));
        });

    [Property(MaxTest = 200)]
    public Property Forecast_WeightedNeverExceedsRaw_AndAWonDealRaisesClosedByItsAmount() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 5).Zip(Gen.Choose(0, 100_000))).ToArbitrary(), Gen.Choose(1, 50_000).ToArbitrary(), (specs, wonAmount) =>
        {
            var time = new FakeTimeProvider();
            var deals = specs.Select((s, i) =>
            {
                var deal = Deal.Open("D-" + i, Pipeline.Default, Contact.Create("C-" + i, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration), s.Item2, null, time, By.Sales);
                for (var step = 0; step < Math.Min(s.Item1, 2); step++)
                {
                    deal.MoveTo(Open[step + 1], By.Sales);
                }

                if (s.Item1 == 3) { deal.Win(By.Sales); }
                if (s.Item1 == 4) { deal.Lose("lost", By.Sales); }
                if (s.Item1 == 5) { deal.PutOnHold(By.Sales); }
                return deal;
            }).ToList();
            var won = Deal.Open("W", Pipeline.Default, Contact.Create("C-W", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration), wonAmount, null, time, By.Sales);
            won.Win(By.Sales);

            var before = DealForecast.For(deals, includeOnHold: true);
            var after = DealForecast.For([.. deals, won], includeOnHold: true);
            var raw = deals.Where(d => !d.IsClosed).Sum(d => d.Amount);
            return (before.WeightedPipeline <= raw).Label("weighted within raw")
                .And(before.Categories.All(c => c.Weighted <= c.Amount).Label("per category"))
                .And((after[ForecastCategory.Closed].Amount == before[ForecastCategory.Closed].Amount + wonAmount).Label("won raises closed"))
                .And((DealForecast.For(deals).Categories.Sum(c => c.Deals) == deals.Count(d => d.Stage.Kind != DealStageKind.OnHold)).Label("on hold excluded by default"));
        });
}

internal static class ContactTestExtensions
{
    public static void AcceptBySalesAfterScore(this Contact contact)
    {
        contact.ApplyScore(150, By.System);
        contact.AcceptBySales(By.Sales);
    }
}
