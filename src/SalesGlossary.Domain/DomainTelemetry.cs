using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SalesGlossary.Domain;

/// <summary>The one home of the library's instruments; every feature reports through these methods.</summary>
/// <remarks>
/// Each method checks <see cref="Instrument.Enabled"/> (or <see cref="ActivitySource.HasListeners"/>) first, so that
/// nothing is measured, tagged or allocated while no listener is attached. Callers on a bulk path count once per run
/// or batch, never per lead.
/// </remarks>
internal static class DomainTelemetry
{
    internal const string ModelTag = "salesglossary.scoring.model";
    internal const string ModeTag = "salesglossary.scoring.mode";
    internal const string TriggerTag = "salesglossary.trigger";
    internal const string BreachKindTag = "salesglossary.sla.breach.kind";

    internal const string Explained = "explained";
    internal const string Bulk = "bulk";
    internal const string Stream = "stream";
    internal const string Columnar = "columnar";

    private static readonly string? Version = typeof(DomainTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static readonly ActivitySource Source = new(SalesGlossaryTelemetry.ActivitySourceName, Version);

    private static readonly Meter Meter = new(SalesGlossaryTelemetry.MeterName, Version);

    private static readonly Counter<long> LeadsScored = Meter.CreateCounter<long>(
        "salesglossary.scoring.leads", "{lead}", "Leads scored.");

    private static readonly Counter<long> IncompleteLeads = Meter.CreateCounter<long>(
        "salesglossary.scoring.incomplete_leads", "{lead}", "Leads at least one of whose scoring rules failed at run time; their totals lack those rules' points.");

    private static readonly Counter<long> RuleErrors = Meter.CreateCounter<long>(
        "salesglossary.scoring.rule_errors", "{error}", "Scoring rule errors reported in explained scores.");

    private static readonly Counter<long> BudgetStops = Meter.CreateCounter<long>(
        "salesglossary.scoring.budget_stops", "{stop}", "Scoring evaluations stopped because they exhausted their budget.");

    private static readonly Counter<long> LifecycleTransitions = Meter.CreateCounter<long>(
        "salesglossary.lifecycle.transitions", "{transition}", "Lifecycle transitions recorded on contacts, by trigger.");

    private static readonly Counter<long> LifecycleRefusals = Meter.CreateCounter<long>(
        "salesglossary.lifecycle.refused_moves", "{move}", "Lifecycle moves refused on contacts, by trigger.");

    private static readonly Counter<long> DealTransitions = Meter.CreateCounter<long>(
        "salesglossary.deal.transitions", "{transition}", "Deal transitions recorded, by trigger.");

    private static readonly Counter<long> DealRefusals = Meter.CreateCounter<long>(
        "salesglossary.deal.refused_moves", "{move}", "Deal moves refused, by trigger.");

    private static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>(
        "salesglossary.sla.breaches", "{breach}", "Service level breaches recorded on contacts when their SLA timers fire, each once, by kind.");

    /// <summary>Counts leads scored by one explained score, one bulk run or one batch.</summary>
    internal static void Scored(string model, string mode, long leads, long incomplete)
    {
        if (LeadsScored.Enabled)
        {
            LeadsScored.Add(leads, new KeyValuePair<string, object?>(ModelTag, model), new KeyValuePair<string, object?>(ModeTag, mode));
        }

        if (incomplete > 0 && IncompleteLeads.Enabled)
        {
            IncompleteLeads.Add(incomplete, new KeyValuePair<string, object?>(ModelTag, model), new KeyValuePair<string, object?>(ModeTag, mode));
        }
    }

    /// <summary>Counts one explained score, its rule errors included.</summary>
    internal static void ScoredExplained(string model, int errors)
    {
        Scored(model, Explained, 1, errors > 0 ? 1 : 0);
        if (errors > 0 && RuleErrors.Enabled)
        {
            RuleErrors.Add(errors, new KeyValuePair<string, object?>(ModelTag, model), new KeyValuePair<string, object?>(ModeTag, Explained));
        }
    }

    /// <summary>Counts evaluations stopped by their budget; the sinks call it when a rule runs out of budget, which is rare, so it costs nothing on the normal path.</summary>
    internal static void BudgetStopped(string model, string mode, long stops)
    {
        if (stops > 0 && BudgetStops.Enabled)
        {
            BudgetStops.Add(stops, new KeyValuePair<string, object?>(ModelTag, model), new KeyValuePair<string, object?>(ModeTag, mode));
        }
    }

    /// <summary>Adds one to a counter with its one tag; nothing is built when no listener is attached.</summary>
    private static void CountOne(Counter<long> counter, string tag, string value)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(tag, value));
        }
    }

    /// <summary>Counts one recorded lifecycle transition.</summary>
    internal static void LifecycleTransition(string trigger) => CountOne(LifecycleTransitions, TriggerTag, trigger);

    /// <summary>Counts one refused lifecycle move.</summary>
    internal static void LifecycleRefused(string trigger) => CountOne(LifecycleRefusals, TriggerTag, trigger);

    /// <summary>Counts one recorded deal transition.</summary>
    internal static void DealTransition(string trigger) => CountOne(DealTransitions, TriggerTag, trigger);

    /// <summary>Counts one refused deal move.</summary>
    internal static void DealRefused(string trigger) => CountOne(DealRefusals, TriggerTag, trigger);

    /// <summary>Counts one breach as <c>Contact.FireSlaTimers</c> records it: the one place a breach becomes a fact, so a breach evaluated again is not counted again.</summary>
    internal static void SlaBreachRecorded(string kind) => CountOne(SlaBreaches, BreachKindTag, kind);

    /// <summary>Starts the activity of a bulk run or batch when someone listens.</summary>
    internal static Activity? StartBulk(string model, string version, string mode, long leads)
    {
        var activity = Start("salesglossary.scoring.bulk");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ModelTag, model);
            activity.SetTag("salesglossary.scoring.model.version", version);
            activity.SetTag(ModeTag, mode);
            activity.SetTag("salesglossary.scoring.leads", leads);
        }

        return activity;
    }

    /// <summary>Counts a finished bulk run or batch and completes its activity.</summary>
    internal static void BulkScored(Activity? activity, string model, string mode, long leads, long incomplete)
    {
        Scored(model, mode, leads, incomplete);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("salesglossary.scoring.incomplete_leads", incomplete);
        }
    }

    /// <summary>Counts a finished batch whose per-lead completeness is in <paramref name="complete"/>; the flags are read only when someone listens.</summary>
    internal static void BulkScored(Activity? activity, string model, string mode, ReadOnlySpan<bool> complete)
    {
        if (activity is null && !LeadsScored.Enabled && !IncompleteLeads.Enabled)
        {
            return;
        }

        var incomplete = 0;
        foreach (var flag in complete)
        {
            incomplete += flag ? 0 : 1;
        }

        BulkScored(activity, model, mode, complete.Length, incomplete);
    }

    /// <summary>Completes the activity of a load: the name and version of what was loaded, or the failure.</summary>
    internal static void Loaded(Activity? activity, Exception? failure, string? name, string? version)
    {
        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            Fail(activity, failure);
            return;
        }

        activity.SetTag("salesglossary.definition.name", name);
        activity.SetTag("salesglossary.definition.version", version);
    }

    /// <summary>Runs a load inside an activity named <paramref name="name"/>.</summary>
    internal static T Load<T>(string name, Func<T> load, Func<T, (string Name, string Version)> describe)
    {
        using var activity = Start(name);
        if (activity is null)
        {
            return load();
        }

        try
        {
            var loaded = load();
            var (loadedName, loadedVersion) = describe(loaded);
            Loaded(activity, null, loadedName, loadedVersion);
            return loaded;
        }
        catch (Exception e)
        {
            Loaded(activity, e, null, null);
            throw;
        }
    }

    /// <summary>Starts an activity when someone listens, or returns <see langword="null"/> at the cost of one check.</summary>
    internal static Activity? Start(string name)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return Source.StartActivity(name, ActivityKind.Internal);
    }

    /// <summary>Marks an activity failed with the exception's type, as OpenTelemetry's <c>error.type</c> asks.</summary>
    internal static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag("error.type", exception.GetType().FullName);
    }
}
