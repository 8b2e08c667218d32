using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Loads the agreement from the configured files, checks them on a timer and publishes a changed set only when it is valid.</summary>
/// <remarks>
/// Every load reads all the files (so an agreement and a model edited together are published together), compares them
/// with the last set it saw, and compiles a changed set on the thread pool, off the scoring path. One load runs at a
/// time; a timer tick that finds a load running skips its turn. A rejected set is logged once and not read again
/// until a file changes.
/// </remarks>
internal sealed class FileAgreementProvider : IAgreementProvider, IDisposable
{
    private const string Definition = "service level agreement";

    private readonly IOptions<SalesGlossaryOptions> options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly ExtensionsTelemetry telemetry;
    private readonly string root;
    private readonly SemaphoreSlim gate = new(1, 1);
    private AgreementSnapshot? current;
    private Documents? lastSeen;
    private CancellationTokenSource changed = new();
    private ITimer? timer;
    private bool disposed;

    public FileAgreementProvider(
        IOptions<SalesGlossaryOptions> options,
        TimeProvider time,
        ExtensionsTelemetry telemetry,
        ILoggerFactory? loggerFactory = null,
        IHostEnvironment? environment = null)
    {
        this.options = options;
        logger = Loggers.For<FileAgreementProvider>(loggerFactory);
        this.time = time;
        this.telemetry = telemetry;
        root = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        telemetry.ObserveGeneration(() => Volatile.Read(ref current)?.Generation ?? 0);
    }

    public AgreementSnapshot Current => Volatile.Read(ref current) ?? InitializeNow();

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    public async Task<AgreementReload> ReloadAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref current) is null)
        {
            var first = await InitializeAsync(cancellationToken).ConfigureAwait(false);
            return new AgreementReload(AgreementReloadOutcome.Published, first.Generation, []);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReloadCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Loads the first snapshot (logging every problem and throwing when the documents are invalid) and starts watching.</summary>
    internal async Task<AgreementSnapshot> InitializeAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref current) is { } loaded)
            {
                return loaded;
            }

            var settings = options.Value;
            Documents documents;
            ServiceLevelAgreement agreement;
            try
            {
                documents = await ReadAsync(settings, cancellationToken).ConfigureAwait(false);
                agreement = await Task.Run(() => ServiceLevelAgreement.Load(documents.Agreement, documents.Models), cancellationToken).ConfigureAwait(false);
            }
            catch (DefinitionValidationException e)
            {
                LogRejected(e.Definition, Describe(settings), e.Problems, "the application cannot use the agreement until every problem is fixed.");
                telemetry.Reloaded(AgreementReloadOutcome.Rejected);
                throw;
            }

            lastSeen = documents;
            var snapshot = Publish(agreement, documents);
            // Without files there is nothing that can change: the package's own documents are never polled.
            var hasFiles = settings.AgreementFile is not null || settings.ScoringModelFiles.Count > 0;
            if (settings.ReloadOnChange && hasFiles && !disposed)
            {
                timer = time.CreateTimer(_ => OnTick(), null, settings.ReloadCheckInterval, settings.ReloadCheckInterval);
            }

            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops checking the files; the current snapshot stays.</summary>
    internal void StopWatching() => Interlocked.Exchange(ref timer, null)?.Dispose();

    public void Dispose()
    {
        disposed = true;
        StopWatching();
    }

    private AgreementSnapshot InitializeNow() =>
        Task.Run(() => InitializeAsync(CancellationToken.None)).GetAwaiter().GetResult();

    private void OnTick()
    {
        if (!gate.Wait(0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await ReloadCoreAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failure of a background check is logged; the running agreement stays and the next tick tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var problem = new ValidationProblem { Path = "$", Message = "The check failed unexpectedly: " + e.GetType().Name + ": " + e.Message };
                LogRejected(Definition, Describe(options.Value), [problem], Stays());
            }
            finally
            {
                gate.Release();
            }
        });
    }

    /// <summary>Reads, compares, loads and publishes; the caller holds the gate.</summary>
    private async Task<AgreementReload> ReloadCoreAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var running = Volatile.Read(ref current)!;
        Documents documents;
        try
        {
            documents = await ReadAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (DefinitionValidationException e)
        {
            return Reject(e.Definition, settings, e.Problems, null);
        }

        if (lastSeen is { } seen && seen.SameAs(documents))
        {
            return new AgreementReload(AgreementReloadOutcome.Unchanged, running.Generation, []);
        }

        try
        {
            var agreement = await Task.Run(() => ServiceLevelAgreement.Load(documents.Agreement, documents.Models), cancellationToken).ConfigureAwait(false);
            lastSeen = documents;
            var snapshot = Publish(agreement, documents);
            return new AgreementReload(AgreementReloadOutcome.Published, snapshot.Generation, []);
        }
        catch (DefinitionValidationException e)
        {
            return Reject(e.Definition, settings, e.Problems, documents);
        }
    }

    private AgreementReload Reject(string definition, SalesGlossaryOptions settings, IReadOnlyList<ValidationProblem> problems, Documents? documents)
    {
        if (documents is not null)
        {
            lastSeen = documents;
        }

        LogRejected(definition, Describe(settings), problems, Stays());
        telemetry.Reloaded(AgreementReloadOutcome.Rejected);
        return new AgreementReload(AgreementReloadOutcome.Rejected, Volatile.Read(ref current)!.Generation, problems);
    }

    private string Stays() =>
        string.Create(CultureInfo.InvariantCulture, $"generation {Volatile.Read(ref current)?.Generation} stays in use.");

    private AgreementSnapshot Publish(ServiceLevelAgreement agreement, Documents documents)
    {
        var generation = (Volatile.Read(ref current)?.Generation ?? 0) + 1;
        var snapshot = new AgreementSnapshot(agreement, generation, time.GetUtcNow(), documents.Source);
        Volatile.Write(ref current, snapshot);
        telemetry.Reloaded(AgreementReloadOutcome.Published);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var models = string.Join(", ", agreement.ScoringModels.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + " " + m.Value.Version));
            Log.AgreementPublished(logger, agreement.Name, agreement.Version, generation, documents.Source, models);
        }

        // The application's change callbacks run on the thread pool, never inside the reload: one that reloads or
        // blocks cannot deadlock it. The old source is not disposed, so late registrations still see it cancelled.
        var previous = Interlocked.Exchange(ref changed, new CancellationTokenSource());
        ThreadPool.UnsafeQueueUserWorkItem(static source => source.Cancel(), previous, preferLocal: false);
        return snapshot;
    }

    private void LogRejected(string definition, string source, IReadOnlyList<ValidationProblem> problems, string consequence)
    {
        Log.DocumentsRejected(logger, definition, source, problems.Count, consequence);
        foreach (var problem in problems)
        {
            Log.DocumentProblem(logger, definition, problem.Path, problem.Message);
        }
    }

    private async Task<Documents> ReadAsync(SalesGlossaryOptions settings, CancellationToken cancellationToken)
    {
        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        string agreement;
        if (settings.AgreementFile is null)
        {
            agreement = ServiceLevelAgreement.DefaultJson;
            models["sample-lead-scoring"] = LeadScoringModel.SampleJson;
        }
        else
        {
            agreement = await ReadFileAsync(settings.AgreementFile, SalesGlossaryDocuments.MaxAgreementLength, Definition, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, path) in settings.ScoringModelFiles)
        {
            models[name] = await ReadFileAsync(path, ScoringLimits.Default.MaxDocumentLength, "scoring model '" + name + "'", cancellationToken).ConfigureAwait(false);
        }

        return new Documents(agreement, models, Describe(settings));
    }

    private async Task<string> ReadFileAsync(string path, int maxCharacters, string definition, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path, root);
        try
        {
            var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                return await SalesGlossaryDocuments.ReadAsync(stream, maxCharacters, definition, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DefinitionValidationException(definition, [new ValidationProblem { Path = "$", Message = "The file '" + full + "' cannot be read: " + e.Message }]);
        }
    }

    private string Describe(SalesGlossaryOptions settings)
    {
        var parts = new List<string> { settings.AgreementFile is null ? "the package's default agreement" : "'" + Path.GetFullPath(settings.AgreementFile, root) + "'" };
        parts.AddRange(settings.ScoringModelFiles.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => "scoring model '" + m.Key + "' from '" + Path.GetFullPath(m.Value, root) + "'"));
        return string.Join(", ", parts);
    }

    /// <summary>The texts of one set of documents, compared whole so that any edit is a change.</summary>
    private sealed record Documents(string Agreement, Dictionary<string, string> Models, string Source)
    {
        public bool SameAs(Documents other) =>
            string.Equals(Agreement, other.Agreement, StringComparison.Ordinal)
            && Models.Count == other.Models.Count
            && Models.All(m => other.Models.TryGetValue(m.Key, out var text) && string.Equals(m.Value, text, StringComparison.Ordinal));
    }
}
