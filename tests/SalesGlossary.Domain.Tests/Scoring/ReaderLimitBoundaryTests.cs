using static SalesGlossary.Domain.Tests.Scoring.ReaderRuleRefusalTests;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Each limit of the document reader at, below and above its edge, and the JSON it refuses before reading.</summary>
public class ReaderLimitBoundaryTests
{
    private static readonly string Valid = OneRule("'Expression':'true','Properties':{'points':1}");

    [Fact]
    public void Document_AtTheLengthLimit_IsAccepted_AndOneCharacterLongerRefused()
    {
        Assert.Single(LeadScoringModel.Load(Valid, new ScoringLimits { MaxDocumentLength = Valid.Length }).Rules);

        var error = Refusal(Valid, new ScoringLimits { MaxDocumentLength = Valid.Length - 1 });
        Assert.Equal("scoring model", error.Definition);
        Assert.Equal([$"$: The document is {Valid.Length} characters long; the limit is {Valid.Length - 1}."], error.Problems.Select(p => p.Path + ": " + p.Message));
    }

    [Theory]
    [InlineData("{/* note */\"WorkflowName\":\"w\"}", "line 1, byte 2")]
    [InlineData("{\"WorkflowName\":\"w\" // note\n}", "line 1, byte 21")]
    [InlineData("{\n\"WorkflowName\":\"w\"\n  /* note */}", "line 3, byte 3")]
    public void Document_WithAComment_IsRefusedAsInvalidJson_WithItsLineAndByte(string json, string where)
    {
        var problem = Assert.Single(Refusal(json).Problems);

        Assert.Equal(("$.?", $"The document is not valid JSON at {where}: '/' is invalid after a value. Expected either ',', '}}', or ']'."), (problem.Path, problem.Message));
    }

    [Fact]
    public void Document_ThirtyTwoDeep_IsAccepted_AndThirtyThreeRefused()
    {
        // root, Rules, the rule and its Properties are four levels; an extension value adds the rest.
        static string Deep(int arrays) => OneRule("'Expression':'true','Properties':{'points':1,'x-deep':" + new string('[', arrays) + new string(']', arrays) + "}");

        Assert.Single(LeadScoringModel.Load(Deep(28)).Rules);
        var problem = Assert.Single(Refusal(Deep(29)).Problems);
        Assert.StartsWith("The document is not valid JSON at line 1, byte ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("32", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_AtMaxRules_AreAccepted_AndOneMoreRefusedOnce()
    {
        var rule = J("{'RuleName':'RN','Expression':'true','Properties':{'points':1}}");
        string Model(int count) => ModelJson.WithRules([.. Enumerable.Range(0, count).Select(i => rule.Replace("RN", "r" + i, StringComparison.Ordinal))]);

        Assert.Equal(3, LeadScoringModel.Load(Model(3), new ScoringLimits { MaxRules = 3 }).Rules.Count);
        Assert.Equal(["$.Rules[3]: The model has more than 3 rules (nested rules included); that is the limit."], Problems(Model(5), new ScoringLimits { MaxRules = 3 }));
    }

    [Fact]
    public void NestedRules_CountTowardsMaxRules()
    {
        var json = ModelJson.WithRules(J("{'RuleName':'top','Operator':'And','Rules':[{'RuleName':'a','Expression':'true'},{'RuleName':'b','Expression':'true'}],'Properties':{'points':1}}"));

        Assert.Single(LeadScoringModel.Load(json, new ScoringLimits { MaxRules = 3 }).Rules);
        Assert.Equal(["$.Rules[0].Rules[1]: The model has more than 2 rules (nested rules included); that is the limit."], Problems(json, new ScoringLimits { MaxRules = 2 }));
    }

    [Fact]
    public void ModelTokenBudget_IsReportedOnce_AtTheFirstRuleThatPassesIt()
    {
        var json = ModelJson.WithRules(
            J("{'RuleName':'a','Expression':'true','Properties':{'points':1}}"),
            J("{'RuleName':'b','Expression':'true','Properties':{'points':1}}"),
            J("{'RuleName':'c','Expression':'true','Properties':{'points':1}}"));

        Assert.Equal(
            ["$.Rules[1].Expression: Rule 'b' is rejected before parsing: with its 1 tokens the model's expressions have 2 tokens so far; the limit for a whole model is 1 (ScoringLimits.MaxTokensPerModel), so this rule and the rules after it were not parsed; split the model or shorten its rules."],
            Problems(json, new ScoringLimits { MaxTokensPerModel = 1 }));
        Assert.Equal(3, LeadScoringModel.Load(json, new ScoringLimits { MaxTokensPerModel = 3 }).Rules.Count);
    }
}
