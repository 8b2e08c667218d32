using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Scores leads with the scoring model of their lead type in the current agreement, and logs leads whose rules failed.</summary>
/// <remarks>
/// Registered by <c>AddSalesGlossary</c> as a singleton; thread-safe. Each call takes the current snapshot once, so a
/// call (a bulk run included) uses exactly one model even while a reload publishes another. Leads whose rules failed
/// are logged at most once per <see cref="SalesGlossaryOptions.FailedLeadLogInterval"/>; each entry counts the leads
/// not logged since the previous one.
/// </remarks>
public sealed class LeadScoringService
{
    private readonly IAgreementProvider provider;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private readonly Lock gate = new();
    private long suppressed;
    private DateTimeOffset? lastLogged;

    internal LeadScoringService(IAgreementProvider provider, ILogger logger, TimeProvider time, IOptions<SalesGlossaryOptions> options)
    {
        this.provider = provider;
        this.logger = logger;
        this.time = time;
        interval = options.Value.FailedLeadLogInterval;
    }

    /// <summary>Scores one lead with its lead type's model, every contribution explained.</summary>
    /// <param name="leadType">The key of the lead's lead type in the agreement.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant the score is computed for.</param>
    /// <returns>The explained score; its <see cref="LeadScore.ModelVersion"/> names the model that computed it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The agreement has no such lead type; the message lists the keys.</exception>
    public LeadScore Score(string leadType, LeadFacts lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var model = provider.Current.Agreement.GetLeadType(leadType).ScoringModel;
        var score = model.Score(lead, asOf);
        if (!score.IsComplete && ShouldLog(1, out var before))
        {
            var first = score.Errors[0];
            var where = first.Rule is null ? string.Empty : "rule '" + first.Rule + "'" + (first.ActivityIndex is { } i ? " on activity " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ": ";
            Log.LeadRulesFailed(logger, lead.Id, model.Name, model.Version, score.Errors.Count, where + first.Message, before);
        }

        return score;
    }

    /// <summary>Scores many leads into totals with their lead type's model, in parallel batches, without allocating per lead.</summary>
    /// <param name="leadType">The key of the leads' lead type in the agreement.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totals">Receives each lead's total, at the lead's index.</param>
    /// <param name="options">Parallelism, batch size and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    /// <returns>How many leads were scored and how many had rule errors, with the model that scored them all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or <paramref name="totals"/> is <see langword="null"/>, or a lead is.</exception>
    /// <exception cref="ArgumentException">The agreement has no such lead type, or <paramref name="totals"/> is too short.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public BulkScoringSummary ScoreTotalsParallel(
        string leadType,
        LeadFacts[] leads,
        DateTimeOffset asOf,
        decimal[] totals,
        BulkScoringOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var model = provider.Current.Agreement.GetLeadType(leadType).ScoringModel;
        var summary = model.ScoreTotalsParallel(leads, asOf, totals, null, options, cancellationToken);
        if (summary.Incomplete > 0 && ShouldLog(summary.Incomplete, out var before))
        {
            Log.BulkRunIncomplete(logger, model.Name, model.Version, summary.Incomplete, summary.Scored, before);
        }

        return summary;
    }

    /// <summary>Decides whether an entry is due; if not, counts <paramref name="leads"/> toward the next one.</summary>
    private bool ShouldLog(long leads, out long before)
    {
        before = 0;
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return false;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (lastLogged is { } last && now - last < interval)
            {
                suppressed += leads;
                return false;
            }

            before = suppressed;
            suppressed = 0;
            lastLogged = now;
            return true;
        }
    }
}
