using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

public class ContactRehydrationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private ContactState SqlState()
    {
        var contact = Contact.Create("C-7", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration.Named("new-prospect"));
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(140, By.System);
        time.Advance(TimeSpan.FromHours(1));
        contact.AcceptBySales(By.Sales.Named("sam"));
        return contact.ToState();
    }

    [Fact]
    public void Rehydrate_FromJson_ContinuesExactlyAsTheOriginal()
    {
        var state = SqlState();
        var json = JsonSerializer.Serialize(state, SalesGlossaryJson.Options);
        var original = Contact.Rehydrate(state, LifecyclePolicy.Default, time);
        var reloaded = Contact.Rehydrate(JsonSerializer.Deserialize<ContactState>(json, SalesGlossaryJson.Options)!, LifecyclePolicy.Default, time);

        original.ReturnToMarketing("Not ready", By.Sales);
        reloaded.ReturnToMarketing("Not ready", By.Sales);

        Assert.Equal(original.History, reloaded.History);
        Assert.Equal((original.Stage, original.LeadStatus, original.Score, original.LeadType), (reloaded.Stage, reloaded.LeadStatus, reloaded.Score, reloaded.LeadType));
    }

    [Fact]
    public void Rehydrate_TamperedHistory_IsRejectedWithEveryProblemAndItsPath()
    {
        var state = SqlState();
        var history = state.History.ToArray();
        history[1] = history[1] with { At = Start.AddHours(-5) };
        history[2] = history[2] with { From = LifecycleStage.Lead, Sequence = 7 };
        var tampered = state with { History = history };

        var error = Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(tampered, LifecyclePolicy.Default, time));

        Assert.Equal(
            """
            The stored history of contact 'C-7' is invalid (3 problems); fix every problem listed and load it again:
            - $.history[1].at: The time 2026-03-02T04:00:00.0000000+00:00 is before the previous record's 2026-03-02T09:00:00.0000000+00:00; times must not go backward.
            - $.history[2].sequence: The sequence number is 7; expected 3. Records are missing, duplicated or out of order.
            - $.history[2].from: The record starts in Lead but the previous one ended in MarketingQualifiedLead; the chain is broken.
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Rehydrate_HistoryNotStartingWithCreation_IsRejected()
    {
        var state = SqlState();
        var error = Assert.Throws<DefinitionValidationException>(() =>
            Contact.Rehydrate(state with { History = [.. state.History.Skip(1).Select((r, i) => r with { Sequence = i + 1 })] }, LifecyclePolicy.Default, time));
        Assert.Equal(
            "$.history[0].trigger: The first record must be the creation (trigger Create or Import, from and to equal); it is ReachMqlThreshold from Lead to MarketingQualifiedLead.",
            error.Problems.Single().ToString());
    }

    [Fact]
    public void Rehydrate_BackwardMoveWithoutReason_IsRejected()
    {
        var contact = Contact.Rehydrate(SqlState(), LifecyclePolicy.Default, time);
        contact.ReturnToMarketing("Not ready", By.Sales);
        var state = contact.ToState();
        var history = state.History.ToArray();
        history[^1] = history[^1] with { Reason = null };

        var error = Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(state with { History = history }, LifecyclePolicy.Default, time));
        Assert.Equal("$.history[3].reason: A ReturnToMarketing record needs a reason.", error.Problems.Single().ToString());
    }

    [Fact]
    public void Rehydrate_UnknownStageInJson_IsAJsonErrorNamingTheValue()
    {
        var json = JsonSerializer.Serialize(SqlState(), SalesGlossaryJson.Options).Replace("\"to\":\"SalesQualifiedLead\"", "\"to\":\"Qualified\"", StringComparison.Ordinal);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ContactState>(json, SalesGlossaryJson.Options));
        Assert.StartsWith("'Qualified' is not a LifecycleStage.", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.history[2].to", error.Path);
    }
}
