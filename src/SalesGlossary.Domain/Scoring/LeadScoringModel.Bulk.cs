using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace SalesGlossary.Domain;

/// <content>The bulk path: totals for many leads at hand-written speed, without allocating per lead.</content>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    /// <summary>Gets how many <see cref="ulong"/> words record the matched rules of one lead (one bit per rule, in <see cref="Rules"/> order).</summary>
    public int MatchWordsPerLead => Math.Max(1, (Rules.Count + 63) / 64);

    /// <summary>Scores leads into totals on the calling thread, without allocating per lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totals">Receives each lead's total, at the lead's index; at least as long as <paramref name="leads"/>.</param>
    /// <returns>How many leads were scored and how many had rule errors (score those with <see cref="Score(TLead, DateTimeOffset)"/> to see the errors).</returns>
    /// <remarks>The totals are exactly those of <see cref="Score(TLead, DateTimeOffset)"/>, caps and decay included.</remarks>
    /// <exception cref="ArgumentException"><paramref name="totals"/> is too short.</exception>
    /// <exception cref="ArgumentNullException">A lead is <see langword="null"/>.</exception>
    public BulkScoringSummary ScoreTotals(ReadOnlySpan<TLead> leads, DateTimeOffset asOf, Span<decimal> totals) =>
        ScoreTotals(leads, asOf, totals, default);

    /// <summary>Scores leads into totals on the calling thread and records which rules matched, without allocating per lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totals">Receives each lead's total, at the lead's index; at least as long as <paramref name="leads"/>.</param>
    /// <param name="matchedRules">
    /// Receives which rules matched, <see cref="MatchWordsPerLead"/> words per lead (bit <c>i</c> is rule <c>i</c> of
    /// <see cref="Rules"/>); empty to skip. See <see cref="RuleMatched"/>.
    /// </param>
    /// <returns>How many leads were scored and how many had rule errors (score those with <see cref="Score(TLead, DateTimeOffset)"/> to see the errors).</returns>
    /// <remarks>The totals are exactly those of <see cref="Score(TLead, DateTimeOffset)"/>, caps and decay included.</remarks>
    /// <exception cref="ArgumentException">A destination is too short.</exception>
    /// <exception cref="ArgumentNullException">A lead is <see langword="null"/>.</exception>
    public BulkScoringSummary ScoreTotals(ReadOnlySpan<TLead> leads, DateTimeOffset asOf, Span<decimal> totals, Span<ulong> matchedRules)
    {
        CheckDestinations(leads.Length, totals.Length, matchedRules.Length);
        var incomplete = ScoreRange(leads, asOf, totals, matchedRules);
        DomainTelemetry.Scored(Name, DomainTelemetry.Bulk, leads.Length, incomplete);
        return new BulkScoringSummary(leads.Length, incomplete, Name, Version);
    }

    /// <summary>Scores an array of leads into totals on several threads, without allocating per lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totals">Receives each lead's total, at the lead's index.</param>
    /// <param name="matchedRules">Receives the matched rules, <see cref="MatchWordsPerLead"/> words per lead, or <see langword="null"/> to skip.</param>
    /// <param name="options">Parallelism, batch size and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    /// <returns>How many leads were scored and how many had rule errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or <paramref name="totals"/> is <see langword="null"/>, or a lead is.</exception>
    /// <exception cref="ArgumentException">A destination is too short.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; the destinations are then incomplete and no summary is returned.</exception>
    public BulkScoringSummary ScoreTotalsParallel(
        TLead[] leads,
        DateTimeOffset asOf,
        decimal[] totals,
        ulong[]? matchedRules,
        BulkScoringOptions? options,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(leads);
        Guard.NotNull(totals);
        options ??= BulkScoringOptions.Default;
        options.Validate();
        CheckDestinations(leads.Length, totals.Length, matchedRules?.Length ?? 0);
        var words = MatchWordsPerLead;
        var batches = (leads.Length + options.BatchSize - 1) / options.BatchSize;
        long incomplete = 0;
        long scored = 0;
        using var activity = DomainTelemetry.StartBulk(Name, Version, DomainTelemetry.Bulk, leads.Length);
        RuleSandbox.ParallelFor(
            0,
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            batch =>
            {
                using var observed = WorkMeter.Observe(cancellationToken); // sandbox: cancellation inside rules
                var start = batch * options.BatchSize;
                var count = Math.Min(options.BatchSize, leads.Length - start);
                var matches = matchedRules is null ? default : matchedRules.AsSpan(start * words, count * words);
                Interlocked.Add(ref incomplete, ScoreRange(leads.AsSpan(start, count), asOf, totals.AsSpan(start, count), matches));
                var done = Interlocked.Add(ref scored, count);
                options.Progress?.Report(new BulkScoringProgress(done, leads.Length));
            });
        DomainTelemetry.BulkScored(activity, Name, DomainTelemetry.Bulk, leads.Length, incomplete);
        return new BulkScoringSummary(leads.Length, incomplete, Name, Version);
    }

    /// <summary>Scores a stream of leads one by one on the calling thread, in constant memory.</summary>
    /// <param name="leads">The leads; read once, lazily.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <returns>Each lead with its total, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    public IEnumerable<ScoredLead<TLead>> ScoreEach(IEnumerable<TLead> leads, DateTimeOffset asOf)
    {
        Guard.NotNull(leads);
        return Iterate(leads, asOf);

        IEnumerable<ScoredLead<TLead>> Iterate(IEnumerable<TLead> source, DateTimeOffset at)
        {
            long scored = 0, incomplete = 0;
            try
            {
                foreach (var lead in source)
                {
                    var total = TotalOf(lead, at, default, WorkMeter.Observed, out var complete);
                    scored++;
                    incomplete += complete ? 0 : 1;
                    yield return new ScoredLead<TLead>(lead, total, complete, Version);
                }
            }
            finally
            {
                DomainTelemetry.Scored(Name, DomainTelemetry.Stream, scored, incomplete);
            }
        }
    }

    /// <summary>Scores an asynchronous stream of leads in parallel batches, in constant memory, yielding results in input order.</summary>
    /// <param name="leads">The leads; read once.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="options">Parallelism, batch size and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run between batches; results already yielded are complete, nothing else is yielded.</param>
    /// <returns>Each lead with its total, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<ScoredLead<TLead>> ScoreEachAsync(
        IAsyncEnumerable<TLead> leads,
        DateTimeOffset asOf,
        BulkScoringOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Stream(leads, () => this, asOf, options, cancellationToken);

    /// <summary>Gets whether rule <paramref name="ruleIndex"/> matched for the lead at <paramref name="leadIndex"/>, from the words written by <c>ScoreTotals</c>.</summary>
    /// <param name="matchedRules">The words written by <c>ScoreTotals</c>.</param>
    /// <param name="leadIndex">The lead's index.</param>
    /// <param name="ruleIndex">The rule's index in <see cref="Rules"/>.</param>
    /// <returns><see langword="true"/> when the rule matched at least once for the lead.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="ruleIndex"/> is not the index of one of <see cref="Rules"/>, or <paramref name="leadIndex"/> is
    /// negative or past the leads <paramref name="matchedRules"/> holds.
    /// </exception>
    public bool RuleMatched(ReadOnlySpan<ulong> matchedRules, int leadIndex, int ruleIndex)
    {
        var words = MatchWordsPerLead;
        if (ruleIndex < 0 || ruleIndex >= Rules.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ruleIndex),
                ruleIndex,
                Rules.Count == 0
                    ? $"The model '{Name}' has no rules, so no rule index is valid."
                    : string.Create(CultureInfo.InvariantCulture, $"The rule index must be between 0 and {Rules.Count - 1}: the model '{Name}' has {Rules.Count} rules."));
        }

        var leads = matchedRules.Length / words;
        if (leadIndex < 0 || leadIndex >= leads)
        {
            throw new ArgumentOutOfRangeException(
                nameof(leadIndex),
                leadIndex,
                leads == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"The matched-rules words hold no lead: each lead takes {words} words and {matchedRules.Length} were given.")
                    : string.Create(CultureInfo.InvariantCulture, $"The lead index must be between 0 and {leads - 1}: the matched-rules words hold {leads} leads ({words} words per lead)."));
        }

        return (matchedRules[(leadIndex * words) + (ruleIndex >> 6)] & (1UL << (ruleIndex & 63))) != 0;
    }

    /// <summary>Checks the arguments at once (the stream itself is lazy), then streams batches, each scored by the model current when it starts.</summary>
    internal static IAsyncEnumerable<ScoredLead<TLead>> Stream(
        IAsyncEnumerable<TLead> leads,
        Func<LeadScoringModel<TLead, TActivity>> modelForBatch,
        DateTimeOffset asOf,
        BulkScoringOptions? options,
        CancellationToken cancellationToken)
    {
        Guard.NotNull(leads);
        options ??= BulkScoringOptions.Default;
        options.Validate();
        return StreamBatches(leads, modelForBatch, asOf, options, cancellationToken);
    }

    private static async IAsyncEnumerable<ScoredLead<TLead>> StreamBatches(
        IAsyncEnumerable<TLead> leads,
        Func<LeadScoringModel<TLead, TActivity>> modelForBatch,
        DateTimeOffset asOf,
        BulkScoringOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new TLead[options.BatchSize];
        var totals = new decimal[options.BatchSize];
        var complete = new bool[options.BatchSize];
        var versions = new string[options.BatchSize];
        long scored = 0;
        var count = 0;
        await foreach (var lead in leads.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch[count++] = lead;
            if (count == batch.Length)
            {
                ScoreBatch(modelForBatch(), batch, count, asOf, totals, complete, versions, options, cancellationToken);
                for (var i = 0; i < count; i++)
                {
                    yield return new ScoredLead<TLead>(batch[i], totals[i], complete[i], versions[i]);
                }

                scored += count;
                options.Progress?.Report(new BulkScoringProgress(scored, null));
                Array.Clear(batch);
                count = 0;
            }
        }

        if (count > 0)
        {
            ScoreBatch(modelForBatch(), batch, count, asOf, totals, complete, versions, options, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                yield return new ScoredLead<TLead>(batch[i], totals[i], complete[i], versions[i]);
            }

            options.Progress?.Report(new BulkScoringProgress(scored + count, null));
        }
    }

    private static void ScoreBatch(
        LeadScoringModel<TLead, TActivity> model,
        TLead[] batch,
        int count,
        DateTimeOffset asOf,
        decimal[] totals,
        bool[] complete,
        string[] versions,
        BulkScoringOptions options,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = DomainTelemetry.StartBulk(model.Name, model.Version, DomainTelemetry.Stream, count);
        var slices = Math.Min(options.MaxDegreeOfParallelism, Math.Max(1, count / 64));
        RuleSandbox.ParallelFor(0, slices, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, slice =>
        {
            var from = (int)((long)count * slice / slices);
            var to = (int)((long)count * (slice + 1) / slices);
            using var observed = WorkMeter.Observe(cancellationToken); // sandbox: cancellation inside rules
            for (var i = from; i < to; i++)
            {
                totals[i] = model.TotalOf(batch[i], asOf, default, cancellationToken, out complete[i]);
                versions[i] = model.Version;
            }
        });
        DomainTelemetry.BulkScored(activity, model.Name, DomainTelemetry.Stream, complete.AsSpan(0, count));
    }

    private int ScoreRange(ReadOnlySpan<TLead> leads, DateTimeOffset asOf, Span<decimal> totals, Span<ulong> matchedRules)
    {
        var cancellation = WorkMeter.Observed; // the scoring call's token: no rule can change it, so it is read once per range
        if (matchedRules.IsEmpty && plan.Activity.Length == 0 && plan.LeadChunks.Length == 1 && plan.LeadSummed[0])
        {
            return ScoreSummedLeadRules(leads, asOf, totals, cancellation);
        }

        var incomplete = 0;
        var words = MatchWordsPerLead;
        for (var i = 0; i < leads.Length; i++)
        {
            var matches = matchedRules.IsEmpty ? default : matchedRules.Slice(i * words, words);
            totals[i] = TotalOf(leads[i], asOf, matches, cancellation, out var complete);
            incomplete += complete ? 0 : 1;
        }

        return incomplete;
    }

    /// <summary>
    /// The bulk path of a model of lead rules only, fused into one delegate that sums their points (at most 64 rules in at
    /// most four groups) that also applies the caps: per lead one delegate call, with no walk. A lead the delegate fails on (a rule
    /// failed), and a <see langword="null"/> lead, are scored by the walk instead, which evaluates rule by rule, reports the
    /// failure and throws what it throws: totals, failures and exceptions are exactly the walk's.
    /// </summary>
    private int ScoreSummedLeadRules(ReadOnlySpan<TLead> leads, DateTimeOffset asOf, Span<decimal> totals, CancellationToken cancellation)
    {
        var score = plan.LeadTotal.Value;
        var incomplete = 0;
        var i = 0;
        while (i < leads.Length)
        {
            try
            {
                for (; i < leads.Length; i++)
                {
                    var lead = leads[i];
                    if (lead is null)
                    {
                        break;
                    }

                    cancellation.ThrowIfCancellationRequested(); // sandbox: cancellation between leads, as the walk observes it
                    totals[i] = ScoreArithmetic.ToDecimal(score(lead, default!));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Scored again by the walk below, which finds and reports the failing rule.
            }

            if (i < leads.Length)
            {
                totals[i] = TotalOf(leads[i], asOf, default, cancellation, out var complete);
                incomplete += complete ? 0 : 1;
                i++;
            }
        }

        return incomplete;
    }

    private void CheckDestinations(int leads, int totals, int matchedRules)
    {
        if (totals < leads)
        {
            throw new ArgumentException($"The totals destination holds {totals} values but there are {leads} leads.", nameof(totals));
        }

        if (matchedRules != 0 && matchedRules < leads * MatchWordsPerLead)
        {
            throw new ArgumentException(
                $"The matched-rules destination holds {matchedRules} words but {leads} leads need {leads * MatchWordsPerLead} ({MatchWordsPerLead} per lead).",
                nameof(matchedRules));
        }
    }

    /// <summary>Scores one lead through the single walk with the summing sink: no allocation, totals exactly those of <see cref="Score(TLead, DateTimeOffset)"/>.</summary>
    private decimal TotalOf(TLead lead, DateTimeOffset asOf, Span<ulong> matched, CancellationToken cancellation, out bool complete)
    {
        if (lead is null)
        {
            throw new ArgumentNullException(nameof(lead), "A lead in the bulk input is null.");
        }

        if (!matched.IsEmpty)
        {
            matched.Clear();
        }

        var sink = new SummingSink(matched, Name);
        Span<long> sums = groups.Length <= 64 ? stackalloc long[groups.Length] : new long[groups.Length];
        var total = Walk(lead, asOf, ref sink, sums, cancellation);
        complete = sink.Complete;
        return ScoreArithmetic.ToDecimal(total);
    }

    /// <summary>
    /// Fuses all rules of a scope into one compiled delegate per 64 rules that returns a bit mask of matches. A rule that
    /// throws makes the whole delegate throw; the walk then evaluates that chunk rule by rule to report the failure.
    /// </summary>
    private static class Fusion
    {
        /// <summary>
        /// The most expression nodes compiled into one method. The JIT's memory and time grow faster than linearly with a
        /// method's size, so a chunk of large rules is compiled in parts of at most this size, each rule in exactly one part.
        /// </summary>
        internal const int MaxNodesPerMethod = 4_096;

        public static Func<TLead, TActivity, ulong>[] Fuse(Expression[] bodies, ParameterExpression lead, ParameterExpression activity)
        {
            var chunks = new Func<TLead, TActivity, ulong>[(bodies.Length + 63) / 64];
            for (var chunk = 0; chunk < chunks.Length; chunk++)
            {
                var parts = new List<Expression>();
                Expression mask = Expression.Constant(0UL);
                var nodes = 0;
                for (var bit = 0; bit < 64 && (chunk << 6) + bit < bodies.Length; bit++)
                {
                    var body = bodies[(chunk << 6) + bit];
                    var size = ExpressionGuard.CountNodes(body, int.MaxValue);
                    if (nodes > 0 && nodes + size > MaxNodesPerMethod)
                    {
                        parts.Add(mask);
                        mask = Expression.Constant(0UL);
                        nodes = 0;
                    }

                    mask = Expression.Or(mask, Expression.Condition(body, Expression.Constant(1UL << bit), Expression.Constant(0UL)));
                    nodes += size;
                }

                parts.Add(mask);
                chunks[chunk] = parts.Count == 1 ? Compile(parts[0], lead, activity) : Combine(parts, lead, activity);
            }

            return chunks;
        }

        /// <summary>
        /// Fuses the lead rules like <see cref="Fuse"/>, and where it is exact also sums their points inside the delegate:
        /// each rule adds its points (hundredths) to its group's local with no branch and no call per rule, so the walk
        /// reads the sums of the first <see cref="LeadChunkResult.SummedGroups"/> groups instead of walking the matched bits.
        /// </summary>
        /// <param name="bodies">The lead rules' bodies, in plan order.</param>
        /// <param name="points">Each rule's points in hundredths.</param>
        /// <param name="groups">Each rule's group.</param>
        /// <param name="summable">
        /// Whether the points may be summed without overflow checks: the caller proves that no sum of lead-rule points can
        /// overflow, so the checked sums of the walk could never throw either and the two give the same sums.
        /// </param>
        /// <param name="lead">The <c>lead</c> parameter.</param>
        /// <param name="activity">The <c>activity</c> parameter.</param>
        /// <param name="summed">Receives, per chunk, whether its delegate sums the points (every rule of a group below
        /// <see cref="LeadChunkResult.SummedGroups"/>, the chunk compiled as one method).</param>
        /// <returns>One delegate per 64 rules.</returns>
        public static Func<TLead, TActivity, LeadChunkResult>[] FuseLead(
            Expression[] bodies, long[] points, int[] groups, bool summable, ParameterExpression lead, ParameterExpression activity, out bool[] summed)
        {
            var chunks = new Func<TLead, TActivity, LeadChunkResult>[(bodies.Length + 63) / 64];
            summed = new bool[chunks.Length];
            for (var chunk = 0; chunk < chunks.Length; chunk++)
            {
                var from = chunk << 6;
                var to = Math.Min(bodies.Length, from + 64);
                var nodes = 0;
                for (var r = from; r < to; r++)
                {
                    nodes += ExpressionGuard.CountNodes(bodies[r], int.MaxValue);
                }

                var sum = summable && nodes <= MaxNodesPerMethod && groups[from..to].All(g => g < LeadChunkResult.SummedGroups);
                if (!sum)
                {
                    var masks = Fuse(bodies[from..to], lead, activity)[0];
                    var maskOnly = Expression.New(ResultConstructor, Expression.Invoke(Expression.Constant(masks), lead, activity), Zero, Zero, Zero, Zero);
                    chunks[chunk] = Expression.Lambda<Func<TLead, TActivity, LeadChunkResult>>(maskOnly, lead, activity).Compile();
                    continue;
                }

                chunks[chunk] = Expression.Lambda<Func<TLead, TActivity, LeadChunkResult>>(
                    HoistAutoProperties(Summing(bodies[from..to], points[from..to], groups[from..to], withMask: true), lead, activity), lead, activity).Compile();
                summed[chunk] = true;
            }

            return chunks;
        }

        /// <summary>
        /// The sums of a summed chunk (see <see cref="FuseLead"/>) without its mask, for callers that read only the sums, and
        /// without the work meter's text charges while every text the rules read is short enough that the meter could
        /// not act (see <see cref="ShortTexts"/>); longer texts go through <paramref name="metered"/>. <see langword="null"/>
        /// where the rules are metered otherwise.
        /// </summary>
        public static Func<TLead, TActivity, LeadChunkResult>? SumsOnly(
            Expression[] bodies, long[] points, int[] groups, Func<TLead, TActivity, LeadChunkResult> metered, ParameterExpression lead, ParameterExpression activity) =>
            Unmetered<Func<TLead, TActivity, LeadChunkResult>>(bodies, points, groups, metered, finish: null, lead, activity);

        /// <summary>
        /// The capped total of a model whose lead rules are one summed chunk (see <see cref="FuseLead"/>), in hundredths: the
        /// chunk's sums without its mask, capped inside the delegate as <see cref="Cap"/> caps them, without the meter's text
        /// charges on short texts where <see cref="SumsOnly"/> may leave them out, otherwise through the summed chunk.
        /// </summary>
        /// <param name="bodies">The lead rules' bodies, in plan order.</param>
        /// <param name="points">Each rule's points in hundredths.</param>
        /// <param name="groups">Each rule's group (all below <see cref="LeadChunkResult.SummedGroups"/>).</param>
        /// <param name="summed">The chunk's summed delegate, with its mask and charges.</param>
        /// <param name="limits">Each group's limit (<see cref="ScoringPlan.GroupLimit"/>).</param>
        /// <param name="totalLimit">The total's limit (<see cref="ScoringPlan.TotalLimit"/>).</param>
        /// <param name="lead">The <c>lead</c> parameter.</param>
        /// <param name="activity">The <c>activity</c> parameter.</param>
        /// <returns>The delegate.</returns>
        public static Func<TLead, TActivity, long> TotalOnly(
            Expression[] bodies, long[] points, int[] groups, Func<TLead, TActivity, LeadChunkResult> summed, long[] limits, long totalLimit, ParameterExpression lead, ParameterExpression activity)
        {
            Expression Capped(IReadOnlyList<Expression> sums)
            {
                // The caps of Cap, in its order: each group at most its limit, then the total. A group past the model's
                // groups sums 0 under no limit and adds nothing.
                Expression total = Expression.Constant(0L);
                for (var g = 0; g < Math.Min(limits.Length, sums.Count); g++)
                {
                    total = Expression.AddChecked(total, Expression.Call(MinMethod, sums[g], Expression.Constant(limits[g])));
                }

                return Expression.Call(MinMethod, total, Expression.Constant(totalLimit));
            }

            return Unmetered<Func<TLead, TActivity, long>>(bodies, points, groups, summed, Capped, lead, activity)
                ?? Expression.Lambda<Func<TLead, TActivity, long>>(Metered(Expression.Invoke(Expression.Constant(summed), lead, activity), Capped), lead, activity).Compile();
        }

        /// <summary>The result of <paramref name="result"/> (a <see cref="LeadChunkResult"/>) read once and finished by <paramref name="finish"/> over its sums; as it is without <paramref name="finish"/>.</summary>
        private static Expression Metered(Expression result, Func<IReadOnlyList<Expression>, Expression>? finish)
        {
            if (finish is null)
            {
                return result;
            }

            var found = Expression.Variable(typeof(LeadChunkResult), "found");
            string[] names = [nameof(LeadChunkResult.Group0), nameof(LeadChunkResult.Group1), nameof(LeadChunkResult.Group2), nameof(LeadChunkResult.Group3)];
            return Expression.Block([found], Expression.Assign(found, result), finish([.. names.Select(n => Expression.Property(found, n))]));
        }

        /// <summary>
        /// The summed rules without the meter's text charges while every text they read is short (see <see cref="ShortTexts"/>),
        /// finished by <paramref name="finish"/> over the group sums; longer texts go through <paramref name="metered"/>, whose
        /// result is finished the same way. <see langword="null"/> where the rules are metered otherwise.
        /// </summary>
        private static TDelegate? Unmetered<TDelegate>(
            Expression[] bodies,
            long[] points,
            int[] groups,
            Func<TLead, TActivity, LeadChunkResult> metered,
            Func<IReadOnlyList<Expression>, Expression>? finish,
            ParameterExpression lead,
            ParameterExpression activity)
            where TDelegate : Delegate
        {
            if (!ShortTexts.TryUnmeter(bodies, lead, activity, out var unmetered, out var guard))
            {
                return null;
            }

            var sums = Summing(unmetered, points, groups, withMask: false, finish);
            Expression body = guard is ConstantExpression { Value: true }
                ? sums
                : Expression.Condition(guard, sums, Metered(Expression.Invoke(Expression.Constant(metered), lead, activity), finish));
            return Expression.Lambda<TDelegate>(HoistAutoProperties(body, lead, activity), lead, activity).Compile();
        }

        /// <summary>
        /// Per rule <c>if (matched) { mask |= bit; group += points; }</c> (the mask if asked) into locals, then one result:
        /// <paramref name="finish"/> over the group sums, or a <see cref="LeadChunkResult"/>. A branch per rule, not a
        /// conditional add: most rules do not match most leads, so the branch is predicted and the sums carry no chain of
        /// dependent adds.
        /// </summary>
        private static BlockExpression Summing(Expression[] bodies, long[] points, int[] groups, bool withMask, Func<IReadOnlyList<Expression>, Expression>? finish = null)
        {
            var mask = Expression.Variable(typeof(ulong), "mask");
            var sums = Enumerable.Range(0, LeadChunkResult.SummedGroups).Select(g => Expression.Variable(typeof(long), "group" + g.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            var matched = Expression.Variable(typeof(bool), "matched");
            var body = new List<Expression> { Expression.Assign(mask, Expression.Constant(0UL)) };
            body.AddRange(sums.Select(v => (Expression)Expression.Assign(v, Zero)));
            for (var r = 0; r < bodies.Length; r++)
            {
                var added = new List<Expression>(2);
                if (withMask)
                {
                    added.Add(Expression.OrAssign(mask, Expression.Constant(1UL << r)));
                }

                if (points[r] != 0)
                {
                    added.Add(Expression.AddAssign(sums[groups[r]], Expression.Constant(points[r])));
                }

                body.Add(added.Count == 0 ? Expression.Assign(matched, bodies[r]) : Expression.IfThen(bodies[r], Expression.Block(added)));
            }

            var result = finish is null ? Expression.New(ResultConstructor, [mask, .. sums]) : finish(sums);
            body.Add(result);
            return Expression.Block(result.Type, [mask, matched, .. sums], body);
        }

        private static readonly Expression Zero = Expression.Constant(0L);

        private static readonly System.Reflection.MethodInfo MinMethod = typeof(Math).GetMethod(nameof(Math.Min), [typeof(long), typeof(long)])!;

        private static readonly System.Reflection.ConstructorInfo ResultConstructor =
            typeof(LeadChunkResult).GetConstructor([typeof(ulong), typeof(long), typeof(long), typeof(long), typeof(long)])!;

        private static Func<TLead, TActivity, ulong> Compile(Expression mask, ParameterExpression lead, ParameterExpression activity) =>
            Expression.Lambda<Func<TLead, TActivity, ulong>>(HoistAutoProperties(mask, lead, activity), lead, activity).Compile();

        /// <summary>Compiles each part on its own and one small delegate that ORs their masks: a part that throws makes the chunk throw, as one delegate would.</summary>
        private static Func<TLead, TActivity, ulong> Combine(List<Expression> parts, ParameterExpression lead, ParameterExpression activity)
        {
            Expression mask = Expression.Constant(0UL);
            foreach (var part in parts)
            {
                mask = Expression.Or(mask, Expression.Invoke(Expression.Constant(Compile(part, lead, activity)), lead, activity));
            }

            return Expression.Lambda<Func<TLead, TActivity, ulong>>(mask, lead, activity).Compile();
        }

        /// <summary>Reads each auto-property of <c>lead</c> or <c>activity</c> that the fused rules read more than once into a local, once.</summary>
        /// <remarks>Only compiler-generated auto-properties are hoisted: they cannot throw or have side effects, so reading them early changes nothing.</remarks>
        private static Expression HoistAutoProperties(Expression mask, ParameterExpression lead, ParameterExpression activity)
        {
            var counter = new AutoPropertyCounter(lead, activity);
            counter.Visit(mask);
            var hoisted = counter.Counts.Where(p => p.Value > 1).Select(p => p.Key).ToArray();
            if (hoisted.Length == 0)
            {
                return mask;
            }

            var locals = hoisted.ToDictionary(p => p, p => Expression.Variable(p.Property.PropertyType, p.Parameter.Name + "_" + p.Property.Name));
            var body = new AutoPropertyReplacer(locals).Visit(mask);
            return Expression.Block(
                locals.Values,
                locals.Select(l => (Expression)Expression.Assign(l.Value, Expression.Property(l.Key.Parameter, l.Key.Property))).Append(body));
        }

        private sealed class AutoPropertyCounter(ParameterExpression lead, ParameterExpression activity) : ExpressionVisitor
        {
            public Dictionary<(ParameterExpression Parameter, System.Reflection.PropertyInfo Property), int> Counts { get; } = [];

            protected override Expression VisitMember(MemberExpression node)
            {
                if (node.Expression is ParameterExpression p && (p == lead || p == activity) && node.Member is System.Reflection.PropertyInfo property && ShortTexts.IsAutoProperty(property))
                {
                    Counts[(p, property)] = Counts.GetValueOrDefault((p, property)) + 1;
                }

                return base.VisitMember(node);
            }
        }

        private sealed class AutoPropertyReplacer(Dictionary<(ParameterExpression Parameter, System.Reflection.PropertyInfo Property), ParameterExpression> locals) : ExpressionVisitor
        {
            protected override Expression VisitMember(MemberExpression node) =>
                node.Expression is ParameterExpression p && node.Member is System.Reflection.PropertyInfo property && locals.TryGetValue((p, property), out var local)
                    ? local
                    : base.VisitMember(node);
        }
    }
}
