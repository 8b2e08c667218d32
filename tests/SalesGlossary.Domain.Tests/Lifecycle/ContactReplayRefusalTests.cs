using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// Replaying events and rehydrating stored state refuse what cannot be one contact's story, each with its own message,
/// and accept what an outbox really delivers: a duplicated event, a long score history, collections stored as null.
/// </summary>
public class ContactReplayRefusalTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private (Contact Contact, ContactEvent[] Events) ScoredSql(string id = "C-1")
    {
        var contact = Contact.Create(id, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(120, By.System);
        time.Advance(TimeSpan.FromHours(1));
        contact.AcceptBySales(By.Sales.Named("sam"));
        return (contact, [.. contact.TakeEvents().OfType<ContactEvent>()]);
    }

    [Fact]
    public void Replay_NoEvents_IsRefusedSayingWhatComesFirst()
    {
        var error = Assert.Throws<ArgumentException>(() => Contact.Replay([], LifecyclePolicy.Default, time));

        Assert.Equal("events", error.ParamName);
        Assert.Equal("There are no events to replay; a contact's events start with its ContactCreated. (Parameter 'events')", error.Message);
    }

    [Fact]
    public void Replay_EventsNotStartingWithTheCreation_AreRefusedNamingTheFirst()
    {
        var (_, events) = ScoredSql();

        var error = Assert.Throws<ArgumentException>(() => Contact.Replay(events.Skip(1), LifecyclePolicy.Default, time));

        Assert.Equal("events", error.ParamName);
        Assert.Equal("A contact's events start with its ContactCreated; the first is ScoreChanged. (Parameter 'events')", error.Message);
    }

    [Fact]
    public void Replay_EventsOfTwoContacts_AreRefusedNamingBoth()
    {
        var (_, first) = ScoredSql("C-1");
        var (_, second) = ScoredSql("C-2");

        var error = Assert.Throws<ArgumentException>(() => Contact.Replay([.. first.Take(2), second[1]], LifecyclePolicy.Default, time));

        Assert.Equal("events", error.ParamName);
        Assert.Equal("The events belong to contacts 'C-1' and 'C-2'; replay one contact's events at a time. (Parameter 'events')", error.Message);
    }

    [Fact]
    public void Replay_StageChangeDeliveredTwice_IsCountedOnce()
    {
        var (contact, events) = ScoredSql();
        var stageChange = events.OfType<StageChanged>().First();
        var index = Array.IndexOf(events, stageChange);
        ContactEvent[] twice = [.. events.Take(index + 1), stageChange, .. events.Skip(index + 1)];

        var replayed = Contact.Replay(twice, LifecyclePolicy.Default, time);

        Assert.Equal(contact.History, replayed.History);
        Assert.Equal(contact.Version, replayed.Version);
    }

    [Fact]
    public void Replay_LeadStatusChangeDeliveredTwice_IsCountedOnce()
    {
        var (contact, events) = ScoredSql();
        var statusChange = events.OfType<LeadStatusChanged>().Last();

        var replayed = Contact.Replay([.. events, statusChange], LifecyclePolicy.Default, time);

        Assert.Equal(contact.History, replayed.History);
    }

    [Theory]
    [InlineData(49)]
    [InlineData(50)]
    [InlineData(51)]
    public void Replay_ScoreChangesAroundTheHistoryLimit_KeepTheLatestFifty(int changes)
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        for (var i = 1; i <= changes; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            contact.ApplyScore(i, By.System);
        }

        var replayed = Contact.Replay(contact.TakeEvents().OfType<ContactEvent>(), LifecyclePolicy.Default, time);

        Assert.Equal(Math.Min(changes, 50), replayed.ScoreHistory.Count);
        Assert.Equal(contact.ScoreHistory, replayed.ScoreHistory);
        Assert.Equal(Math.Max(1, changes - 49), replayed.ScoreHistory[0].Sequence);
        Assert.Equal((decimal)changes, replayed.Score);
        Assert.Equal(contact.Version, replayed.Version);
    }

    [Fact]
    public void Rehydrate_CollectionsStoredAsNull_AreReadAsEmpty()
    {
        var state = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration).ToState()
            with { ConnectAttempts = null!, Scores = null!, ScoreHistory = null!, SlaBreaches = null! };

        var contact = Contact.Rehydrate(state, LifecyclePolicy.Default, time);

        Assert.Empty(contact.ConnectAttempts);
        Assert.Empty(contact.Scores);
        Assert.Empty(contact.ScoreHistory);
        Assert.Empty(contact.SlaBreaches);
        Assert.Equal(1, contact.Version);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
    }

    [Fact]
    public void Rehydrate_HistoryStoredAsNull_IsRefusedAsEmpty()
    {
        var state = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration).ToState() with { History = null! };

        var error = Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(state, LifecyclePolicy.Default, time));

        Assert.Equal("$.history: The history is empty; it must start with the contact's creation.", error.Problems.Single().ToString());
    }

    [Fact]
    public void Rehydrate_ChainBrokenInLeadStatus_IsRefusedNamingBothStatuses()
    {
        var (contact, _) = ScoredSql();
        var state = contact.ToState();
        var history = state.History.ToArray();
        history[2] = history[2] with { FromStatus = null };

        var error = Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(state with { History = history }, LifecyclePolicy.Default, time));

        Assert.Equal(
            "$.history[2].fromStatus: The record starts with lead status none but the previous one ended with New; the chain is broken.",
            error.Problems.Single().ToString());
    }

    [Fact]
    public void Rehydrate_ChainBrokenAfterARecordWithoutLeadStatus_IsRefusedSayingNone()
    {
        var (contact, _) = ScoredSql();
        var state = contact.ToState();
        var history = state.History.ToArray();
        history[1] = history[1] with { ToStatus = null };

        var error = Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(state with { History = history }, LifecyclePolicy.Default, time));

        Assert.Contains(
            "$.history[2].fromStatus: The record starts with lead status New but the previous one ended with none; the chain is broken.",
            error.Problems.Select(p => p.ToString()));
    }
}
