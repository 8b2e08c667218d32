using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Loading fails fast and reports every problem at once, each with its rule, JSON path and an actionable message.</summary>
public class ScoringModelLoadTests
{
    private static DefinitionValidationException Rejected(string json) =>
        Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json));

    [Fact]
    public void Load_Sample_GivesItsRulesCapsAndGrades()
    {
        var model = LeadScoringModel.LoadSample();

        Assert.Equal(("sample-lead-scoring", "1.0.0", 21), (model.Name, model.Version, model.Rules.Count));
        Assert.Equal(150m, model.TotalCap);
        Assert.Equal(100m, model.GroupCaps["engagement"]);
        Assert.Equal(new GradeThresholds { FitA = 50, FitB = 25, EngagementOne = 40, EngagementTwo = 15 }, model.Grades);
        Assert.Equal(150m, model.MaximumScore);
        Assert.Contains(model.Rules, r => r.Points < 0);
        Assert.Contains(model.Rules, r => r.Decay is not null);
        Assert.Equal(new ScoringRule
        {
            Name = "SeniorTitle",
            Group = "fit",
            Scope = ScoringScope.Lead,
            Points = 15m,
            Expression = "(lead.JobTitle != null) && (lead.JobTitle != null && (lead.JobTitle.Contains(\"Director\") || lead.JobTitle.Contains(\"VP\") || lead.JobTitle.Contains(\"Head\")))",
        },
            model.Rules.Single(r => r.Name == "SeniorTitle"));
    }

    [Fact]
    public void Load_ManyProblems_ReportsThemAllAtOnceWithPathsAndRules()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Syntax\",\"Expression\":\"lead.Employees >= (200 &&\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"Unknown\",\"Expression\":\"lead.Budget > 1000\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"TypeError\",\"Expression\":\"lead.Industry > 5\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"syntax\",\"Expression\":\"true\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"LowerCaseOperator\",\"Operator\":\"and\",\"Rules\":[{\"RuleName\":\"A\",\"Expression\":\"true\"}],\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"NoPoints\",\"Expression\":\"true\",\"Properties\":{\"group\":\"fit\"}}",
            "{\"RuleName\":\"TextPoints\",\"Expression\":\"true\",\"Properties\":{\"points\":\"25\"}}",
            "{\"RuleName\":\"Unsupported\",\"Expression\":\"true\",\"LocalParams\":[{\"Name\":\"x\",\"Expression\":\"1\"}],\"Properties\":{\"points\":5}}",
            "{\"ruleName\":\"CamelCase\",\"RuleName\":\"Camel\",\"Expression\":\"true\",\"Properties\":{\"points\":5}}");
        json = json.Replace("\"ScoringModel\":{\"Version\":\"1\"}", "\"ScoringModel\":{\"Version\":\"1\",\"GroupCaps\":{\"engagment\":50}}", StringComparison.Ordinal);

        var error = Rejected(json);

        Assert.Equal(
            """
            The scoring model 'test' is invalid (10 problems); fix every problem listed and load it again:
            - $.Rules[0].Expression: Rule 'Syntax' does not parse: Expression expected
            - $.Rules[1].Expression: Rule 'Unknown' does not parse: No property or field 'Budget' exists in type 'LeadFacts'
            - $.Rules[2].Expression: Rule 'TypeError' does not parse: Method 'Compare' not found on type 'System.String' or 'System.Int32'
            - $.Rules[3].RuleName: Rule 'syntax' is defined more than once; RulesEngine fails at run time on duplicate names (names are compared ignoring case here).
            - $.Rules[4].Operator: Rule 'LowerCaseOperator': a nested rule needs an Operator of exactly And, AndAlso, Or or OrElse. RulesEngine 6.0.1 accepts 'and' when loading but never matches it; write 'And'.
            - $.Rules[5].Properties.points: Rule 'NoPoints' has no points; add "points": a number (negative to subtract).
            - $.Rules[6].Properties.points: The points of rule 'TextPoints' must be a number, not the text "25".
            - $.Rules[7].LocalParams: Rule 'Unsupported' uses LocalParams, which scoring models do not support; write the expression inline.
            - $.Rules[8].ruleName: Rule 'Camel' has 'ruleName'; write 'RuleName': RulesEngine reads property names case-sensitively and would ignore it.
            - $.ScoringModel.GroupCaps.engagment: The cap is set for the group 'engagment', but no rule belongs to it. Known groups: fit.
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Theory]
    [InlineData("{\"WorkflowName\":\"w\",\"Rules\":[]}", "$.ScoringModel: The workflow needs a ScoringModel object with at least its Version.¦$.Rules: The model has no rules.")]
    [InlineData("[1,2]", "$: The document must be a JSON object: one RulesEngine workflow.")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\"}]}",
        "$.Rules[0].Properties: Rule 'R' needs Properties with its points, for example \"Properties\": { \"points\": 10, \"group\": \"fit\" }.")]
    [InlineData("{\"WorkflowName\":\"w\",\"RuleExpressionType\":\"LambdaExpression\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}]}",
        "$.RuleExpressionType: Remove RuleExpressionType at workflow level: plain RulesEngine fails to read it there (set it per rule if at all).")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"activity.Type == \\\"X\\\"\",\"Properties\":{\"points\":1}}]}",
        "$.Rules[0].Expression: Rule 'R' is scored once per lead but reads 'activity'; set \"scope\": \"activity\" (or group \"engagement\") or read only 'lead'.")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"decay\":{\"percent\":50,\"everyDays\":30}}}]}",
        "$.Rules[0].Properties.decay: Rule 'R' is scored once per lead, so decay does not apply; set \"scope\": \"activity\" or remove decay.")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"group\":\"engagement\",\"decay\":{\"percent\":150,\"everyDays\":30},\"pionts\":2}}]}",
        "$.Rules[0].Properties.pionts: The Properties of rule 'R' has an unknown property 'pionts'. Known: points, group, scope, decay, windowDays, maxPerDay, handRaise, description; use an 'x-' prefix for your own.¦$.Rules[0].Properties.decay.percent: The decay percent of rule 'R' must be above 0 and at most 100; it is 150.")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\",\"Grades\":{\"Fit\":{\"A\":10,\"B\":20},\"Engagement\":{\"1\":5,\"2\":1}}},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}]}",
        "$.ScoringModel.Grades.Fit: The A threshold (10) must be above the B threshold (20).")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Operator\":\"Or\",\"Rules\":[{\"RuleName\":\"C\",\"Expression\":\"true\",\"Properties\":{\"points\":3}}],\"Properties\":{\"points\":1}}]}",
        "$.Rules[0].Expression: Rule 'R' has both an Expression and nested Rules; RulesEngine would ignore the Expression.¦$.Rules[0].Rules[0].Properties.points: Rule 'C' is nested; 'points' counts only on the top-level rule.")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1}},]}",
        "$.Rules[1]: The document is not valid JSON at line 1, byte 124: The JSON array contains a trailing comma at the end which is not supported in this mode.")]
    public void Load_InvalidDocument_SaysWhatAndWhere(string json, string expected)
    {
        var error = Rejected(json);
        Assert.Equal(expected.Split('¦'), error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_WithTighterLimits_EnforcesThem()
    {
        var error = Assert.Throws<DefinitionValidationException>(() =>
            LeadScoringModel.Load(LeadScoringModel.SampleJson, new ScoringLimits { MaxRules = 5, MaxExpressionLength = 40 }));
        Assert.Contains(error.Problems, p => p.ToString() == "$.Rules[5]: The model has more than 5 rules (nested rules included); that is the limit.");
        Assert.DoesNotContain(error.Problems, p => p.Path.StartsWith("$.ScoringModel", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.StartsWith("Rule 'DachRegion' is rejected before parsing: the expression is 49 characters long; the limit is 40", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_InvalidLimits_AreReported()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load("{}", new ScoringLimits { MaxNestingDepth = 500 }));
        Assert.Equal("$.maxNestingDepth: The limit must be between 1 and 64; it is 500.", error.Problems.Single().ToString());
    }

    [Fact]
    public void Load_DisabledRule_IsCheckedButNotScored()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRules(
            "{\"RuleName\":\"On\",\"Expression\":\"true\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"Off\",\"Enabled\":false,\"Expression\":\"true\",\"Properties\":{\"points\":7}}"));
        Assert.Equal(["On"], model.Rules.Select(r => r.Name));
        Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRules(
            "{\"RuleName\":\"Off\",\"Enabled\":false,\"Expression\":\"lead.Nope\",\"Properties\":{\"points\":7}}")));
    }

    [Fact]
    public void JsonSchema_DescribesExactlyTheKeysTheReaderAccepts()
    {
        var schema = JsonNode.Parse(LeadScoringModel.JsonSchema)!;
        foreach (var (place, keys) in ScoringModelReader.AcceptedKeys)
        {
            var node = place.Split('/').Skip(1).Aggregate(schema, (n, step) =>
                (n is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)] : n[step])
                ?? throw new InvalidOperationException($"The schema has no {place}."));
            Assert.Equal(keys.Order(StringComparer.Ordinal), node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void AcceptedKeys_AreTheOnesTheReaderChecks()
    {
        // A key the reader does not list is refused, with the list in the message: the list is the reader's own.
        var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRules(
            "{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"decay\":{\"percent\":10,\"everyDays\":7,\"half\":1}}}")));
        Assert.Contains("Known: " + string.Join(", ", ScoringModelReader.AcceptedKeys[ScoringModelReader.DecayPlace]), error.Message, StringComparison.Ordinal);
    }
}

public class OrdinalTextTests
{
    [Fact]
    public void TextRules_ScoreTheSameInEveryCulture()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRules(
            "{\"RuleName\":\"Starts\",\"Expression\":\"lead.JobTitle.StartsWith(\\\"i\\\")\",\"Properties\":{\"points\":1}}",
            "{\"RuleName\":\"Upper\",\"Expression\":\"lead.JobTitle.ToUpper() == \\\"IT\\\"\",\"Properties\":{\"points\":10}}",
            "{\"RuleName\":\"Order\",\"Expression\":\"lead.JobTitle.CompareTo(\\\"a\\\") > 0 && string.Compare(lead.JobTitle, \\\"Z\\\") > 0\",\"Properties\":{\"points\":100}}"));
        var lead = new LeadFacts { Id = "L", JobTitle = "it", Activities = [] };
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var totals = new[] { "en-US", "tr-TR", "de-DE" }.Select(name =>
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
                return model.Score(lead, DateTimeOffset.UnixEpoch).Total;
            }).ToArray();
            Assert.Equal([111m, 111m, 111m], totals);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }
}
