namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Each refusal of a single rule's shape or properties, with its exact path and whole message, next to the nearest
/// shape the reader accepts; JSON is written with single quotes for readability.
/// </summary>
public class ReaderRuleRefusalTests
{
    /// <summary>A model of one rule 'R' whose body (everything after its name) is given with single quotes.</summary>
    internal static string OneRule(string body) => ModelJson.WithRules(J("{'RuleName':'R'," + body + "}"));

    internal static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');

    internal static DefinitionValidationException Refusal(string json, ScoringLimits? limits = null) =>
        Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json, limits));

    internal static string[] Problems(string json, ScoringLimits? limits = null) =>
        [.. Refusal(json, limits).Problems.Select(p => p.Path + ": " + p.Message)];

    internal static ScoringRule OnlyRule(string json, ScoringLimits? limits = null) => Assert.Single(LeadScoringModel.Load(json, limits).Rules);

    [Fact]
    public void Enabled_True_IsScored_LikeARuleWithoutEnabled()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRules(
            J("{'RuleName':'On','Enabled':true,'Expression':'true','Properties':{'points':5}}"),
            J("{'RuleName':'Plain','Expression':'true','Properties':{'points':2}}")));

        Assert.Equal(["On", "Plain"], model.Rules.Select(r => r.Name));
    }

    [Fact]
    public void Rule_WithoutAName_IsCalledTheRule_InItsOtherRefusals()
    {
        var problems = Problems(ModelJson.WithRules(J("{'Expression':'true'}")));

        Assert.Equal(
            ["$.Rules[0].RuleName: The rule needs a RuleName.",
             "$.Rules[0].Properties: The rule needs Properties with its points, for example \"Properties\": { \"points\": 10, \"group\": \"fit\" }."],
            problems);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    public void Actions_NullOrEmpty_AreAccepted_AsNoActions(string actions)
    {
        Assert.Equal("R", OnlyRule(OneRule("'Expression':'true','Actions':" + actions + ",'Properties':{'points':1}")).Name);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("'true'")]
    [InlineData("null")]
    public void Enabled_NotABoolean_IsRefused(string enabled)
    {
        var problems = Problems(OneRule("'Expression':'true','Enabled':" + enabled + ",'Properties':{'points':1}"));

        Assert.Equal(["$.Rules[0].Enabled: Rule 'R': Enabled must be true or false."], problems);
    }

    [Theory]
    [InlineData("", "$.Rules[0].Properties: Rule 'R' needs Properties with its points, for example \"Properties\": { \"points\": 10, \"group\": \"fit\" }.")]
    [InlineData(",'Properties':5", "$.Rules[0].Properties: Rule 'R' needs Properties with its points, for example \"Properties\": { \"points\": 10, \"group\": \"fit\" }.")]
    [InlineData(",'Properties':{}", "$.Rules[0].Properties.points: Rule 'R' has no points; add \"points\": a number (negative to subtract).")]
    public void Properties_MissingOrNotAnObject_AreRefused(string properties, string expected)
    {
        Assert.Equal([expected], Problems(OneRule("'Expression':'true'" + properties)));
    }

    [Theory]
    [InlineData("'Lead'")]
    [InlineData("'both'")]
    [InlineData("1")]
    [InlineData("null")]
    public void Scope_OtherThanLeadOrActivity_IsRefused(string scope)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'scope':" + scope + "}"));

        Assert.Equal(["$.Rules[0].Properties.scope: Rule 'R': scope must be \"lead\" or \"activity\"."], problems);
    }

    [Theory]
    [InlineData("'fit'", "'activity'", ScoringScope.Activity)]
    [InlineData("'engagement'", "'lead'", ScoringScope.Lead)]
    public void Scope_Given_OverridesTheGroupsScope(string group, string scope, ScoringScope expected)
    {
        var rule = OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'group':" + group + ",'scope':" + scope + "}"));

        Assert.Equal(expected, rule.Scope);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("'2'")]
    [InlineData("3000000000")]
    public void MaxPerDay_NotAWholeNumberAboveZero_IsRefused(string maxPerDay)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'group':'engagement','maxPerDay':" + maxPerDay + "}"));

        Assert.Equal(["$.Rules[0].Properties.maxPerDay: Rule 'R': maxPerDay must be a whole number above 0."], problems);
    }

    [Fact]
    public void MaxPerDay_One_IsAccepted()
    {
        Assert.Equal(1, OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'group':'engagement','maxPerDay':1}")).MaxPerDay);
    }

    [Theory]
    [InlineData("'yes'")]
    [InlineData("1")]
    [InlineData("null")]
    public void HandRaise_NotABoolean_IsRefused(string handRaise)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'handRaise':" + handRaise + "}"));

        Assert.Equal(["$.Rules[0].Properties.handRaise: Rule 'R': handRaise must be true or false."], problems);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void HandRaise_Boolean_IsRead(string handRaise, bool expected)
    {
        Assert.Equal(expected, OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'handRaise':" + handRaise + "}")).HandRaise);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("['a']")]
    public void Description_NotText_IsRefused(string description)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'description':" + description + "}"));

        Assert.Equal(["$.Rules[0].Properties.description: Rule 'R': description must be text."], problems);
    }

    [Fact]
    public void Description_Text_IsKept()
    {
        Assert.Equal("Visited pricing", OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'description':'Visited pricing'}")).Description);
    }

    [Theory]
    [InlineData("'windowDays':7", "windowDays")]
    [InlineData("'maxPerDay':2", "maxPerDay")]
    [InlineData("'decay':{'percent':50,'everyDays':30}", "decay")]
    public void ActivityOnlyProperty_OnALeadScopedRule_IsRefused(string property, string key)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'group':'fit'," + property + "}"));

        Assert.Equal([$"$.Rules[0].Properties.{key}: Rule 'R' is scored once per lead, so {key} does not apply; set \"scope\": \"activity\" or remove {key}."], problems);
    }

    [Theory]
    [InlineData("'Foo'")]
    [InlineData("'lambdaexpression'")]
    [InlineData("1")]
    public void RuleExpressionType_OtherThanLambdaExpression_IsRefused(string type)
    {
        var problems = Problems(OneRule("'Expression':'true','RuleExpressionType':" + type + ",'Properties':{'points':1}"));

        Assert.Equal(["$.Rules[0].RuleExpressionType: Rule 'R': RuleExpressionType must be \"LambdaExpression\", the only type RulesEngine knows."], problems);
    }

    [Fact]
    public void RuleExpressionType_LambdaExpression_IsAccepted()
    {
        Assert.Equal("R", OnlyRule(OneRule("'Expression':'true','RuleExpressionType':'LambdaExpression','Properties':{'points':1}")).Name);
    }

    [Fact]
    public void WorkflowsToInject_OnARule_IsRefused_UnlessEmpty()
    {
        var problems = Problems(OneRule("'Expression':'true','WorkflowsToInject':['other'],'Properties':{'points':1}"));

        Assert.Equal(["$.Rules[0].WorkflowsToInject: Rule 'R' uses WorkflowsToInject, which scoring models do not support."], problems);
        Assert.Equal("R", OnlyRule(OneRule("'Expression':'true','WorkflowsToInject':[],'Properties':{'points':1}")).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",'Expression':5")]
    [InlineData(",'Expression':'  '")]
    public void Expression_MissingNotTextOrBlank_IsRefused(string expression)
    {
        var problems = Problems(OneRule("'Properties':{'points':1}" + expression));

        Assert.Equal(["$.Rules[0].Expression: Rule 'R' needs an Expression (or an Operator with nested Rules)."], problems);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("null")]
    public void RuleName_NotText_IsRefused(string name)
    {
        var problems = Problems(ModelJson.WithRules(J("{'RuleName':" + name + ",'Expression':'true','Properties':{'points':1}}")));

        Assert.Equal(["$.Rules[0].RuleName: The rule needs a RuleName."], problems);
    }

    [Fact]
    public void RuleKey_Unknown_IsNamed()
    {
        var problems = Problems(OneRule("'Expression':'true','Foo':1,'Properties':{'points':1}"));

        Assert.Equal(["$.Rules[0].Foo: Rule 'R' has an unknown property 'Foo'."], problems);
    }

    [Fact]
    public void RuleKey_InAnotherCase_IsNamedWithTheRightSpelling()
    {
        var problems = Problems(OneRule("'Expression':'true','enabled':false,'Properties':{'points':1}"));

        Assert.Equal(["$.Rules[0].enabled: Rule 'R' has 'enabled'; write 'Enabled': RulesEngine reads property names case-sensitively and would ignore it."], problems);
    }

    [Theory]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    [InlineData("[1]", "an array")]
    [InlineData("{}", "an object")]
    [InlineData("'ten'", "the text \"ten\"")]
    public void Points_NotANumber_NameWhatTheyAre(string points, string described)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':" + points + "}"));

        Assert.Equal([$"$.Rules[0].Properties.points: The points of rule 'R' must be a number, not {described}."], problems);
    }

    [Theory]
    [InlineData("1000000001")]
    [InlineData("-1000000001")]
    [InlineData("1e30")]
    public void Points_OutOfRange_AreRefused(string points)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':" + points + "}"));

        Assert.Equal(["$.Rules[0].Properties.points: The points of rule 'R' is out of range; use a number between -1000000000 and 1000000000."], problems);
    }

    [Theory]
    [InlineData("1000000000")]
    [InlineData("-1000000000")]
    public void Points_AtTheRangesEnds_AreAccepted(string points)
    {
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), OnlyRule(OneRule("'Expression':'true','Properties':{'points':" + points + "}")).Points);
    }

    [Fact]
    public void Group_Omitted_IsFit()
    {
        var rule = OnlyRule(OneRule("'Expression':'true','Properties':{'points':1}"));

        Assert.Equal(("fit", ScoringScope.Lead), (rule.Group, rule.Scope));
    }

    [Theory]
    [InlineData("'a b'")]
    [InlineData("'fit!'")]
    [InlineData("'  '")]
    [InlineData("5")]
    [InlineData("'é'")]
    public void Group_NotAName_IsRefused(string group)
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'group':" + group + "}"));

        Assert.Equal(["$.Rules[0].Properties.group: Rule 'R': group must be a name of letters, digits, '-' or '_' (for example \"fit\" or \"engagement\")."], problems);
    }

    [Fact]
    public void Group_OfSixtyFourCharacters_IsAccepted_AndSixtyFiveRefused()
    {
        var longest = new string('g', 63) + "-";
        Assert.Equal(longest, OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'group':'" + longest + "'}")).Group);

        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'group':'" + longest + "_'}"));
        Assert.Equal(["$.Rules[0].Properties.group: Rule 'R': group must be a name of letters, digits, '-' or '_' (for example \"fit\" or \"engagement\")."], problems);
    }

    [Fact]
    public void Group_WithDashAndUnderscore_IsAccepted()
    {
        Assert.Equal("_a-1", OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'group':'_a-1'}")).Group);
    }

    [Theory]
    [InlineData("5", "$.Rules[0].Properties.decay: Rule 'R': decay must be an object such as { \"percent\": 50, \"everyDays\": 30 }.")]
    [InlineData("{'everyDays':30}", "$.Rules[0].Properties.decay.percent: The decay of rule 'R' needs a percent.")]
    [InlineData("{'percent':50}", "$.Rules[0].Properties.decay.everyDays: The decay of rule 'R' needs everyDays.")]
    [InlineData("{'percent':'half','everyDays':30}", "$.Rules[0].Properties.decay.percent: The decay percent of rule 'R' must be a number, not the text \"half\".")]
    [InlineData("{'percent':50,'everyDays':0}", "$.Rules[0].Properties.decay.everyDays: The decay everyDays of rule 'R' must be above 0; it is 0.")]
    [InlineData("{'percent':0,'everyDays':30}", "$.Rules[0].Properties.decay.percent: The decay percent of rule 'R' must be above 0 and at most 100; it is 0.")]
    [InlineData("{'percent':50,'everyDays':30,'half':1}", "$.Rules[0].Properties.decay.half: The decay of rule 'R' has an unknown property 'half'. Known: percent, everyDays.")]
    public void Decay_Malformed_IsRefused(string decay, string expected)
    {
        Assert.Equal([expected], Problems(OneRule("'Expression':'true','Properties':{'points':1,'group':'engagement','decay':" + decay + "}")));
    }

    [Fact]
    public void Decay_AtOneHundredPercent_IsRead()
    {
        var decay = OnlyRule(OneRule("'Expression':'true','Properties':{'points':1,'group':'engagement','decay':{'percent':100,'everyDays':1}}")).Decay;

        Assert.Equal((100m, 1m), (decay!.Percent, decay.EveryDays));
    }

    [Theory]
    [InlineData("0", "$.Rules[0].Properties.windowDays: The windowDays of rule 'R' must be above 0; it is 0.")]
    [InlineData("'7'", "$.Rules[0].Properties.windowDays: The windowDays of rule 'R' must be a number, not the text \"7\".")]
    public void WindowDays_NotAPositiveNumber_IsRefused(string window, string expected)
    {
        Assert.Equal([expected], Problems(OneRule("'Expression':'true','Properties':{'points':1,'group':'engagement','windowDays':" + window + "}")));
    }

    [Fact]
    public void PropertiesKey_Unknown_ListsTheKnownOnesAndTheExtensionPrefix()
    {
        var problems = Problems(OneRule("'Expression':'true','Properties':{'points':1,'bonus':2,'x-bonus':2}"));

        Assert.Equal(["$.Rules[0].Properties.bonus: The Properties of rule 'R' has an unknown property 'bonus'. Known: points, group, scope, decay, windowDays, maxPerDay, handRaise, description; use an 'x-' prefix for your own."], problems);
    }
}
