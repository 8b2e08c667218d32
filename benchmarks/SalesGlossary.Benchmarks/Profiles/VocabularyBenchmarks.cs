using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SalesGlossary.Domain;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Benchmarks.Profiles;

/// <summary>What the vocabulary costs on a hot path: reading a stored stage name and evaluating a company against the ICP.</summary>
[MemoryDiagnoser]
public class VocabularyBenchmarks
{
    private static readonly Dictionary<string, LifecycleStage> ByName =
        LifecycleStage.List.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    private readonly IdealCustomerProfile profile = new(
        "Benchmark",
        [
            new IcpTierDefinition(IcpTier.Tier1, new FirmographicCriteria { Industries = ["Software"], Employees = new NumberRange(200, 2000), Countries = ["DE", "AT", "CH"], RequiredTechnologies = ["HubSpot"] }),
            new IcpTierDefinition(IcpTier.Tier2, new FirmographicCriteria { Industries = ["Software", "Manufacturing"], Employees = new NumberRange(50, 5000) }),
        ],
        [new IcpExclusion("Competitors", new FirmographicCriteria { Industries = ["Marketing Software"] })]);

    private readonly CompanyProfile company = new() { Name = "Globex", Industry = "Manufacturing", Employees = 3000, AnnualRevenue = 1_000_000m, Country = "NL", Technologies = ["SAP"] };

    [Benchmark(Baseline = true)]
    public LifecycleStage DictionaryLookup() => ByName["marketingqualifiedlead"];

    [Benchmark]
    public LifecycleStage FromNameIgnoringCase() => LifecycleStage.FromName("marketingqualifiedlead", ignoreCase: true);

    [Benchmark]
    public LifecycleStage ReadJsonName() => JsonSerializer.Deserialize<LifecycleStage>("\"marketingqualifiedlead\"", SalesGlossaryJson.Options)!;

    [Benchmark]
    public IcpTier EvaluateIcp() => profile.Evaluate(company).Tier;
}
