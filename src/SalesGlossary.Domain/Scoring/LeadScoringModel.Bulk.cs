using System.Buffers;
using System.Linq.Expressions;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SalesGlossary.Domain.Scoring;

/// <content>The bulk path: totals for many leads at hand-written speed, without allocating per lead.</content>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    /// <summary>Gets how many <see cref="ulong"/> words record the matched rules of one lead (one bit per rule, in <see cref="Rules"/> order).</summary>
    public int MatchWordsPerLead => kernel.Words;

    /// <summary>Scores leads into totals on the calling thread, without allocating per lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totals">Receives each lead's total, at the lead's index; at least as long as <paramref name="leads"/>.</param>
    /// <returns>How many leads were scored and how many had rule errors (score those with <see cref="Score"/> to see the errors).</returns>
    /// <remarks>The totals are exactly those of <see cref="Score"/>, caps and decay included.</remarks>
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
    /// <returns>How many leads were scored and how many had rule errors (score those with <see cref="Score"/> to see the errors).</returns>
    /// <remarks>The totals are exactly those of <see cref="Score"/>, caps and decay included.</remarks>
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
    public BulkScoringSummary ScoreTotals(
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
        var words = kernel.Words;
        var batches = (leads.Length + options.BatchSize - 1) / options.BatchSize;
        long incomplete = 0;
        long scored = 0;
        using var activity = DomainTelemetry.StartBulk(Name, Version, DomainTelemetry.Bulk, leads.Length);
        Parallel.For(
            0,
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            batch =>
            {
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
                    var total = kernel.Score(lead, at, default, out var complete);
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
    public bool RuleMatched(ReadOnlySpan<ulong> matchedRules, int leadIndex, int ruleIndex) =>
        (matchedRules[(leadIndex * kernel.Words) + (ruleIndex >> 6)] & (1UL << (ruleIndex & 63))) != 0;

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
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, slice =>
        {
            var from = (int)((long)count * slice / slices);
            var to = (int)((long)count * (slice + 1) / slices);
            for (var i = from; i < to; i++)
            {
                totals[i] = model.kernel.Score(batch[i], asOf, default, out complete[i]);
                versions[i] = model.Version;
            }
        });
        DomainTelemetry.BulkScored(activity, model.Name, DomainTelemetry.Stream, complete.AsSpan(0, count));
    }

    private int ScoreRange(ReadOnlySpan<TLead> leads, DateTimeOffset asOf, Span<decimal> totals, Span<ulong> matchedRules)
    {
        var incomplete = 0;
        var words = kernel.Words;
        for (var i = 0; i < leads.Length; i++)
        {
            var matches = matchedRules.IsEmpty ? default : matchedRules.Slice(i * words, words);
            totals[i] = kernel.Score(leads[i], asOf, matches, out var complete);
            incomplete += complete ? 0 : 1;
        }

        return incomplete;
    }

    private void CheckDestinations(int leads, int totals, int matchedRules)
    {
        if (totals < leads)
        {
            throw new ArgumentException($"The totals destination holds {totals} values but there are {leads} leads.", nameof(totals));
        }

        if (matchedRules != 0 && matchedRules < leads * kernel.Words)
        {
            throw new ArgumentException(
                $"The matched-rules destination holds {matchedRules} words but {leads} leads need {leads * kernel.Words} ({kernel.Words} per lead).",
                nameof(matchedRules));
        }
    }

    /// <summary>
    /// The allocation-free totals path. All rules of a scope are fused into one compiled delegate per 64 rules that returns a
    /// bit mask of matches; the arithmetic mirrors <see cref="Score"/> exactly. A rule that throws sends the lead or activity
    /// to the rule-by-rule path, so that errors are attributed exactly as <see cref="Score"/> does.
    /// </summary>
    private sealed class TotalsKernel
    {
        private const int StackActivities = 128;

        private readonly LeadScoringModel<TLead, TActivity> model;
        private readonly Func<TLead, TActivity, ulong>[] leadChunks;
        private readonly Func<TLead, TActivity, ulong>[] activityChunks;
        private readonly int[] leadGroup;
        private readonly decimal[] leadPoints;
        private readonly int[] leadRuleIndex;
        private readonly int[] activityGroup;
        private readonly decimal[] activityPoints;
        private readonly int[] activityRuleIndex;
        private readonly decimal[] window;
        private readonly int[] maxPerDay;
        private readonly decimal[] decayShare;
        private readonly decimal[] decayEveryDays;
        private readonly decimal[] groupCap;
        private readonly bool[] groupCapped;

        public TotalsKernel(LeadScoringModel<TLead, TActivity> model, Expression[] bodies, ParameterExpression lead, ParameterExpression activity)
        {
            this.model = model;
            Words = Math.Max(1, (model.Rules.Count + 63) / 64);
            var leadRules = model.leadRules;
            var activityRules = model.activityRules;
            leadChunks = Fuse([.. leadRules.Select(r => bodies[r.Order])], lead, activity);
            activityChunks = Fuse([.. activityRules.Select(r => bodies[r.Order])], lead, activity);
            leadGroup = [.. leadRules.Select(r => Array.IndexOf(model.groups, r.Rule.Group))];
            leadPoints = [.. leadRules.Select(r => r.Rule.Points)];
            leadRuleIndex = [.. leadRules.Select(r => r.Order)];
            activityGroup = [.. activityRules.Select(r => Array.IndexOf(model.groups, r.Rule.Group))];
            activityPoints = [.. activityRules.Select(r => r.Rule.Points)];
            activityRuleIndex = [.. activityRules.Select(r => r.Order)];
            window = [.. activityRules.Select(r => r.Rule.WindowDays ?? decimal.MaxValue)];
            maxPerDay = [.. activityRules.Select(r => r.Rule.MaxPerDay ?? int.MaxValue)];
            decayShare = [.. activityRules.Select(r => r.Rule.Decay is { } d ? d.Percent / 100m : 0m)];
            decayEveryDays = [.. activityRules.Select(r => r.Rule.Decay?.EveryDays ?? 0m)];
            groupCap = [.. model.groups.Select(g => model.GroupCaps.TryGetValue(g, out var c) ? c : 0m)];
            groupCapped = [.. model.groups.Select(g => model.GroupCaps.ContainsKey(g))];
        }

        public int Words { get; }

        public decimal Score(TLead lead, DateTimeOffset asOf, Span<ulong> matched, out bool complete)
        {
            if (lead is null)
            {
                throw new ArgumentNullException(nameof(lead), "A lead in the bulk input is null.");
            }

            complete = true;
            matched.Clear();
            Span<decimal> sums = stackalloc decimal[groupCap.Length];
            ScoreLeadRules(lead, sums, matched, ref complete);
            if (activityPoints.Length > 0)
            {
                ScoreActivities(lead, asOf, sums, matched, ref complete);
            }

            var total = 0m;
            for (var g = 0; g < sums.Length; g++)
            {
                total += groupCapped[g] && sums[g] > groupCap[g] ? groupCap[g] : sums[g];
            }

            return model.TotalCap is { } cap && total > cap ? cap : total;
        }

        private void ScoreLeadRules(TLead lead, Span<decimal> sums, Span<ulong> matched, ref bool complete)
        {
            for (var chunk = 0; chunk < leadChunks.Length; chunk++)
            {
                ulong mask;
                try
                {
                    mask = leadChunks[chunk](lead, default!);
                }
#pragma warning disable CA1031 // Re-run rule by rule to attribute the error exactly as Score does.
                catch (Exception)
#pragma warning restore CA1031
                {
                    mask = RuleByRule(model.leadRules, chunk, lead, default!);
                    complete = false;
                }

                while (mask != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var r = (chunk << 6) + bit;
                    sums[leadGroup[r]] += leadPoints[r];
                    Mark(matched, leadRuleIndex[r]);
                }
            }
        }

        private void ScoreActivities(TLead lead, DateTimeOffset asOf, Span<decimal> sums, Span<ulong> matched, ref bool complete)
        {
            IReadOnlyList<TActivity> list;
            try
            {
                list = model.activities(lead) ?? [];
            }
#pragma warning disable CA1031 // Reported as an incomplete score, as Score does.
            catch (Exception)
#pragma warning restore CA1031
            {
                complete = false;
                return;
            }

            if (list.Count == 0)
            {
                return;
            }

            (long NegativeTicks, int Index)[]? rented = null;
            var order = list.Count <= StackActivities
                ? stackalloc (long, int)[list.Count]
                : (rented = ArrayPool<(long, int)>.Shared.Rent(list.Count));
            var rules = activityPoints.Length;
            int[]? rentedCounts = null;
            var dayCount = rules <= 256 ? stackalloc int[rules] : (rentedCounts = ArrayPool<int>.Shared.Rent(rules));
            long[]? rentedDays = null;
            var lastDay = rules <= 256 ? stackalloc long[rules] : (rentedDays = ArrayPool<long>.Shared.Rent(rules));
            try
            {
                var count = 0;
                for (var i = 0; i < list.Count; i++)
                {
                    var at = model.occurredAt(list[i]);
                    if (at <= asOf)
                    {
                        order[count++] = (-at.UtcTicks, i);
                    }
                }

                var active = order[..count];
                active.Sort();
                if (count > model.limits.MaxActivitiesPerLead)
                {
                    complete = false;
                    active = active[..model.limits.MaxActivitiesPerLead];
                }

                dayCount[..rules].Clear();
                lastDay[..rules].Fill(long.MinValue);
                foreach (var (negativeTicks, index) in active)
                {
                    var at = new DateTimeOffset(-negativeTicks, TimeSpan.Zero);
                    var ageDays = (decimal)(asOf - at).TotalDays;
                    var day = -negativeTicks / TimeSpan.TicksPerDay;
                    ScoreActivity(lead, list[index], ageDays, day, sums, matched, dayCount, lastDay, ref complete);
                }
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<(long, int)>.Shared.Return(rented);
                }

                if (rentedCounts is not null)
                {
                    ArrayPool<int>.Shared.Return(rentedCounts);
                }

                if (rentedDays is not null)
                {
                    ArrayPool<long>.Shared.Return(rentedDays);
                }
            }
        }

        private void ScoreActivity(
            TLead lead,
            TActivity activity,
            decimal ageDays,
            long day,
            Span<decimal> sums,
            Span<ulong> matched,
            Span<int> dayCount,
            Span<long> lastDay,
            ref bool complete)
        {
            for (var chunk = 0; chunk < activityChunks.Length; chunk++)
            {
                ulong mask;
                try
                {
                    mask = activityChunks[chunk](lead, activity);
                }
#pragma warning disable CA1031 // Re-run rule by rule (inside each rule's window only) to attribute errors exactly as Score does.
                catch (Exception)
#pragma warning restore CA1031
                {
                    mask = ActivityRuleByRule(chunk, lead, activity, ageDays, ref complete);
                }

                while (mask != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var r = (chunk << 6) + bit;
                    if (ageDays > window[r])
                    {
                        continue;
                    }

                    Mark(matched, activityRuleIndex[r]);
                    if (lastDay[r] != day)
                    {
                        lastDay[r] = day;
                        dayCount[r] = 0;
                    }

                    if (++dayCount[r] > maxPerDay[r])
                    {
                        continue;
                    }

                    // The same arithmetic as ScoreDecay.Apply, with Percent / 100 computed once at load.
                    sums[activityGroup[r]] += decayEveryDays[r] == 0m
                        ? activityPoints[r]
                        : Math.Round(activityPoints[r] * Math.Clamp(1m - (decayShare[r] * Math.Max(0m, ageDays) / decayEveryDays[r]), 0m, 1m), 2, MidpointRounding.AwayFromZero);
                }
            }
        }

        private static ulong RuleByRule(CompiledRule[] rules, int chunk, TLead lead, TActivity activity)
        {
            ulong mask = 0;
            for (var bit = 0; bit < 64 && (chunk << 6) + bit < rules.Length; bit++)
            {
                try
                {
                    if (rules[(chunk << 6) + bit].Match(lead, activity))
                    {
                        mask |= 1UL << bit;
                    }
                }
#pragma warning disable CA1031 // The failing rule contributes nothing, as in Score.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }

            return mask;
        }

        private ulong ActivityRuleByRule(int chunk, TLead lead, TActivity activity, decimal ageDays, ref bool complete)
        {
            ulong mask = 0;
            var rules = model.activityRules;
            for (var bit = 0; bit < 64 && (chunk << 6) + bit < rules.Length; bit++)
            {
                var r = (chunk << 6) + bit;
                if (ageDays > window[r])
                {
                    continue;
                }

                try
                {
                    if (rules[r].Match(lead, activity))
                    {
                        mask |= 1UL << bit;
                    }
                }
#pragma warning disable CA1031 // The failing rule contributes nothing and marks the lead incomplete, as in Score.
                catch (Exception)
#pragma warning restore CA1031
                {
                    complete = false;
                }
            }

            return mask;
        }

        private static void Mark(Span<ulong> matched, int rule)
        {
            if (!matched.IsEmpty)
            {
                matched[rule >> 6] |= 1UL << (rule & 63);
            }
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

        private static Func<TLead, TActivity, ulong>[] Fuse(Expression[] bodies, ParameterExpression lead, ParameterExpression activity)
        {
            var chunks = new Func<TLead, TActivity, ulong>[(bodies.Length + 63) / 64];
            for (var chunk = 0; chunk < chunks.Length; chunk++)
            {
                Expression mask = Expression.Constant(0UL);
                for (var bit = 0; bit < 64 && (chunk << 6) + bit < bodies.Length; bit++)
                {
                    mask = Expression.Or(mask, Expression.Condition(bodies[(chunk << 6) + bit], Expression.Constant(1UL << bit), Expression.Constant(0UL)));
                }

                chunks[chunk] = Expression.Lambda<Func<TLead, TActivity, ulong>>(HoistAutoProperties(mask, lead, activity), lead, activity).Compile();
            }

            return chunks;
        }
    
        private static bool IsAutoProperty(System.Reflection.PropertyInfo property) =>
            property.GetMethod is { IsStatic: false } && property.DeclaringType!.GetField(
                "<" + property.Name + ">k__BackingField",
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic) is not null;

        private sealed class AutoPropertyCounter(ParameterExpression lead, ParameterExpression activity) : ExpressionVisitor
        {
            public Dictionary<(ParameterExpression Parameter, System.Reflection.PropertyInfo Property), int> Counts { get; } = [];

            protected override Expression VisitMember(MemberExpression node)
            {
                if (node.Expression is ParameterExpression p && (p == lead || p == activity) && node.Member is System.Reflection.PropertyInfo property && IsAutoProperty(property))
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
