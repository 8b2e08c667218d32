using System.Linq.Expressions;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The work meter's charges, each at its budget and one past it, its looks at the cancellation token every
/// <see cref="WorkMeter.CancellationStride"/> units, and the instrumentation <see cref="WorkMetering"/> compiles into a
/// rule. The meter's state is per thread and each test runs on one thread, starting its own rule.
/// </summary>
public class WorkMeterEdgeTests
{
    private const long Plenty = 1_000_000_000;

    [Fact]
    public void Iteration_ChargesOneUnit_AndStopsOnlyPastTheBudget()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(3);

        WorkMeter.Iteration();
        WorkMeter.Iteration();
        WorkMeter.Iteration();

        Assert.Equal(3, WorkMeter.LastRuleWork);
        var stop = Assert.Throws<RuleBudgetExceededException>(WorkMeter.Iteration);
        Assert.Equal(3, stop.Budget);
    }

    [Fact]
    public void StartRule_GivesAFreshBudget()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(2);
        WorkMeter.Iteration();
        WorkMeter.Iteration();

        WorkMeter.StartRule(5);

        Assert.Equal(0, WorkMeter.LastRuleWork);
        Iterate(5);
        Assert.Equal(5, WorkMeter.LastRuleWork);
        Assert.Equal(5, Assert.Throws<RuleBudgetExceededException>(WorkMeter.Iteration).Budget);
    }

    [Fact]
    public void Iteration_LooksAtCancellationEveryStride_CountedAfreshAfterEachLook()
    {
        using var cancellation = new CancellationTokenSource();
        using var scope = WorkMeter.Observe(cancellation.Token);
        WorkMeter.StartRule(Plenty);
        Iterate(WorkMeter.CancellationStride); // the last of these looks, and finds nothing

        cancellation.Cancel();
        Iterate(WorkMeter.CancellationStride - 1);

        Assert.ThrowsAny<OperationCanceledException>(WorkMeter.Iteration);
    }

    [Fact]
    public void StartRule_CountsTheLookAheadAfresh()
    {
        using var cancellation = new CancellationTokenSource();
        using var scope = WorkMeter.Observe(cancellation.Token);
        WorkMeter.StartRule(Plenty);
        Iterate(WorkMeter.CancellationStride - 1); // one unit short of a look

        WorkMeter.StartRule(Plenty);
        cancellation.Cancel();
        Iterate(WorkMeter.CancellationStride - 1);

        Assert.ThrowsAny<OperationCanceledException>(WorkMeter.Iteration);
    }

    [Fact]
    public void StartRule_OnACancelledCall_Throws_AndTheScopeRestoresThePreviousToken()
    {
        using var outer = new CancellationTokenSource();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var outerScope = WorkMeter.Observe(outer.Token);

        using (WorkMeter.Observe(cancelled.Token))
        {
            Assert.Equal(cancelled.Token, WorkMeter.Observed);
            Assert.ThrowsAny<OperationCanceledException>(() => WorkMeter.StartRule(10));
            Assert.ThrowsAny<OperationCanceledException>(WorkMeter.ThrowIfCancelled);
        }

        Assert.Equal(outer.Token, WorkMeter.Observed);
        WorkMeter.ThrowIfCancelled();
        WorkMeter.StartRule(10);
        default(WorkMeter.CancellationScope).Dispose();
    }

    [Fact]
    public void AFreshThread_ObservesNothing_AndHasTheDefaultBudget()
    {
        var outcome = "not run";
        var thread = new Thread(() =>
        {
            var before = (WorkMeter.LastRuleWork, WorkMeter.Observed);
            WorkMeter.ThrowIfCancelled();
            for (var i = 0; i < ScoringLimits.Default.MaxWorkPerRule; i++)
            {
                WorkMeter.Iteration();
            }

            try
            {
                WorkMeter.Iteration();
                outcome = "not stopped";
            }
            catch (RuleBudgetExceededException e)
            {
                outcome = before == (0, default(CancellationToken)) ? "stopped at " + e.Budget : "state before " + before;
            }
        });

        thread.Start();
        thread.Join();

        Assert.Equal("stopped at 1000000", outcome);
    }

    [Fact]
    public void Built_ChargesEachCharacter_AndReturnsTheTextItself()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(10);
        var text = new string('x', 6);

        Assert.Same(text, WorkMeter.Built(text));
        Assert.Null(WorkMeter.Built(null));
        Assert.Equal(6, WorkMeter.LastRuleWork);
        Assert.Equal("abcd", WorkMeter.Built("abcd"));
        Assert.Equal(10, WorkMeter.LastRuleWork);
        Assert.Equal(10, Assert.Throws<RuleBudgetExceededException>(() => WorkMeter.Built("y")).Budget);
    }

    [Fact]
    public void Built_CountsOneLookAheadPer64Characters_AtLeastOne()
    {
        using var cancellation = new CancellationTokenSource();
        using var scope = WorkMeter.Observe(cancellation.Token);
        WorkMeter.StartRule(Plenty);
        cancellation.Cancel();

        WorkMeter.Built(new string('x', (64 * (WorkMeter.CancellationStride - 2)) + 63));
        WorkMeter.Built("x");

        Assert.ThrowsAny<OperationCanceledException>(() => WorkMeter.Built("y"));
    }

    [Fact]
    public void Search_ChargesTheTextTimesTheNeedle_AtLeastOncePerCharacter()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(100);

        WorkMeter.Search("abcd", "xy");
        Assert.Equal(8, WorkMeter.LastRuleWork);
        WorkMeter.Search("abcd", null);
        WorkMeter.Search("abcd", string.Empty);
        WorkMeter.Search(null, "xy");

        Assert.Equal(16, WorkMeter.LastRuleWork);
    }

    [Fact]
    public void Search_AtTheBudget_Runs_OnePast_IsStopped()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(8);

        WorkMeter.Search("abcd", "xy");

        Assert.Equal(8, Assert.Throws<RuleBudgetExceededException>(() => WorkMeter.Search("a", "b")).Budget);
    }

    [Fact]
    public void Compare_ChargesBothLengths()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(10);

        WorkMeter.Compare("abc", "de");
        Assert.Equal(5, WorkMeter.LastRuleWork);
        WorkMeter.Compare(null, "de");
        WorkMeter.Compare("abc", null);
        WorkMeter.Compare(null, null);

        Assert.Equal(10, WorkMeter.LastRuleWork);
        Assert.Throws<RuleBudgetExceededException>(() => WorkMeter.Compare("z", null));
    }

    [Fact]
    public void Charges_CountOneLookAheadPer64Units_AtLeastOne()
    {
        using var cancellation = new CancellationTokenSource();
        using var scope = WorkMeter.Observe(cancellation.Token);
        WorkMeter.StartRule(Plenty);
        cancellation.Cancel();

        WorkMeter.Compare(new string('x', (64 * (WorkMeter.CancellationStride - 2)) + 63), null);
        WorkMeter.Compare("x", null);

        Assert.ThrowsAny<OperationCanceledException>(() => WorkMeter.Search("y", null));
    }

    [Fact]
    public void Charges_LookAtCancellationAtOnceForAHugeCharge()
    {
        // 64 × (2³² + 1) units: at most one stride of look-ahead, not a count that wraps around to 1.
        using var cancellation = new CancellationTokenSource();
        using var scope = WorkMeter.Observe(cancellation.Token);
        WorkMeter.StartRule(long.MaxValue / 2);
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => WorkMeter.Search(new string('x', 64 * 641), new string('y', 6_700_417)));
    }

    [Fact]
    public void SearchInRule_CountsLocally_AndSettlesOnlyPastTheStride()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(1_000);

        Assert.Equal(8, WorkMeter.SearchInRule(0, "abcd", "xy", 10, 100));
        Assert.Equal(10, WorkMeter.SearchInRule(2, "abcd", "xy", 10, 100));
        Assert.Equal(0, WorkMeter.LastRuleWork); // at the stride: nothing settled
        Assert.Equal(7, WorkMeter.SearchInRule(7, null, "xy", 10, 100));
        Assert.Equal(4, WorkMeter.SearchInRule(0, "abcd", null, 10, 100));
        Assert.Equal(4, WorkMeter.SearchInRule(0, "abcd", string.Empty, 10, 100));

        Assert.Equal(16, WorkMeter.SearchInRule(8, "abcd", "xy", 10, 100));
        Assert.Equal(16, WorkMeter.LastRuleWork);
    }

    [Fact]
    public void SearchInRule_AtTheBudget_Runs_OnePast_IsStopped()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(1_000);

        Assert.Equal(100, WorkMeter.SearchInRule(92, "abcd", "xy", 10, 100));

        Assert.Equal(100, Assert.Throws<RuleBudgetExceededException>(() => WorkMeter.SearchInRule(93, "abcd", "xy", 10, 100)).Budget);
    }

    [Fact]
    public void CompareInRule_CountsBothLengthsLocally_AndSettlesOnlyPastTheStride()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(1_000);

        Assert.Equal(3, WorkMeter.CompareInRule(0, "abc", null, 10, 100));
        Assert.Equal(2, WorkMeter.CompareInRule(0, null, "de", 10, 100));
        Assert.Equal(10, WorkMeter.CompareInRule(5, "abc", "de", 10, 100));
        Assert.Equal(0, WorkMeter.LastRuleWork);

        Assert.Equal(11, WorkMeter.CompareInRule(9, "ab", null, 10, 100));
        Assert.Equal(11, WorkMeter.LastRuleWork);
        Assert.Equal(100, WorkMeter.CompareInRule(99, "a", null, 10, 100));
        Assert.Throws<RuleBudgetExceededException>(() => WorkMeter.CompareInRule(100, "a", null, 10, 100));
    }

    [Fact]
    public void InRuleCharges_PastTheStride_ObserveCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        using var scope = WorkMeter.Observe(cancellation.Token);
        WorkMeter.StartRule(1_000);
        cancellation.Cancel();

        Assert.Equal(10, WorkMeter.SearchInRule(0, "abcde", "xy", 10, 100));

        Assert.ThrowsAny<OperationCanceledException>(() => WorkMeter.SearchInRule(10, "a", null, 10, 100));
        Assert.ThrowsAny<OperationCanceledException>(() => WorkMeter.CompareInRule(10, "a", null, 10, 100));
    }

    [Fact]
    public void Walk_ChargesACountedSequenceAtOnce_AndReturnsIt()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(5);
        var list = new List<int> { 1, 2, 3 };

        Assert.Same(list, WorkMeter.Walk(list));
        Assert.Equal(3, WorkMeter.LastRuleWork);
        Assert.Same("ab", WorkMeter.Walk<char>("ab"));
        Assert.Equal(5, WorkMeter.LastRuleWork);
        Assert.Null(WorkMeter.Walk<int>(null));
        Assert.Throws<RuleBudgetExceededException>(() => WorkMeter.Walk(new[] { 1 }));
    }

    [Fact]
    public void Walk_ChargesAnUncountedSequencePerItemRead()
    {
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(5);

        var walked = WorkMeter.Walk(Enumerable.Range(1, 9).Where(i => i % 2 == 1))!;

        Assert.Equal(0, WorkMeter.LastRuleWork);
        Assert.Equal(new[] { 1, 3 }, walked.Take(2));
        Assert.Equal(2, WorkMeter.LastRuleWork);
        Assert.Throws<RuleBudgetExceededException>(() => walked.Count());
    }

    private static void Iterate(int times)
    {
        for (var i = 0; i < times; i++)
        {
            WorkMeter.Iteration();
        }
    }

    /// <summary>A lead type with a list, whose own <c>Contains</c> scans it.</summary>
    public sealed record TaggedLead(string Title, List<string> Tags);

    private static Func<TLead, TResult> Instrumented<TLead, TResult>(Expression<Func<TLead, TResult>> rule, long budget) =>
        Expression.Lambda<Func<TLead, TResult>>(WorkMetering.Instrument(rule.Body, budget), rule.Parameters).Compile();

    [Fact]
    public void Instrument_ARuleWithoutLoopsOrTexts_IsLeftExactlyAsItIs()
    {
        Expression<Func<LeadFacts, bool>> rule = l => l.Employees > 3 && l.Country == "DE";

        Assert.Same(rule.Body, WorkMetering.Instrument(rule.Body, 1_000));
    }

    [Fact]
    public void Instrument_ALoop_StartsAFreshBudget_AndChargesEachLambdaCall()
    {
        var rule = Instrumented<TaggedLead, bool>(t => t.Tags.Any(x => x == "none"), 1_000);
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(1);
        WorkMeter.Iteration(); // the earlier rule used its whole budget: the next starts afresh

        Assert.False(rule(new TaggedLead("t", [.. Enumerable.Repeat("x", 1_000)])));
        Assert.Equal(1_000, WorkMeter.LastRuleWork);
        Assert.Equal(1_000, Assert.Throws<RuleBudgetExceededException>(() => rule(new TaggedLead("t", [.. Enumerable.Repeat("x", 1_001)]))).Budget);
    }

    [Fact]
    public void Instrument_ACollectionsOwnContains_IsChargedItsSize()
    {
        var rule = Instrumented<TaggedLead, bool>(t => t.Tags.Contains("vip"), 5);
        using var scope = WorkMeter.Observe(default);

        Assert.True(rule(new TaggedLead("t", ["a", "b", "c", "d", "vip"])));
        Assert.Equal(5, WorkMeter.LastRuleWork);
        Assert.Throws<RuleBudgetExceededException>(() => rule(new TaggedLead("t", ["a", "b", "c", "d", "e", "vip"])));
    }

    [Fact]
    public void Instrument_Take_ReadsNothing_WhatReadsItsResultIsCharged()
    {
        var take = Instrumented<TaggedLead, int>(t => t.Title.Take(3).Count(), 1_000);
        using var scope = WorkMeter.Observe(default);

        Assert.Equal(3, take(new TaggedLead(new string('x', 5_000), [])));
        Assert.Equal(3, WorkMeter.LastRuleWork);
    }

    [Fact]
    public void Instrument_ALambdaFreeWalk_IsChargedEveryItem()
    {
        var distinct = Instrumented<TaggedLead, int>(t => t.Tags.Distinct().Count(), 1_000);
        using var scope = WorkMeter.Observe(default);

        // Distinct() reads the 999 tags (counted at once), Count() the one distinct tag: 1,000 units.
        Assert.Equal(1, distinct(new TaggedLead("t", [.. Enumerable.Repeat("x", 999)])));
        Assert.Equal(1_000, WorkMeter.LastRuleWork);
        Assert.Throws<RuleBudgetExceededException>(() => distinct(new TaggedLead("t", [.. Enumerable.Repeat("x", 1_000)])));
    }

    /// <summary>A lead type with numbers, summed by a non-generic <c>Sum</c>.</summary>
    public sealed record NumberedLead(List<int> Numbers);

    [Fact]
    public void Instrument_ANonGenericSequenceOperation_IsChargedEveryItem()
    {
        var sum = Instrumented<NumberedLead, int>(n => n.Numbers.Sum(), 5);
        using var scope = WorkMeter.Observe(default);

        Assert.Equal(15, sum(new NumberedLead([1, 2, 3, 4, 5])));
        Assert.Equal(5, WorkMeter.LastRuleWork);
        Assert.Throws<RuleBudgetExceededException>(() => sum(new NumberedLead([1, 2, 3, 4, 5, 6])));
    }

    [Fact]
    public void Instrument_TheOrdinalComparisonsRulesAreRewrittenTo_AreChargedBothLengths()
    {
        var compare = Instrumented<TaggedLead, bool>(t => OrdinalText.Compare(t.Title, "zz") > 0 || OrdinalText.CompareTo(t.Title, "yy") > 0, 1_000);
        using var scope = WorkMeter.Observe(default);

        // (title + 2) twice: 2 × 498 + 4 = 1,000 units fit the budget; 2 × 499 + 4 = 1,002 do not.
        Assert.False(compare(new TaggedLead(new string('x', 498), [])));
        Assert.Throws<RuleBudgetExceededException>(() => compare(new TaggedLead(new string('x', 499), [])));
    }

    [Fact]
    public void Instrument_BuiltText_IsChargedItsLength()
    {
        var upper = Instrumented<TaggedLead, bool>(t => t.Title.ToUpperInvariant() == "VP", 1_000);
        using var scope = WorkMeter.Observe(default);

        Assert.False(upper(new TaggedLead(new string('x', 1_000), [])));
        Assert.Equal(1_000, WorkMeter.LastRuleWork);
        Assert.Throws<RuleBudgetExceededException>(() => upper(new TaggedLead(new string('x', 1_001), [])));
    }

    [Fact]
    public void Instrument_OnlySearches_CountInALocal_SettlingPastTheSmallerOfBudgetAndStride()
    {
        var search = Instrumented<TaggedLead, bool>(t => t.Title.Contains("ab") || t.Title.StartsWith("zz"), 1_000);
        Assert.IsAssignableFrom<BlockExpression>(WorkMetering.Instrument(((Expression<Func<TaggedLead, bool>>)(t => t.Title.Contains("ab"))).Body, 1_000));
        using var scope = WorkMeter.Observe(default);
        WorkMeter.StartRule(7);

        // 2 × 330 + 332 = 992 units: under the budget of 1,000, counted in the rule's own local only.
        Assert.False(search(new TaggedLead(new string('x', 330), [])));
        Assert.Equal(0, WorkMeter.LastRuleWork);

        // 2 × 333 + 335 = 1,001 units: past the budget, settled and stopped.
        Assert.Equal(1_000, Assert.Throws<RuleBudgetExceededException>(() => search(new TaggedLead(new string('x', 333), []))).Budget);
    }

    [Fact]
    public void Instrument_OnlyComparisons_AreChargedBothLengths()
    {
        var compare = Instrumented<TaggedLead, bool>(t => t.Title.Equals(t.Tags[0], StringComparison.OrdinalIgnoreCase), 1_000);
        using var scope = WorkMeter.Observe(default);

        Assert.True(compare(new TaggedLead(new string('x', 500), [new string('X', 500)])));
        Assert.Throws<RuleBudgetExceededException>(() => compare(new TaggedLead(new string('x', 500), [new string('X', 501)])));
    }
}
