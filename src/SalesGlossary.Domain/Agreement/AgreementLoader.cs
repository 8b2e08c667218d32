using System.Globalization;
using System.Text.Json;
using Ardalis.SmartEnum;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Reads, validates and builds an agreement; every problem is collected with its JSON path before anything is built.</summary>
internal static class AgreementLoader
{
    private const int MaxDocumentLength = 4_000_000;
    private const decimal MaxPolicyHours = 100_000m;

    private static readonly JsonSerializerOptions ReadingOptions = new(SalesGlossaryJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

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

            // Unknown properties are reported with every other problem, not as the one error that stops reading.
            using (var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 }))
            {
                UnknownProperties(problems, parsed.RootElement, typeof(AgreementDocument), "$");
            }

            document = JsonSerializer.Deserialize<AgreementDocument>(json, ReadingOptions);
        }
        catch (JsonException e)
        {
            // The serializer names the enclosing record's type (an internal name) for a value of the wrong type; say what the document expects there.
            var reason = ExpectedAt(json, e.Path) is { } expected
                ? "the value must be " + expected + "."
                : e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})")
                : string.Empty;
            problems.Add(e.Path ?? "$", "The document cannot be read" + where + ": " + reason);
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
        var words = VocabularyOf(problems, document.Vocabulary);
        var owners = Teams(problems, document.Teams, words);
        var statusProblems = new ValidationCollector();
        var statuses = Statuses(statusProblems, document.LeadStatuses, words);
        var lifecycle = Lifecycle(problems, document.Lifecycle, owners, words, statuses);
        foreach (var problem in statusProblems.Problems)
        {
            problems.Add(problem.Path, problem.Message);
        }

        var pipelines = Pipelines(problems, document.Pipelines);
        var policies = Policies(problems, document.ConnectPolicies);
        var referenced = (document.LeadTypes ?? []).Select(t => t?.ScoringModel).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var models = Models(problems, document.ScoringModels, externalModels, referenced);
        var declared = new Declared(
            [.. (document.Pipelines ?? []).Select(p => p?.Name).OfType<string>()],
            [.. (document.ConnectPolicies ?? []).Select(p => p?.Name).OfType<string>()],
            [.. (document.ScoringModels?.Keys.AsEnumerable() ?? []).Concat(externalModels.Keys).Concat(BuiltIn.Keys).Distinct(StringComparer.Ordinal)]);
        var leadTypes = LeadTypes(problems, document.LeadTypes, declared, models, pipelines, policies, lifecycle);
        var marketing = Commitments(problems, document.Commitments);
        var crmCodes = CrmCodeOverrides(problems, document.CrmCodes, pipelines, words);
        problems.ThrowIfAny("service level agreement '" + (name ?? "?") + "'");
        return new ServiceLevelAgreement(name!, version!, lifecycle, statuses, leadTypes, pipelines, policies, models, marketing!) { CrmCodes = crmCodes, Vocabulary = words.Vocabulary };
    }

    /// <summary>
    /// The JSON names a document type reads, with the type of each value: the one list both the reader's check for unknown
    /// properties and the schema test use.
    /// </summary>
    internal static Dictionary<string, Type> DocumentProperties(Type type) =>
        type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false).Length == 0 && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToDictionary(
                p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false) is [System.Text.Json.Serialization.JsonPropertyNameAttribute named] ? named.Name : JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p => p.PropertyType,
                StringComparer.OrdinalIgnoreCase);

    // A path segment: .name, ['key'] (the serializer writes a dictionary key as it is, quotes included, so a key ends at
    // the ']' that ends the path or starts the next segment), or [index].
    private static readonly System.Text.RegularExpressions.Regex PathSegment = new(
        @"\G(?:\.([^.\[]+)|\['(.*?)'\](?=$|\.|\[)|\[(\d+)\])",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Singleline,
        TimeSpan.FromSeconds(1));

    /// <summary>
    /// What the document's shape expects at a JSON path, in the words of JSON (a number, an object), or <see langword="null"/>
    /// when the path leads nowhere the shape knows. The serializer names the enclosing record's type instead, which says
    /// nothing to the author of the document. Where the value there already has the expected kind (a number where a
    /// number belongs), what is wrong is its range or form, and the answer says which numbers are accepted.
    /// </summary>
    private static string? ExpectedAt(string json, string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        JsonElement? value = parsed.RootElement;
        var type = typeof(AgreementDocument);
        var at = 1;
        while (at < path.Length)
        {
            var segment = PathSegment.Match(path, at);
            if (!segment.Success)
            {
                return null;
            }

            var name = segment.Groups[1].Success ? segment.Groups[1].Value : segment.Groups[2].Value;
            var length = segment.Length;
            if (segment.Groups[2].Success && value is { ValueKind: JsonValueKind.Object } keyed)
            {
                // A key may itself hold "']" or "']["; the real one is the candidate the object has.
                foreach (var (key, keyLength) in KeyCandidates(path, at))
                {
                    if (keyed.EnumerateObject().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)))
                    {
                        (name, length) = (key, keyLength);
                        break;
                    }
                }
            }

            at += length;
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (segment.Groups[3].Success)
            {
                if (ItemType(type) is not { } item)
                {
                    return null;
                }

                type = item;
                var index = int.Parse(segment.Groups[3].Value, CultureInfo.InvariantCulture);
                value = value is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
                continue;
            }

            if (ValueType(type) is { } entry)
            {
                type = entry;
            }
            else if (type.Assembly == typeof(AgreementLoader).Assembly && DocumentProperties(type).TryGetValue(name, out var property))
            {
                type = property;
            }
            else
            {
                return null;
            }

            value = value is { ValueKind: JsonValueKind.Object } owner
                ? owner.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).LastOrDefault()
                : null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = value?.ValueKind;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(int) => kind == JsonValueKind.Number
                ? "a whole number from -2147483648 to 2147483647, written without a fraction or an exponent"
                : "a whole number",
            _ when type == typeof(decimal) => kind == JsonValueKind.Number
                ? "a number from -79228162514264337593543950335 to 79228162514264337593543950335"
                : "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeOnly) => "a time of day such as \"09:00:00\"",
            _ when type == typeof(DateOnly) => "a date such as \"2026-12-24\"",
            _ when ValueType(type) is not null || type.Assembly == typeof(AgreementLoader).Assembly => "an object",
            _ when ItemType(type) is not null => "an array",
            _ => null,
        };
    }

    /// <summary>Every way to read a bracketed key at <paramref name="at"/>: ending at each <c>']</c> that ends the path or starts a segment.</summary>
    private static IEnumerable<(string Key, int Length)> KeyCandidates(string path, int at)
    {
        for (var end = path.IndexOf("']", at + 2, StringComparison.Ordinal); end >= 0; end = path.IndexOf("']", end + 1, StringComparison.Ordinal))
        {
            if (end + 2 == path.Length || path[end + 2] is '.' or '[')
            {
                yield return (path[(at + 2)..end], end + 2 - at);
            }
        }
    }

    /// <summary>The item type of a list the document reads (any sequence but text), or <see langword="null"/>.</summary>
    private static Type? ItemType(Type type) =>
        type == typeof(string) || ValueType(type) is not null
            ? null
            : type.IsArray ? type.GetElementType()
            : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))?.GetGenericArguments()[0];

    /// <summary>The value type of a dictionary the document reads (read-only or not), or <see langword="null"/>.</summary>
    private static Type? ValueType(Type type) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))?.GetGenericArguments()[1];

    /// <summary>Reports every property the document shape does not know, with its path and the known names.</summary>
    private static void UnknownProperties(ValidationCollector problems, JsonElement element, Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement) || type == typeof(string) || type.IsPrimitive || type.IsEnum)
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                UnknownProperties(problems, item, type.GetGenericArguments()[0], string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"));
            }

            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                UnknownProperties(problems, property.Value, type.GetGenericArguments()[1], path + "." + property.Name);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object || type.Assembly != typeof(AgreementLoader).Assembly)
        {
            return;
        }

        var known = DocumentProperties(type);
        foreach (var property in element.EnumerateObject())
        {
            if (known.TryGetValue(property.Name, out var propertyType))
            {
                UnknownProperties(problems, property.Value, propertyType, path + "." + property.Name);
            }
            else
            {
                problems.Add(path + "." + property.Name, $"'{property.Name}' is not a property here. Known: {string.Join(", ", known.Keys.Where(k => k != "$schema"))}.");
            }
        }
    }

    /// <summary>Scoring models the package ships, found by name without being passed; each compiled once per process.</summary>
    private static readonly Dictionary<string, Lazy<LeadScoringModel<LeadFacts, LeadActivity>>> BuiltIn = new(StringComparer.Ordinal)
    {
        [ServiceLevelAgreement.SampleScoringModelName] = new(LeadScoringModel.LoadSample),
    };

    /// <summary>The names the document declares, valid or not, so that a broken definition is not reported a second time as a missing reference.</summary>
    private sealed record Declared(HashSet<string> Pipelines, HashSet<string> ConnectPolicies, HashSet<string> ScoringModels);

    private static T? Named<T>(ValidationCollector problems, string path, string? name, string what)
        where T : SmartEnum<T>
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(path, $"The {what} is missing.");
            return null;
        }

        if (SmartEnum<T>.TryFromName(name, ignoreCase: true, out var value))
        {
            return value;
        }

        problems.Add(path, $"'{name}' is not a {what}. Known: {string.Join(", ", SmartEnum<T>.List.OrderBy(e => e.Value).Select(e => e.Name))}.");
        return null;
    }

    /// <summary>The agreement's vocabulary, and the names its document declares (valid or not), so that a broken definition is not reported a second time as an unknown name.</summary>
    private sealed record Words(Vocabulary Vocabulary, HashSet<string> Declared);

    private static T? Term<T>(ValidationCollector problems, string path, string? name, string what, Words words)
        where T : SmartEnum<T>
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(path, $"The {what} is missing.");
            return null;
        }

        if (words.Vocabulary.TryFind(typeof(T), name, out var term))
        {
            return (T)term!;
        }

        if (!words.Declared.Contains(name))
        {
            problems.Add(path, $"'{name}' is not a {what}. Known: {string.Join(", ", words.Vocabulary.Known(typeof(T))!)}.");
        }

        return null;
    }

    private static Words VocabularyOf(ValidationCollector problems, VocabularyDocument? document)
    {
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (document is null)
        {
            return new Words(Vocabulary.Default, declared);
        }

        const string path = "$.vocabulary";
        var local = new ValidationCollector();
        int Number(string at, int? number)
        {
            if (number is null)
            {
                local.Add(at + ".number", "The term needs a number (100 or more): it is what storage keeps, so it never changes.");
            }

            return number ?? 100;
        }

        TermKind Kind(string at, string? kind)
        {
            if (kind is null || !Enum.TryParse<TermKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || kind.Any(char.IsDigit))
            {
                local.Add(at, $"'{kind}' is not a kind of term. Known: {string.Join(", ", Enum.GetNames<TermKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
                return TermKind.Stage;
            }

            return parsed;
        }

        var stages = new List<StageDefinition>();
        var stageDocuments = document.Stages ?? [];
        var stagesValid = true;
        for (var i = 0; i < stageDocuments.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.stages[{i}]");
            var d = stageDocuments[i];
            declared.Add(d?.Name ?? string.Empty);
            LifecycleStage? after = null;
            if (d?.After is null)
            {
                local.Add(at + ".after", $"Stage '{d?.Name}' needs the stage it follows (after), for example MarketingQualifiedLead.");
                stagesValid = false;
            }
            else if (!LifecycleStage.TryFromName(d.After, ignoreCase: true, out after))
            {
                local.Add(at + ".after", $"'{d.After}' is not one of the article's lifecycle stages. Known: {string.Join(", ", LifecycleStage.InFunnelOrder.Select(s => s.Name))}.");
                stagesValid = false;
            }

            stages.Add(new StageDefinition
            {
                Name = d?.Name!,
                Number = Number(at, d?.Number),
                After = after!,
                DisplayName = d?.DisplayName,
                Abbreviation = d?.Abbreviation,
                EntryMinimumScore = d?.EntryMinimumScore,
            });
        }

        var definition = new VocabularyDefinition
        {
            Stages = stagesValid ? stages : [],
            LeadStatuses = [.. (document.LeadStatuses ?? []).Select((d, i) => new LeadStatusDefinition
            {
                Name = d?.Name!,
                Number = Number(string.Create(CultureInfo.InvariantCulture, $"{path}.leadStatuses[{i}]"), d?.Number),
                DisplayName = d?.DisplayName,
                IsOpen = d?.Open ?? false,
                IsWorking = d?.Working ?? false,
                IsConnected = d?.Connected ?? false,
                IsClosed = d?.Closed ?? false,
            })],
            DisqualificationReasons = [.. (document.DisqualificationReasons ?? []).Select((d, i) => new ReasonDefinition
            {
                Name = d?.Name!,
                Number = Number(string.Create(CultureInfo.InvariantCulture, $"{path}.disqualificationReasons[{i}]"), d?.Number),
                DisplayName = d?.DisplayName,
                RequiresExhaustedConnectPolicy = d?.RequiresExhaustedConnectPolicy ?? false,
            })],
            LostReasons = [.. (document.LostReasons ?? []).Select((d, i) => new ReasonDefinition
            {
                Name = d?.Name!,
                Number = Number(string.Create(CultureInfo.InvariantCulture, $"{path}.lostReasons[{i}]"), d?.Number),
                DisplayName = d?.DisplayName,
            })],
            Teams = [.. (document.Teams ?? []).Select((d, i) => new TermDefinition { Name = d?.Name!, Number = Number(string.Create(CultureInfo.InvariantCulture, $"{path}.teams[{i}]"), d?.Number), DisplayName = d?.DisplayName })],
            Actors = [.. (document.Actors ?? []).Select((d, i) => new TermDefinition { Name = d?.Name!, Number = Number(string.Create(CultureInfo.InvariantCulture, $"{path}.actors[{i}]"), d?.Number), DisplayName = d?.DisplayName })],
            DisplayNames = [.. (document.DisplayNames ?? []).Select((d, i) => new DisplayNameOverride
            {
                Kind = Kind(string.Create(CultureInfo.InvariantCulture, $"{path}.displayNames[{i}].kind"), d?.Kind),
                Term = d?.Term!,
                Language = d?.Language!,
                DisplayName = d?.DisplayName!,
            })],
        };
        foreach (var name in definition.LeadStatuses.Select(d => d.Name).Concat(definition.DisqualificationReasons.Select(d => d.Name))
            .Concat(definition.LostReasons.Select(d => d.Name)).Concat(definition.Teams.Select(d => d.Name)).Concat(definition.Actors.Select(d => d.Name)))
        {
            declared.Add(name ?? string.Empty);
        }

        // The stages' own checks run only when each names the stage it follows; the rest is checked in the one home of the rules.
        Vocabulary.Validate(local, path, stagesValid ? definition : definition with { Stages = [] });
        if (local.HasProblems)
        {
            foreach (var problem in local.Problems)
            {
                problems.Add(problem.Path, problem.Message);
            }

            return new Words(Vocabulary.Default, declared);
        }

        return new Words(Vocabulary.Create(definition), declared);
    }

    private static TEnum? Choice<TEnum>(ValidationCollector problems, string path, string? name, string what)
        where TEnum : struct, Enum
    {
        if (name is null)
        {
            return null;
        }

        if (!int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        problems.Add(path, $"'{name}' is not {what}. Known: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }

    private static List<LeadStatus> Statuses(ValidationCollector problems, List<string?>? names, Words words)
    {
        if (names is not { Count: > 0 })
        {
            return [.. words.Vocabulary.LeadStatuses];
        }

        var statuses = new List<LeadStatus>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Term<LeadStatus>(problems, string.Create(CultureInfo.InvariantCulture, $"$.leadStatuses[{i}]"), names[i], "lead status", words) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    private static string? Required(ValidationCollector problems, string path, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(path, message);
            return null;
        }

        return value;
    }

    private static Dictionary<LifecycleStage, Team> Teams(ValidationCollector problems, Dictionary<string, List<string?>?>? teams, Words words)
    {
        var owners = new Dictionary<LifecycleStage, Team>();
        if (teams is null || teams.Count == 0)
        {
            problems.Add("$.teams", "The agreement names no teams; say which lifecycle stages marketing, sales and service own.");
            return owners;
        }

        foreach (var (teamName, stages) in teams)
        {
            var team = Term<Team>(problems, "$.teams." + teamName, teamName, "team", words);
            var list = stages ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var stage = Term<LifecycleStage>(problems, string.Create(CultureInfo.InvariantCulture, $"$.teams.{teamName}[{i}]"), list[i], "lifecycle stage", words);
                if (stage is null || team is null)
                {
                    continue;
                }

                if (!owners.TryAdd(stage, team))
                {
                    problems.Add("$.teams." + teamName, $"{stage.Name} is owned by {owners[stage].Name} already; each stage has one owner.");
                }
            }
        }

        foreach (var stage in words.Vocabulary.Stages.Where(s => s.IsFunnelStage && !owners.ContainsKey(s)))
        {
            problems.Add("$.teams", $"No team owns {stage.Name}; every funnel stage needs an owner so that handoffs are explicit{(stage.IsAdded ? " (an added stage too: list it under the team that owns it)" : string.Empty)}.");
        }

        // Other (disqualified contacts) belongs to marketing unless the agreement says otherwise, as the schema documents.
        owners.TryAdd(LifecycleStage.Other, Team.Marketing);
        return owners;
    }

    private static LifecycleDefinitions Lifecycle(ValidationCollector problems, LifecycleChoices? choices, Dictionary<LifecycleStage, Team> owners, Words words, List<LeadStatus> statuses)
    {
        var defaults = new LifecycleDefinitions() with { StageOwners = owners, AddedStages = words.Vocabulary.AddedStages, LeadStatuses = statuses.Count > 0 ? statuses : words.Vocabulary.LeadStatuses };
        if (choices is null)
        {
            problems.Add("$.lifecycle", "The agreement makes no lifecycle choices; say at least what makes an SQL and what an Opportunity is.");
            return defaults;
        }

        var definitions = defaults with
        {
            SqlQualification = Choice<SqlQualification>(problems, "$.lifecycle.sqlQualification", choices.SqlQualification, "an SQL qualification") ?? defaults.SqlQualification,
            OpportunityDefinition = Choice<OpportunityDefinition>(problems, "$.lifecycle.opportunityDefinition", choices.OpportunityDefinition, "an Opportunity definition") ?? defaults.OpportunityDefinition,
            HandRaiseRoute = choices.HandRaiseRoute is null ? null : Named<LifecycleStage>(problems, "$.lifecycle.handRaiseRoute", choices.HandRaiseRoute, "lifecycle stage"),
            NurtureStage = choices.NurtureStage is null ? defaults.NurtureStage : Named<LifecycleStage>(problems, "$.lifecycle.nurtureStage", choices.NurtureStage, "lifecycle stage") ?? defaults.NurtureStage,
            RecycleWhenDealLost = choices.RecycleWhenDealLost ?? false,
            Requalification = Requalification(problems, choices.Requalification),
        };
        if (!owners.Keys.ToHashSet().SetEquals(words.Vocabulary.Stages))
        {
            // The missing owners are reported under $.teams already.
            definitions = definitions with { StageOwners = new LifecycleDefinitions().StageOwners, AddedStages = [] };
        }

        try
        {
            _ = new LifecyclePolicy(definitions, new QualificationThresholds(1m, 2m), ConnectPolicy.Default);
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

    private static CrmCodes CrmCodeOverrides(ValidationCollector problems, Dictionary<string, CrmCodesDocument?>? documents, Dictionary<string, Pipeline> pipelines, Words words)
    {
        if (documents is null)
        {
            return ReferenceEquals(words.Vocabulary, Vocabulary.Default) ? CrmCodes.Default : CrmCodes.With(null, words.Vocabulary);
        }

        var count = Enum.GetValues<Crm>().Length;
        Dictionary<string, string>[] New() => [.. Enumerable.Range(0, count).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];
        var overrides = new CrmCodes.Overrides(New(), New(), New(), New());
        foreach (var (crmName, document) in documents)
        {
            var path = "$.crmCodes." + crmName;
            if (!Enum.TryParse<Crm>(crmName, ignoreCase: false, out var crm) || !Enum.IsDefined(crm) || crmName.Any(char.IsDigit))
            {
                problems.Add(path, $"'{crmName}' is not a CRM. Known: {string.Join(", ", Enum.GetNames<Crm>())}.");
                continue;
            }

            var i = (int)crm;
            Terms<LifecycleStage>(problems, path + ".lifecycleStages", document?.LifecycleStages, "lifecycle stage", overrides.Stages[i], words);
            Terms<LeadStatus>(problems, path + ".leadStatuses", document?.LeadStatuses, "lead status", overrides.Statuses[i], words);
            Terms<DisqualificationReason>(problems, path + ".disqualificationReasons", document?.DisqualificationReasons, "disqualification reason", overrides.Reasons[i], words);
            Terms<LostReason>(problems, path + ".lostReasons", document?.LostReasons, "lost reason", overrides.LostReasons[i], words);
            foreach (var (pipelineName, stageCodes) in document?.DealStages ?? [])
            {
                var pipelinePath = path + ".dealStages." + pipelineName;
                if (!pipelines.TryGetValue(pipelineName, out var pipeline))
                {
                    problems.Add(pipelinePath, $"'{pipelineName}' is not a pipeline of the agreement. Known: {string.Join(", ", pipelines.Keys.Select(k => "'" + k + "'"))}.");
                    continue;
                }

                foreach (var (stageName, code) in stageCodes ?? [])
                {
                    if (!pipeline.Stages.Any(s => string.Equals(s.Name, stageName, StringComparison.Ordinal)))
                    {
                        problems.Add(pipelinePath + "." + stageName, $"'{stageName}' is not a stage of pipeline '{pipelineName}'. Known: {string.Join(", ", pipeline.Stages.Select(s => "'" + s.Name + "'"))}.");
                    }
                    else if (Code(problems, pipelinePath + "." + stageName, code) is { } valid)
                    {
                        overrides.DealStages[i][pipelineName + "\u0000" + stageName] = valid;
                    }
                }
            }
        }

        return CrmCodes.With(overrides, words.Vocabulary);
    }

    private static void Terms<T>(ValidationCollector problems, string path, Dictionary<string, string?>? codes, string what, Dictionary<string, string> into, Words words)
        where T : SmartEnum<T>
    {
        foreach (var (termName, code) in codes ?? [])
        {
            var term = Term<T>(problems, path + "." + termName, termName, what, words);
            if (term is not null && Code(problems, path + "." + termName, code) is { } valid)
            {
                into[term.Name] = valid;
            }
        }
    }

    private static string? Code(ValidationCollector problems, string path, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 200 || code.Trim() != code)
        {
            problems.Add(path, "A CRM code must be 1 to 200 characters without leading or trailing white space.");
            return null;
        }

        return code;
    }

    private static RequalificationRule Requalification(ValidationCollector problems, RequalificationDocument? document)
    {
        if (document is null)
        {
            return new RequalificationRule();
        }

        const string path = "$.lifecycle.requalification";
        TimeSpan? coolOff = null;
        if (document.CoolOffDays is { } days)
        {
            if (days <= 0 || days > 3650)
            {
                problems.Add(path + ".coolOffDays", string.Create(CultureInfo.InvariantCulture, $"The cool-off is {days} days; give a number of days above 0 and at most 3650."));
            }
            else
            {
                coolOff = TimeSpan.FromDays((double)days);
            }
        }

        var counting = document.CountHandoffs is null
            ? RequalifiedHandoffCounting.EveryHandoff
            : Choice<RequalifiedHandoffCounting>(problems, path + ".countHandoffs", document.CountHandoffs, "a way to count handoffs") ?? RequalifiedHandoffCounting.EveryHandoff;

        // Validated with the lifecycle definitions (under $.lifecycle.requalification), in the one home of the rule.
        return new RequalificationRule { MinimumNewPoints = document.MinimumNewPoints, CoolOff = coolOff, CountHandoffs = counting };
    }

    private static Dictionary<string, Pipeline> Pipelines(ValidationCollector problems, List<PipelineDocument?>? documents)
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
            var stages = new List<DealStage>();
            var named = true;
            var stageDocuments = document?.Stages ?? [];
            for (var j = 0; j < stageDocuments.Count; j++)
            {
                var stagePath = string.Create(CultureInfo.InvariantCulture, $"{path}.stages[{j}]");
                var d = stageDocuments[j];
                var kind = Named<DealStageKind>(problems, stagePath + ".kind", d?.Kind, "deal stage kind");
                var forecast = Named<ForecastCategory>(problems, stagePath + ".forecast", d?.Forecast, "forecast category");
                if (d?.Probability is null)
                {
                    problems.Add(stagePath + ".probability", "The stage needs a probability in percent.");
                }

                named &= kind is not null && forecast is not null && d?.Probability is not null;
                stages.Add(new DealStage(d?.Name!, d?.Probability ?? 0, kind!, forecast!));
            }

            if (!named)
            {
                continue;
            }

            try
            {
                var pipeline = new Pipeline(document?.Name!, stages, document?.Rules);
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

    private static Dictionary<string, ConnectPolicy> Policies(ValidationCollector problems, List<ConnectPolicyDocument?>? documents)
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

            var days = new List<DayOfWeek>();
            var dayNames = hours.WorkingDays ?? [];
            for (var j = 0; j < dayNames.Count; j++)
            {
                if (Choice<DayOfWeek>(problems, string.Create(CultureInfo.InvariantCulture, $"{path}.businessHours.workingDays[{j}]"), dayNames[j] ?? string.Empty, "a day of the week") is { } day)
                {
                    days.Add(day);
                }
            }

            var outcomes = new List<ConnectOutcome>();
            var outcomeNames = d.ConnectedOutcomes ?? [];
            for (var j = 0; j < outcomeNames.Count; j++)
            {
                if (Named<ConnectOutcome>(problems, string.Create(CultureInfo.InvariantCulture, $"{path}.connectedOutcomes[{j}]"), outcomeNames[j], "connect outcome") is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }

            var firstTouch = Hours(d.FirstTouchWithinHours, "firstTouchWithinHours");
            var spacing = Hours(d.MinimumSpacingHours, "minimumSpacingHours");
            BusinessHours? businessHours = null;
            try
            {
                var defaults = new BusinessHoursOptions { TimeZone = hours.TimeZone! };
                businessHours = new BusinessHours(new BusinessHoursOptions
                {
                    TimeZone = defaults.TimeZone,
                    Opens = hours.Opens ?? defaults.Opens,
                    Closes = hours.Closes ?? defaults.Closes,
                    WorkingDays = hours.WorkingDays is null ? null : days,
                    Holidays = hours.Holidays,
                });
            }
            catch (DefinitionValidationException e)
            {
                Nest(problems, path + ".businessHours", e);
            }

            try
            {
                var policy = new ConnectPolicy(new ConnectPolicyOptions
                {
                    Name = d.Name!,
                    BusinessHours = businessHours ?? ConnectPolicy.DefaultBusinessHours,
                    FirstTouchWithin = TimeSpan.FromHours((double)firstTouch),
                    MinimumAttempts = d.MinimumAttempts ?? 0,
                    OverDays = d.OverDays ?? 0,
                    MinimumChannels = d.MinimumChannels ?? 0,
                    MinimumSpacing = TimeSpan.FromHours((double)spacing),
                    ConnectedOutcomes = d.ConnectedOutcomes is null ? null : outcomes,
                });
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
        IReadOnlyDictionary<string, string> external,
        HashSet<string> referenced)
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

        foreach (var name in referenced.Where(n => !models.ContainsKey(n) && BuiltIn.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            if (!(inline?.ContainsKey(name) ?? false) && !external.ContainsKey(name))
            {
                models.Add(name, BuiltIn[name].Value);
            }
        }

        return models;
    }

    private static List<LeadTypePolicy> LeadTypes(
        ValidationCollector problems,
        List<LeadTypeDocument?>? documents,
        Declared declared,
        Dictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> models,
        Dictionary<string, Pipeline> pipelines,
        Dictionary<string, ConnectPolicy> policies,
        LifecycleDefinitions lifecycle)
    {
        var types = new List<LeadTypePolicy>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (documents is null || documents.Count == 0)
        {
            problems.Add("$.leadTypes", "The agreement defines no lead type; every lead needs one to be scored, qualified and worked.");
            return types;
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
            valid &= Reference(problems, path + ".scoringModel", d.ScoringModel, "scoring model", declared.ScoringModels, "write it under $.scoringModels, or pass its document to ServiceLevelAgreement.Load(json, scoringModels) by this name");
            valid &= Reference(problems, path + ".pipeline", d.Pipeline, "pipeline", declared.Pipelines, "define it under $.pipelines");
            valid &= Reference(problems, path + ".connectPolicy", d.ConnectPolicy, "connect policy", declared.ConnectPolicies, "define it under $.connectPolicies");
            QualificationThresholds? thresholds = null;
            if (d.Thresholds is null)
            {
                QualificationThresholds.Validate(problems, path + ".thresholds", null, lifecycle.SqlQualification);
            }
            else if (d.Thresholds.Mql is not { } mql)
            {
                problems.Add(path + ".thresholds.mql", "The lead type needs an MQL threshold.");
            }
            else
            {
                thresholds = new QualificationThresholds(mql, d.Thresholds.Sql)
                {
                    MqlGroups = [.. (d.Thresholds.MqlGroups ?? []).Select(g => new GroupThreshold(g.Key, g.Value))],
                };
                QualificationThresholds.Validate(problems, path + ".thresholds", thresholds, lifecycle.SqlQualification);
                if (d.ScoringModel is not null && models.TryGetValue(d.ScoringModel, out var scoredBy))
                {
                    var known = scoredBy.Rules.Select(r => r.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                    foreach (var group in thresholds.MqlGroups.Where(g => !string.IsNullOrWhiteSpace(g.Group) && !known.Contains(g.Group, StringComparer.Ordinal)))
                    {
                        problems.Add(path + ".thresholds.mqlGroups." + group.Group, $"Scoring model '{scoredBy.Name}' has no group '{group.Group}'. Known: {string.Join(", ", known)}.");
                    }
                }
            }

            if (thresholds is not null && d.ScoringModel is not null && models.TryGetValue(d.ScoringModel, out var model) && model.MaximumScore is { } maximum)
            {
                if (thresholds.Mql > maximum)
                {
                    problems.Add(path + ".thresholds.mql", $"The MQL threshold {thresholds.Mql.ToString(CultureInfo.InvariantCulture)} can never be reached: scoring model '{model.Name}' gives at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
                }

                if (thresholds.Sql is { } sqlThreshold && sqlThreshold > maximum)
                {
                    problems.Add(path + ".thresholds.sql", $"The SQL threshold {sqlThreshold.ToString(CultureInfo.InvariantCulture)} can never be reached: scoring model '{model.Name}' gives at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
                }
            }

            if (!valid || thresholds is null)
            {
                continue;
            }

            if (!keys.Add(d.Key!))
            {
                problems.Add(path + ".key", $"The lead type key '{d.Key}' is used more than once.");
                continue;
            }

            // A reference to a declared but broken definition is reported where the definition is.
            if (!models.TryGetValue(d.ScoringModel!, out var scoringModel) || !pipelines.TryGetValue(d.Pipeline!, out var pipeline) || !policies.TryGetValue(d.ConnectPolicy!, out var connectPolicy))
            {
                continue;
            }

            try
            {
                var definition = new LeadType { Key = d.Key!, Name = d.Name!, Description = d.Description!, ScoringModel = d.ScoringModel!, Pipeline = d.Pipeline!, ConnectPolicy = d.ConnectPolicy! };
                var lifecyclePolicy = new LifecyclePolicy(lifecycle, thresholds, connectPolicy, d.Key);
                types.Add(new LeadTypePolicy(definition, thresholds, scoringModel, pipeline, connectPolicy, lifecyclePolicy));
            }
            catch (DefinitionValidationException)
            {
                // The lifecycle choices and thresholds are reported above, with their paths.
            }
        }

        return types;
    }

    private static bool Reference(ValidationCollector problems, string path, string? value, string what, IEnumerable<string> known, string howToAdd)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(path, $"The lead type needs a {what}.");
            return false;
        }

        var names = known.Order(StringComparer.Ordinal).ToArray();
        if (!names.Contains(value, StringComparer.Ordinal))
        {
            problems.Add(path, names.Length == 0
                ? $"There is no {what} '{value}': the agreement has none; {howToAdd}."
                : $"There is no {what} '{value}' in the agreement. Known: {string.Join(", ", names.Select(k => "'" + k + "'"))}; or {howToAdd}.");
            return false;
        }

        return true;
    }

    private static MarketingCommitment? Commitments(ValidationCollector problems, CommitmentsDocument? commitments)
    {
        if (commitments?.Sales is not null)
        {
            problems.Add("$.commitments.sales", "Sales' commitments are the connect policies of the lead types (firstTouchWithinHours, minimumAttempts, overDays, minimumChannels): remove commitments.sales and set them there.");
        }

        if (commitments?.Marketing is not { } marketing)
        {
            problems.Add("$.commitments.marketing", "The agreement needs marketing's commitment: MQLs per month and the highest SQL rejection rate.");
            return null;
        }

        if (marketing.MqlsPerMonth is not > 0)
        {
            problems.Add("$.commitments.marketing.mqlsPerMonth", $"Marketing must commit to more than 0 MQLs per month; it is {(marketing.MqlsPerMonth?.ToString(CultureInfo.InvariantCulture) ?? "missing")}.");
        }

        if (marketing.MaxSqlRejectionRatePercent is not (>= 0 and <= 100))
        {
            problems.Add("$.commitments.marketing.maxSqlRejectionRatePercent", $"The rejection rate is a percentage between 0 and 100; it is {(marketing.MaxSqlRejectionRatePercent?.ToString(CultureInfo.InvariantCulture) ?? "missing")}.");
        }

        return new MarketingCommitment(marketing.MqlsPerMonth ?? 0, marketing.MaxSqlRejectionRatePercent ?? 0);
    }

    private static void Nest(ValidationCollector problems, string path, DefinitionValidationException e)
    {
        foreach (var problem in e.Problems)
        {
            problems.Add(problem.Path.StartsWith('$') ? path + problem.Path[1..] : path + ": " + problem.Path, problem.Message);
        }
    }
}
