using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// Every argument a contact's factories and verbs check is refused before anything happens, with the exception type
/// and the name of the argument (or of the member of an argument) that is wrong.
/// </summary>
public class ContactArgumentTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    /// <summary>Gets an import that passes every check, for tests that spoil one member at a time.</summary>
    internal static ContactImport Import => new()
    {
        Stage = LifecycleStage.SalesQualifiedLead,
        LeadStatus = LeadStatus.New,
        Source = "CRM export",
        Reason = "CRM migration",
        By = By.Integration.Named("migration job"),
    };

    private static ContactScore FitScore => new() { Model = "fit", ModelVersion = "v1", AsOf = Start, Total = 40m };

    private Contact NewLead() => Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);

    private Contact NewMql()
    {
        var contact = NewLead();
        contact.ApplyScore(120, By.System);
        return contact;
    }

    private static void AssertNull(string name, Action call) =>
        Assert.Equal(name, Assert.Throws<ArgumentNullException>(call).ParamName);

    private static void AssertBlank(string name, Action call)
    {
        var error = Assert.Throws<ArgumentException>(call);
        Assert.Equal(name, error.ParamName);
        Assert.Equal("The value of '" + name + "' must not be empty or white space. (Parameter '" + name + "')", error.Message);
    }

    [Fact]
    public void Create_MissingArgument_IsRefusedNamingIt()
    {
        AssertNull("id", () => Contact.Create(null!, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration));
        AssertBlank("id", () => Contact.Create(" ", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration));
        AssertNull("initialStage", () => Contact.Create("C-1", null!, LifecyclePolicy.Default, time, By.Integration));
        AssertNull("policy", () => Contact.Create("C-1", LifecycleStage.Lead, null!, time, By.Integration));
        AssertNull("timeProvider", () => Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, null!, By.Integration));
        AssertNull("by", () => Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, null!));
    }

    [Fact]
    public void Import_MissingArgumentOrMember_IsRefusedNamingIt()
    {
        AssertNull("id", () => Contact.Import(null!, Import, LifecyclePolicy.Default, time));
        AssertBlank("id", () => Contact.Import("", Import, LifecyclePolicy.Default, time));
        AssertNull("import", () => Contact.Import("C-1", null!, LifecyclePolicy.Default, time));
        AssertNull("policy", () => Contact.Import("C-1", Import, null!, time));
        AssertNull("timeProvider", () => Contact.Import("C-1", Import, LifecyclePolicy.Default, null!));
        AssertNull("import.Stage", () => Contact.Import("C-1", Import with { Stage = null! }, LifecyclePolicy.Default, time));
        AssertNull("import.By", () => Contact.Import("C-1", Import with { By = null! }, LifecyclePolicy.Default, time));
        AssertNull("import.Reason", () => Contact.Import("C-1", Import with { Reason = null! }, LifecyclePolicy.Default, time));
        AssertBlank("import.Reason", () => Contact.Import("C-1", Import with { Reason = " " }, LifecyclePolicy.Default, time));
        AssertBlank("import.Source", () => Contact.Import("C-1", Import with { Source = "" }, LifecyclePolicy.Default, time));
    }

    [Fact]
    public void Rehydrate_MissingArgument_IsRefusedNamingIt()
    {
        var state = NewLead().ToState();
        AssertNull("state", () => Contact.Rehydrate(null!, LifecyclePolicy.Default, time));
        AssertNull("policy", () => Contact.Rehydrate(state, null!, time));
        AssertNull("timeProvider", () => Contact.Rehydrate(state, LifecyclePolicy.Default, null!));
    }

    [Fact]
    public void Replay_MissingArgumentOrEvent_IsRefusedNamingIt()
    {
        var events = NewLead().TakeEvents().OfType<ContactEvent>().ToArray();
        AssertNull("events", () => Contact.Replay(null!, LifecyclePolicy.Default, time));
        AssertNull("policy", () => Contact.Replay(events, null!, time));
        AssertNull("timeProvider", () => Contact.Replay(events, LifecyclePolicy.Default, null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Replay_NullEvent_IsRefusedNamingItsIndex(int at)
    {
        var events = NewLead().TakeEvents().OfType<ContactEvent>().ToList();
        events.Insert(at, null!);

        var error = Assert.Throws<ArgumentException>(() => Contact.Replay(events, LifecyclePolicy.Default, time));

        Assert.Equal("events", error.ParamName);
        Assert.Equal($"The collection 'events' must not contain null; the item at index {at} is null. (Parameter 'events')", error.Message);
    }

    [Fact]
    public void CanTakeAndCanDisqualify_NullArgument_IsRefusedNamingIt()
    {
        var contact = NewLead();
        AssertNull("trigger", () => contact.CanTake(null!));
        AssertNull("reason", () => contact.CanDisqualify(null!));
        AssertNull("score", () => contact.CanQualify(null!));
    }

    [Fact]
    public void ApplyScore_MissingArgumentOrScoreMember_IsRefusedNamingItAndRecordsNothing()
    {
        var contact = NewLead();
        AssertNull("score", () => contact.ApplyScore(null!, By.System, null));
        AssertNull("by", () => contact.ApplyScore(FitScore, null!, null));
        AssertNull("by", () => contact.ApplyScore(120m, null!));
        AssertNull("score.Model", () => contact.ApplyScore(FitScore with { Model = null! }, By.System, null));
        AssertBlank("score.Model", () => contact.ApplyScore(FitScore with { Model = " " }, By.System, null));
        AssertNull("score.ModelVersion", () => contact.ApplyScore(FitScore with { ModelVersion = null! }, By.System, null));
        AssertBlank("score.ModelVersion", () => contact.ApplyScore(FitScore with { ModelVersion = "" }, By.System, null));
        AssertNull("score.Groups", () => contact.ApplyScore(FitScore with { Groups = null! }, By.System, null));
        AssertNull("score.Rules", () => contact.ApplyScore(FitScore with { Rules = null! }, By.System, null));

        Assert.Null(contact.Score);
        Assert.Empty(contact.Scores);
        Assert.Empty(contact.ScoreHistory);
        Assert.Equal(1, contact.Version);
    }

    [Fact]
    public void Verbs_NullActor_AreRefusedNamingItEvenWhereTheMoveWouldBeRefused()
    {
        var customer = Contact.Import("C-9", Import with { Stage = LifecycleStage.Customer, LeadStatus = null }, LifecyclePolicy.Default, time);
        AssertNull("by", () => customer.BecomeAdvocate(null!));

        // A lead cannot become an advocate: the missing actor is still named first.
        AssertNull("by", () => NewLead().BecomeAdvocate(null!));
    }

    [Fact]
    public void EnterStage_NullStage_IsRefusedNamingIt() =>
        AssertNull("stage", () => NewMql().EnterStage(null!, By.Sales));

    [Fact]
    public void RecordDealCreated_NullActorInOther_IsRefusedNamingItBeforeTheStageIsJudged()
    {
        var contact = NewLead();
        contact.Disqualify(DisqualificationReason.NoFit, By.Sales);

        AssertNull("by", () => contact.RecordDealCreated(null!, "D-1"));
    }

    [Fact]
    public void Disqualify_NullReason_IsRefusedNamingIt() =>
        AssertNull("reason", () => NewMql().Disqualify(null!, By.Sales));

    [Fact]
    public void RecordConnectAttempt_MissingArgumentOnALead_IsRefusedNamingItBeforeTheStageIsJudged()
    {
        var contact = NewLead();
        AssertNull("attempt", () => contact.RecordConnectAttempt(null!, Actor.Sales));
        AssertNull("actor", () => contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.Connected), null!));
        Assert.Empty(contact.ConnectAttempts);
    }

    [Fact]
    public void Override_MissingArgument_IsRefusedNamingItAndRecordsNothing()
    {
        var contact = NewLead();
        AssertNull("stage", () => contact.Override(null!, null, "fix", By.Sales));
        AssertNull("reason", () => contact.Override(LifecycleStage.Customer, null, null!, By.Sales));
        AssertBlank("reason", () => contact.Override(LifecycleStage.Customer, null, "  ", By.Sales));
        AssertNull("by", () => contact.Override(LifecycleStage.Customer, null, "fix", null!));

        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Single(contact.History);
    }
}
