using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>
/// Every refusal of the agreement reader, each from a document that triggers it: the exact message, naming what is
/// wrong and where (its JSON path), and nothing else reported with it.
/// </summary>
public class AgreementLoaderRefusalTests
{
    private const string Model = """{"WorkflowName":"NAME","ScoringModel":{"Version":"1"},"Rules":[{"RuleName":"Big","Expression":"lead.Employees > 1","Properties":{"points":200}}]}""";

    private static string ModelNamed(string name) => Model.Replace("NAME", name, StringComparison.Ordinal);

    private static string Changed(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static DefinitionValidationException Rejected(string json, IReadOnlyDictionary<string, string>? models = null) =>
        Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(json, models));

    private static string[] Problems(Action<JsonObject> change, IReadOnlyDictionary<string, string>? models = null) =>
        [.. Rejected(Changed(change), models).Problems.Select(p => p.ToString())];

    [Fact]
    public void Document_OneCharacterOverTheLimit_IsRefusedBeforeReading()
    {
        var json = ServiceLevelAgreement.DefaultJson + new string(' ', 4_000_001 - ServiceLevelAgreement.DefaultJson.Length);

        var error = Rejected(json);

        Assert.Equal(["$: The document is 4000001 characters long; the limit is 4000000."], error.Problems.Select(p => p.ToString()));
        Assert.StartsWith("The service level agreement is invalid (1 problem)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_OverTheLimitAndMalformed_ReportsOnlyItsLength()
    {
        var json = "{" + new string(' ', 4_000_000);

        Assert.Equal(["$: The document is 4000001 characters long; the limit is 4000000."], Rejected(json).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Document_NullLiteral_IsRefusedAsEmpty()
    {
        var error = Rejected("null");

        Assert.Equal(["$: The document is empty; it must be a JSON object."], error.Problems.Select(p => p.ToString()));
        Assert.StartsWith("The service level agreement is invalid (1 problem)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_DuplicateKey_IsTheOnlyProblemReported()
    {
        var error = Rejected("{\"name\":\"A\",\"name\":\"B\",\"bogus\":1}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.name", problem.Path);
    }

    [Fact]
    public void Document_ValueOfTheWrongType_IsRefusedWithLineAndPosition()
    {
        var json = ServiceLevelAgreement.DefaultJson.Replace("\"mqlsPerMonth\": 120", "\"mqlsPerMonth\": \"many\"", StringComparison.Ordinal);
        var lines = json.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"many\"", StringComparison.Ordinal));
        var position = lines[line].IndexOf("\"many\"", StringComparison.Ordinal) + "\"many\"".Length;

        var problem = Assert.Single(Rejected(json).Problems);

        Assert.Equal("$.commitments.marketing.mqlsPerMonth", problem.Path);
        Assert.Equal(
            $"The document cannot be read (line {line + 1}, position {position + 1}): the value must be a whole number.",
            problem.Message);
    }

    [Theory]
    [InlineData("\"version\": \"1.0.0\"", "\"version\": 1", "$.version", "a string")]
    [InlineData("\"minimumAttempts\": 6", "\"minimumAttempts\": 6.5", "$.connectPolicies[0].minimumAttempts", "a whole number from -2147483648 to 2147483647, written without a fraction or an exponent")]
    [InlineData("\"minimumAttempts\": 6", "\"minimumAttempts\": \"six\"", "$.connectPolicies[0].minimumAttempts", "a whole number")]
    [InlineData("\"mqlsPerMonth\": 120", "\"mqlsPerMonth\": 3000000000", "$.commitments.marketing.mqlsPerMonth", "a whole number from -2147483648 to 2147483647, written without a fraction or an exponent")]
    [InlineData("\"mqlsPerMonth\": 120", "\"mqlsPerMonth\": 1e2", "$.commitments.marketing.mqlsPerMonth", "a whole number from -2147483648 to 2147483647, written without a fraction or an exponent")]
    [InlineData("\"thresholds\": { \"mql\": 100 }", "\"thresholds\": { \"mql\": 1e30 }", "$.leadTypes[0].thresholds.mql", "a number from -79228162514264337593543950335 to 79228162514264337593543950335")]
    [InlineData("\"allowSkipping\": false,", "\"allowSkipping\": false, \"startStages\": \"Create proposal\",", "$.pipelines[0].rules.startStages", "an array")]
    [InlineData("\"allowSkipping\": false,", "\"allowSkipping\": false, \"startStages\": [1],", "$.pipelines[0].rules.startStages[0]", "a string")]
    [InlineData("\"thresholds\": { \"mql\": 100 }", "\"thresholds\": { \"mql\": \"high\" }", "$.leadTypes[0].thresholds.mql", "a number")]
    [InlineData("\"recycleWhenDealLost\": false", "\"recycleWhenDealLost\": \"no\"", "$.lifecycle.recycleWhenDealLost", "true or false")]
    [InlineData("\"opens\": \"09:00:00\"", "\"opens\": \"25:00:00\"", "$.connectPolicies[0].businessHours.opens", "a time of day such as \"09:00:00\"")]
    [InlineData("\"2026-12-24\"", "\"Christmas Eve\"", "$.connectPolicies[0].businessHours.holidays[0]", "a date such as \"2026-12-24\"")]
    [InlineData("\"Service\": [\"Customer\", \"Evangelist\"]", "\"Service\": \"Customer\"", "$.teams.Service", "an array")]
    [InlineData("\"scoringModels\": {},", "\"scoringModels\": {}, \"crmCodes\": { \"HubSpot\": { \"dealStages\": { \"Equipment sale\": { \"Closed won\": 5 } } } },", "$.crmCodes.HubSpot.dealStages['Equipment sale']['Closed won']", "a string")]
    public void Value_OfTheWrongType_IsRefusedWithWhatTheDocumentExpectsThere(string written, string mistyped, string path, string expected)
    {
        var json = ServiceLevelAgreement.DefaultJson.Replace(written, mistyped, StringComparison.Ordinal);
        Assert.NotEqual(ServiceLevelAgreement.DefaultJson, json);

        var problem = Assert.Single(Rejected(json).Problems);

        Assert.Equal(path, problem.Path);
        Assert.StartsWith("The document cannot be read (line ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("): the value must be " + expected + ".", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("a']['b")]
    [InlineData("x'].y")]
    public void Value_UnderAKeyWithQuotes_IsStillRefusedWithWhatTheDocumentExpects(string team)
    {
        var json = ServiceLevelAgreement.DefaultJson.Replace("\"Service\": [\"Customer\", \"Evangelist\"]", System.Text.Json.JsonSerializer.Serialize(team) + ": \"Customer\"", StringComparison.Ordinal);
        Assert.NotEqual(ServiceLevelAgreement.DefaultJson, json);

        var problem = Assert.Single(Rejected(json).Problems);

        Assert.StartsWith("$.teams", problem.Path, StringComparison.Ordinal);
        Assert.EndsWith("): the value must be an array.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_GivenAnArrayInsteadOfAnObject_IsRefusedWithItsPath()
    {
        var problem = Assert.Single(Rejected(Changed(a => a["lifecycle"] = new JsonArray(new JsonObject { ["sqlQualification"] = "SalesAcceptance" }))).Problems);

        Assert.Equal("$.lifecycle", problem.Path);
        Assert.StartsWith("The document cannot be read (line 1, position ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("): the value must be an object.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_GivenAStringInsteadOfAnObject_IsRefusedWithItsPath()
    {
        var problem = Assert.Single(Rejected(Changed(a => a["lifecycle"] = "SalesAcceptance")).Problems);

        Assert.Equal("$.lifecycle", problem.Path);
        Assert.EndsWith("): the value must be an object.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_GivenAnObjectInsteadOfAnArray_IsRefusedWithItsPath()
    {
        var problem = Assert.Single(Rejected(Changed(a => a["leadTypes"] = new JsonObject { ["new-prospect"] = new JsonObject() })).Problems);

        Assert.Equal("$.leadTypes", problem.Path);
        Assert.StartsWith("The document cannot be read (line 1, position ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("): the value must be an array.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_GivenAnArrayInsteadOfAnObject_IsRefusedWithItsPath()
    {
        var problem = Assert.Single(Rejected(Changed(a => a["crmCodes"] = new JsonArray(new JsonObject()))).Problems);

        Assert.Equal("$.crmCodes", problem.Path);
        Assert.StartsWith("The document cannot be read (line 1, position ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("): the value must be an object.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProperty_InTheSecondLeadType_IsReportedAtItsIndex()
    {
        Assert.Equal(
            ["$.leadTypes[1].treshold: 'treshold' is not a property here. Known: key, name, description, scoringModel, thresholds, pipeline, connectPolicy."],
            Problems(a => a["leadTypes"]![1]!["treshold"] = 10));
    }

    [Fact]
    public void UnknownProperty_InsideACrmsCodes_IsReportedWithItsPath()
    {
        Assert.Equal(
            ["$.crmCodes.HubSpot.stages: 'stages' is not a property here. Known: lifecycleStages, leadStatuses, disqualificationReasons, dealStages, lostReasons."],
            Problems(a => a["crmCodes"] = new JsonObject { ["HubSpot"] = new JsonObject { ["stages"] = new JsonObject { ["Lead"] = "lead" } } }));
    }

    [Fact]
    public void Name_Missing_IsRefused_AndTheAgreementIsCalledByAQuestionMark()
    {
        var error = Rejected(Changed(a => a.Remove("name")));

        Assert.Equal(["$.name: The agreement needs a name."], error.Problems.Select(p => p.ToString()));
        Assert.StartsWith("The service level agreement '?' is invalid (1 problem)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DealStage_WithoutKindOrProbability_IsRefusedForEach()
    {
        Assert.Equal(
            [
                "$.pipelines[0].stages[1].kind: The deal stage kind is missing.",
                "$.pipelines[0].stages[2].probability: The stage needs a probability in percent.",
            ],
            Problems(a =>
            {
                a["pipelines"]![0]!["stages"]![1]!.AsObject().Remove("kind");
                a["pipelines"]![0]!["stages"]![2]!.AsObject().Remove("probability");
            }));
    }

    [Fact]
    public void Pipeline_NameUsedTwice_IsRefused()
    {
        Assert.Equal(
            ["$.pipelines[2].name: The pipeline name 'Equipment sale' is used more than once."],
            Problems(a => a["pipelines"]!.AsArray().Add(a["pipelines"]![0]!.DeepClone())));
    }

    [Fact]
    public void Pipeline_WithoutStages_IsRefusedWithItsPath()
    {
        Assert.Equal(
            [
                "$.pipelines[2].stages: The pipeline has no open stage; deals need at least one stage to be worked in.",
                "$.pipelines[2].stages: The pipeline must have exactly one won stage; it has 0.",
                "$.pipelines[2].stages: The pipeline must have at least one lost stage.",
            ],
            Problems(a => a["pipelines"]!.AsArray().Add(new JsonObject { ["name"] = "Empty" })));
    }

    [Fact]
    public void TeamStage_Missing_IsRefused()
    {
        Assert.Equal(
            ["$.teams.Service[1]: The lifecycle stage is missing."],
            Problems(a => a["teams"]!["Service"] = new JsonArray("Customer", "", "Evangelist")));
    }

    [Fact]
    public void TeamStages_Null_OwnNothing()
    {
        Assert.Equal(
            [
                "$.teams: No team owns Customer; every funnel stage needs an owner so that handoffs are explicit.",
                "$.teams: No team owns Evangelist; every funnel stage needs an owner so that handoffs are explicit.",
            ],
            Problems(a => a["teams"]!["Service"] = null));
    }

    [Fact]
    public void Stage_OwnedByTwoTeams_IsRefusedUnderTheSecond()
    {
        Assert.Equal(
            ["$.teams.Sales: Lead is owned by Marketing already; each stage has one owner."],
            Problems(a => a["teams"]!["Sales"]!.AsArray().Add("Lead")));
    }

    [Fact]
    public void OpportunityDefinitionAndHandRaiseRoute_Unknown_AreRefusedWithTheKnownNames()
    {
        Assert.Equal(
            [
                "$.lifecycle.opportunityDefinition: 'Handshake' is not an Opportunity definition. Known: OpenDeal, FirstSuccessfulConnect.",
                "$.lifecycle.handRaiseRoute: 'Boardroom' is not a lifecycle stage. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
            ],
            Problems(a =>
            {
                a["lifecycle"]!["opportunityDefinition"] = "Handshake";
                a["lifecycle"]!["handRaiseRoute"] = "Boardroom";
            }));
    }

    [Fact]
    public void HandoffCounting_Unknown_IsRefusedWithItsPath()
    {
        Assert.Equal(
            ["$.lifecycle.requalification.countHandoffs: 'Sometimes' is not a way to count handoffs. Known: EveryHandoff, FirstHandoffOnly."],
            Problems(a => a["lifecycle"]!["requalification"]!["countHandoffs"] = "Sometimes"));
    }

    [Fact]
    public void LeadType_WithoutPipeline_IsRefused()
    {
        Assert.Equal(
            ["$.leadTypes[0].pipeline: The lead type needs a pipeline."],
            Problems(a => a["leadTypes"]![0]!.AsObject().Remove("pipeline")));
    }

    [Fact]
    public void LeadType_KeyRepeatedAfterAnInvalidLeadType_IsNotReportedAsUsedTwice()
    {
        Assert.Equal(
            ["$.leadTypes[0].pipeline: There is no pipeline 'Consulting' in the agreement. Known: 'Equipment sale', 'Maintenance service'; or define it under $.pipelines."],
            Problems(a =>
            {
                a["leadTypes"]![0]!["pipeline"] = "Consulting";
                a["leadTypes"]![1]!["key"] = "new-prospect";
            }));
    }

    [Fact]
    public void ScoringModel_ListedUnderAnotherName_IsRefused()
    {
        Assert.Equal(
            ["$.scoringModels.partner: The model is listed as 'partner' but its WorkflowName is 'reseller'; use one name."],
            Problems(a => a["scoringModels"] = new JsonObject { ["partner"] = JsonNode.Parse(ModelNamed("reseller")) }));
    }

    [Fact]
    public void ScoringModel_GivenInlineAndAsAFile_IsRefusedAtTheFile()
    {
        Assert.Equal(
            ["scoring model file 'partner': The scoring model 'partner' is given twice."],
            Problems(a => a["scoringModels"] = new JsonObject { ["partner"] = JsonNode.Parse(ModelNamed("partner")) }, new Dictionary<string, string> { ["partner"] = ModelNamed("partner") }));
    }

    [Fact]
    public void ScoringModelFile_Broken_IsReportedUnderTheFilesName()
    {
        var broken = """{"WorkflowName":"partner","ScoringModel":{"Version":"1"},"Rules":[{"RuleName":"R","Expression":"lead.Nope","Properties":{"points":1}}]}""";

        Assert.Equal(
            ["scoring model file 'partner'.Rules[0].Expression: Rule 'R' does not parse: No property or field 'Nope' exists in type 'LeadFacts'"],
            Problems(_ => { }, new Dictionary<string, string> { ["partner"] = broken }));
    }

    [Fact]
    public void SampleModelName_TakenByABrokenInlineModel_IsNotReplacedByTheSample()
    {
        var broken = """{"WorkflowName":"sample-lead-scoring","ScoringModel":{"Version":"1"},"Rules":[{"RuleName":"R","Expression":"lead.Nope","Properties":{"points":1}}]}""";

        Assert.Equal(
            ["$.scoringModels.sample-lead-scoring.Rules[0].Expression: Rule 'R' does not parse: No property or field 'Nope' exists in type 'LeadFacts'"],
            Problems(a =>
            {
                a["scoringModels"] = new JsonObject { ["sample-lead-scoring"] = JsonNode.Parse(broken) };
                a["leadTypes"]![1]!["thresholds"] = new JsonObject { ["mql"] = 400 };
            }));
    }

    [Fact]
    public void SampleModelName_TakenByABrokenModelFile_IsNotReplacedByTheSample()
    {
        var broken = """{"WorkflowName":"sample-lead-scoring","ScoringModel":{"Version":"1"},"Rules":[{"RuleName":"R","Expression":"lead.Nope","Properties":{"points":1}}]}""";

        Assert.Equal(
            ["scoring model file 'sample-lead-scoring'.Rules[0].Expression: Rule 'R' does not parse: No property or field 'Nope' exists in type 'LeadFacts'"],
            Problems(a => a["leadTypes"]![1]!["thresholds"] = new JsonObject { ["mql"] = 400 }, new Dictionary<string, string> { ["sample-lead-scoring"] = broken }));
    }

    [Fact]
    public void MqlsPerMonth_ZeroOrMissing_IsRefused()
    {
        Assert.Equal(
            ["$.commitments.marketing.mqlsPerMonth: Marketing must commit to more than 0 MQLs per month; it is 0."],
            Problems(a => a["commitments"]!["marketing"]!["mqlsPerMonth"] = 0));
        Assert.Equal(
            ["$.commitments.marketing.mqlsPerMonth: Marketing must commit to more than 0 MQLs per month; it is missing."],
            Problems(a => a["commitments"]!["marketing"]!.AsObject().Remove("mqlsPerMonth")));
    }

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(100.5, "100.5")]
    public void RejectionRate_OutsideZeroToHundred_IsRefused(double rate, string shown)
    {
        Assert.Equal(
            [$"$.commitments.marketing.maxSqlRejectionRatePercent: The rejection rate is a percentage between 0 and 100; it is {shown}."],
            Problems(a => a["commitments"]!["marketing"]!["maxSqlRejectionRatePercent"] = rate));
    }

    [Fact]
    public void RejectionRate_Missing_IsRefused()
    {
        Assert.Equal(
            ["$.commitments.marketing.maxSqlRejectionRatePercent: The rejection rate is a percentage between 0 and 100; it is missing."],
            Problems(a => a["commitments"]!["marketing"]!.AsObject().Remove("maxSqlRejectionRatePercent")));
    }
}
