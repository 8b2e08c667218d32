using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesGlossary.Domain.Extensions.Tests;

public sealed class StartupTests
{
    [Fact]
    public void Configuration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SalesGlossary:AgreementFile"] = "agreement.json",
            ["SalesGlossary:ScoringModelFiles:sample-lead-scoring"] = "models/lead.json",
            ["SalesGlossary:ScoringModelFiles:partner"] = "models/partner.json",
            ["SalesGlossary:ReloadOnChange"] = "false",
            ["SalesGlossary:ReloadCheckInterval"] = "00:00:05",
            ["SalesGlossary:FailedLeadLogInterval"] = "00:10:00",
        }).Build();
        using var services = new ServiceCollection().AddSalesGlossary(configuration.GetSection("SalesGlossary")).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<SalesGlossaryOptions>>().Value;

        Assert.Equal("agreement.json", options.AgreementFile);
        Assert.Equal(new Dictionary<string, string> { ["sample-lead-scoring"] = "models/lead.json", ["partner"] = "models/partner.json" }, options.ScoringModelFiles);
        Assert.False(options.ReloadOnChange);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ReloadCheckInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), options.FailedLeadLogInterval);
    }

    [Fact]
    public async Task InvalidOptions_StopTheHost_WithEveryProblemLogged()
    {
        using var host = Host(o =>
        {
            o.AgreementFile = " ";
            o.ScoringModelFiles["sample-lead-scoring"] = "";
            o.ReloadCheckInterval = TimeSpan.FromMilliseconds(10);
            o.FailedLeadLogInterval = TimeSpan.FromSeconds(-1);
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(4, error.Failures.Count());
        var logged = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "OptionsInvalid").ToArray();
        Assert.Equal(error.Failures, logged.Select(r => r.GetStructuredStateValue("Problem")));
        Assert.All(logged, r => Assert.Equal(LogLevel.Critical, r.Level));
        Assert.Contains(logged, r => r.Message.Contains("SalesGlossary:ReloadCheckInterval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidAgreementFile_StopsTheHost_WithEveryProblemLogged()
    {
        using var files = new TestFiles();
        var node = System.Text.Json.Nodes.JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!;
        node["leadTypes"]![0]!["scoringModel"] = "no-such-model";
        node["leadTypes"]![1]!["pipeline"] = "no-such-pipeline";
        var path = files.Write("agreement.json", node.ToJsonString());
        using var host = Host(o => o.AgreementFile = path);

        var error = await Assert.ThrowsAsync<DefinitionValidationException>(() => host.StartAsync());

        Assert.True(error.Problems.Count >= 2);
        var logged = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "DocumentProblem").ToArray();
        Assert.Equal(error.Problems.Select(p => p.Path), logged.Select(r => r.GetStructuredStateValue("JsonPath")));
        Assert.Contains(logged, r => r.GetStructuredStateValue("JsonPath")!.StartsWith("$.leadTypes[0]", StringComparison.Ordinal));
        Assert.Contains(logged, r => r.GetStructuredStateValue("JsonPath")!.StartsWith("$.leadTypes[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidSetUp_StartsTheHost_WithTheFirstAgreementLoaded()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.Model("3.1.4"));
        using var host = Host(o => o.ScoringModelFiles["sample-lead-scoring"] = path);

        await host.StartAsync();
        var provider = host.Services.GetRequiredService<IAgreementProvider>();
        await host.StopAsync();

        Assert.Equal(1, provider.Current.Generation);
        Assert.Equal("3.1.4", provider.Current.ScoringModel("sample-lead-scoring").Version);
    }

    [Fact]
    public void RelativePaths_AreResolvedAgainstTheContentRoot()
    {
        using var files = new TestFiles();
        files.Write("model.json", TestFiles.Model("rooted"));
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = files.Root });
        builder.Services.AddSalesGlossary(o => o.ScoringModelFiles["sample-lead-scoring"] = "model.json");
        using var host = builder.Build();

        Assert.Equal("rooted", host.Services.GetRequiredService<IAgreementProvider>().Current.ScoringModel("sample-lead-scoring").Version);
    }

    [Fact]
    public void AddSalesGlossaryTwice_RegistersTheServicesOnce()
    {
        var services = new ServiceCollection().AddSalesGlossary().AddSalesGlossary(o => o.ReloadOnChange = false);

        Assert.Single(services, d => d.ServiceType == typeof(IAgreementProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        using var provider = services.BuildServiceProvider();
        Assert.False(provider.GetRequiredService<IOptions<SalesGlossaryOptions>>().Value.ReloadOnChange);
    }

    private static IHost Host(Action<SalesGlossaryOptions> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddFakeLogging();
        builder.Services.AddSalesGlossary(configure);
        return builder.Build();
    }
}
