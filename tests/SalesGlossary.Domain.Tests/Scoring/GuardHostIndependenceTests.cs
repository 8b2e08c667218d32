using System.Diagnostics;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>No result depends on the host: its culture, time zone or globalization mode.</summary>
public class GuardHostIndependenceTests
{
    private static readonly string[] Cultures = ["tr-TR", "de-DE", "cs-CZ", ""];

    [Theory]
    [InlineData("lead.JobTitle.ToLower(null) == \"i\"", "takes a culture")]
    [InlineData("string.Compare(lead.JobTitle, \"I\", true) == 0", "compares by the host's culture")]
    [InlineData("lead.JobTitle.StartsWith(\"i\", true, null)", "takes a culture")]
    [InlineData("lead.JobTitle.Equals(\"i\", \"CurrentCultureIgnoreCase\")", "only with StringComparison.Ordinal")]
    [InlineData("lead.JobTitle.Contains(\"i\", StringComparison.InvariantCultureIgnoreCase)", "only with StringComparison.Ordinal")]
    [InlineData("string.Compare(lead.JobTitle, 0, \"ch\", 0, 2) == 0", "compares by the host's culture")]
    [InlineData("lead.JobTitle.CompareTo(lead.Employees) > 0", "not allowed")]
    [InlineData("(lead.Employees ?? 0).CompareTo(lead.JobTitle) > 0", "not allowed")]
    [InlineData("\"\" + lead.Employees == \"1\"", "text may be joined only with text")]
    [InlineData("\"\" + lead.AnnualRevenue == \"1.5\"", "text may be joined only with text")]
    [InlineData("(\"\" + DateTime(2026, 1, 1)).Length > 0", "text may be joined only with text")]
    [InlineData("lead.JobTitle + lead.Unsubscribed == \"x\"", "text may be joined only with text")]
    [InlineData("DateTimeOffset(DateTime(2026, 1, 1)).Offset.Hours == 0", "reads the host's time zone")]
    [InlineData("lead.Activities.Any(a => a.OccurredAt > DateTime(2026, 1, 1))", "incompatible with operand types")]
    [InlineData("DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local).Year > 0", "DateTimeKind")]
    [InlineData("lead.Activities.Select(a => a.Type).Max() == \"Z\"", "compares by the host's culture")]
    [InlineData("lead.Activities.Min(a => a.Type) == \"A\"", "compares by the host's culture")]
    [InlineData("lead.ToString() != null", "not allowed")]
    public void Load_HostDependentOverload_IsRejectedWithTheReason(string expression, string expected)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule(expression)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 40)]
    public Property GeneratedModels_ScoreTheSame_UnderEveryCulture() =>
        Prop.ForAll(Gen.SubListOf(Enumerable.Range(0, HostProbe.Fragments.Length).ToArray()).Where(l => l.Count > 0).ToArbitrary(), fragments =>
        {
            var original = CultureInfo.CurrentCulture;
            var originalUi = CultureInfo.CurrentUICulture;
            try
            {
                var fingerprints = Cultures.Select(name =>
                {
                    CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                    return HostProbe.Fingerprint(fragments);
                }).ToArray();
                Assert.All(fingerprints, f => Assert.Equal(fingerprints[0], f));
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
                CultureInfo.CurrentUICulture = originalUi;
            }
        });

    [Trait("Isolation", "ChildProcess")]
    [Fact]
    public async Task EveryProbeRule_ScoresTheSame_UnderOtherTimeZonesCulturesAndInvariantGlobalization()
    {
        (string Name, string Value)[][] hosts =
        [
            [("TZ", "UTC"), ("LC_ALL", "C.UTF-8")],
            [("TZ", "Asia/Tokyo"), ("LC_ALL", "tr_TR.UTF-8")],
            [("TZ", "America/St_Johns"), ("LC_ALL", "de_DE.UTF-8")],
            [("TZ", "Pacific/Kiritimati"), ("LC_ALL", "cs_CZ.UTF-8")],
            [("TZ", "Europe/Istanbul"), ("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")],
        ];

        var outputs = new List<string>();
        foreach (var host in hosts)
        {
            outputs.Add(await RunProbe(host));
        }

        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.Equal(HostProbe.Fingerprint(Enumerable.Range(0, HostProbe.Fragments.Length)), outputs[0]);
    }

    private static async Task<string> RunProbe((string Name, string Value)[] environment)
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "SalesGlossary.Domain.HostileRuleRunner.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(runner);
        start.ArgumentList.Add("--host-probe");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, string.Join(" ", environment.Select(e => e.Name + "=" + e.Value)) + ": " + await stderr);
        return await stdout;
    }
}
