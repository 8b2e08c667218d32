using Microsoft.Extensions.Logging;

namespace SalesGlossary.Domain.Extensions.Tests;

public sealed class AgreementProviderTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public void Current_WithDefaults_IsThePackagesAgreementAndSampleModel()
    {
        using var harness = new Harness(_ => { });

        var snapshot = harness.Provider.Current;

        Assert.Equal(1, snapshot.Generation);
        Assert.Equal(ServiceLevelAgreement.Default.Name, snapshot.Agreement.Name);
        Assert.Equal(LeadScoringModel.LoadSample().Version, snapshot.ScoringModel("sample-lead-scoring").Version);
        Assert.Equal(Harness.Start, snapshot.LoadedAt);
        var published = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "AgreementPublished");
        Assert.Equal("1", published.GetStructuredStateValue("Generation"));
    }

    [Fact]
    public void Current_ToString_SaysGenerationWhenWhereFromAndModelCount()
    {
        using var harness = new Harness(_ => { });

        var snapshot = harness.Provider.Current;

        Assert.Equal(
            "generation 1 loaded at " + Harness.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " from " + snapshot.Source + ": " +
            snapshot.Agreement.ScoringModels.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " scoring models",
            snapshot.ToString());
        Assert.DoesNotContain(nameof(AgreementSnapshot), snapshot.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScoringModel_UnknownName_ListsTheKnownNames()
    {
        using var harness = new Harness(_ => { });

        var error = Assert.Throws<ArgumentException>(() => harness.Provider.Current.ScoringModel("sample-lead-scorin"));

        Assert.Contains("'sample-lead-scorin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Its scoring models: 'sample-lead-scoring'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedValidFile_IsPublishedOnTheNextCheck_AndFiresTheChangeToken()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);
        Assert.Equal("1.0.0", harness.Provider.Current.ScoringModel("sample-lead-scoring").Version);
        var token = harness.Provider.GetChangeToken();

        files.Write("model.json", TestFiles.Model("2.0.0"));
        await harness.TickAsync(Interval, () => token.HasChanged);

        var snapshot = harness.Provider.Current;
        Assert.Equal(2, snapshot.Generation);
        Assert.Equal("2.0.0", snapshot.ScoringModel("sample-lead-scoring").Version);
        Assert.Equal(Harness.Start + Interval, snapshot.LoadedAt);
        Assert.False(harness.Provider.GetChangeToken().HasChanged);
        Assert.Equal(["published", "published"], harness.Reloads.GetMeasurementSnapshot().Select(m => (string)m.Tags[ExtensionsTelemetry.OutcomeTag]!));
        harness.Generation.RecordObservableInstruments();
        Assert.Equal(2, harness.Generation.LastMeasurement!.Value);
    }

    [Fact]
    public async Task BrokenEdit_IsLoggedWithItsJsonPaths_AndTheRunningModelStays()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);
        var running = harness.Provider.Current;

        files.Write("model.json", TestFiles.HostileModel());
        await harness.TickAsync(Interval, () => harness.Logs.GetSnapshot().Any(r => r.Id.Name == "DocumentsRejected"));

        Assert.Same(running, harness.Provider.Current);
        var problems = harness.Logs.GetSnapshot().Where(r => r.Id.Name == "DocumentProblem").ToArray();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(LogLevel.Error, p.Level));
        Assert.Contains(problems, p => p.GetStructuredStateValue("JsonPath") == "scoring model file 'sample-lead-scoring'.Rules[21].Expression"
            && p.Message.Contains("Rule 'Reflect' is rejected", StringComparison.Ordinal));
        var rejected = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "DocumentsRejected");
        Assert.Contains(path, rejected.Message, StringComparison.Ordinal);
        Assert.Contains("generation 1 stays in use", rejected.Message, StringComparison.Ordinal);
        Assert.Equal("rejected", harness.Reloads.LastMeasurement!.Tags[ExtensionsTelemetry.OutcomeTag]);
    }

    [Fact]
    public async Task RejectedFile_IsNotReportedAgain_UntilItChanges_ThenTheFixIsPublished()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);
        _ = harness.Provider.Current;
        files.Write("model.json", "{ \"WorkflowName\": ");

        var first = await harness.Provider.ReloadAsync();
        var again = await harness.Provider.ReloadAsync();
        files.Write("model.json", TestFiles.Model("1.0.1"));
        var fixedReload = await harness.Provider.ReloadAsync();

        Assert.Equal(AgreementReloadOutcome.Rejected, first.Outcome);
        Assert.Equal(1, first.Generation);
        Assert.NotEmpty(first.Problems);
        Assert.Equal(AgreementReloadOutcome.Unchanged, again.Outcome);
        Assert.Equal(AgreementReloadOutcome.Published, fixedReload.Outcome);
        Assert.Equal(2, fixedReload.Generation);
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "DocumentsRejected");
        Assert.Equal("1.0.1", harness.Provider.Current.ScoringModel("sample-lead-scoring").Version);
    }

    [Fact]
    public async Task DeletedFile_IsRejectedNamingThePath_AndTheRunningModelStays()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);
        var running = harness.Provider.Current;
        File.Delete(path);

        var reload = await harness.Provider.ReloadAsync();

        Assert.Equal(AgreementReloadOutcome.Rejected, reload.Outcome);
        var problem = Assert.Single(reload.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
        Assert.Same(running, harness.Provider.Current);
    }

    [Fact]
    public async Task ChangeCallback_ThatReloads_DoesNotDeadlockThePublishingReload()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o =>
        {
            o.ScoringModelFiles["sample-lead-scoring"] = path;
            o.ReloadOnChange = false;
        });
        _ = harness.Provider.Current;
        var nested = new TaskCompletionSource<AgreementReload>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = harness.Provider.GetChangeToken().RegisterChangeCallback(_ => nested.SetResult(harness.Provider.ReloadAsync().GetAwaiter().GetResult()), null);
        files.Write("model.json", TestFiles.Model("2.0.0"));

        var reload = await harness.Provider.ReloadAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var inner = await nested.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(AgreementReloadOutcome.Published, reload.Outcome);
        Assert.Equal(AgreementReloadOutcome.Unchanged, inner.Outcome);
        Assert.Equal(2, inner.Generation);
    }

    [Fact]
    public async Task TwoReloadsAtOnce_PublishAChangeOnce()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o =>
        {
            o.ScoringModelFiles["sample-lead-scoring"] = path;
            o.ReloadOnChange = false;
        });
        _ = harness.Provider.Current;
        files.Write("model.json", TestFiles.Model("2.0.0"));

        var reloads = await Task.WhenAll(Task.Run(() => harness.Provider.ReloadAsync()), Task.Run(() => harness.Provider.ReloadAsync()));

        Assert.Equal(
            [AgreementReloadOutcome.Published, AgreementReloadOutcome.Unchanged],
            reloads.Select(r => r.Outcome).Order());
        Assert.Equal(2, harness.Provider.Current.Generation);
    }

    [Fact]
    public async Task OversizedOrNonUtf8File_IsRejectedWithoutReplacingTheModel()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o =>
        {
            o.ScoringModelFiles["sample-lead-scoring"] = path;
            o.ReloadOnChange = false;
        });
        var running = harness.Provider.Current;

        files.Write("model.json", new string(' ', ScoringLimits.Default.MaxDocumentLength + 1));
        var oversized = await harness.Provider.ReloadAsync();
        File.WriteAllBytes(path, [0x7B, 0xFF, 0xFE, 0x7D]);
        var binary = await harness.Provider.ReloadAsync();

        Assert.Equal(AgreementReloadOutcome.Rejected, oversized.Outcome);
        Assert.Contains("longer than", Assert.Single(oversized.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(AgreementReloadOutcome.Rejected, binary.Outcome);
        Assert.Contains("not valid UTF-8", Assert.Single(binary.Problems).Message, StringComparison.Ordinal);
        Assert.Same(running, harness.Provider.Current);
    }

    [Fact]
    public async Task UnchangedFiles_AreNotReloaded()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);
        var running = harness.Provider.Current;

        var reload = await harness.Provider.ReloadAsync();

        Assert.Equal(AgreementReloadOutcome.Unchanged, reload.Outcome);
        Assert.Same(running, harness.Provider.Current);
        Assert.Single(harness.Reloads.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AgreementAndModelEditedTogether_ArePublishedTogether()
    {
        using var files = new TestFiles();
        var agreement = files.Write("agreement.json", ServiceLevelAgreement.DefaultJson);
        var model = files.Write("model.json", TestFiles.Model("1.0.0"));
        using var harness = new Harness(o =>
        {
            o.AgreementFile = agreement;
            o.ScoringModelFiles["sample-lead-scoring"] = model;
        });
        var before = harness.Provider.Current;
        var renamed = System.Text.Json.Nodes.JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!;
        renamed["version"] = "2026.2";
        files.Write("agreement.json", renamed.ToJsonString());
        files.Write("model.json", TestFiles.Model("2.0.0"));

        var reload = await harness.Provider.ReloadAsync();

        Assert.Equal(AgreementReloadOutcome.Published, reload.Outcome);
        Assert.NotEqual(before.Agreement.Version, harness.Provider.Current.Agreement.Version);
        Assert.Equal("2026.2", harness.Provider.Current.Agreement.Version);
        Assert.Equal("2.0.0", harness.Provider.Current.ScoringModel("sample-lead-scoring").Version);
    }

    [Fact]
    public void InvalidFirstLoad_ThrowsWithEveryProblem_AndLogsThemAll()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.HostileModel());
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);

        var error = Assert.Throws<DefinitionValidationException>(() => harness.Provider.Current);

        var logged = harness.Logs.GetSnapshot().Where(r => r.Id.Name == "DocumentProblem").Select(r => r.GetStructuredStateValue("JsonPath")).ToArray();
        Assert.Equal(error.Problems.Select(p => p.Path), logged);
        Assert.Contains("cannot use the agreement until every problem is fixed", Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "DocumentsRejected").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoringWhileReloading_EveryScoreUsesOneValidModel()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("v0"));
        using var harness = new Harness(o =>
        {
            o.ScoringModelFiles["sample-lead-scoring"] = path;
            o.ReloadOnChange = false;
        });
        var scoring = harness.Scoring;
        Assert.Equal(1, harness.Provider.Current.Generation);
        var versions = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var scorer = Task.Run(() =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                versions.Add(scoring.Score("new-prospect", TestFiles.Lead("L-" + i++), Harness.Start).ModelVersion);
            }
        });

        var published = new HashSet<string> { "v0" };
        for (var round = 1; round <= 12; round++)
        {
            var valid = round % 3 != 0;
            files.Write("model.json", valid ? TestFiles.Model("v" + round) : TestFiles.HostileModel());
            var reload = await harness.Provider.ReloadAsync();
            Assert.Equal(valid ? AgreementReloadOutcome.Published : AgreementReloadOutcome.Rejected, reload.Outcome);
            if (valid)
            {
                published.Add("v" + round);
            }
        }

        await stop.CancelAsync();
        await scorer;
        Assert.NotEmpty(versions);
        Assert.Subset(published, versions.ToHashSet());
        Assert.Equal(9, harness.Provider.Current.Generation);
    }
}
