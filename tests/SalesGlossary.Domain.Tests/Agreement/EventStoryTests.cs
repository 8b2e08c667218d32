using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>The article's story as the events a CRM automates on: scored, handed over with a due time in business hours, worked, won; and a neglected lead whose timers breach.</summary>
public class EventStoryTests
{
    // A Friday, 15:00 UTC = 16:00 in Berlin, one business hour before the default agreement's sales team closes.
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 3, 6, 15, 0, 0, TimeSpan.Zero);

    // Four business hours later: Friday 16:00–17:00 in Berlin, then Monday 09:00–12:00 in Berlin = 11:00 UTC.
    private static readonly DateTimeOffset FirstTouchDue = new(2026, 3, 9, 11, 0, 0, TimeSpan.Zero);

    internal static ContactScore ScoreOf(LeadTypePolicy type, DateTimeOffset asOf, decimal fit, decimal engagement) => new()
    {
        Model = type.ScoringModel.Name,
        ModelVersion = type.ScoringModel.Version,
        AsOf = asOf,
        Total = fit + engagement,
        Groups = [new ScorePart("engagement", engagement), new ScorePart("fit", fit)],
        Rules = [new ScorePart("IndustrySoftware", fit), new ScorePart("WebinarAttended", engagement)],
    };

    private static (LeadTypePolicy Type, Contact Contact, FakeTimeProvider Time) HandedOverOnFriday()
    {
        var time = new FakeTimeProvider(FridayAfternoon.AddHours(-7));
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration.Named("web form"));
        time.SetUtcNow(FridayAfternoon);
        contact.ApplyScore(ScoreOf(prospect, FridayAfternoon, 60, 45), By.System, null);
        return (prospect, contact, time);
    }

    private static string[] Names(IEnumerable<DomainEvent> events) => [.. events.Select(e => e switch
    {
        StageChanged s => "StageChanged " + s.Transition.From.Abbreviation + "→" + s.Transition.To.Abbreviation,
        LeadStatusChanged s => "LeadStatusChanged " + (s.Transition.FromStatus?.Name ?? "none") + "→" + (s.Transition.ToStatus?.Name ?? "none"),
        HandedOver h => "HandedOver " + h.Handoff.From.Name + "→" + h.Handoff.To.Name,
        SlaBreached b => "SlaBreached " + b.Breach.Rule,
        _ => e.GetType().Name,
    })];

    [Fact]
    public void ArticleStory_EmitsItsEventsInOrder_WithTheFirstTouchDueInBusinessHours()
    {
        var (prospect, contact, time) = HandedOverOnFriday();

        var scored = contact.TakeEvents();

        Assert.Equal(
            ["ContactCreated", "ScoreChanged", "StageChanged Lead→MQL", "LeadStatusChanged none→New", "HandedOver Marketing→Sales"],
            Names(scored));
        var handedOver = scored.OfType<HandedOver>().Single();
        Assert.Equal((FridayAfternoon, FirstTouchDue), (handedOver.Handoff.At, handedOver.FirstTouchDue));
        Assert.Equal(105m, scored.OfType<ScoreChanged>().Single().Change.Delta);

        time.SetUtcNow(FirstTouchDue.AddMinutes(-30));
        var attempted = contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer, "sam"), Actor.Sales);
        time.Advance(TimeSpan.FromMinutes(10));
        var accepted = contact.AcceptBySales(By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromHours(4));
        var connected = contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Email, ConnectOutcome.Replied, "sam"), Actor.Sales);
        time.Advance(TimeSpan.FromDays(1));
        var deal = prospect.OpenDeal("D-1", contact, 25_000m, null, time, By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromDays(7));
        var moved = deal.MoveTo("Create proposal", By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromDays(7));
        var won = deal.Win(By.Sales.Named("sam"));

        Assert.Equal(["ConnectAttemptRecorded", "LeadStatusChanged New→AttemptedToContact"], Names(attempted));
        Assert.Equal(["StageChanged MQL→SQL"], Names(accepted));
        Assert.Equal(["ConnectAttemptRecorded", "LeadStatusChanged AttemptedToContact→Connected"], Names(connected));
        Assert.Equal(["DealStageChanged"], Names(moved));
        Assert.Equal(["DealWon", "StageChanged Opportunity→Customer", "LeadStatusChanged OpenDeal→none", "HandedOver Sales→Service"], Names(won));
        Assert.Equal(
            [
                "ConnectAttemptRecorded", "LeadStatusChanged New→AttemptedToContact", "StageChanged MQL→SQL",
                "ConnectAttemptRecorded", "LeadStatusChanged AttemptedToContact→Connected",
                "StageChanged SQL→Opportunity", "LeadStatusChanged Connected→OpenDeal",
                "StageChanged Opportunity→Customer", "LeadStatusChanged OpenDeal→none", "HandedOver Sales→Service",
            ],
            Names(contact.TakeEvents()));
        Assert.Equal(["DealStageChanged", "DealStageChanged", "DealWon"], Names(deal.TakeEvents()));
        Assert.Empty(contact.PendingEvents);
        Assert.Empty(contact.SlaTimers());
    }

    [Fact]
    public void NeglectedLead_TimersProduceItsBreaches_EachOnce()
    {
        var (_, contact, time) = HandedOverOnFriday();

        var timer = Assert.Single(contact.SlaTimers());
        Assert.Equal((SlaTimerKind.FirstTouch, FirstTouchDue), (timer.Kind, timer.DueAt));
        time.SetUtcNow(timer.DueAt);
        Assert.Empty(contact.FireSlaTimers());
        time.SetUtcNow(timer.FiresAt);
        var version = contact.Version;

        var late = Assert.IsType<SlaBreached>(Assert.Single(contact.FireSlaTimers())).Breach;

        Assert.Equal((SlaTimerKind.FirstTouch, "FirstTouchLate", FirstTouchDue, FridayAfternoon), (late.Kind, late.Rule, late.DueAt, late.HandedOverAt));
        Assert.Equal(version + 1, contact.Version);
        Assert.Empty(contact.FireSlaTimers());
        Assert.Empty(contact.SlaTimers());

        // One late call, then nothing until the end of the sequence (ten days after the handoff).
        time.Advance(TimeSpan.FromHours(2));
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer, "sam"), Actor.Sales);
        var timers = contact.SlaTimers();
        Assert.Equal([SlaTimerKind.NextAttempt, SlaTimerKind.EndOfSequence], timers.Select(t => t.Kind));
        Assert.Equal(FridayAfternoon.AddDays(10), timers[1].DueAt);
        time.SetUtcNow(timers[0].FiresAt);
        Assert.Empty(contact.FireSlaTimers());
        time.SetUtcNow(timers[1].FiresAt);

        var end = contact.FireSlaTimers();

        Assert.Equal(["SlaBreached TooFewAttempts", "SlaBreached TooFewChannels"], Names(end));
        Assert.All(end.Cast<SlaBreached>(), b => Assert.Equal(SlaTimerKind.EndOfSequence, b.Breach.Kind));
        Assert.Equal(3, contact.SlaBreaches.Count);
        Assert.Equal([SlaTimerKind.NextAttempt], contact.SlaTimers().Select(t => t.Kind));

        var back = Contact.Rehydrate(SalesGlossaryJson.Read<ContactState>(JsonSerializer.Serialize(contact.ToState(), SalesGlossaryJson.Options)), contact.Policy, time);
        Assert.Empty(back.FireSlaTimers());
        Assert.Equal(contact.Version, back.Version);
    }

    [Fact]
    public void LeadNotHandedToSales_HasNoTimers()
    {
        var time = new FakeTimeProvider(FridayAfternoon);
        var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);

        Assert.Empty(contact.SlaTimers());
        time.Advance(TimeSpan.FromDays(30));
        Assert.Empty(contact.FireSlaTimers());
    }

    [Fact]
    public void Events_SerializePolymorphically_AndReadBack()
    {
        var (prospect, contact, time) = HandedOverOnFriday();
        time.SetUtcNow(FirstTouchDue.AddHours(1));
        contact.FireSlaTimers();
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.Connected, "sam"), Actor.Sales);
        var deal = prospect.OpenDeal("D-1", contact, 1000m, null, time, By.Sales);
        deal.UpdateForecast(1200m, null, By.Sales);
        deal.Lose("No budget", By.Sales);
        DomainEvent[] events = [.. contact.TakeEvents(), .. deal.TakeEvents()];

        var json = JsonSerializer.Serialize<IReadOnlyList<DomainEvent>>(events, SalesGlossaryJson.Options);
        var back = SalesGlossaryJson.Read<List<DomainEvent>>(json);

        Assert.Equal(events.Select(e => e.GetType()), back.Select(e => e.GetType()));
        Assert.Equal(json, JsonSerializer.Serialize<IReadOnlyList<DomainEvent>>(back, SalesGlossaryJson.Options));
        var types = JsonNode.Parse(json)!.AsArray().Select(e => (string)e!["$type"]!).Distinct().ToArray();
        Assert.Equal(
            ["contactCreated", "scoreChanged", "stageChanged", "leadStatusChanged", "handedOver", "slaBreached", "connectAttemptRecorded", "dealStageChanged", "dealForecastUpdated", "dealLost"],
            types);
        Assert.Equal(json, JsonSerializer.Serialize<IReadOnlyList<DomainEvent>>(SalesGlossaryJson.Read<List<DomainEvent>>(json), SalesGlossaryJson.Options));
        var single = JsonSerializer.Serialize<DomainEvent>(events[1], SalesGlossaryJson.Options);
        Assert.IsType<ScoreChanged>(SalesGlossaryJson.Read<ContactEvent>(single));
    }

    [Fact]
    public void UnknownEventType_IsRefusedWithItsPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<DomainEvent>("{\"$type\":\"stageChangd\",\"at\":\"2026-01-01T00:00:00Z\"}"));

        Assert.Contains("stageChangd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementGroupThresholds_LoadAndDriveTheLeadType()
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["leadTypes"]![0]!["thresholds"] = JsonNode.Parse("{\"mql\":60,\"mqlGroups\":{\"fit\":40,\"engagement\":30}}");
        var prospect = ServiceLevelAgreement.Load(node.ToJsonString()).GetLeadType("new-prospect");
        var time = new FakeTimeProvider(FridayAfternoon);
        var engaged = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        var fitting = prospect.CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);

        engaged.ApplyScore(ScoreOf(prospect, FridayAfternoon, 20, 80), By.System, null);
        fitting.ApplyScore(ScoreOf(prospect, FridayAfternoon, 40, 30), By.System, null);

        Assert.Equal([new GroupThreshold("fit", 40), new GroupThreshold("engagement", 30)], prospect.Thresholds.MqlGroups);
        Assert.Same(LifecycleStage.Lead, engaged.Stage);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, fitting.Stage);
    }

    [Fact]
    public void AgreementGroupThresholds_NameAGroupOfTheModel_OrFailWithTheKnownGroups()
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["leadTypes"]![0]!["thresholds"] = JsonNode.Parse("{\"mql\":60,\"mqlGroups\":{\"fti\":40,\"engagement\":0}}");

        var error = Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(node.ToJsonString()));

        Assert.Contains(error.Problems, p => p.Path == "$.leadTypes[0].thresholds.mqlGroups.fti" && p.Message.Contains("Known: engagement, fit", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "$.leadTypes[0].thresholds.mqlGroups.engagement" && p.Message.Contains("above 0", StringComparison.Ordinal));
    }
}
