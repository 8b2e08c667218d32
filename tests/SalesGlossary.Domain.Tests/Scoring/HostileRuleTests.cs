using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Rules written by an integrator's customers must never read the host, crash the process, hang it or exhaust its memory.
/// Every case is either rejected at load with its reason or stopped by the work budget with a rule error (or, for a case
/// at the hard maximums, loaded within bounded memory). Cases that could crash or hang the process if the sandbox failed
/// (the parser's stack, CPU, memory, the size of what is parsed and compiled) run in a process of their own (the
/// hostile-rule runner), under a memory limit on Linux. Every case that is safe to try in the test host also runs there,
/// so that a weakened check fails a test in this process: all of them except those whose danger is in loading itself.
/// </summary>
public class HostileRuleTests(HostileRuleTests.Totals totals, ITestOutputHelper output) : IClassFixture<HostileRuleTests.Totals>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, HostileCase> Catalogue = BuildCatalogue();

    /// <summary>Where a case runs: in the test host, or in a process of its own because a sandbox failure could crash or hang it.</summary>
    public enum Isolation
    {
        InProcess,
        OwnProcess,
    }

    /// <summary>Every case whose load is safe in the test host: those rejected at load or stopped by the budget, whatever their isolation.</summary>
    public static TheoryData<string> InProcessCases() => [.. Catalogue.Values.Where(c => !c.LoadHazard).Select(c => c.Name)];

    public static TheoryData<string> OwnProcessCases() => [.. Catalogue.Values.Where(c => c.Isolation == Isolation.OwnProcess).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(InProcessCases))]
    public void HostileRule_SafeToTryInTheTestHost_IsRejectedOrStopped(string name)
    {
        var c = Catalogue[name];
        string outcome;
        try
        {
            var limits = Limits(c.Profile);
            if (c.Kind == "custom")
            {
                var model = LeadScoringModel.LoadFor<CustomLead, LeadActivity>(c.Json, l => l.Activities, a => a.OccurredAt, limits);
                var score = model.Score(new CustomLead("acme", ["a", "b"], []), Generators.ScoringNow);
                outcome = Outcome(score);
            }
            else
            {
                var model = LeadScoringModel.Load(c.Json, limits);
                var lead = c.Kind == "big" ? BigLead() : StandardLead();
                var score = model.Score(lead, Generators.ScoringNow);
                var bulk = model.ScoreTotals([lead, lead], Generators.ScoringNow, new decimal[2]);
                outcome = Outcome(score) + " bulkIncomplete=" + bulk.Incomplete.ToString(CultureInfo.InvariantCulture);
            }
        }
        catch (DefinitionValidationException e)
        {
            outcome = "REJECTED\n" + string.Join("\n", e.Problems);
        }

        output.WriteLine(outcome);
        totals.Record(c, outcome, inOwnProcess: false);
        Check(c, outcome);
    }

    [Trait("Isolation", "ChildProcess")]
    [Theory]
    [MemberData(nameof(OwnProcessCases))]
    public async Task HostileRule_ThatCouldCrashOrHang_IsRejectedOrStopped_InItsOwnProcess(string name)
    {
        var c = Catalogue[name];
        var file = Path.Combine(Path.GetTempPath(), "hostile-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, c.Json);
        try
        {
            var (exitCode, outcome) = await RunIsolated(file, c.Kind, c.Profile);

            output.WriteLine("exit code " + exitCode.ToString(CultureInfo.InvariantCulture) + ": " + outcome);
            totals.Record(c, exitCode == 0 ? outcome : exitCode == -1 ? "HUNG" : "CRASHED", inOwnProcess: true);
            Assert.True(exitCode == 0, $"{name}: the runner process crashed or hung (exit code {exitCode}):\n{outcome}");
            Check(c, outcome);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Trait("Isolation", "ChildProcess")]
    [Fact]
    public async Task TheRunner_LoadsASafeModel_SoRejectionsAreReal()
    {
        var file = Path.Combine(Path.GetTempPath(), "safe-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, ModelJson.WithRule("lead.Tags.Any(t => t == \"a\") && lead.Name.StartsWith(\"ac\")"));
        try
        {
            var (exitCode, outcome) = await RunIsolated(file, "custom", "default");
            Assert.Equal(0, exitCode);
            Assert.Equal("LOADED total=10 tags=2 pokes=0", outcome.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheCatalogue_CoversEveryClassOfAttack()
    {
        string[] classes =
        [
            "reflection", "host", "side effects", "cpu", "memory", "stack", "non-determinism", "engine", "tokenizer", "budget",
            "time zone", "culture", "to string", "document", "load size",
        ];

        Assert.All(classes, k => Assert.Contains(Catalogue.Values, c => c.Category == k));
        Assert.Equal(classes.Order(), Catalogue.Values.Select(c => c.Category).Distinct().Order());
    }

    /// <summary>The limits a case loads with: the defaults, every text limit raised to its hard maximum, or every limit at its hard maximum.</summary>
    private static ScoringLimits Limits(string profile) => profile switch
    {
        "raised" => new()
        {
            MaxExpressionLength = ScoringLimits.HardMaxExpressionLength, MaxNestingDepth = ScoringLimits.HardMaxNestingDepth, MaxLambdaDepth = 8,
            MaxTokensPerExpression = ScoringLimits.HardMaxTokensPerExpression,
        },
        "hard" => new()
        {
            MaxExpressionLength = ScoringLimits.HardMaxExpressionLength, MaxNestingDepth = ScoringLimits.HardMaxNestingDepth, MaxLambdaDepth = 8,
            MaxTokensPerExpression = ScoringLimits.HardMaxTokensPerExpression, MaxTokensPerModel = ScoringLimits.HardMaxTokensPerModel, MaxRules = 100_000,
        },
        _ => ScoringLimits.Default,
    };

    /// <summary>The runner's large lead: a 3-million-character email and a 2-million-character URL.</summary>
    private static LeadFacts BigLead() =>
        new LeadFacts
        {
            Id = "L-1",
            Email = new string('x', 3_000_000) + "@b.c",
            JobTitle = "VP Sales",
            Department = "Sales",
            Industry = "Software",
            Employees = 500,
            AnnualRevenue = 1_000_000m,
            Country = "DE",
            LeadSource = "Web",
            Activities = [.. Enumerable.Range(0, 50).Select(i => new LeadActivity { Type = "PageView", OccurredAt = Generators.ScoringNow.AddHours(-i), Url = i == 0 ? "/" + new string('p', 2_000_000) : "/pricing" })],
        };

    private static LeadFacts StandardLead() =>
        new LeadFacts
        {
            Id = "L-1",
            Email = "a@b.c",
            JobTitle = "VP Sales",
            Department = "Sales",
            Industry = "Software",
            Employees = 500,
            AnnualRevenue = 1_000_000m,
            Country = "DE",
            LeadSource = "Web",
            Activities = [.. Enumerable.Range(0, 50).Select(i => new LeadActivity { Type = "PageView", OccurredAt = Generators.ScoringNow.AddHours(-i), Url = "/pricing" })],
        };

    private static string Outcome(LeadScore score) =>
        (score.Errors.Any(e => e.Message.StartsWith("The rule was stopped after", StringComparison.Ordinal)) ? "STOPPED" : "LOADED")
        + " errors=" + string.Join(" | ", score.Errors.Select(e => e.Message));

    private static void Check(HostileCase c, string output)
    {
        if (c.Expected == "LOADED")
        {
            Assert.True(output.StartsWith("LOADED", StringComparison.Ordinal), $"{c.Name}: not loaded within its limits:\n{output}");
            return;
        }

        if (c.Expected == "STOPPED")
        {
            Assert.True(output.StartsWith("STOPPED", StringComparison.Ordinal), $"{c.Name}: not stopped by the budget:\n{output}");
            return;
        }

        Assert.True(output.StartsWith("REJECTED", StringComparison.Ordinal), $"{c.Name}: not rejected:\n{output}");
        Assert.True(output.Contains(c.Expected, StringComparison.Ordinal), $"{c.Name}: rejected, but without '{c.Expected}':\n{output}");
    }

    private static Dictionary<string, HostileCase> BuildCatalogue()
    {
        var cases = new List<HostileCase>();

        // The danger of these classes is in loading itself (the parser's stack, the size of what is parsed and compiled):
        // a weakened check would crash the test host, so they run only in a process of their own.
        string[] loadHazards = ["stack", "tokenizer", "load size"];
        void Expression(string category, string id, string expression, string expected, string kind = "lead", Isolation isolation = Isolation.InProcess, bool raised = false, string scope = "lead") =>
            cases.Add(new HostileCase(category, category + ": " + id, ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), expected, kind, isolation,
                raised ? "raised" : "default", loadHazards.Contains(category)));
        void Document(string category, string id, string json, string expected, Isolation isolation = Isolation.InProcess, string kind = "lead", string profile = "default") =>
            cases.Add(new HostileCase(category, category + ": " + id, json, expected, kind, isolation, profile, loadHazards.Contains(category) || json.Length > 1_000_000));
        string Rules(int count, string expression) =>
            ModelJson.WithRules([.. Enumerable.Range(0, count).Select(i => "{\"RuleName\":\"R" + i.ToString(CultureInfo.InvariantCulture) + "\",\"Expression\":" + JsonSerializer.Serialize(expression) + ",\"Properties\":{\"points\":1}}")]);
        string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
        const Isolation Own = Isolation.OwnProcess;
        var thousand = string.Join(",", Enumerable.Range(0, 1_000).Select(i => "\"w" + i + "\""));

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
        // Unbounded CPU: generated ranges, cross joins, nesting, and allowed constructs composed into exponential work.
        Expression("cpu", "range count", "Enumerable.Range(0, 300000000).Count(x => x % 7 == 0) > 0", "the method 'Enumerable.Range' is not allowed", isolation: Own);
        Expression("cpu", "nested ranges", "Enumerable.Range(0, 100000).Any(a => Enumerable.Range(0, 100000).Any(b => a * b < 0))", "the method 'Enumerable.Range' is not allowed", isolation: Own);
        Expression("cpu", "cross join", "lead.Activities.SelectMany(a => lead.Activities).SelectMany(b => lead.Activities).Count() > 1", "the method 'Enumerable.SelectMany' is not allowed", isolation: Own);
        Expression("cpu", "deep lambdas", "lead.Activities.Any(a => lead.Activities.Any(b => lead.Activities.Any(c => a == c)))", "lambdas are nested more than 2 deep", isolation: Own);
        Expression("cpu", "concat over constants, nested count", "new[] { " + thousand + " }.Select(a => string.Concat(a, a, a, a)).Count(x => new[] { " + thousand + " }.Select(b => b + b + b).Contains(x + x)) > 0", "rejected by the cost model", isolation: Own, raised: true);
        Expression("cpu", "doubling text over constants", "new[] { \"abcdefgh\" }" + string.Concat(Enumerable.Repeat(".Select(s => s + s)", 14)) + ".Any(s => s.Length > 1)", "rejected by the cost model", isolation: Own);
        Expression("cpu", "two lambdas deep over activities in an activity rule", "lead.Activities.Any(a => lead.Activities.Any(b => a.OccurredAt == b.OccurredAt))", "rejected by the cost model", isolation: Own, scope: "activity");
        Expression("cpu", "quadratic lead rule", "lead.Activities.Count(a => lead.Activities.Count(b => b.Type == a.Type) > 1) > 0", "grows with the square of the lead's data", isolation: Own);
        // Text searches and lambda-free walks are charged before they run.
        Expression("cpu", "search of lead text for lead text", "lead.Email.Contains(lead.Email.Substring(1), StringComparison.OrdinalIgnoreCase)", "product of the two lengths", "big", Own);
        Expression("cpu", "long needle in a long text", "lead.Email.Contains(\"" + new string('x', 200) + "b\", StringComparison.OrdinalIgnoreCase)", "at the model's own limits", "big", Own);
        Expression("cpu", "search in a loop over lead text", "lead.Email.Count(c => lead.Email.Contains(\"" + new string('x', 200) + "\", StringComparison.OrdinalIgnoreCase)) > 0", "grows with the square of the lead's data", "big", Own);
        Expression("cpu", "lambda-free walks in constant loops", "\"" + new string('a', 370) + "\".Trim().Count(c => \"" + new string('a', 370) + "\".Trim().Count(d => lead.Email.Distinct().Count() > 5) > 0) > 0", "at the model's own limits", "big", Own);
        Expression("cpu", "implicit-it nesting", "lead.Activities.Any(lead.Activities.Any(Type == \"x\"))", "is rejected", isolation: Own);
        // Unbounded memory.
        Expression("memory", "pad left", "lead.Email.PadLeft(1000000000) != null", "the method 'String.PadLeft' is not allowed", isolation: Own);
        Expression("memory", "repeat", "Enumerable.Repeat(\"x\", 300000000).ToArray().Length > 0", "the method 'Enumerable.Repeat' is not allowed", isolation: Own);
        Expression("memory", "array bounds", "new int[1000000000].Length > 0", "does not parse", isolation: Own);
        Expression("memory", "string join", "string.Join(\",\", Enumerable.Repeat(\"x\", 100000000)) != null", "is not allowed", isolation: Own);
        Expression("memory", "gigabyte text from constants", "new[] { \"" + new string('x', 1_000) + "\" }" + string.Concat(Enumerable.Repeat(".Select(s => s + s + s + s)", 10)) + ".Any(s => s.Length > 0)", "characters from its own constants", isolation: Own);
        Expression("memory", "text rebuilt in chained loops", "lead.Activities.Select(a => a.Url + a.Url + a.Url + a.Url)" + string.Concat(Enumerable.Repeat(".Select(t => t + t + t + t)", 10)) + ".Any(t => t.Length > 0)", "times as long as the lead's texts", "big", Own);
        Expression("memory", "text many times the lead's own", "(lead.Email + lead.Email + lead.Email + lead.Email + lead.Email + lead.Email).Length > 0", "times as long as the lead's texts", isolation: Own);
        // The parser's stack: nesting and length, checked on the parser's own tokens before anything parses.
        Expression("stack", "5,000 parentheses", new string('(', 5000) + "true" + new string(')', 5000), "rejected before parsing", isolation: Own);
        Expression("stack", "1,900 parentheses", new string('(', 1900) + "true" + new string(')', 1900), "rejected before parsing", isolation: Own);
        Expression("stack", "40 parentheses", new string('(', 40) + "true" + new string(')', 40), "nests brackets more than 32 deep", isolation: Own);
        Expression("stack", "prefix chain", new string('!', 1000) + "true", "prefix operators", isolation: Own);
        Expression("stack", "ternary chain", string.Concat(Enumerable.Repeat("lead.Unsubscribed ? true : ", 60)) + "false", "rejected before parsing", isolation: Own);
        Expression("stack", "100 KB expression", string.Join(" && ", Enumerable.Repeat("lead.Employees > 1", 5_000)), "the expression is 109996 characters long; the limit is 2000", isolation: Own);
        Expression("stack", "1 MB expression", string.Join(" && ", Enumerable.Repeat("lead.Employees > 1", 50_000)), "the limit is 1000000", isolation: Own);
        // The tokenizer: literals, escapes and keywords the old character scan read differently from the parser.
        Expression("tokenizer", "backslash literal hides 3,000 brackets", "lead.Email == \"\\\\\" || " + new string('(', 3000) + "true" + new string(')', 3000), "nests brackets more than 64 deep", isolation: Own, raised: true);
        Expression("tokenizer", "escaped quote hides 3,000 brackets", "lead.Email == \"\\\"(\" || " + new string('(', 3000) + "true" + new string(')', 3000), "nests brackets more than 64 deep", isolation: Own, raised: true);
        Expression("tokenizer", "single-quoted backslash hides brackets", "lead.Email == '\\\\' || " + new string('[', 3000) + "true" + new string(']', 3000), "rejected before parsing", isolation: Own, raised: true);
        Expression("tokenizer", "not chain", string.Concat(Enumerable.Repeat("not ", 3000)) + "true", "prefix operators", isolation: Own, raised: true);
        Expression("tokenizer", "mixed not and ! chain", string.Concat(Enumerable.Repeat("not !", 2000)) + "true", "prefix operators", isolation: Own, raised: true);
        Expression("tokenizer", "iif chain", string.Concat(Enumerable.Repeat("iif(lead.Unsubscribed, true, ", 300)) + "false" + new string(')', 300), "rejected before parsing", isolation: Own, raised: true);
        Expression("tokenizer", "implicit-it lambdas", string.Join(" && ", Enumerable.Repeat("lead.Activities.Any(Type == \"x\")", 300)), "lambdas; at most 64 are accepted", isolation: Own, raised: true);
        // The run-time budget: rules that load (they are linear) but meet a lead large enough to exceed the budget.
        Expression("budget", "loop over a 3-million-character text", "lead.Email.Count(c => c == 'z') > 0", "STOPPED", "big", Own);
        Expression("budget", "text built from a large lead", "(lead.Email + lead.Email).Length > 0", "STOPPED", "big", Own);
        Expression("budget", "activity rule over long urls", "activity.Url.Any(c => c == 'z')", "STOPPED", "big", Own, scope: "activity");
        Expression("budget", "lowercasing a large text in a loop", "lead.Activities.Any(a => a.Url.ToLower().Contains(\"z\")) || lead.Email.ToUpper().Length < 0", "STOPPED", "big", Own);
        // The ambient clock, randomness and the host's time zone.
        Expression("non-determinism", "clock", "DateTime.Now.Hour > 12", "the static member 'DateTime.Now' is not allowed");
        Expression("non-determinism", "utc clock", "activity.OccurredAt > DateTimeOffset.UtcNow.AddDays(-30)", "the static member 'DateTimeOffset.UtcNow' is not allowed", scope: "activity");
        Expression("non-determinism", "guid", "Guid.NewGuid() != Guid.Empty", "is not allowed");
        Expression("time zone", "offset from a local date", "DateTimeOffset(DateTime(2026, 1, 1)).Offset.Hours == 0", "reads the host's time zone");
        Expression("time zone", "local kind", "DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local).Hour == 0", "DateTimeKind");
        Expression("time zone", "offset of a local date in a comparison", "lead.Activities.Any(a => a.OccurredAt > DateTimeOffset(DateTime(2026, 1, 1)))", "reads the host's time zone");
        // Culture: every overload that would read the host's culture.
        Expression("culture", "ToLower(null)", "lead.JobTitle.ToLower(null) == \"vp sales\"", "takes a culture");
        Expression("culture", "Compare ignoring case", "string.Compare(lead.JobTitle, \"VP SALES\", true) == 0", "compares by the host's culture");
        Expression("culture", "StartsWith with culture", "lead.JobTitle.StartsWith(\"vp\", true, null)", "takes a culture");
        Expression("culture", "Equals with comparison as text", "lead.JobTitle.Equals(\"vp sales\", \"CurrentCultureIgnoreCase\")", "only with StringComparison.Ordinal");
        Expression("culture", "Contains with comparison as text", "lead.JobTitle.Contains(\"sales\", \"InvariantCultureIgnoreCase\")", "only with StringComparison.Ordinal");
        Expression("culture", "five-argument Compare", "string.Compare(lead.JobTitle, 0, \"VP\", 0, 2) == 0", "compares by the host's culture");
        Expression("culture", "CompareTo(object)", "lead.JobTitle.CompareTo(lead.Employees) != 0", "not allowed");
        Expression("culture", "text plus number", "\"\" + lead.Employees == \"500\"", "text may be joined only with text");
        Expression("culture", "text plus decimal", "\"\" + lead.AnnualRevenue == \"1000000\"", "text may be joined only with text");
        Expression("culture", "text plus date", "(\"\" + DateTime(2026, 1, 1)).Length > 0", "text may be joined only with text");
        Expression("culture", "max of texts", "lead.Activities.Select(a => a.Type).Max() == \"PageView\"", "compares by the host's culture");
        // ToString by the back door: "" + x is string.Concat(object, object), which would call x.ToString().
        Expression("to string", "integrator's ToString with side effects", "(\"\" + lead).Length > 0", "text may be joined only with text", "custom");
        Expression("to string", "collection ToString", "(\"\" + lead.Tags).Contains(\"List\")", "text may be joined only with text", "custom");
        Expression("to string", "cyclic record", "(lead.Name + lead.Parent).Length > 0", "text may be joined only with text", "custom");
        Expression("to string", "activity record", "(\"\" + lead.Activities.First()).Contains(\"Url\")", "text may be joined only with text");
        // RulesEngine features that run code or misbehave, and malformed documents.
        Document("engine", "actions", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1},\"Actions\":{\"OnSuccess\":{\"Name\":\"OutputExpression\",\"Context\":{\"Expression\":\"lead.GetType()\"}}}}"), "has Actions");
        Document("engine", "local params", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"x\",\"LocalParams\":[{\"Name\":\"x\",\"Expression\":\"lead.GetType() != null\"}],\"Properties\":{\"points\":1}}"), "uses LocalParams");
        Document("engine", "workflows to inject", "{\"WorkflowName\":\"w\",\"WorkflowsToInject\":[\"other\"],\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}]}", "WorkflowsToInject is not supported");
        Document("engine", "deep json", new StringBuilder().Insert(0, "{\"a\":", 200).Append('1').Append('}', 200).ToString(), "not valid JSON", Own);
        Document("engine", "huge document", ModelJson.WithRule("true", "{\"points\": 1, \"x-pad\": \"" + new string('x', 1_100_000) + "\"}"), "the limit is 1000000", Own);
        Document("document", "lone surrogate escape", "{\"WorkflowName\":\"w\\ud800\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[]}", "$.WorkflowName: The text at line 1 is not valid Unicode");
        Document("document", "lone surrogate in an expression", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"lead.Email == \\\"\\udfff\\\"\",\"Properties\":{\"points\":1}}"), "$.Rules[0].Expression: The text at line 1 is not valid Unicode");
        Document("document", "duplicate points", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":10,\"points\":1000000}}"), "The key 'points' appears twice");
        Document("document", "second rules array", "{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}],\"Rules\":[]}", "The key 'Rules' appears twice");
        Document("document", "duplicate expression", ModelJson.WithRules("{\"RuleName\":\"R\",\"Expression\":\"false\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}"), "The key 'Expression' appears twice");
        // The size of what is parsed and compiled: a 126 KB document of rules made of long chains once took 24 MB and 0.6 s
        // per rule at load and ran the process out of memory. Each expression's tokens, and the whole model's, are bounded
        // before anything parses; trees are bounded after parsing; large rules are compiled in bounded parts.
        Document("load size", "60 rules of 990 chained +1", Rules(60, "lead.Employees" + Repeat("+1", 990) + " > 0"), "(ScoringLimits.MaxTokensPerExpression)", Own);
        Document("load size", "&& chain", Rules(60, Repeat("lead.Employees>1&&", 110) + "true"), "the expression has 661 tokens", Own);
        Document("load size", "|| chain", Rules(60, Repeat("lead.Employees>1||", 110) + "true"), "the expression has 661 tokens", Own);
        Document("load size", "?: chains in 300 rules", Rules(300, Repeat("lead.Unsubscribed?true:", 30) + "false"), "(ScoringLimits.MaxTokensPerModel)", Own);
        Document("load size", "chained method calls", Rules(60, "lead.Email" + Repeat(".Trim()", 140) + ".Length > 0"), "(ScoringLimits.MaxTokensPerExpression)", Own);
        Document("load size", "long member chain", Rules(60, "lead" + Repeat(".Parent", 260) + ".Name != null"), "(ScoringLimits.MaxTokensPerExpression)", Own, "custom");
        Document("load size", "array of 2,600 elements", Rules(60, "new[]{" + string.Join(",", Enumerable.Repeat("1", 2_600)) + "}.Contains(lead.Employees ?? 0)"), "(ScoringLimits.MaxTokensPerExpression)", Own, profile: "raised");
        Document("load size", "deep nesting in 800 rules", Rules(800, new string('(', 32) + "lead.Employees>1" + new string(')', 32)), "(ScoringLimits.MaxTokensPerModel)", Own);
        Document("load size", "110 rules at the token limit", Rules(110, "-lead.Employees" + Repeat("+1", 246) + " < 0"), "(ScoringLimits.MaxTokensPerModel)", Own);
        Document("load size", "16 lambdas in 250 rules", Rules(250, Repeat("lead.Activities.Any(a=>a.Type==\"x\")&&", 16) + "true"), "(ScoringLimits.MaxTokensPerModel)", Own);
        Document("load size", "np over a long member chain", Rules(60, "np(lead.Email" + Repeat(".Trim()", 110) + ".Length) > 0"), "is rejected after parsing: its tree has more than 2000 nodes", Own);
        Document("load size", "30 rules of 990 chained +1 at the hard maximums", Rules(30, "lead.Employees" + Repeat("+1", 990) + " > 0"), "LOADED", Own, profile: "hard");
        return cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs the runner on one case. On Linux it runs under a memory limit (4 GB of address space, a 256 MB managed heap), so
    /// a case that exhausts memory ends the runner, never the machine; out of memory shows as a crash.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> RunIsolated(string file, string kind, string limits)
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "SalesGlossary.Domain.HostileRuleRunner.dll");
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "/bin/sh" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (OperatingSystem.IsLinux())
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("ulimit -v 4000000 && exec dotnet \"$@\"");
            start.ArgumentList.Add("runner");
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000";
        }

        start.ArgumentList.Add(runner);
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(kind);
        start.ArgumentList.Add(limits);
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

    /// <summary>One hostile case; <paramref name="LoadHazard"/> when a weakened check could crash the process while loading it.</summary>
    public sealed record HostileCase(string Category, string Name, string Json, string Expected, string Kind, Isolation Isolation, string Profile, bool LoadHazard);

    /// <summary>
    /// The suite's totals: every case tried and how it ended (in its own process when it has one, else in the test host).
    /// Written when the class's tests end, to the test output (a diagnostic message) and to <c>hostile-suite-totals.txt</c>
    /// beside the tests.
    /// </summary>
    public sealed class Totals(IMessageSink sink) : IDisposable
    {
        private readonly ConcurrentDictionary<string, (string Outcome, bool InOwnProcess)> outcomes = new(StringComparer.Ordinal);
        private int inProcessRuns;
        private int ownProcessRuns;

        public void Record(HostileCase c, string outcome, bool inOwnProcess)
        {
            Interlocked.Increment(ref inOwnProcess ? ref ownProcessRuns : ref inProcessRuns);
            var kind = outcome.StartsWith("REJECTED", StringComparison.Ordinal) ? "rejected"
                : outcome.StartsWith("STOPPED", StringComparison.Ordinal) ? "stopped"
                : outcome.StartsWith("LOADED", StringComparison.Ordinal) ? "loaded"
                : outcome == "HUNG" ? "hung" : "crashed";
            outcomes.AddOrUpdate(c.Name, (kind, inOwnProcess), (_, old) => old.InOwnProcess && !inOwnProcess ? old : (kind, inOwnProcess));
        }

        public void Dispose()
        {
            if (outcomes.IsEmpty)
            {
                return;
            }

            int Count(string kind) => outcomes.Values.Count(o => o.Outcome == kind);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"Hostile suite: {outcomes.Count} cases tried ({ownProcessRuns} runs in their own process, {inProcessRuns} in the test host): {Count("rejected")} rejected at load, {Count("stopped")} stopped by the budget, {Count("loaded")} loaded within the hard maximums, {Count("crashed")} crashed, {Count("hung")} hung");
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "hostile-suite-totals.txt"), line + Environment.NewLine);
            sink.OnMessage(new Xunit.Sdk.DiagnosticMessage(line));
        }
    }
}
