using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Deals;
using SalesGlossary.Domain.Orleans.Rescoring;

namespace SalesGlossary.Domain.Orleans.Tests;

/// <summary>
/// The cluster's public messages and results, without a cluster: each prints a log line of its own, and one holding a list
/// compares it by value, before and after a trip through the serializer.
/// </summary>
public sealed class MessageContractTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(IContactGrain).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>Named by hand, so that the reflected list cannot quietly lose them.</summary>
    private static readonly Type[] KnownResults =
    [
        typeof(ContactChanged), typeof(ContactView), typeof(ScoreStamp), typeof(DealChanged), typeof(DealView), typeof(RescoringProgress),
        typeof(RescoredBatch), typeof(RescoredContact), typeof(PartitionContact), typeof(ContactPage), typeof(RescoringJobOptions),
    ];

    /// <summary>Every public record of the Orleans package.</summary>
    private static Type[] PublicRecords() => [.. typeof(IContactGrain).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && !typeof(Exception).IsAssignableFrom(t) && t.GetMethod("<Clone>$") is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void PublicRecords_AreFoundByReflection_IncludingEveryKnownOne()
    {
        Assert.Empty(KnownResults.Except(PublicRecords()).Select(t => t.FullName));
    }

    [Fact]
    public void PublicRecords_WriteTheirOwnToString()
    {
        var printingMemberDumps = PublicRecords()
            .Where(t => t.GetMethod(nameof(ToString), Type.EmptyTypes) is not { } method || method.DeclaringType == typeof(object) || method.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(printingMemberDumps.Length == 0, "These print the compiler's member dump in a log line; write a ToString that says what a person needs: " + string.Join(", ", printingMemberDumps));
    }

    [Fact]
    public void PublicRecords_HoldingACollection_CompareItByValue()
    {
        static bool HoldsCollection(Type t) => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType));

        var byReference = PublicRecords()
            .Where(HoldsCollection)
            .Where(t => t.GetMethod(nameof(Equals), [t]) is not { } method || method.IsDefined(typeof(CompilerGeneratedAttribute), false)
                || t.GetMethod(nameof(GetHashCode), Type.EmptyTypes) is not { } hash || hash.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(byReference.Length == 0, "These hold a collection and compare it by reference: " + string.Join(", ", byReference));
    }

    [Fact]
    public void DealChanged_ComparesItsRecordsByValue_AndKeepsEqualityThroughTheSerializer()
    {
        var changed = Deal(3, Move("Create proposal", "Negotiation", 1));
        var same = Deal(3, Move("Create proposal", "Negotiation", 1));
        AssertValueContract(changed, same, Deal(3, Move("Create proposal", "Closed won", 1)), Deal(3), changed with { Revision = 4 });
        Assert.Equal("deal D-1 of contact C-1, revision 3: Create proposal → Negotiation", changed.ToString());
        Assert.Equal("deal D-1 of contact C-1, revision 3: 2 records, Create proposal → Closed won", Deal(3, Move("Create proposal", "Negotiation", 1), Move("Negotiation", "Closed won", 2)).ToString());
        Assert.Equal("deal D-1 of contact C-1, revision 3: no records", Deal(3).ToString());
    }

    [Fact]
    public void DealView_ComparesItsHistoryByValue_AndKeepsEqualityThroughTheSerializer()
    {
        var view = View(Move("Create proposal", "Negotiation", 1));
        AssertValueContract(view, View(Move("Create proposal", "Negotiation", 1)), View(Move("Create proposal", "Negotiation", 2)), View(), view with { LeadType = "outbound" });
        Assert.Equal("deal D-1 of contact C-1 (inbound), revision 1: Negotiation, amount 12000.50, closing 2026-06-30", view.ToString());
    }

    [Fact]
    public void ContactChanged_ComparesItsHistoryByValue_AndKeepsEqualityThroughTheSerializer()
    {
        var changed = new ContactChanged("C-1", 3, [Stage(LifecycleStage.Lead, LifecycleStage.MarketingQualifiedLead)], Stamp());
        AssertValueContract(
            changed,
            new ContactChanged("C-1", 3, [Stage(LifecycleStage.Lead, LifecycleStage.MarketingQualifiedLead)], Stamp()),
            new ContactChanged("C-1", 3, [Stage(LifecycleStage.Lead, LifecycleStage.SalesQualifiedLead)], Stamp()),
            new ContactChanged("C-1", 3, [], Stamp()),
            changed with { Score = Stamp() with { Total = 86m } });
        Assert.Equal(
            "contact C-1, revision 3: Lead → MarketingQualifiedLead; scored sample-lead-scoring v1.0.0 (generation 2): 85.5 as of 2026-03-02T09:30:00.0000000+00:00",
            changed.ToString());
        Assert.Equal("contact C-1, revision 4: score only; scored sample-lead-scoring v1.0.0 (generation 2): 85.5 as of 2026-03-02T09:30:00.0000000+00:00, incomplete, job J-1", new ContactChanged("C-1", 4, [], Stamp() with { IsComplete = false, JobId = "J-1" }).ToString());
    }

    [Fact]
    public void RescoringProgress_ComparesPerSiloCountsByValue_InAnyOrder_AndKeepsEqualityThroughTheSerializer()
    {
        var progress = Progress(new Dictionary<string, long> { ["silo-a"] = 10, ["silo-b"] = 5 });
        AssertValueContract(
            progress,
            Progress(new Dictionary<string, long> { ["silo-b"] = 5, ["silo-a"] = 10 }),
            Progress(new Dictionary<string, long> { ["silo-a"] = 10, ["silo-b"] = 6 }),
            Progress(new Dictionary<string, long> { ["silo-a"] = 10 }),
            progress with { Failure = "boom" });
        Assert.Equal("job J-1 Running at generation 2: 3 of 8 partitions done, 15 rescored (1 skipped, 2 incomplete) on 2 silos", progress.ToString());
        Assert.EndsWith("; failed: partition 3: store down", (progress with { Status = RescoringStatus.Failed, Failure = "partition 3: store down" }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RescoredBatch_AndContactPage_CompareTheirItemsByValue()
    {
        static RescoredBatch Batch(params RescoredContact[] totals) => new() { JobId = "J-1", Generation = 2, Partition = 3, Continuation = "c-1000", Totals = [.. totals] };
        static RescoredContact Total(decimal total) => new() { ContactId = "C-1", Total = total, IsComplete = true, Model = "m", ModelVersion = "1.0.0" };
        AssertEqualAndDifferent(Batch(Total(85m)), Batch(Total(85m)), Batch(Total(86m)), Batch(), Batch(Total(85m)) with { Partition = 4 });
        Assert.Equal("job J-1 partition 3 at generation 2, page at c-1000: 1 totals", Batch(Total(85m)).ToString());
        Assert.Equal("C-1: 85 by m v1.0.0", Total(85m).ToString());

        static PartitionContact Contact(string id) => new() { ContactId = id, LeadType = "inbound", Lead = new LeadFacts { Id = id } };
        var page = new ContactPage([Contact("C-1"), Contact("C-2")], "c-3");
        AssertEqualAndDifferent(page, new ContactPage([Contact("C-1"), Contact("C-2")], "c-3"), new ContactPage([Contact("C-2"), Contact("C-1")], "c-3"), new ContactPage([Contact("C-1")], "c-3"), page with { Continuation = null });
        Assert.Equal("2 contacts, next page at c-3", page.ToString());
        Assert.Equal("0 contacts, last page", new ContactPage([], null).ToString());
        Assert.Equal("C-1 (inbound)", Contact("C-1").ToString());
    }

    [Fact]
    public void LogLines_AreInvariantCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("sample-lead-scoring v1.0.0 (generation 2): 85.5 as of 2026-03-02T09:30:00.0000000+00:00", Stamp().ToString());
            Assert.Contains("amount 12000.50", View(Move("Create proposal", "Negotiation", 1)).ToString(), StringComparison.Ordinal);
            Assert.Equal("ContactGrains, 1000 per page, as of the start, current generation", new RescoringJobOptions().ToString());
            Assert.Equal(
                "Source, 50 per page, as of 2026-03-02T09:30:00.0000000+00:00, generation 7",
                new RescoringJobOptions { Target = RescoringTarget.Source, PageSize = 50, AsOf = At, Generation = 7 }.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData(null, "C-1", 1L, "DealId")]
    [InlineData(" ", "C-1", 1L, "DealId")]
    [InlineData("D-1", "", 1L, "ContactId")]
    [InlineData("D-1", "C-1", 0L, "Revision")]
    [InlineData("D-1", "C-1", -1L, "Revision")]
    public void DealChanged_BuiltWithAValueNoDealHas_IsRefused_NamingTheMember(string? dealId, string contactId, long revision, string member)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new DealChanged { DealId = dealId!, ContactId = contactId, Revision = revision, Transitions = [] });

        Assert.Equal(member, error.ParamName);
        if (member == "Revision")
        {
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"The value of 'Revision' must be at least 1; it was {revision}."), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DealChanged_Transitions_AreRefusedWhenNullOrHoldingNull_AndCopied()
    {
        Assert.Equal("Transitions", Assert.Throws<ArgumentNullException>(() => Deal(1) with { Transitions = null! }).ParamName);
        var holdingNull = Assert.Throws<ArgumentException>(() => Deal(1, Move("Create proposal", "Negotiation", 1), null!));
        Assert.Contains("index 1", holdingNull.Message, StringComparison.Ordinal);

        var given = new[] { Move("Create proposal", "Negotiation", 1) };
        var changed = new DealChanged { DealId = "D-1", ContactId = "C-1", Revision = 1, Transitions = given };
        given[0] = Move("Create proposal", "Closed won", 1);
        Assert.Equal("Negotiation", changed.Transitions[0].To);
        Assert.Equal(1L, Deal(1).Revision);
    }

    [Theory]
    [InlineData(null, "inbound", "ContactId")]
    [InlineData("", "inbound", "ContactId")]
    [InlineData("C-1", " ", "LeadType")]
    [InlineData("C-1", null, "LeadType")]
    public void PartitionContact_WithoutAnIdOrLeadType_IsRefused(string? contactId, string? leadType, string member)
    {
        Assert.Equal(member, Assert.ThrowsAny<ArgumentException>(() => new PartitionContact { ContactId = contactId!, LeadType = leadType!, Lead = new LeadFacts { Id = "C-1" } }).ParamName);
        Assert.Equal("Lead", Assert.Throws<ArgumentNullException>(() => new PartitionContact { ContactId = "C-1", LeadType = "inbound", Lead = null! }).ParamName);
    }

    private static void AssertValueContract<T>(T value, T equal, T otherItem, T fewerItems, T otherField)
        where T : class
    {
        AssertEqualAndDifferent(value, equal, otherItem, fewerItems, otherField);

        // A trip through the cluster's serializer gives back a value equal to the one sent, and still different from the others.
        var copy = Serializer.Deserialize<T>(Serializer.SerializeToArray(value));
        Assert.NotSame(value, copy);
        Assert.Equal(value, copy);
        Assert.Equal(value.GetHashCode(), copy!.GetHashCode());
        Assert.NotEqual(otherItem, copy);
        Assert.Equal(Serializer.Deserialize<T>(Serializer.SerializeToArray(otherItem)), otherItem);
    }

    private static void AssertEqualAndDifferent<T>(T value, T equal, T otherItem, T fewerItems, T otherField)
        where T : class
    {
        Assert.NotSame(value, equal);
        Assert.Equal(value, equal);
        Assert.True(value.Equals((object)equal));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.NotEqual(value, otherItem);
        Assert.NotEqual(value, fewerItems);
        Assert.NotEqual(fewerItems, value);
        Assert.NotEqual(value, otherField);
        Assert.False(value.Equals(null));
    }

    private static DealChanged Deal(long revision, params DealTransition[] transitions) =>
        new() { DealId = "D-1", ContactId = "C-1", Revision = revision, Transitions = [.. transitions] };

    private static DealView View(params DealTransition[] history) =>
        new() { DealId = "D-1", ContactId = "C-1", LeadType = "inbound", Revision = history.Length, History = [.. history] };

    private static DealTransition Move(string from, string to, int sequence) => new()
    {
        Sequence = sequence, From = from, To = to, Trigger = DealTrigger.MoveTo, At = At, By = By.Sales, Amount = 12000.50m, ExpectedClose = new DateOnly(2026, 6, 30),
    };

    private static LifecycleTransition Stage(LifecycleStage from, LifecycleStage to) => new()
    {
        Sequence = 2, From = from, To = to, Trigger = LifecycleTrigger.ReachMqlThreshold, At = At, By = By.Marketing, Score = 85.5m,
    };

    private static ScoreStamp Stamp() => new() { Model = "sample-lead-scoring", ModelVersion = "1.0.0", Generation = 2, Total = 85.5m, IsComplete = true, AsOf = At };

    private static RescoringProgress Progress(Dictionary<string, long> perSilo) => new()
    {
        JobId = "J-1", Status = RescoringStatus.Running, Generation = 2, Partitions = 8, PartitionsDone = 3, Rescored = 15, Skipped = 1, Incomplete = 2, PerSilo = perSilo,
    };
}
