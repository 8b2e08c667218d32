using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The agreement's report for a period: funnel, rejection rate, time in stage, attainment of both sides and weighted pipeline.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record SlaReport
{
    [JsonConstructor]
    internal SlaReport(ReportPeriod period, IReadOnlyList<FunnelStage> funnel, RejectionReport rejections, IReadOnlyList<StageDuration> timeInStage, IReadOnlyList<Attainment> attainment, PipelineForecast forecast)
    {
        Period = period;
        Funnel = funnel;
        Rejections = rejections;
        TimeInStage = timeInStage;
        Attainment = attainment;
        Forecast = forecast;
    }

    /// <summary>Gets the period.</summary>
    public ReportPeriod Period { get; internal init; }

    /// <summary>Gets the funnel of the cohort of contacts created in the period.</summary>
    public IReadOnlyList<FunnelStage> Funnel { get; internal init => field = ValueList<FunnelStage>.From(value); }

    /// <summary>Gets the SQL rejection (return) rate with reasons.</summary>
    public RejectionReport Rejections { get; internal init; }

    /// <summary>Gets median and 90th percentile time per stage.</summary>
    public IReadOnlyList<StageDuration> TimeInStage { get; internal init => field = ValueList<StageDuration>.From(value); }

    /// <summary>Gets attainment of marketing's and sales' commitments: qualified leads delivered (every handoff to sales) against the monthly commitment, the rejection rate against its limit, and the share of handed-over leads touched in time and worked through a full attempt sequence by the connect policy of their lead type (sales' commitment).</summary>
    public IReadOnlyList<Attainment> Attainment { get; internal init => field = ValueList<Attainment>.From(value); }

    /// <summary>Gets the weighted pipeline and forecast totals of the deals.</summary>
    public PipelineForecast Forecast { get; internal init; }

    /// <summary>Computes the report from contact histories, their connect attempts and deals.</summary>
    /// <param name="agreement">The agreement whose commitments and policies apply.</param>
    /// <param name="contacts">The contacts (with their histories and attempts).</param>
    /// <param name="deals">The deals.</param>
    /// <param name="period">The period.</param>
    /// <param name="now">The instant of the report, for stages still open; from the caller's <see cref="TimeProvider"/>.</param>
    /// <returns>The report, as plain records a caller can render or store.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SlaReport Compute(ServiceLevelAgreement agreement, IReadOnlyCollection<Contact> contacts, IReadOnlyCollection<Deal> deals, ReportPeriod period, DateTimeOffset now)
    {
        Guard.NotNull(agreement);
        Guard.NotNull(contacts);
        Guard.NotNull(deals);
        Guard.NotNull(period);
        return new SlaReport(
            period,
            ComputeFunnel(contacts, period),
            ComputeRejections(contacts, period),
            Durations(contacts, now),
            Attain(agreement, contacts, period, now),
            DealForecast.For(deals));
    }

    /// <summary>Computes the funnel of the cohort of contacts created in the period: a contact counts for every stage up to the furthest it reached.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <param name="period">The period that defines the cohort.</param>
    /// <returns>One entry per funnel stage, Subscriber to Evangelist, with the stages the contacts' agreements added after the stage each follows; a contact counts for an added stage once it reached it or a later stage.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<FunnelStage> ComputeFunnel(IReadOnlyCollection<Contact> contacts, ReportPeriod period)
    {
        Guard.NotNull(contacts);
        Guard.NotNull(period);
        var cohort = contacts.Where(c => period.Contains(c.History[0].At)).ToArray();
        var furthest = cohort.Select(c => c.History.Where(r => r.To.IsFunnelStage).Select(r => r.To.Rank).DefaultIfEmpty(0).Max()).ToArray();
        var stages = LifecycleStage.InFunnelOrder.Where(s => s.IsFunnelStage)
            .Concat(contacts.Select(c => c.Policy).Distinct().SelectMany(p => p.Definitions.AddedStages))
            .Distinct()
            .OrderBy(s => s.Rank)
            .ToArray();
        var result = new List<FunnelStage>(stages.Length);
        int? previous = null;
        foreach (var stage in stages)
        {
            var reached = furthest.Count(f => f >= stage.Rank);
            decimal? conversion = previous is > 0 ? Math.Round(100m * reached / previous.Value, 1) : null;
            result.Add(new FunnelStage(stage, reached, conversion));
            previous = reached;
        }

        return result;
    }

    /// <summary>Computes the SQL rejection (return) rate of the period with its reasons.</summary>
    /// <param name="contacts">The contacts.</param>
    /// <param name="period">The period.</param>
    /// <returns>The rejection report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static RejectionReport ComputeRejections(IReadOnlyCollection<Contact> contacts, ReportPeriod period)
    {
        Guard.NotNull(contacts);
        Guard.NotNull(period);
        var records = contacts.SelectMany(c => c.History).Where(r => period.Contains(r.At)).ToArray();
        var handedOver = HandoffsToSales(contacts, period);
        var returns = records.Where(r => r.Trigger == LifecycleTrigger.ReturnToMarketing).ToArray();
        var byReason = returns.GroupBy(r => r.Reason ?? "no reason", StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal)
            .ToArray();
        var rate = handedOver == 0 ? 0m : Math.Round(100m * returns.Length / handedOver, 1);
        return new RejectionReport(handedOver, returns.Length, rate, byReason);
    }

    /// <summary>
    /// The handoffs to sales in the period, by the contact's one definition (entering a stage sales owns, as the agreement
    /// assigns ownership); a contact that qualified again after a return counts again only where its agreement's
    /// requalification rule says so.
    /// </summary>
    private static int HandoffsToSales(IReadOnlyCollection<Contact> contacts, ReportPeriod period) =>
        contacts.Sum(c =>
        {
            var toSales = c.Handoffs.Where(h => h.To == Team.Sales);
            var counted = c.Policy.Definitions.Requalification.CountHandoffs == RequalifiedHandoffCounting.FirstHandoffOnly ? toSales.Take(1) : toSales;
            return counted.Count(h => period.Contains(h.At));
        });

    private static IReadOnlyList<StageDuration> Durations(IReadOnlyCollection<Contact> contacts, DateTimeOffset now) =>
        [.. contacts
            .SelectMany(c => StageTime.FromHistory(c.History, now))
            .GroupBy(t => t.Stage)
            .OrderBy(g => g.Key.IsFunnelStage ? 0 : 1).ThenBy(g => g.Key.Rank)
            .Select(g =>
            {
                var times = g.Select(t => t.Cumulative).Order().ToArray();
                return new StageDuration(g.Key, times.Length, Statistics.Median(times), Statistics.Percentile(times, 0.9));
            })];

    private static IReadOnlyList<Attainment> Attain(ServiceLevelAgreement agreement, IReadOnlyCollection<Contact> contacts, ReportPeriod period, DateTimeOffset now)
    {
        var delivered = HandoffsToSales(contacts, period);
        var target = Math.Round(agreement.Marketing.MqlsPerMonth * period.Months, 1);
        var rejections = ComputeRejections(contacts, period);
        var handedOver = contacts.Where(c => c.HandedOverAt is { } at && period.Contains(at)).ToArray();
        var touchedInTime = 0;
        var fullSequence = 0;
        foreach (var contact in handedOver)
        {
            var evaluation = contact.EvaluateConnectAttempts(now)!;
            touchedInTime += evaluation.Breaches.Any(b => b.Kind == ConnectBreachKind.FirstTouchLate) ? 0 : 1;
            fullSequence += evaluation.Status is ConnectStatus.Connected or ConnectStatus.Exhausted ? 1 : 0;
        }

        var rejectionLimit = agreement.Marketing.MaxSqlRejectionRatePercent;
        return
        [
            new Attainment(Team.Marketing, "Qualified leads handed to sales", delivered, target, Percent(delivered, target)),
            new Attainment(Team.Marketing, "SQL rejection rate at most the limit (%)", rejections.RatePercent, rejectionLimit,
                rejections.RatePercent <= rejectionLimit ? 100m : Percent(rejectionLimit, rejections.RatePercent)),
            new Attainment(Team.Sales, "Handed-over leads touched in time", touchedInTime, handedOver.Length, Percent(touchedInTime, handedOver.Length)),
            new Attainment(Team.Sales, "Handed-over leads with a full attempt sequence", fullSequence, handedOver.Length, Percent(fullSequence, handedOver.Length)),
        ];
    }

    private static decimal Percent(decimal actual, decimal target) =>
        target <= 0 ? 100m : Math.Clamp(Math.Round(100m * actual / target, 1), 0m, 100m);

    /// <summary>Returns the report as a few lines of text, culture-invariant.</summary>
    /// <returns>The report in words.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SLA report {Period.From:yyyy-MM-dd} to {Period.To:yyyy-MM-dd}: {Funnel[0].Reached} new contacts, rejection rate {Rejections.RatePercent} %, weighted pipeline {Forecast.WeightedPipeline:0.##}.");
}
