using System.Globalization;
using System.Text.Json;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Deals;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Profiles;
using SalesGlossary.Domain.Scoring;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Agreement;

/// <summary>Reads, validates and builds an agreement; every problem is collected with its JSON path before anything is built.</summary>
internal static class AgreementLoader
{
    private const int MaxDocumentLength = 4_000_000;
    private const decimal MaxPolicyHours = 100_000m;

    public static ServiceLevelAgreement Load(string json, IReadOnlyDictionary<string, string> externalModels)
    {
        var problems = new ValidationCollector();
        if (json.Length > MaxDocumentLength)
        {
            problems.Add("$", $"The document is {json.Length} characters long; the limit is {MaxDocumentLength}.");
            problems.ThrowIfAny("service level agreement");
        }

        AgreementDocument? document = null;
        try
        {
            // Strict reading first: duplicate keys, malformed text and lone surrogates, each with its path and line.
            if (!StrictJson.Check(json, problems, StringComparer.OrdinalIgnoreCase, maxDepth: 64, allowComments: true))
            {
                problems.ThrowIfAny("service level agreement");
            }

            document = JsonSerializer.Deserialize<AgreementDocument>(json, SalesGlossaryJson.Options);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
            problems.Add(e.Path ?? "$", "The document cannot be read: " + reason);
        }
        catch (ArgumentException e)
        {
            problems.Add("$", "The document's text is invalid: " + e.Message);
        }
        catch (NotSupportedException e)
        {
            problems.Add("$", "The document cannot be read: " + e.Message);
        }

        if (document is null)
        {
            if (!problems.HasProblems)
            {
                problems.Add("$", "The document is empty; it must be a JSON object.");
            }

            problems.ThrowIfAny("service level agreement");
            throw new InvalidOperationException("unreachable");
        }

        var name = Required(problems, "$.name", document.Name, "The agreement needs a name.");
        var version = Required(problems, "$.version", document.Version, "The agreement needs a version; reports and scores record it.");
        var owners = Teams(problems, document.Teams);
        var lifecycle = Lifecycle(problems, document.Lifecycle);
        var statuses = document.LeadStatuses is { Count: > 0 } s ? s : (IReadOnlyList<LeadStatus>)[.. LeadStatus.List.OrderBy(x => x.Value)];
        if (statuses.Any(x => x is null))
        {
            problems.Add("$.leadStatuses", "A lead status in the list is missing.");
        }

        var pipelines = Pipelines(problems, document.Pipelines);
        var policies = Policies(problems, document.ConnectPolicies);
        var models = Models(problems, document.ScoringModels, externalModels);
        var declared = new Declared(
            [.. (document.Pipelines ?? []).Select(p => p?.Name).OfType<string>()],
            [.. (document.ConnectPolicies ?? []).Select(p => p?.Name).OfType<string>()],
            [.. (document.ScoringModels?.Keys.AsEnumerable() ?? []).Concat(ScoringModelsKeys(externalModels))]);
        var (leadTypes, thresholds) = LeadTypes(problems, document.LeadTypes, declared, models, lifecycle);
        var (marketing, sales) = Commitments(problems, document.Commitments);
        problems.ThrowIfAny("service level agreement '" + (name ?? "?") + "'");
        return new ServiceLevelAgreement(name!, version!, owners, statuses, leadTypes, thresholds, pipelines, policies, models, marketing!, sales!, lifecycle);
    }

    private static IEnumerable<string> ScoringModelsKeys(IReadOnlyDictionary<string, string> external) => external.Keys;

    /// <summary>The names the document declares, valid or not, so that a broken definition is not reported a second time as a missing reference.</summary>
    private sealed record Declared(HashSet<string> Pipelines, HashSet<string> ConnectPolicies, HashSet<string> ScoringModels);

    private static string? Required(ValidationCollector problems, string path, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(path, message);
            return null;
        }

        return value;
    }

    private static Dictionary<LifecycleStage, Team> Teams(ValidationCollector problems, Dictionary<string, List<LifecycleStage>>? teams)
    {
        var owners = new Dictionary<LifecycleStage, Team>();
        if (teams is null || teams.Count == 0)
        {
            problems.Add("$.teams", "The agreement names no teams; say which lifecycle stages marketing, sales and service own.");
            return owners;
        }

        foreach (var (teamName, stages) in teams)
        {
            if (!Team.TryFromName(teamName, ignoreCase: true, out var team))
            {
                problems.Add("$.teams." + teamName, $"'{teamName}' is not a team; use Marketing, Sales or Service.");
                continue;
            }

            foreach (var stage in stages ?? [])
            {
                if (stage is null)
                {
                    problems.Add("$.teams." + teamName, "A stage in the list is missing.");
                }
                else if (!owners.TryAdd(stage, team))
                {
                    problems.Add("$.teams." + teamName, $"{stage.Name} is owned by {owners[stage].Name} already; each stage has one owner.");
                }
            }
        }

        foreach (var stage in LifecycleStage.InFunnelOrder.Where(s => s.IsFunnelStage && !owners.ContainsKey(s)))
        {
            problems.Add("$.teams", $"No team owns {stage.Name}; every funnel stage needs an owner so that handoffs are explicit.");
        }

        return owners;
    }

    private static LifecycleDefinitions Lifecycle(ValidationCollector problems, LifecycleChoices? choices)
    {
        var defaults = new LifecycleDefinitions();
        if (choices is null)
        {
            problems.Add("$.lifecycle", "The agreement makes no lifecycle choices; say at least what makes an SQL and what an Opportunity is.");
            return defaults;
        }

        var definitions = defaults with
        {
            SqlQualification = choices.SqlQualification ?? defaults.SqlQualification,
            OpportunityDefinition = choices.OpportunityDefinition ?? defaults.OpportunityDefinition,
            HandRaiseRoute = choices.HandRaiseRoute,
            NurtureStage = choices.NurtureStage ?? defaults.NurtureStage,
            RecycleWhenDealLost = choices.RecycleWhenDealLost ?? false,
        };
        try
        {
            _ = new LifecyclePolicy(definitions with { DefaultThresholds = new QualificationThresholds(1m, definitions.SqlQualification == SqlQualification.Score ? 2m : null) });
        }
        catch (DefinitionValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                problems.Add("$.lifecycle" + problem.Path[1..], problem.Message);
            }
        }

        return definitions;
    }

    private static Dictionary<string, Pipeline> Pipelines(ValidationCollector problems, List<PipelineDocument>? documents)
    {
        var pipelines = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        if (documents is null || documents.Count == 0)
        {
            problems.Add("$.pipelines", "The agreement defines no deal pipeline.");
            return pipelines;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.pipelines[{i}]");
            var document = documents[i];
            try
            {
                var pipeline = new Pipeline(document?.Name!, document?.Stages!, document?.Rules);
                if (!pipelines.TryAdd(pipeline.Name, pipeline))
                {
                    problems.Add(path + ".name", $"The pipeline name '{pipeline.Name}' is used more than once.");
                }
            }
            catch (DefinitionValidationException e)
            {
                Nest(problems, path, e);
            }
        }

        return pipelines;
    }

    private static Dictionary<string, ConnectPolicy> Policies(ValidationCollector problems, List<ConnectPolicyDocument>? documents)
    {
        var policies = new Dictionary<string, ConnectPolicy>(StringComparer.Ordinal);
        if (documents is null || documents.Count == 0)
        {
            problems.Add("$.connectPolicies", "The agreement defines no connect policy; say what a proper sequence of attempts is.");
            return policies;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.connectPolicies[{i}]");
            var d = documents[i];
            if (d?.BusinessHours is not { } hours)
            {
                problems.Add(path + ".businessHours", "The connect policy needs business hours (time zone, opening and closing time).");
                continue;
            }

            decimal Hours(decimal? value, string field)
            {
                if (value is { } hours && (hours < 0 || hours > MaxPolicyHours))
                {
                    problems.Add(path + "." + field, string.Create(CultureInfo.InvariantCulture, $"The hours must be between 0 and {MaxPolicyHours}; it is {hours}."));
                    return 0;
                }

                return value ?? 0;
            }

            var firstTouch = Hours(d.FirstTouchWithinHours, "firstTouchWithinHours");
            var spacing = Hours(d.MinimumSpacingHours, "minimumSpacingHours");
            BusinessHours? businessHours = null;
            try
            {
                businessHours = new BusinessHours(hours.TimeZone!, hours.Opens ?? new TimeOnly(9, 0), hours.Closes ?? new TimeOnly(17, 0), hours.WorkingDays, hours.Holidays);
            }
            catch (DefinitionValidationException e)
            {
                Nest(problems, path + ".businessHours", e);
            }

            try
            {
                var policy = new ConnectPolicy(
                    d.Name!,
                    businessHours ?? new BusinessHours("UTC", new TimeOnly(9, 0), new TimeOnly(17, 0)),
                    TimeSpan.FromHours((double)firstTouch),
                    d.MinimumAttempts ?? 0,
                    d.OverDays ?? 0,
                    d.MinimumChannels ?? 0,
                    TimeSpan.FromHours((double)spacing),
                    d.ConnectedOutcomes);
                if (businessHours is not null && !policies.TryAdd(policy.Name, policy))
                {
                    problems.Add(path + ".name", $"The connect policy name '{policy.Name}' is used more than once.");
                }
            }
            catch (DefinitionValidationException e)
            {
                Nest(problems, path, e);
            }
        }

        return policies;
    }

    private static Dictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> Models(
        ValidationCollector problems,
        Dictionary<string, JsonElement>? inline,
        IReadOnlyDictionary<string, string> external)
    {
        var models = new Dictionary<string, LeadScoringModel<LeadFacts, LeadActivity>>(StringComparer.Ordinal);
        var sources = (inline ?? []).Select(p => (p.Key, Json: p.Value.GetRawText(), Path: "$.scoringModels." + p.Key))
            .Concat(external.Select(p => (p.Key, Json: p.Value, Path: "scoring model file '" + p.Key + "'")));
        foreach (var (name, json, path) in sources)
        {
            try
            {
                var model = LeadScoringModel.Load(json);
                if (model.Name != name)
                {
                    problems.Add(path, $"The model is listed as '{name}' but its WorkflowName is '{model.Name}'; use one name.");
                }
                else if (!models.TryAdd(name, model))
                {
                    problems.Add(path, $"The scoring model '{name}' is given twice.");
                }
            }
            catch (DefinitionValidationException e)
            {
                Nest(problems, path, e);
            }
        }

        if (models.Count == 0 && !problems.HasProblems)
        {
            problems.Add("$.scoringModels", "The agreement has no scoring model; lead types need one.");
        }

        return models;
    }

    private static (Dictionary<string, LeadType>, Dictionary<string, QualificationThresholds>) LeadTypes(
        ValidationCollector problems,
        List<LeadTypeDocument>? documents,
        Declared declared,
        Dictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> models,
        LifecycleDefinitions lifecycle)
    {
        var types = new Dictionary<string, LeadType>(StringComparer.Ordinal);
        var thresholds = new Dictionary<string, QualificationThresholds>(StringComparer.Ordinal);
        if (documents is null || documents.Count == 0)
        {
            problems.Add("$.leadTypes", "The agreement defines no lead type; every lead needs one to be scored, qualified and worked.");
            return (types, thresholds);
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.leadTypes[{i}]");
            var d = documents[i];
            if (d is null)
            {
                problems.Add(path, "The lead type is missing.");
                continue;
            }

            var valid = Required(problems, path + ".key", d.Key, "The lead type needs a key.") is not null
                & Required(problems, path + ".name", d.Name, "The lead type needs a name.") is not null
                & Required(problems, path + ".description", d.Description, "The lead type needs a description of what makes a lead of this type.") is not null;
            valid &= Reference(problems, path + ".scoringModel", d.ScoringModel, "scoring model", declared.ScoringModels);
            valid &= Reference(problems, path + ".pipeline", d.Pipeline, "pipeline", declared.Pipelines);
            valid &= Reference(problems, path + ".connectPolicy", d.ConnectPolicy, "connect policy", declared.ConnectPolicies);
            if (d.Thresholds is not { } t)
            {
                problems.Add(path + ".thresholds", "The lead type needs its thresholds, at least { \"mql\": … }.");
                continue;
            }

            if (t.Mql <= 0)
            {
                problems.Add(path + ".thresholds.mql", $"The MQL threshold must be above 0; it is {t.Mql.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (t.Sql is { } sql && sql <= t.Mql)
            {
                problems.Add(path + ".thresholds.sql", $"The SQL threshold {sql.ToString(CultureInfo.InvariantCulture)} must be above the MQL threshold {t.Mql.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (t.Sql is null && lifecycle.SqlQualification == SqlQualification.Score)
            {
                problems.Add(path + ".thresholds.sql", "SQLs are qualified by score only, so the lead type needs an SQL threshold.");
            }

            if (d.ScoringModel is not null && models.TryGetValue(d.ScoringModel, out var model) && model.MaximumScore is { } maximum)
            {
                if (t.Mql > maximum)
                {
                    problems.Add(path + ".thresholds.mql", $"The MQL threshold {t.Mql.ToString(CultureInfo.InvariantCulture)} can never be reached: scoring model '{model.Name}' gives at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
                }

                if (t.Sql is { } sqlThreshold && sqlThreshold > maximum)
                {
                    problems.Add(path + ".thresholds.sql", $"The SQL threshold {sqlThreshold.ToString(CultureInfo.InvariantCulture)} can never be reached: scoring model '{model.Name}' gives at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
                }
            }

            if (!valid)
            {
                continue;
            }

            if (types.ContainsKey(d.Key!))
            {
                problems.Add(path + ".key", $"The lead type key '{d.Key}' is used more than once.");
                continue;
            }

            types[d.Key!] = new LeadType(d.Key!, d.Name!, d.Description!, d.ScoringModel!, d.Pipeline!, d.ConnectPolicy!);
            thresholds[d.Key!] = t;
        }

        return (types, thresholds);
    }

    private static bool Reference(ValidationCollector problems, string path, string? value, string what, IEnumerable<string> known)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(path, $"The lead type needs a {what}.");
            return false;
        }

        if (!known.Contains(value, StringComparer.Ordinal))
        {
            problems.Add(path, $"There is no {what} '{value}' in the agreement. Known: {string.Join(", ", known.Select(k => "'" + k + "'"))}.");
            return false;
        }

        return true;
    }

    private static (MarketingCommitment?, SalesCommitment?) Commitments(ValidationCollector problems, CommitmentsDocument? commitments)
    {
        if (commitments?.Marketing is not { } marketing)
        {
            problems.Add("$.commitments.marketing", "The agreement needs marketing's commitment: MQLs per month and the highest SQL rejection rate.");
        }
        else
        {
            if (marketing.MqlsPerMonth <= 0)
            {
                problems.Add("$.commitments.marketing.mqlsPerMonth", $"Marketing must commit to more than 0 MQLs per month; it is {marketing.MqlsPerMonth}.");
            }

            if (marketing.MaxSqlRejectionRatePercent is < 0 or > 100)
            {
                problems.Add("$.commitments.marketing.maxSqlRejectionRatePercent", $"The rejection rate is a percentage between 0 and 100; it is {marketing.MaxSqlRejectionRatePercent.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        if (commitments?.Sales is not { } sales)
        {
            problems.Add("$.commitments.sales", "The agreement needs sales' commitment: first touch within business hours and attempts per lead.");
        }
        else
        {
            if (sales.FirstTouchWithinBusinessHours <= 0)
            {
                problems.Add("$.commitments.sales.firstTouchWithinBusinessHours", "Sales must commit to a first touch within some business hours; it is not positive.");
            }

            if (sales.AttemptsPerLead < 1)
            {
                problems.Add("$.commitments.sales.attemptsPerLead", $"Sales must commit to at least 1 attempt per lead; it is {sales.AttemptsPerLead}.");
            }
        }

        return (commitments?.Marketing, commitments?.Sales);
    }

    private static void Nest(ValidationCollector problems, string path, DefinitionValidationException e)
    {
        foreach (var problem in e.Problems)
        {
            problems.Add(problem.Path.StartsWith('$') ? path + problem.Path[1..] : path + ": " + problem.Path, problem.Message);
        }
    }
}
