using static SalesGlossary.Domain.Tests.Scoring.ReaderRuleRefusalTests;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Nested rules (depth, operators, children) and the model-level parts of a document (its settings, grades, caps, the
/// exception's title), each refusal with its exact path and whole message.
/// </summary>
public class ReaderStructureTests
{
    private const string Leaf = "{'RuleName':'NAME','Expression':'true'}";

    private static string Nested(string name, string op, params string[] children) =>
        "{'RuleName':'" + name + "','Operator':'" + op + "','Rules':[" + string.Join(",", children) + "]}";

    private static string Top(string nestedBody) => ModelJson.WithRules(J(nestedBody.Insert(nestedBody.Length - 1, ",'Properties':{'points':1}")));

    [Fact]
    public void Nesting_ThreeDeep_IsAccepted_AndFourDeepRefused()
    {
        var three = Top(Nested("top", "And", Nested("two", "And", Nested("three", "Or", Leaf.Replace("NAME", "leaf", StringComparison.Ordinal), Leaf.Replace("NAME", "leaf2", StringComparison.Ordinal)))));
        Assert.Equal("(((true) || (true)))", OnlyRule(three).Expression);

        var four = Top(Nested("top", "And", Nested("two", "And", Nested("three", "Or", Nested("four", "And", Leaf.Replace("NAME", "leaf", StringComparison.Ordinal))))));
        Assert.Equal(["$.Rules[0].Rules[0].Rules[0].Rules[0].Rules: Rule 'four': rules are nested more than 3 deep."], Problems(four));
    }

    [Theory]
    [InlineData("And", "(lead.Employees > 1) && (lead.Employees < 9)")]
    [InlineData("AndAlso", "(lead.Employees > 1) && (lead.Employees < 9)")]
    [InlineData("Or", "(lead.Employees > 1) || (lead.Employees < 9)")]
    [InlineData("OrElse", "(lead.Employees > 1) || (lead.Employees < 9)")]
    public void NestedRule_TextJoinsItsChildrenWithItsOperator(string op, string expected)
    {
        var rule = OnlyRule(Top(Nested("top", op, "{'RuleName':'a','Expression':'lead.Employees > 1'}", "{'RuleName':'b','Expression':'lead.Employees < 9'}")));

        Assert.Equal(expected, rule.Expression);
    }

    [Theory]
    [InlineData("{'RuleName':'R','Operator':'And','Properties':{'points':1}}")]
    [InlineData("{'RuleName':'R','Operator':'And','Rules':[],'Properties':{'points':1}}")]
    [InlineData("{'RuleName':'R','Operator':'And','Rules':{},'Properties':{'points':1}}")]
    [InlineData("{'RuleName':'R','Operator':'And','Rules':null,'Properties':{'points':1}}")]
    public void Operator_WithoutNestedRules_IsRefused(string rule)
    {
        Assert.Equal(["$.Rules[0].Rules: Rule 'R': a rule with an Operator needs nested Rules."], Problems(ModelJson.WithRules(J(rule))));
    }

    [Theory]
    [InlineData(",'Operator':'Xor'", "")]
    [InlineData(",'Operator':5", "")]
    [InlineData("", "")]
    [InlineData(",'Operator':'and'", " RulesEngine 6.0.1 accepts 'and' when loading but never matches it; write 'And'.")]
    [InlineData(",'Operator':'ORELSE'", " RulesEngine 6.0.1 accepts 'ORELSE' when loading but never matches it; write 'OrElse'.")]
    public void NestedRules_WithoutAnExactOperator_AreRefused(string op, string hint)
    {
        var json = ModelJson.WithRules(J("{'RuleName':'R'" + op + ",'Rules':[{'RuleName':'c','Expression':'true'}],'Properties':{'points':1}}"));

        Assert.Equal(["$.Rules[0].Operator: Rule 'R': a nested rule needs an Operator of exactly And, AndAlso, Or or OrElse." + hint], Problems(json));
    }

    [Fact]
    public void NestedRule_Disabled_IsRefused_AndEnabledAccepted()
    {
        var disabled = Top(Nested("top", "And", "{'RuleName':'c','Enabled':false,'Expression':'true'}"));
        Assert.Equal(["$.Rules[0].Rules[0].Enabled: Rule 'c' is nested and disabled; RulesEngine would still evaluate it. Remove it instead."], Problems(disabled));

        Assert.Equal("(true)", OnlyRule(Top(Nested("top", "And", "{'RuleName':'c','Enabled':true,'Expression':'true'}"))).Expression);
    }

    [Fact]
    public void NestedRule_WithOnlyItsOwnExtensionKeys_IsAccepted()
    {
        var json = Top(Nested("top", "Or", "{'RuleName':'c','Expression':'true','Properties':{'x-owner':'ops','x-note':1}}", "{'RuleName':'d','Expression':'false','Properties':{}}"));

        Assert.Equal("(true) || (false)", OnlyRule(json).Expression);
    }

    [Theory]
    [InlineData("points", "5")]
    [InlineData("group", "'engagement'")]
    [InlineData("scope", "'activity'")]
    [InlineData("decay", "{'percent':10,'everyDays':7}")]
    [InlineData("windowDays", "30")]
    [InlineData("maxPerDay", "1")]
    [InlineData("handRaise", "true")]
    [InlineData("description", "'x'")]
    [InlineData("X-owner", "'ops'")]
    [InlineData("colour", "'red'")]
    public void NestedRule_PropertiesThatOnlyTheTopLevelRuleReads_AreRefused(string key, string value)
    {
        var json = Top(Nested("top", "And", "{'RuleName':'c','Expression':'true','Properties':{'x-ok':1,'" + key + "':" + value + "}}"));

        Assert.Equal([$"$.Rules[0].Rules[0].Properties.{key}: Rule 'c' is nested; '{key}' counts only on the top-level rule."], Problems(json));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("5")]
    [InlineData("'points'")]
    [InlineData("null")]
    public void NestedRule_PropertiesNotAnObject_AreRefused(string properties)
    {
        var json = Top(Nested("top", "And", "{'Expression':'true','Properties':" + properties + "}"));

        Assert.Equal(["$.Rules[0].Rules[0].RuleName: The rule needs a RuleName.", "$.Rules[0].Rules[0].Properties: The nested rule is nested; its Properties must be an object holding only your own 'x-' keys."], Problems(json));
    }

    [Fact]
    public void NestedRule_Unnamed_IsCalledTheNestedRule()
    {
        var problems = Problems(Top(Nested("top", "And", "{'Expression':'true','Foo':1}")));

        Assert.Equal(["$.Rules[0].Rules[0].RuleName: The rule needs a RuleName.", "$.Rules[0].Rules[0].Foo: The nested rule has an unknown property 'Foo'."], problems);
    }

    [Fact]
    public void NestedRule_Named_IsCalledByItsName()
    {
        var problems = Problems(Top(Nested("top", "And", "{'RuleName':'c','Expression':'true','Foo':1}")));

        Assert.Equal(["$.Rules[0].Rules[0].Foo: Rule 'c' has an unknown property 'Foo'."], problems);
    }

    [Theory]
    [InlineData("And")]
    [InlineData("Or")]
    public void NestedRule_WithAChildThatDoesNotParse_ReportsOnlyThatChild(string op)
    {
        var error = Refusal(Top(Nested("top", op, "{'RuleName':'c','Expression':'lead.Nope'}")));

        Assert.Equal("$.Rules[0].Rules[0].Expression", Assert.Single(error.Problems).Path);
        Assert.StartsWith("Rule 'c' does not parse: ", error.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedRule_OnLeadScope_WithOneChildReadingActivity_IsRefused()
    {
        var json = Top(Nested("top", "Or", "{'RuleName':'a','Expression':'lead.Employees > 1'}", "{'RuleName':'b','Expression':'activity.Type == null'}"));

        Assert.Equal(["$.Rules[0].Expression: Rule 'top' is scored once per lead but reads 'activity'; set \"scope\": \"activity\" (or group \"engagement\") or read only 'lead'."], Problems(json));
    }

    [Fact]
    public void Title_NamesTheModel_WhenItHasAName()
    {
        var named = Refusal(OneRule("'Expression':'true','Properties':{}"));
        var unnamed = Refusal(J("{'ScoringModel':{'Version':'1'},'Rules':[{'RuleName':'R','Expression':'true','Properties':{'points':1}}]}"));

        Assert.Equal(("scoring model 'test'", "scoring model"), (named.Definition, unnamed.Definition));
        Assert.Equal(["$.WorkflowName: The workflow needs a WorkflowName; it is the scoring model's name."], unnamed.Problems.Select(p => p.Path + ": " + p.Message));
    }

    [Fact]
    public void WorkflowName_NotText_IsRefused()
    {
        var error = Refusal(J("{'WorkflowName':5,'ScoringModel':{'Version':'1'},'Rules':[{'RuleName':'R','Expression':'true','Properties':{'points':1}}]}"));

        Assert.Equal(["$.WorkflowName: The workflow needs a WorkflowName; it is the scoring model's name."], error.Problems.Select(p => p.Path + ": " + p.Message));
        Assert.Equal("scoring model", error.Definition);
    }

    [Fact]
    public void ScoringModel_Missing_IsRefused()
    {
        var problems = Problems(J("{'WorkflowName':'w','Rules':[{'RuleName':'R','Expression':'true','Properties':{'points':1}}]}"));

        Assert.Equal(["$.ScoringModel: The workflow needs a ScoringModel object with at least its Version."], problems);
    }

    [Fact]
    public void ScoringModelKey_Unknown_ListsTheKnownOnes()
    {
        var problems = Problems(ModelJson.Sample(m => m["ScoringModel"]!["Caps"] = 1));

        Assert.Equal(["$.ScoringModel.Caps: The ScoringModel has an unknown property 'Caps'. Known: Version, TotalCap, GroupCaps, Grades."], problems);
    }

    [Theory]
    [InlineData("0", "$.ScoringModel.TotalCap: TotalCap must be above 0; it is 0.")]
    [InlineData("'100'", "$.ScoringModel.TotalCap: TotalCap must be a number, not the text \"100\".")]
    public void TotalCap_NotAPositiveNumber_IsRefused(string cap, string expected)
    {
        Assert.Equal([expected], Problems(J("{'WorkflowName':'w','ScoringModel':{'Version':'1','TotalCap':" + cap + "},'Rules':[{'RuleName':'R','Expression':'true','Properties':{'points':1}}]}")));
    }

    [Fact]
    public void GroupCap_NotANumber_NamesTheGroup()
    {
        var problems = Problems(ModelJson.Sample(m => m["ScoringModel"]!["GroupCaps"]!["fit"] = "many"));

        Assert.Equal(["$.ScoringModel.GroupCaps.fit: The cap of group 'fit' must be a number, not the text \"many\"."], problems);
    }

    [Fact]
    public void GroupCap_ForNoRule_ListsTheKnownGroupsInOrder()
    {
        var json = J("{'WorkflowName':'w','ScoringModel':{'Version':'1','GroupCaps':{'zzz':5}},'Rules':["
            + "{'RuleName':'a','Expression':'true','Properties':{'points':1,'group':'fit'}},"
            + "{'RuleName':'b','Expression':'true','Properties':{'points':1,'group':'engagement'}},"
            + "{'RuleName':'c','Expression':'true','Properties':{'points':1,'group':'behaviour','scope':'lead'}}]}");

        Assert.Equal(["$.ScoringModel.GroupCaps.zzz: The cap is set for the group 'zzz', but no rule belongs to it. Known groups: behaviour, engagement, fit."], Problems(json));
    }

    [Fact]
    public void GroupCap_ForNoRule_IsReported_WhenTheModelHasExactlyMaxRules()
    {
        var json = J("{'WorkflowName':'w','ScoringModel':{'Version':'1','GroupCaps':{'zzz':5}},'Rules':["
            + "{'RuleName':'a','Expression':'true','Properties':{'points':1}},{'RuleName':'b','Expression':'true','Properties':{'points':1}}]}");

        Assert.Equal(["$.ScoringModel.GroupCaps.zzz: The cap is set for the group 'zzz', but no rule belongs to it. Known groups: fit."], Problems(json, new ScoringLimits { MaxRules = 2 }));
        Assert.Equal(["$.Rules[2]: The model has more than 2 rules (nested rules included); that is the limit."],
            Problems(json.Replace("]}", ",{\"RuleName\":\"c\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}]}", StringComparison.Ordinal), new ScoringLimits { MaxRules = 2 }));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("{'Fit':{'A':2,'B':1}}")]
    [InlineData("{'Engagement':{'1':2,'2':1}}")]
    [InlineData("{'Fit':5,'Engagement':{'1':2,'2':1}}")]
    [InlineData("{'Fit':{'A':2,'B':1},'Engagement':[]}")]
    public void Grades_WithoutBothObjects_AreRefused(string grades)
    {
        Assert.Equal(["$.ScoringModel.Grades: Grades needs Fit {\"A\": …, \"B\": …} and Engagement {\"1\": …, \"2\": …} thresholds."], Problems(WithGrades(grades)));
    }

    [Theory]
    [InlineData("{'Fit':{'A':2,'B':1},'Engagement':{'1':2,'2':1},'C':1}", "$.ScoringModel.Grades.C: The Grades has an unknown property 'C'. Known: Fit, Engagement.")]
    [InlineData("{'Fit':{'A':2,'B':1,'C':0},'Engagement':{'1':2,'2':1}}", "$.ScoringModel.Grades.Fit.C: The Fit grades has an unknown property 'C'. Known: A, B.")]
    [InlineData("{'Fit':{'A':2,'B':1},'Engagement':{'1':2,'2':1,'3':0}}", "$.ScoringModel.Grades.Engagement.3: The Engagement grades has an unknown property '3'. Known: 1, 2.")]
    [InlineData("{'Fit':{'A':'x','B':1},'Engagement':{'1':2,'2':1}}", "$.ScoringModel.Grades.Fit.A: The threshold 'A' must be a number, not the text \"x\".")]
    [InlineData("{'Fit':{'A':2},'Engagement':{'1':2,'2':1}}", "$.ScoringModel.Grades.Fit.B: The threshold 'B' is missing.")]
    [InlineData("{'Fit':{'A':2,'B':1},'Engagement':{'2':1}}", "$.ScoringModel.Grades.Engagement.1: The threshold '1' is missing.")]
    [InlineData("{'Fit':{'A':2,'B':1},'Engagement':{'1':2}}", "$.ScoringModel.Grades.Engagement.2: The threshold '2' is missing.")]
    [InlineData("{'Fit':{'A':2,'B':1},'Engagement':{'1':1,'2':1}}", "$.ScoringModel.Grades.Engagement: The 1 threshold (1) must be above the 2 threshold (1).")]
    public void Grades_Malformed_AreRefused(string grades, string expected)
    {
        Assert.Equal([expected], Problems(WithGrades(grades)));
    }

    [Fact]
    public void Grades_AreRead()
    {
        var grades = LeadScoringModel.Load(WithGrades("{'Fit':{'A':40,'B':20},'Engagement':{'1':30,'2':10}}")).Grades!;

        Assert.Equal((40m, 20m, 30m, 10m), (grades.FitA, grades.FitB, grades.EngagementOne, grades.EngagementTwo));
    }

    private static string WithGrades(string grades) =>
        J("{'WorkflowName':'w','ScoringModel':{'Version':'1','Grades':" + grades + "},'Rules':[{'RuleName':'R','Expression':'true','Properties':{'points':1}}]}");
}
