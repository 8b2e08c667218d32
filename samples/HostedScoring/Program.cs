// Hot reload of a scoring model in a generic host: the model file is edited while the application runs; a valid edit
// is published atomically, a broken edit is logged with its JSON paths and ignored, and scoring never stops.
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using SalesGlossary.Domain.Extensions;
using SalesGlossary.Domain;

// The sample works in a directory of its own and deletes only that directory.
var workDirectory = Directory.CreateTempSubdirectory("hosted-scoring-");
var modelFile = Path.Combine(workDirectory.FullName, "lead-scoring.json");
try
{
    File.WriteAllText(modelFile, Model("1.0.0", webinarPoints: 15));

    // Metrics: the library reports through a BCL meter; an OpenTelemetry exporter would subscribe the same way.
    var measured = new Dictionary<string, long>(StringComparer.Ordinal);
    using var meters = new MeterListener
    {
        InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SalesGlossaryTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        },
    };
    meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
    {
        lock (measured)
        {
            measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
        }
    });
    meters.Start();

    var builder = Host.CreateApplicationBuilder(args);
    builder.Services.AddSalesGlossary(options =>
    {
        options.ScoringModelFiles["sample-lead-scoring"] = modelFile;
        options.ReloadCheckInterval = TimeSpan.FromMilliseconds(200);
    });
    using var host = builder.Build();
    await host.StartAsync();

    var agreement = host.Services.GetRequiredService<IAgreementProvider>();
    var scoring = host.Services.GetRequiredService<LeadScoringService>();
    var time = host.Services.GetRequiredService<TimeProvider>();
    var lead = new LeadFacts
    {
        Id = "L-1001",
        Email = "mary@acme.de",
        JobTitle = "Director Marketing",
        Department = "Marketing",
        Industry = "Software",
        Employees = 420,
        AnnualRevenue = 25_000_000m,
        Country = "DE",
        LeadSource = "Webinar",
        Activities = [new LeadActivity { Type = "WebinarAttended", OccurredAt = time.GetUtcNow().AddDays(-2) }],
    };

    Print("Started", scoring.Score("new-prospect", lead, time.GetUtcNow()), agreement.Current);

    // 1. A valid edit: the webinar rule is worth more. The file is checked off the scoring path and published whole.
    await EditAndWait(agreement, modelFile, Model("1.1.0", webinarPoints: 30));
    var afterEdit = scoring.Score("new-prospect", lead, time.GetUtcNow());
    Print("Valid edit published", afterEdit, agreement.Current);

    // 2. A broken edit: a rule reaching for reflection. It is logged with its JSON path; the running model stays.
    var running = agreement.Current;
    File.WriteAllText(modelFile, Model("1.2.0-broken", webinarPoints: 30, extraRule: "lead.GetType().Assembly != null"));
    await Task.Delay(TimeSpan.FromSeconds(1));
    var check = await agreement.ReloadAsync();
    if (!ReferenceEquals(running, agreement.Current) || check.Outcome == AgreementReloadOutcome.Published)
    {
        throw new InvalidOperationException("A broken model replaced the running one.");
    }

    Print("Broken edit ignored", scoring.Score("new-prospect", lead, time.GetUtcNow()), agreement.Current);

    // 3. The fix is published as the next generation.
    await EditAndWait(agreement, modelFile, Model("1.2.0", webinarPoints: 25));
    Print("Fix published", scoring.Score("new-prospect", lead, time.GetUtcNow()), agreement.Current);

    await host.StopAsync();
    meters.RecordObservableInstruments();
    Console.WriteLine();
    Console.WriteLine("Metrics of meter " + SalesGlossaryTelemetry.MeterName + ":");
    lock (measured)
    {
        foreach (var (name, value) in measured.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {value,6}"));
        }
    }

    if (agreement.Current.Generation != 3)
    {
        throw new InvalidOperationException("Expected three published generations.");
    }
}
finally
{
    workDirectory.Delete(recursive: true);
}

static void Print(string step, LeadScore score, AgreementSnapshot snapshot) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{step,-22} generation {snapshot.Generation}, model {score.ModelVersion,-7} score {score.Total,6:0.##} grade {score.Grade}"));

static async Task EditAndWait(IAgreementProvider agreement, string path, string text)
{
    var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    using var registration = ChangeToken.OnChange(agreement.GetChangeToken, published.SetResult);
    await File.WriteAllTextAsync(path, text);
    await published.Task.WaitAsync(TimeSpan.FromSeconds(30));
}

static string Model(string version, int webinarPoints, string? extraRule = null)
{
    var model = JsonNode.Parse(LeadScoringModel.SampleJson)!.AsObject();
    model["ScoringModel"]!["Version"] = version;
    foreach (var rule in model["Rules"]!.AsArray())
    {
        if ((string?)rule!["RuleName"] == "WebinarAttended")
        {
            rule["Properties"]!["points"] = webinarPoints;
        }
    }

    if (extraRule is not null)
    {
        model["Rules"]!.AsArray().Add(new JsonObject { ["RuleName"] = "Reflect", ["Expression"] = extraRule, ["Properties"] = new JsonObject { ["points"] = 5 } });
    }

    return model.ToJsonString();
}
