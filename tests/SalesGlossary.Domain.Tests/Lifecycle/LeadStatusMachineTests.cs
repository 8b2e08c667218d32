using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>The lead-status machine: every move of the status, checked against a reference model written from the statuses' flags alone.</summary>
public class LeadStatusMachineTests
{
    // The shipped statuses' meaning, written out here rather than read from the library: open, working, connected, closed,
    // and whether a verb of its own sets it (so ChangeLeadStatus may not).
    private static readonly Flags[] Shipped =
    [
        new("New", Open: true, Working: false, Connected: false, Closed: false, SetByVerb: true),
        new("Open", Open: true, Working: false, Connected: false, Closed: false, SetByVerb: false),
        new("InProgress", Open: true, Working: true, Connected: false, Closed: false, SetByVerb: true),
        new("AttemptedToContact", Open: true, Working: true, Connected: false, Closed: false, SetByVerb: true),
        new("Connected", Open: true, Working: true, Connected: true, Closed: false, SetByVerb: true),
        new("OpenDeal", Open: false, Working: false, Connected: true, Closed: false, SetByVerb: true),
        new("Unqualified", Open: false, Working: false, Connected: false, Closed: true, SetByVerb: true),
        new("BadTiming", Open: false, Working: false, Connected: false, Closed: true, SetByVerb: true),
        new("ReturnedNotReady", Open: false, Working: false, Connected: false, Closed: true, SetByVerb: true),
    ];

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PermittedMoves_EqualTheReferenceModel_ForTheShippedStatuses() =>
        AssertMatchesReference([]);

    [Fact]
    public void PermittedMoves_EqualTheReferenceModel_ForAnAgreementsOwnStatuses() =>
        AssertMatchesReference(
        [
            new LeadStatusDefinition { Name = "NurtureEventFollowUp", Number = 100, DisplayName = "Nurture – event follow-up", IsClosed = true },
            new LeadStatusDefinition { Name = "Qualifying", Number = 101, IsOpen = true, IsWorking = true },
            new LeadStatusDefinition { Name = "MeetingBooked", Number = 102, IsOpen = true, IsWorking = true, IsConnected = true },
            new LeadStatusDefinition { Name = "Queued", Number = 103, IsOpen = true },
            new LeadStatusDefinition { Name = "Converted", Number = 104 },
            new LeadStatusDefinition { Name = "ConvertedAfterTalk", Number = 105, IsConnected = true },
        ]);

    [Property(MaxTest = 60)]
    public Property PermittedMoves_EqualTheReferenceModel_ForGeneratedVocabularies() =>
        Prop.ForAll(Definitions().ToArbitrary(), definitions =>
        {
            AssertMatchesReference(definitions);
            return true;
        });

    [Fact]
    public void Diagram_DrawsEveryMove_WithTheirGuardsInWords()
    {
        var mermaid = LifecyclePolicy.Default.ToLeadStatusMermaidGraph();

        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("New --> InProgress : StartWorking [the contact is an MQL or SQL (or in a stage added after one)]", mermaid, StringComparison.Ordinal);
        Assert.Contains("InProgress --> AttemptedToContact : ConnectFailed", mermaid, StringComparison.Ordinal);
        Assert.Contains("AttemptedToContact --> Connected : ConnectSucceeded", mermaid, StringComparison.Ordinal);
        Assert.Contains("InProgress --> Open : ChangeLeadStatus(Open) [the contact is in a stage sales owns]", mermaid, StringComparison.Ordinal);
        Assert.Contains("NoStatus --> New : EnterSalesStage", mermaid, StringComparison.Ordinal);
        Assert.Contains("BadTiming --> New : EnterSalesStage", mermaid, StringComparison.Ordinal);
        Assert.Contains("Connected --> ReturnedNotReady : ReturnToMarketing", mermaid, StringComparison.Ordinal);
        Assert.Contains("New --> Unqualified : Disqualify", mermaid, StringComparison.Ordinal);
        Assert.Contains("Connected --> OpenDeal : CreateDeal", mermaid, StringComparison.Ordinal);
        Assert.Contains("OpenDeal --> Connected : LoseDeal", mermaid, StringComparison.Ordinal);
        Assert.Contains("OpenDeal --> NoStatus : EndLead", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("BadTiming --> AttemptedToContact", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("BadTiming --> BadTiming : MarkBadTiming", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("--> New : ChangeLeadStatus", mermaid, StringComparison.Ordinal);
        Assert.Contains("the contact is an MQL or SQL", LifecyclePolicy.Default.ToLeadStatusDotGraph(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_DrawsAnAgreementsOwnStatus_WithTheReasonAClosedStatusNeeds()
    {
        var policy = PolicyWith([new LeadStatusDefinition { Name = "NurtureEventFollowUp", Number = 100, IsClosed = true }]);

        var mermaid = policy.ToLeadStatusMermaidGraph();

        Assert.Contains("New --> NurtureEventFollowUp : ChangeLeadStatus(NurtureEventFollowUp) [the contact is in a stage sales owns] [a reason is given]", mermaid, StringComparison.Ordinal);
        Assert.Contains("NurtureEventFollowUp --> New : EnterSalesStage", mermaid, StringComparison.Ordinal);
        Assert.Contains("NurtureEventFollowUp --> Connected : ConnectSucceeded", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeLeadStatus_ToAClosedStatusWithoutAReason_IsARefusalThatNamesTheGuard_InGermanToo()
    {
        var policy = PolicyWith([new LeadStatusDefinition { Name = "NurtureEventFollowUp", Number = 100, IsClosed = true }]);
        var nurture = policy.Definitions.LeadStatuses.Single(s => s.Name == "NurtureEventFollowUp");
        var contact = Contact.Create("C-9", LifecycleStage.Lead, policy, new FakeTimeProvider(Start), By.Integration);
        contact.ApplyScore(150, By.System);
        contact.AcceptBySales(By.Sales);
        var version = contact.Version;

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.ChangeLeadStatus(nurture, " ", By.Sales));

        Assert.Equal(["a reason is given"], error.UnmetGuards);
        Assert.Contains("nicht erfüllte Bedingung: ein Grund ist angegeben", error.Describe(CultureInfo.GetCultureInfo("de-DE")), StringComparison.Ordinal);
        Assert.Equal(version, contact.Version);
        Assert.Same(LeadStatus.New, contact.LeadStatus);

        contact.ChangeLeadStatus(nurture, "Met at the trade fair; follow up after the event", By.Sales);
        Assert.Same(nurture, contact.LeadStatus);
        var again = Assert.Throws<LifecycleTransitionException>(() => contact.ChangeLeadStatus(nurture, "again", By.Sales));
        Assert.Contains("der Kontakt hat bereits den Lead-Status NurtureEventFollowUp", again.Describe(CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgreementsWorkingStatus_MovesLikeTheShippedOnes_OnConnectAttemptsAndDeals()
    {
        var policy = PolicyWith([new LeadStatusDefinition { Name = "Qualifying", Number = 101, IsOpen = true, IsWorking = true }]);
        var qualifying = policy.Definitions.LeadStatuses.Single(s => s.Name == "Qualifying");
        var time = new FakeTimeProvider(Start);
        var contact = Contact.Create("C-10", LifecycleStage.Lead, policy, time, By.Integration);
        contact.ApplyScore(150, By.System);
        contact.AcceptBySales(By.Sales);
        contact.ChangeLeadStatus(qualifying, null, By.Sales);

        time.Advance(TimeSpan.FromHours(1));
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        Assert.Same(LeadStatus.AttemptedToContact, contact.LeadStatus);

        var deal = Deal.Open("D-1", Pipeline.Default, contact, 10_000m, new DateOnly(2026, 6, 30), time, By.Sales);
        Assert.Same(LeadStatus.OpenDeal, contact.LeadStatus);
        Assert.Equal(LifecycleStage.Opportunity, contact.Stage);
        Assert.NotNull(deal);
    }

    /// <summary>Checks every move from every status (and none), in every stage, with and without a reason, against the reference model.</summary>
    private static void AssertMatchesReference(IReadOnlyList<LeadStatusDefinition> own)
    {
        var policy = PolicyWith(own);
        var flags = Shipped.Concat(own.Select(d => new Flags(d.Name, d.IsOpen, d.IsWorking, d.IsConnected, d.IsClosed, SetByVerb: false))).ToArray();
        var byName = policy.Definitions.LeadStatuses.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Assert.Equal(flags.Select(f => f.Name).Order(StringComparer.Ordinal), byName.Keys.Order(StringComparer.Ordinal));
        var froms = flags.Select(f => (Flags?)f).Append(null).ToArray();
        var failures = new List<string>();
        foreach (var from in froms)
        {
            foreach (var stage in policy.Stages)
            {
                var workStage = stage.Backbone == LifecycleStage.MarketingQualifiedLead || stage.Backbone == LifecycleStage.SalesQualifiedLead;
                var salesStage = policy.OwnerOf(stage) == Team.Sales;
                foreach (var reason in new[] { false, true })
                {
                    foreach (var trigger in Enum.GetValues<LeadStatusTrigger>())
                    {
                        var targets = trigger == LeadStatusTrigger.ChangeStatus ? flags.Select(f => (Flags?)f) : [null];
                        foreach (var target in targets)
                        {
                            var expected = Reference(from, trigger, target, workStage, salesStage, reason);
                            var machine = policy.RentStatusMachine();
                            (bool, string?) actual;
                            try
                            {
                                machine.Bind(from is null ? null : byName[from.Name], stage, reason);
                                actual = machine.TryFire(trigger, target is null ? null : byName[target.Name]) ? (true, machine.Status?.Name) : (false, null);
                            }
                            finally
                            {
                                machine.Release();
                            }

                            if (actual != expected)
                            {
                                failures.Add($"{from?.Name ?? "none"} in {stage.Name} (reason: {reason}) {trigger}{(target is null ? "" : "(" + target.Name + ")")}: expected {expected}, machine {actual}");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    /// <summary>The reference model: whether a move is taken, and the status it leaves (by name; <see langword="null"/> for none).</summary>
    private static (bool Taken, string? To) Reference(Flags? from, LeadStatusTrigger trigger, Flags? target, bool workStage, bool salesStage, bool reason)
    {
        var current = from?.Name;
        var untouched = from is { Open: true, Working: false };
        var converted = from is { Open: false, Closed: false };
        return trigger switch
        {
            LeadStatusTrigger.StartWorking => untouched && workStage ? (true, "InProgress") : (false, null),
            LeadStatusTrigger.MarkBadTiming => current != "BadTiming" && workStage ? (true, "BadTiming") : (false, null),
            LeadStatusTrigger.ConnectFailed => (true, from is null || (from.Open && !from.Connected) ? "AttemptedToContact" : current),
            LeadStatusTrigger.ConnectSucceeded => (true, from is { Connected: true } ? current : "Connected"),
            LeadStatusTrigger.EnterSalesStage => (true, from is { Open: true } ? current : "New"),
            LeadStatusTrigger.ReturnToMarketing => (true, "ReturnedNotReady"),
            LeadStatusTrigger.Disqualify => (true, "Unqualified"),
            LeadStatusTrigger.CreateDeal => (true, "OpenDeal"),
            LeadStatusTrigger.LoseDeal => (true, converted ? "Connected" : current),
            LeadStatusTrigger.EndLead => (true, null),
            LeadStatusTrigger.ChangeStatus => !target!.SetByVerb && target.Name != current && salesStage && (!target.Closed || reason) ? (true, target.Name) : (false, null),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "The reference model has no rule for this trigger; add one."),
        };
    }

    private static LifecyclePolicy PolicyWith(IReadOnlyList<LeadStatusDefinition> own)
    {
        var vocabulary = Vocabulary.Create(new VocabularyDefinition { LeadStatuses = own });
        return new LifecyclePolicy(new LifecycleDefinitions { LeadStatuses = vocabulary.LeadStatuses }, new QualificationThresholds(100m), ConnectPolicy.Default);
    }

    /// <summary>Up to five statuses of an agreement, each with a valid combination of flags.</summary>
    private static Gen<LeadStatusDefinition[]> Definitions()
    {
        (bool Open, bool Working, bool Connected, bool Closed)[] valid =
        [
            (true, false, false, false), (true, true, false, false), (true, true, true, false), (true, false, true, false),
            (false, false, false, true), (false, false, false, false), (false, false, true, false),
        ];
        return from count in Gen.Choose(0, 5)
               from chosen in Gen.ArrayOf(Gen.Elements(valid), count)
               select chosen.Select((f, i) => new LeadStatusDefinition
               {
                   Name = "Own" + i.ToString(CultureInfo.InvariantCulture),
                   Number = 100 + i,
                   IsOpen = f.Open,
                   IsWorking = f.Working,
                   IsConnected = f.Connected,
                   IsClosed = f.Closed,
               }).ToArray();
    }

    private sealed record Flags(string Name, bool Open, bool Working, bool Connected, bool Closed, bool SetByVerb);
}
