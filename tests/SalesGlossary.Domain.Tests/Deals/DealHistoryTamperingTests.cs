using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>Every way a stored deal history can be tampered with is refused by name and path; every valid edge is accepted.</summary>
public class DealHistoryTamperingTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly Contact contact;
    private readonly Deal deal;

    public DealHistoryTamperingTests()
    {
        contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        deal = Deal.Open("D-1", Pipeline.Default, contact, 1_000m, new DateOnly(2026, 6, 1), time, By.Sales);
        time.Advance(TimeSpan.FromHours(1));
        deal.MoveTo("Create proposal", By.Sales);
        time.Advance(TimeSpan.FromHours(1));
        deal.UpdateForecast(2_500m, new DateOnly(2026, 7, 1), By.Sales);
    }

    private DealTransition[] Stored() => [.. deal.History];

    private string[] Problems(IReadOnlyList<DealTransition> history, IReadOnlyList<Contact>? contacts = null)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => Deal.Rehydrate("D-1", Pipeline.Default, history, contacts ?? [contact], time));
        Assert.Equal("stored history of deal 'D-1'", error.Definition);
        return [.. error.Problems.Select(p => p.ToString())];
    }

    [Fact]
    public void TheUntamperedHistory_RestoresStageAmountCloseDateAndContacts()
    {
        var copy = Deal.Rehydrate("D-1", Pipeline.Default, Stored(), [contact], time);

        Assert.Equal(("Create proposal", 2_500m, new DateOnly(2026, 7, 1)), (copy.Stage.Name, copy.Amount, copy.ExpectedClose));
        Assert.Equal(deal.History, copy.History);
        Assert.Same(contact, Assert.Single(copy.Contacts));
        Assert.Empty(copy.PendingEvents);
        copy.MoveTo("Present proposal", By.Sales);
        Assert.Equal(4, copy.History[^1].Sequence);
    }

    [Fact]
    public void RecordsAtTheSameInstant_AreAccepted()
    {
        var history = Stored();
        history[1] = history[1] with { At = history[0].At };
        history[2] = history[2] with { At = history[0].At };

        Assert.Equal(3, Deal.Rehydrate("D-1", Pipeline.Default, history, [contact], time).History.Count);
    }

    [Fact]
    public void AnEmptyOrMissingHistory_IsRefused()
    {
        Assert.Equal(["$.history[0]: The history must start with the deal's creation."], Problems([], []));
        Assert.Equal(["$.history[0]: The history must start with the deal's creation."], Problems(null!, []));
    }

    [Fact]
    public void AHistoryNotStartingWithCreation_IsRefused()
    {
        var history = Stored();
        history[0] = history[0] with { Trigger = DealTrigger.MoveTo };

        Assert.Equal(["$.history[0]: The history must start with the deal's creation."], Problems(history));
    }

    [Fact]
    public void AWrongSequenceNumber_IsRefused()
    {
        var history = Stored();
        history[2] = history[2] with { Sequence = 7 };

        Assert.Equal(["$.history[2].sequence: The sequence number is 7; expected 3."], Problems(history));
    }

    [Fact]
    public void AnUnknownStage_OrAnIncompleteRecord_IsRefused()
    {
        const string Incomplete = "The record is incomplete or names a stage that pipeline 'Default' does not have.";
        var history = Stored();
        history[1] = history[1] with { To = "Negotiation" };
        Assert.Equal(
            ["$.history[1]: " + Incomplete, "$.history[2].from: The record starts in 'Create proposal' but the previous one ended in 'Negotiation'; the chain is broken."],
            Problems(history));

        history = Stored();
        history[2] = history[2] with { From = "Negotiation" };
        Assert.Equal(["$.history[2]: " + Incomplete], Problems(history));

        history = Stored();
        history[1] = history[1] with { By = null! };
        Assert.Equal(["$.history[1]: " + Incomplete], Problems(history));

        history = Stored();
        history[1] = history[1] with { Trigger = null! };
        Assert.Equal(["$.history[1]: " + Incomplete], Problems(history));

        history = Stored();
        history[2] = null!;
        Assert.Equal(["$.history[2]: " + Incomplete], Problems(history));
    }

    [Fact]
    public void TimeGoingBackward_IsRefused()
    {
        var history = Stored();
        history[2] = history[2] with { At = history[1].At.AddTicks(-1) };

        Assert.Equal(["$.history[2].at: The time is before the previous record's; times must not go backward."], Problems(history));
    }

    [Fact]
    public void ContactsNamedOutsideTheCreationRecord_OrNotAtAll_AreRefused()
    {
        var history = Stored();
        history[2] = history[2] with { Contacts = ["C-1"] };
        Assert.Equal(["$.history[2].contacts: Only the creation record names the deal's contacts."], Problems(history));

        history = Stored();
        history[0] = history[0] with { Contacts = [] };
        Assert.Equal(
            [
                "$.history[0].contacts: The creation record names no contact; a deal always has one.",
                "$.contacts: Contact 'C-1' is not one of the deal's contacts ().",
            ],
            Problems(history));
    }

    [Fact]
    public void MissingOrExtraContacts_AreRefused()
    {
        Assert.Equal(
            ["$.contacts: The deal's contact 'C-1' is not given; pass every contact the history names, rehydrated."],
            Problems(Stored(), []));

        var stranger = Contact.Create("C-2", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        Assert.Equal(
            ["$.contacts: Contact 'C-2' is not one of the deal's contacts ('C-1')."],
            Problems(Stored(), [contact, stranger]));
        Assert.Equal(
            ["$.contacts: Contact 'null' is not one of the deal's contacts ('C-1')."],
            Problems(Stored(), [contact, null!]));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var history = Stored();
        history[1] = history[1] with { Sequence = 5, From = "Present proposal" };
        history[2] = history[2] with { At = Start.AddDays(-1), Contacts = ["C-1"] };

        Assert.Equal(
            [
                "$.history[1].sequence: The sequence number is 5; expected 2.",
                "$.history[1].from: The record starts in 'Present proposal' but the previous one ended in 'Discovery / meeting booked'; the chain is broken.",
                "$.history[2].at: The time is before the previous record's; times must not go backward.",
                "$.history[2].contacts: Only the creation record names the deal's contacts.",
            ],
            Problems(history));
    }

    [Fact]
    public void AMissingCreationRecord_IsReportedNotThrownOver()
    {
        var history = Stored();
        history[0] = null!;

        var problems = Problems(history, []);

        Assert.Equal("$.history[0]: The history must start with the deal's creation.", problems[0]);
        Assert.Contains("$.history[0]: The record is incomplete or names a stage that pipeline 'Default' does not have.", problems);
    }

    [Fact]
    public void Rehydrate_ChecksItsArguments()
    {
        Assert.Throws<ArgumentNullException>(() => Deal.Rehydrate(null!, Pipeline.Default, Stored(), [contact], time));
        Assert.Throws<ArgumentException>(() => Deal.Rehydrate(" ", Pipeline.Default, Stored(), [contact], time));
        Assert.Throws<ArgumentNullException>(() => Deal.Rehydrate("D-1", null!, Stored(), [contact], time));
        Assert.Equal("contacts", Assert.Throws<ArgumentNullException>(() => Deal.Rehydrate("D-1", Pipeline.Default, Stored(), null!, time)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Deal.Rehydrate("D-1", Pipeline.Default, Stored(), [contact], null!));
    }

    [Fact]
    public void ARehydratedDealOnHold_ResumesWhereItLeft()
    {
        time.Advance(TimeSpan.FromHours(1));
        deal.PutOnHold(By.Sales);

        var copy = Deal.Rehydrate("D-1", Pipeline.Default, Stored(), [contact], time);

        Assert.Equal("On hold", copy.Stage.Name);
        Assert.Equal("Create proposal", copy.ResumeStage!.Name);
        copy.Resume(By.Sales);
        Assert.Equal("Create proposal", copy.Stage.Name);
    }
}
