using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Strict documents: every malformed text is a validation error with its path; nothing is resolved silently.</summary>
public class GuardDocumentTests
{
    private static DefinitionValidationException LoadFails(string json) =>
        Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json));

    [Fact]
    public void Load_DuplicatePoints_IsAnErrorNamingBothPlaces()
    {
        var json = "{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\n\"Properties\":{\"points\":10,\n\"points\":1000000}}]}";

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal("$.Rules[0].Properties.points", problem.Path);
        Assert.Equal("The key 'points' appears twice in $.Rules[0].Properties: $.Rules[0].Properties.points at line 2 and $.Rules[0].Properties.points at line 3; JSON readers would silently keep only the last. Remove one.", problem.Message);
    }

    [Fact]
    public void Load_SecondRulesArray_IsAnError()
    {
        var json = "{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}],"
            + "\"Rules\":[{\"RuleName\":\"B\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}]}";

        Assert.Equal("$.Rules", Assert.Single(LoadFails(json).Problems).Path);
    }

    [Theory]
    [InlineData("{\"WorkflowName\":\"w\\ud800\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[]}", "$.WorkflowName")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"lead.Email == \\\"\\udc00\\\"\",\"Properties\":{\"points\":1}}]}", "$.Rules[0].Expression")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"x-\\ud800\":1}}]}", "$.Rules[0].Properties.?")]
    [InlineData("{\"WorkflowName\":\"w\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[\"a\",\"\\ud800\"]}", "$.Rules[1]")]
    public void Load_LoneSurrogateEscape_IsAValidationErrorWithItsPath(string json, string path)
    {
        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains("not valid Unicode", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LoneSurrogateCharacter_IsAValidationErrorWithItsLine()
    {
        var problem = Assert.Single(LoadFails("{\n\"WorkflowName\":\"w\ud800\"}").Problems);

        Assert.Equal("The document's text is not valid Unicode at line 2, character 18: a lone surrogate character.", problem.Message);
    }

    [Fact]
    public void Load_MalformedJson_NamesLineAndByte()
    {
        var problem = Assert.Single(LoadFails("{\"WorkflowName\":\"w\",\n\"Rules\":[1,]}").Problems);

        Assert.StartsWith("The document is not valid JSON at line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementLoad_LoneSurrogateAndDuplicateKeys_AreValidationErrors()
    {
        var surrogate = ServiceLevelAgreement.DefaultJson.Replace("\"name\"", "\"name\\ud800\"", StringComparison.Ordinal);
        var duplicate = "{\"name\":\"a\",\"Name\":\"b\"}";

        Assert.Contains(Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(surrogate)).Problems, p => p.Message.Contains("not valid Unicode", StringComparison.Ordinal));
        Assert.Equal("$.Name", Assert.Single(Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(duplicate)).Problems).Path);
    }

    [Fact]
    public void StoredScore_DuplicateTotalOrLoneSurrogate_IsAValidationError()
    {
        var stored = SalesGlossaryJson.Read<LeadScore>(System.Text.Json.JsonSerializer.Serialize(
            LeadScoringModel.LoadSample().Score(new LeadFacts { Id = "L-1", Country = "DE", Activities = [] }, Generators.ScoringNow),
            SalesGlossaryJson.Options));
        var json = System.Text.Json.JsonSerializer.Serialize(stored, SalesGlossaryJson.Options);

        var duplicate = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<LeadScore>(json.Replace("\"total\":", "\"total\":1000000,\"Total\":", StringComparison.Ordinal)));
        var surrogate = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<LeadScore>(json.Replace("\"model\":\"", "\"model\":\"\\ud800", StringComparison.Ordinal)));

        Assert.Equal("$.Total", Assert.Single(duplicate.Problems).Path);
        Assert.Equal("$.model", Assert.Single(surrogate.Problems).Path);
    }

    [Fact]
    public void Score_HugeExceptionMessage_IsStoredBounded()
    {
        var model = LeadScoringModel.LoadFor<LeadWithAttributes, LeadActivity>(
            ModelJson.WithRule("lead.Attributes[lead.Name + lead.Name] == \"x\""),
            l => [],
            a => a.OccurredAt,
            new ScoringLimits { MaxWorkPerRule = ScoringLimits.HardMaxWorkPerRule });

        var score = model.Score(new LeadWithAttributes(new string('k', 1_000_000), new Dictionary<string, string>()), Generators.ScoringNow);

        var error = Assert.Single(score.Errors);
        Assert.Equal(500, error.Message.Length);
        Assert.StartsWith("KeyNotFoundException: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }

    public sealed record LeadWithAttributes(string Name, Dictionary<string, string> Attributes);
}
