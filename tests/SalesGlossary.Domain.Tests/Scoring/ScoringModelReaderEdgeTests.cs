using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Each structural problem of a scoring model document the reader refuses, with its path and exact message, and the
/// edges of its numeric checks (a cap at 0, grade thresholds equal).
/// </summary>
public class ScoringModelReaderEdgeTests
{
    private static ValidationProblem Problem(string json) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json)).Problems);

    private static ValidationProblem Problem(Action<JsonObject> change) => Problem(ModelJson.Sample(change));

    private static void Accepted(Action<JsonObject> change) => Assert.NotNull(LeadScoringModel.Load(ModelJson.Sample(change)));

    [Fact]
    public void GlobalParams_AreRefused_UnlessEmpty()
    {
        var problem = Problem(m => m["GlobalParams"] = new JsonArray(new JsonObject { ["Name"] = "x", ["Expression"] = "1" }));

        Assert.Equal(("$.GlobalParams", "GlobalParams are not supported in scoring models; write the expression into each rule."), (problem.Path, problem.Message));
        Accepted(m => m["GlobalParams"] = new JsonArray());
        Accepted(m => m["GlobalParams"] = null);
    }

    [Fact]
    public void WorkflowsToInject_AreRefused_UnlessEmpty()
    {
        var problem = Problem(m => m["WorkflowsToInject"] = new JsonArray("other"));

        Assert.Equal(("$.WorkflowsToInject", "WorkflowsToInject is not supported in scoring models; RulesEngine 6.0.1 grows the injected workflow on every run."), (problem.Path, problem.Message));
        Accepted(m => m["WorkflowsToInject"] = new JsonArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void WorkflowName_MissingOrBlank_IsRefused(string? name)
    {
        var problem = Problem(m => m["WorkflowName"] = name);

        Assert.Equal(("$.WorkflowName", "The workflow needs a WorkflowName; it is the scoring model's name."), (problem.Path, problem.Message));
    }

    [Fact]
    public void Rules_MissingOrNotAnArray_AreRefused()
    {
        var missing = Problem("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"}}");
        var notArray = Problem("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":{}}");

        Assert.Equal(("$.Rules", "The workflow needs a Rules array."), (missing.Path, missing.Message));
        Assert.Equal(("$.Rules", "The workflow needs a Rules array."), (notArray.Path, notArray.Message));
    }

    [Fact]
    public void ScoringModel_NotAnObject_IsRefused()
    {
        var problem = Problem(m => m["ScoringModel"] = "1.0.0");

        Assert.Equal(("$.ScoringModel", "ScoringModel must be an object."), (problem.Path, problem.Message));
    }

    [Fact]
    public void Version_Blank_IsRefused()
    {
        var problem = Problem(m => m["ScoringModel"]!["Version"] = "");

        Assert.Equal(("$.ScoringModel.Version", "The model needs a Version, for example \"1.0.0\"; scores record it."), (problem.Path, problem.Message));
    }

    [Fact]
    public void GroupCaps_NotAnObject_IsRefused()
    {
        var problem = Problem(m => m["ScoringModel"]!["GroupCaps"] = 100);

        Assert.Equal(("$.ScoringModel.GroupCaps", "GroupCaps must be an object that maps group names to caps."), (problem.Path, problem.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void GroupCap_AtOrBelowZero_IsRefused(int cap)
    {
        var problem = Problem(m => m["ScoringModel"]!["GroupCaps"]!["fit"] = cap);

        Assert.Equal(("$.ScoringModel.GroupCaps.fit", $"The cap of group 'fit' must be above 0; it is {cap}."), (problem.Path, problem.Message));
    }

    [Fact]
    public void GroupCap_JustAboveZero_CapsTheGroup()
    {
        var model = LeadScoringModel.Load(ModelJson.Sample(m => m["ScoringModel"]!["GroupCaps"]!["fit"] = 0.5));

        var score = model.Score(new LeadFacts { Id = "L-1", Email = "mary@acme.de", JobTitle = "VP Sales", Department = "Sales", Industry = "Software", Employees = 450, AnnualRevenue = 1_000_000m, Country = "DE", LeadSource = "Web" }, Generators.ScoringNow);

        var fit = score.Groups.Single(g => g.Group == "fit");
        Assert.Equal((0.5m, 0.5m), (fit.Cap, fit.Score));
    }

    [Fact]
    public void GradeThresholds_Equal_AreRefused_AndOneApart_Accepted()
    {
        var fit = Problem(m => m["ScoringModel"]!["Grades"]!["Fit"]!["A"] = 25);
        var engagement = Problem(m => m["ScoringModel"]!["Grades"]!["Engagement"]!["1"] = 15);

        Assert.Equal(("$.ScoringModel.Grades.Fit", "The A threshold (25) must be above the B threshold (25)."), (fit.Path, fit.Message));
        Assert.Equal(("$.ScoringModel.Grades.Engagement", "The 1 threshold (15) must be above the 2 threshold (15)."), (engagement.Path, engagement.Message));
        Accepted(m =>
        {
            m["ScoringModel"]!["Grades"]!["Fit"]!["A"] = 26;
            m["ScoringModel"]!["Grades"]!["Engagement"]!["1"] = 16;
        });
    }

    [Fact]
    public void GradeThreshold_Missing_IsRefusedWithItsName()
    {
        var problem = Problem(m => m["ScoringModel"]!["Grades"]!["Fit"]!.AsObject().Remove("B"));

        Assert.Equal(("$.ScoringModel.Grades.Fit.B", "The threshold 'B' is missing."), (problem.Path, problem.Message));
    }

    [Fact]
    public void Rule_NotAnObject_IsRefused()
    {
        var problem = Problem(m => m["Rules"]!.AsArray().Add("IndustryIsSoftware"));

        Assert.Equal("A rule must be an object.", problem.Message);
        Assert.StartsWith("$.Rules[", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleName_Missing_IsRefused()
    {
        var problem = Problem(m => m["Rules"]![0]!.AsObject().Remove("RuleName"));

        Assert.Equal(("$.Rules[0].RuleName", "The rule needs a RuleName."), (problem.Path, problem.Message));
    }

    [Fact]
    public void NestedRule_NotAnObject_IsRefused()
    {
        var json = ModelJson.WithRules("{\"RuleName\":\"N\",\"Operator\":\"And\",\"Rules\":[{\"RuleName\":\"A\",\"Expression\":\"true\"}, \"B\"],\"Properties\":{\"points\":5}}");

        var problem = Problem(json);

        Assert.Equal(("$.Rules[0].Rules[1]", "A nested rule must be an object."), (problem.Path, problem.Message));
    }

    [Fact]
    public void WorkflowKey_InAnotherCase_IsNamedWithTheRightSpelling()
    {
        var problem = Problem(m => m["scoringmodel"] = new JsonObject());

        Assert.Equal(("$.scoringmodel", "The workflow has 'scoringmodel'; write 'ScoringModel' (names are case-sensitive)."), (problem.Path, problem.Message));
    }

    [Fact]
    public void WorkflowKey_Unknown_ListsTheKnownKeys()
    {
        var problem = Problem(m => m["Owner"] = "ops");

        Assert.Equal("$.Owner", problem.Path);
        Assert.StartsWith("The workflow has an unknown property 'Owner'. Known: $schema, WorkflowName, ScoringModel, Rules, ", problem.Message, StringComparison.Ordinal);
    }
}
