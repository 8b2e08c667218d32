using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// A stored contact whose state was tampered with is refused on rehydration with the problem and its path, one
/// tampering at a time: the id, each kind of history record, connect attempts, scores, the score history and breaches.
/// </summary>
public class ContactHistoryTamperingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private ContactState Stored()
    {
        var contact = Contact.Create("C-9", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration.Named("new-prospect"));
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(140, By.System);
        time.Advance(TimeSpan.FromHours(1));
        contact.AcceptBySales(By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromHours(1));
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(150, By.System);
        return contact.ToState();
    }

    private string Problem(ContactState state) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(state, LifecyclePolicy.Default, time)).Problems).ToString();

    private static T[] Changed<T>(IReadOnlyList<T> items, int index, Func<T, T> change)
    {
        var copy = items.ToArray();
        copy[index] = change(copy[index]);
        return copy;
    }

    [Fact]
    public void Stored_Untouched_Rehydrates()
    {
        var state = Stored();

        var contact = Contact.Rehydrate(state, LifecyclePolicy.Default, time);

        Assert.Equal(state.History, contact.History);
        Assert.Equal(2, state.ScoreHistory.Count);
        Assert.Single(state.ConnectAttempts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankId_IsRefused(string id)
    {
        Assert.Equal("$.id: The contact id is missing.", Problem(Stored() with { Id = id }));
    }

    [Fact]
    public void EmptyHistory_IsRefused()
    {
        Assert.Equal("$.history: The history is empty; it must start with the contact's creation.", Problem(Stored() with { History = [] }));
    }

    [Fact]
    public void IncompleteRecord_IsRefusedAndTheChainRestartsAfterIt()
    {
        var state = Stored();

        Assert.Equal("$.history[1]: The record is incomplete: from, to, trigger and actor are required.", Problem(state with { History = Changed(state.History, 1, r => r with { By = null! }) }));
        Assert.Equal("$.history[1]: The record is incomplete: from, to, trigger and actor are required.", Problem(state with { History = Changed(state.History, 1, r => r with { Trigger = null! }) }));
        Assert.Equal("$.history[1]: The record is incomplete: from, to, trigger and actor are required.", Problem(state with { History = Changed(state.History, 1, r => r with { To = null! }) }));
        Assert.Equal("$.history[2]: The record is incomplete: from, to, trigger and actor are required.", Problem(state with { History = Changed(state.History, 2, r => r with { From = null! }) }));
        Assert.Equal("$.history[1]: The record is incomplete: from, to, trigger and actor are required.", Problem(state with { History = Changed(state.History, 1, _ => null!) }));
    }

    [Fact]
    public void ImportWithoutSource_IsRefused()
    {
        var state = Stored();

        Assert.Equal("$.history[0].source: An Import record needs the source the contact was imported from.",
            Problem(state with { History = Changed(state.History, 0, r => r with { Trigger = LifecycleTrigger.Import, Reason = "trade fair", Source = " " }) }));
        Assert.Equal(state.History.Count, Contact.Rehydrate(state with { History = Changed(state.History, 0, r => r with { Trigger = LifecycleTrigger.Import, Reason = "trade fair", Source = "fair-2026.csv" }) }, LifecyclePolicy.Default, time).History.Count);
    }

    [Fact]
    public void FirstRecordMovingBetweenStages_IsRefused()
    {
        var state = Stored();

        Assert.Equal("$.history[0].trigger: The first record must be the creation (trigger Create or Import, from and to equal); it is Create from Subscriber to Lead.",
            Problem(state with { History = Changed(state.History, 0, r => r with { From = LifecycleStage.Subscriber }) }));
    }

    [Fact]
    public void CreationAfterTheFirstRecord_IsRefused()
    {
        var state = Stored();

        Assert.Equal("$.history[2].trigger: Only the first record can be the creation or import.",
            Problem(state with { History = Changed(state.History, 2, r => r with { Trigger = LifecycleTrigger.Create }) }));
    }

    [Fact]
    public void LeadStatusChainBroken_IsRefusedNamingBothStatuses()
    {
        var state = Stored();
        var last = state.History.Count - 1;
        var ended = state.History[last - 1].ToStatus;
        Assert.NotNull(ended);

        Assert.Equal($"$.history[{last}].fromStatus: The record starts with lead status Unqualified but the previous one ended with {ended.Name}; the chain is broken.",
            Problem(state with { History = Changed(state.History, last, r => r with { FromStatus = LeadStatus.Unqualified }) }));
        Assert.Equal($"$.history[{last}].fromStatus: The record starts with lead status none but the previous one ended with {ended.Name}; the chain is broken.",
            Problem(state with { History = Changed(state.History, last, r => r with { FromStatus = null }) }));
    }

    [Fact]
    public void RecordAtTheSameTimeAsThePrevious_IsAccepted()
    {
        var state = Stored();
        var history = Changed(state.History, 1, r => r with { At = state.History[0].At });

        Assert.Equal(history, Contact.Rehydrate(state with { History = history }, LifecyclePolicy.Default, time).History);
        Assert.StartsWith("$.history[1].at: The time ", Problem(state with { History = Changed(state.History, 1, r => r with { At = state.History[0].At.AddTicks(-1) }) }), StringComparison.Ordinal);
    }

    [Fact]
    public void IncompleteConnectAttempt_IsRefused()
    {
        var state = Stored();
        const string Expected = "$.connectAttempts[0]: The attempt is incomplete: channel and outcome are required.";

        Assert.Equal(Expected, Problem(state with { ConnectAttempts = Changed(state.ConnectAttempts, 0, a => a with { Channel = null! }) }));
        Assert.Equal(Expected, Problem(state with { ConnectAttempts = Changed(state.ConnectAttempts, 0, a => a with { Outcome = null! }) }));
        Assert.Equal(Expected, Problem(state with { ConnectAttempts = Changed(state.ConnectAttempts, 0, _ => null!) }));
    }

    [Fact]
    public void IncompleteScore_IsRefused()
    {
        var state = Stored();
        const string Expected = "$.scores[0]: The score is incomplete: model, model version, groups and rules are required.";

        Assert.Equal(Expected, Problem(state with { Scores = Changed(state.Scores, 0, s => s with { Model = " " }) }));
        Assert.Equal(Expected, Problem(state with { Scores = Changed(state.Scores, 0, s => s with { ModelVersion = "" }) }));
        Assert.Equal(Expected, Problem(state with { Scores = Changed(state.Scores, 0, s => s with { Groups = null! }) }));
        Assert.Equal(Expected, Problem(state with { Scores = Changed(state.Scores, 0, s => s with { Rules = null! }) }));
        Assert.Equal(Expected, Problem(state with { Scores = Changed(state.Scores, 0, _ => null!) }));
    }

    [Fact]
    public void TwoLatestScoresOfOneModel_AreRefused()
    {
        var state = Stored();
        var score = Assert.Single(state.Scores);

        Assert.Equal($"$.scores[1].model: Model '{score.Model}' has two latest scores; a contact keeps one per model.", Problem(state with { Scores = [score, score with { Total = 1m }] }));
        Assert.Equal(2, Contact.Rehydrate(state with { Scores = [score, score with { Model = score.Model + "-b" }] }, LifecyclePolicy.Default, time).ToState().Scores.Count);
    }

    [Fact]
    public void ScoreHistory_AtAndAboveItsLimit()
    {
        var state = Stored();
        var first = state.ScoreHistory[0];
        ScoreChange[] Changes(int count) => [.. Enumerable.Range(1, count).Select(i => first with { Sequence = i })];

        Assert.Equal(Contact.ScoreHistoryLimit, Contact.Rehydrate(state with { ScoreHistory = Changes(Contact.ScoreHistoryLimit) }, LifecyclePolicy.Default, time).ToState().ScoreHistory.Count);
        Assert.Equal("$.scoreHistory: The score history holds 51 changes; a contact keeps at most 50.", Problem(state with { ScoreHistory = Changes(Contact.ScoreHistoryLimit + 1) }));
    }

    [Fact]
    public void ScoreHistoryTampered_IsRefusedWithTheRecordPath()
    {
        var state = Stored();
        var changes = state.ScoreHistory;

        Assert.Equal("$.scoreHistory[1]: The score change is incomplete: sequence, actor and the new score are required.", Problem(state with { ScoreHistory = Changed(changes, 1, c => c with { Actor = null! }) }));
        Assert.Equal("$.scoreHistory[0]: The score change is incomplete: sequence, actor and the new score are required.", Problem(state with { ScoreHistory = Changed(changes, 0, c => c with { Current = null! }) }));
        Assert.Equal("$.scoreHistory[0]: The score change is incomplete: sequence, actor and the new score are required.", Problem(state with { ScoreHistory = Changed(changes, 0, _ => null!) }));
        Assert.Equal($"$.scoreHistory[1].sequence: The sequence number is {changes[0].Sequence + 2}; expected {changes[0].Sequence + 1}. Changes are missing, duplicated or out of order.",
            Problem(state with { ScoreHistory = Changed(changes, 1, c => c with { Sequence = changes[0].Sequence + 2 }) }));
        Assert.Equal($"$.scoreHistory[1].sequence: The sequence number is {changes[0].Sequence}; expected {changes[0].Sequence + 1}. Changes are missing, duplicated or out of order.",
            Problem(state with { ScoreHistory = Changed(changes, 1, c => c with { Sequence = changes[0].Sequence }) }));
        Assert.Equal("$.scoreHistory[0].sequence: The sequence number is 0; sequence numbers start at 1.", Problem(state with { ScoreHistory = [changes[0] with { Sequence = 0 }] }));
        Assert.Single(Contact.Rehydrate(state with { ScoreHistory = [changes[0] with { Sequence = 1 }] }, LifecyclePolicy.Default, time).ToState().ScoreHistory);
    }

    [Fact]
    public void IncompleteBreach_IsRefused()
    {
        var state = Stored();

        Assert.Equal("$.slaBreaches[0]: The breach is incomplete: its rule is required.", Problem(state with { SlaBreaches = [new SlaBreach(SlaTimerKind.FirstTouch, " ", Start, "late") { At = Start, HandedOverAt = Start }] }));
        Assert.Equal("$.slaBreaches[0]: The breach is incomplete: its rule is required.", Problem(state with { SlaBreaches = [null!] }));
        Assert.Single(Contact.Rehydrate(state with { SlaBreaches = [new SlaBreach(SlaTimerKind.FirstTouch, "first-touch", Start, "late") { At = Start, HandedOverAt = Start }] }, LifecyclePolicy.Default, time).ToState().SlaBreaches);
    }
}
