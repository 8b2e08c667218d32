using System.Diagnostics;
using System.Text;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Rules written by an integrator's customers must never read the host, crash the process or hang it. Each case runs in a
/// process of its own (the hostile-rule runner), so a failure cannot take the test host down with it.
/// </summary>
public class HostileRuleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        void Expression(string category, string id, string expression, string expected, string kind = "lead") =>
            data.Add(category + ": " + id, ModelJson.WithRule(expression, "{\"points\": 10, \"group\": \"engagement\"}"), expected, kind);
        void Document(string category, string id, string json, string expected) => data.Add(category + ": " + id, json, expected, "lead");

        // Reflection of any kind.
        Expression("reflection", "assembly name", "lead.GetType().Assembly.FullName != null", "the method 'Object.GetType' is not allowed");
        Expression("reflection", "assembly location", "lead.GetType().Assembly.Location.StartsWith(\"/\")", "the method 'Object.GetType' is not allowed");
        Expression("reflection", "type name", "lead.GetType().Name == \"LeadFacts\"", "the method 'Object.GetType' is not allowed");
        Expression("reflection", "string type", "\"x\".GetType().Module.Name != null", "the method 'Object.GetType' is not allowed");
        Expression("reflection", "defined types", "lead.GetType().Assembly.DefinedTypes.Any(t => t.Name == \"Program\")", "is not allowed");
        Expression("reflection", "Type.GetType", "Type.GetType(\"System.IO.File\") != null", "does not parse");
        // The host: files, environment, processes, network.
        Expression("host", "file", "System.IO.File.Exists(\"/etc/passwd\")", "does not parse");
        Expression("host", "environment", "System.Environment.GetEnvironmentVariable(\"HOME\") != null", "does not parse");
        Expression("host", "process", "System.Diagnostics.Process.Start(\"true\") != null", "does not parse");
        Expression("host", "http", "new System.Net.Http.HttpClient() != null", "does not parse");
        Expression("host", "app domain", "AppDomain.CurrentDomain.GetAssemblies().Length > 0", "does not parse");
        // Methods with side effects on the integrator's own input type.
        Expression("side effects", "instance method", "lead.Poke()", "does not parse", "custom");
        Expression("side effects", "static method", "CustomLead.Reset()", "does not parse", "custom");
        Expression("side effects", "list remove", "lead.Tags.Count > 0 && lead.Tags.Remove(\"a\")", "does not parse", "custom");
        Expression("side effects", "list index", "lead.Tags.Any(t => t == \"a\") && lead.Tags.IndexOf(\"a\") == 0", "does not parse", "custom");
        Expression("side effects", "list add", "lead.Tags.Add(\"x\") == null", "does not parse", "custom");
        Expression("side effects", "record clone", "lead.Equals(lead)", "is not accessible");
        Expression("side effects", "to string", "lead.ToString() != null", "is not allowed");
        // Unbounded CPU.
        Expression("cpu", "range count", "Enumerable.Range(0, 300000000).Count(x => x % 7 == 0) > 0", "the method 'Enumerable.Range' is not allowed");
        Expression("cpu", "nested ranges", "Enumerable.Range(0, 100000).Any(a => Enumerable.Range(0, 100000).Any(b => a * b < 0))", "the method 'Enumerable.Range' is not allowed");
        Expression("cpu", "cross join", "lead.Activities.SelectMany(a => lead.Activities).SelectMany(b => lead.Activities).Count() > 1", "the method 'Enumerable.SelectMany' is not allowed");
        Expression("cpu", "deep lambdas", "lead.Activities.Any(a => lead.Activities.Any(b => lead.Activities.Any(c => a == c)))", "lambdas are nested more than 2 deep");
        // Unbounded memory.
        Expression("memory", "pad left", "lead.Email.PadLeft(1000000000) != null", "the method 'String.PadLeft' is not allowed");
        Expression("memory", "repeat", "Enumerable.Repeat(\"x\", 300000000).ToArray().Length > 0", "the method 'Enumerable.Repeat' is not allowed");
        Expression("memory", "array bounds", "new int[1000000000].Length > 0", "does not parse");
        Expression("memory", "string join", "string.Join(\",\", Enumerable.Repeat(\"x\", 100000000)) != null", "is not allowed");
        // The parser's stack: nesting and length, checked before anything parses.
        Expression("stack", "5,000 parentheses", new string('(', 5000) + "true" + new string(')', 5000), "rejected before parsing");
        Expression("stack", "1,900 parentheses", new string('(', 1900) + "true" + new string(')', 1900), "rejected before parsing");
        Expression("stack", "40 parentheses", new string('(', 40) + "true" + new string(')', 40), "nests brackets more than 32 deep");
        Expression("stack", "prefix chain", new string('!', 1000) + "true", "prefix operators");
        Expression("stack", "ternary chain", string.Concat(Enumerable.Repeat("lead.Unsubscribed ? true : ", 60)) + "false", "rejected before parsing");
        Expression("stack", "100 KB expression", string.Join(" && ", Enumerable.Repeat("lead.Employees > 1", 5_000)), "the expression is 109996 characters long; the limit is 2000");
        Expression("stack", "1 MB expression", string.Join(" && ", Enumerable.Repeat("lead.Employees > 1", 50_000)), "the limit is 1000000");
        // The ambient clock and randomness.
        Expression("non-determinism", "clock", "DateTime.Now.Hour > 12", "the static member 'DateTime.Now' is not allowed");
        Expression("non-determinism", "utc clock", "activity.OccurredAt > DateTimeOffset.UtcNow.AddDays(-30)", "the static member 'DateTimeOffset.UtcNow' is not allowed");
        Expression("non-determinism", "guid", "Guid.NewGuid() != Guid.Empty", "is not allowed");
        // RulesEngine features that run code or misbehave.
        Document("engine", "actions", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1},\"Actions\":{\"OnSuccess\":{\"Name\":\"OutputExpression\",\"Context\":{\"Expression\":\"lead.GetType()\"}}}}"), "has Actions");
        Document("engine", "local params", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"x\",\"LocalParams\":[{\"Name\":\"x\",\"Expression\":\"lead.GetType() != null\"}],\"Properties\":{\"points\":1}}"), "uses LocalParams");
        Document("engine", "workflows to inject", "{\"WorkflowName\":\"w\",\"WorkflowsToInject\":[\"other\"],\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}]}", "WorkflowsToInject is not supported");
        Document("engine", "deep json", new StringBuilder().Insert(0, "{\"a\":", 200).Append('1').Append('}', 200).ToString(), "not valid JSON");
        Document("engine", "huge document", ModelJson.WithRule("true", "{\"points\": 1, \"x-pad\": \"" + new string('x', 1_100_000) + "\"}"), "the limit is 1000000");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileRule_IsRejectedAtLoad_WithoutHarmingTheProcess(string name, string json, string expected, string kind)
    {
        var file = Path.Combine(Path.GetTempPath(), "hostile-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var (exitCode, output) = await RunIsolated(file, kind);

            Assert.True(exitCode == 0, $"{name}: the runner process ended with exit code {exitCode}:\n{output}");
            Assert.True(output.StartsWith("REJECTED", StringComparison.Ordinal), $"{name}: not rejected:\n{output}");
            Assert.True(output.Contains(expected, StringComparison.Ordinal), $"{name}: rejected, but without '{expected}':\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheRunner_LoadsASafeModel_SoRejectionsAreReal()
    {
        var file = Path.Combine(Path.GetTempPath(), "safe-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, ModelJson.WithRule("lead.Tags.Any(t => t == \"a\") && lead.Name.StartsWith(\"ac\")"));
        try
        {
            var (exitCode, output) = await RunIsolated(file, "custom");
            Assert.Equal(0, exitCode);
            Assert.Equal("LOADED total=10 tags=2 pokes=0", output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunIsolated(string file, string kind)
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "SalesGlossary.Domain.HostileRuleRunner.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(runner);
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(kind);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "hung: killed after " + Limit.TotalSeconds + " s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
