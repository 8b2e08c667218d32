using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Reads a scoring model document (a RulesEngine workflow with scoring properties), checks it whole and compiles its rules.</summary>
internal sealed class ScoringModelReader
{
    internal const string LeadParameter = "lead";
    internal const string ActivityParameter = "activity";

    /// <summary>Where the schema describes the workflow, a rule and a scored rule's properties (JSON pointers into lead-scoring-model.schema.json).</summary>
    internal const string WorkflowPlace = "#", ModelPlace = "#/properties/ScoringModel", GradesPlace = ModelPlace + "/properties/Grades",
        FitPlace = GradesPlace + "/properties/Fit", EngagementPlace = GradesPlace + "/properties/Engagement", RulePlace = "#/definitions/rule",
        PropertiesPlace = "#/definitions/scoredRule/allOf/1/properties/Properties", DecayPlace = PropertiesPlace + "/properties/decay",
        NestedPropertiesPlace = "#/definitions/nestedRule/allOf/1/properties/Properties";

    /// <summary>
    /// The keys each object of a scoring document may hold, by the place in the JSON schema that describes the object: the one
    /// list the reader checks documents against and the schema test compares the schema with.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> AcceptedKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [WorkflowPlace] = ["$schema", "WorkflowName", "ScoringModel", "Rules"],
        [ModelPlace] = ["Version", "TotalCap", "GroupCaps", "Grades"],
        [GradesPlace] = ["Fit", "Engagement"],
        [FitPlace] = ["A", "B"],
        [EngagementPlace] = ["1", "2"],
        [RulePlace] = ["RuleName", "Expression", "Operator", "Rules", "Enabled", "RuleExpressionType", "SuccessEvent", "ErrorMessage", "Properties"],
        [PropertiesPlace] = ["points", "group", "scope", "decay", "windowDays", "maxPerDay", "handRaise", "description"],
        [DecayPlace] = ["percent", "everyDays"],
        [NestedPropertiesPlace] = [],
    };

    /// <summary>RulesEngine keys the reader knows only to refuse them, each with its own reason.</summary>
    private static readonly string[] RefusedWorkflowKeys = ["RuleExpressionType", "GlobalParams", "WorkflowsToInject"];

    private static readonly string[] RuleKeys = [.. AcceptedKeys[RulePlace], "LocalParams", "Actions", "WorkflowsToInject"];

    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    /// <summary>The deepest nesting of a scoring document's JSON.</summary>
    private const int MaxDocumentDepth = 32;

    private readonly ValidationCollector problems = new();
    private readonly ScoringLimits limits;
    private readonly Type leadType;
    private readonly Type activityType;
    private readonly RuleExpressionParser parser;
    private readonly ParameterExpression lead;
    private readonly ParameterExpression activity;
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
    private int ruleCount;
    private long modelTokens;
    private long modelNodes;
    private bool modelTooLarge;

    public ScoringModelReader(Type leadType, Type activityType, ScoringLimits limits)
    {
        this.limits = limits;
        this.leadType = leadType;
        this.activityType = activityType;
        parser = new RuleExpressionParser(new ReSettings { AutoRegisterInputType = false, CustomTypes = [] });
        lead = Expression.Parameter(leadType, LeadParameter);
        activity = Expression.Parameter(activityType, ActivityParameter);
    }

    public ParameterExpression Lead => lead;

    public ParameterExpression Activity => activity;

    /// <summary>Reads and checks the document; throws with every problem found, or returns the model's parts.</summary>
    public ScoringModelDefinition Read(string json)
    {
        if (json.Length > limits.MaxDocumentLength)
        {
            problems.Add("$", $"The document is {json.Length} characters long; the limit is {limits.MaxDocumentLength}.");
            problems.ThrowIfAny("scoring model");
        }

        if (!StrictJson.Check(json, problems, StringComparer.Ordinal, maxDepth: MaxDocumentDepth, allowComments: false))
        {
            problems.ThrowIfAny("scoring model");
        }

        // StrictJson has read the whole document with the same depth and stricter options, so it parses here.
        var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDocumentDepth });

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("$", "The document must be a JSON object: one RulesEngine workflow.");
                problems.ThrowIfAny("scoring model");
            }

            CheckKeys(root, "$", [.. AcceptedKeys[WorkflowPlace], .. RefusedWorkflowKeys], "workflow");
            var name = RequiredString(root, "$", "WorkflowName", "The workflow needs a WorkflowName; it is the scoring model's name.");
            if (root.TryGetProperty("RuleExpressionType", out _))
            {
                problems.Add("$.RuleExpressionType", "Remove RuleExpressionType at workflow level: plain RulesEngine fails to read it there (set it per rule if at all).");
            }

            Unsupported(root, "$", "GlobalParams", "GlobalParams are not supported in scoring models; write the expression into each rule");
            Unsupported(root, "$", "WorkflowsToInject", "WorkflowsToInject is not supported in scoring models; RulesEngine 6.0.1 grows the injected workflow on every run");
            var settings = ReadSettings(root);
            var rules = new List<ScoringModelDefinition.RuleDefinition>();
            if (!root.TryGetProperty("Rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add("$.Rules", "The workflow needs a Rules array.");
            }
            else
            {
                var index = 0;
                foreach (var rule in rulesElement.EnumerateArray())
                {
                    var definition = ReadRule(rule, string.Create(CultureInfo.InvariantCulture, $"$.Rules[{index}]"));
                    if (definition is not null)
                    {
                        rules.Add(definition);
                    }

                    index++;
                }

                if (index == 0)
                {
                    problems.Add("$.Rules", "The model has no rules.");
                }
            }

            var allRulesRead = ruleCount <= limits.MaxRules;
            foreach (var group in settings.GroupCaps.Keys.Where(g => allRulesRead && !rules.Any(r => r.Rule.Group == g)))
            {
                problems.Add("$.ScoringModel.GroupCaps." + group, $"The cap is set for the group '{group}', but no rule belongs to it. Known groups: {string.Join(", ", rules.Select(r => r.Rule.Group).Distinct().Order(StringComparer.Ordinal))}.");
            }

            problems.ThrowIfAny(name is null ? "scoring model" : "scoring model '" + name + "'");
            return new ScoringModelDefinition(name!, settings.Version, rules, settings.GroupCaps, settings.TotalCap, settings.Grades);
        }
    }

    private (string Version, Dictionary<string, decimal> GroupCaps, decimal? TotalCap, GradeThresholds? Grades) ReadSettings(JsonElement root)
    {
        var caps = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (!root.TryGetProperty("ScoringModel", out var model))
        {
            problems.Add("$.ScoringModel", "The workflow needs a ScoringModel object with at least its Version.");
            return ("", caps, null, null);
        }

        const string path = "$.ScoringModel";
        if (model.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, "ScoringModel must be an object.");
            return ("", caps, null, null);
        }

        CheckKeys(model, path, AcceptedKeys[ModelPlace], "ScoringModel");
        var version = RequiredString(model, path, "Version", "The model needs a Version, for example \"1.0.0\"; scores record it.") ?? "";
        var totalCap = OptionalPositive(model, path, "TotalCap");
        if (model.TryGetProperty("GroupCaps", out var groupCaps))
        {
            if (groupCaps.ValueKind != JsonValueKind.Object)
            {
                problems.Add(path + ".GroupCaps", "GroupCaps must be an object that maps group names to caps.");
            }
            else
            {
                foreach (var cap in groupCaps.EnumerateObject())
                {
                    var value = Number(cap.Value, path + ".GroupCaps." + cap.Name, "The cap of group '" + cap.Name + "'");
                    if (value is <= 0)
                    {
                        problems.Add(path + ".GroupCaps." + cap.Name, $"The cap of group '{cap.Name}' must be above 0; it is {value}.");
                    }
                    else if (value is { } v)
                    {
                        caps[cap.Name] = v;
                    }
                }
            }
        }

        GradeThresholds? grades = null;
        if (model.TryGetProperty("Grades", out var gradesElement))
        {
            grades = ReadGrades(gradesElement, path + ".Grades");
        }

        return (version, caps, totalCap, grades);
    }

    private GradeThresholds? ReadGrades(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("Fit", out var fit) || !element.TryGetProperty("Engagement", out var engagement)
            || fit.ValueKind != JsonValueKind.Object || engagement.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, "Grades needs Fit {\"A\": …, \"B\": …} and Engagement {\"1\": …, \"2\": …} thresholds.");
            return null;
        }

        CheckKeys(element, path, AcceptedKeys[GradesPlace], "Grades");
        CheckKeys(fit, path + ".Fit", AcceptedKeys[FitPlace], "Fit grades");
        CheckKeys(engagement, path + ".Engagement", AcceptedKeys[EngagementPlace], "Engagement grades");
        var a = RequiredNumber(fit, path + ".Fit", "A");
        var b = RequiredNumber(fit, path + ".Fit", "B");
        var one = RequiredNumber(engagement, path + ".Engagement", "1");
        var two = RequiredNumber(engagement, path + ".Engagement", "2");
        if (a is null || b is null || one is null || two is null)
        {
            return null;
        }

        if (a <= b)
        {
            problems.Add(path + ".Fit", $"The A threshold ({a}) must be above the B threshold ({b}).");
        }

        if (one <= two)
        {
            problems.Add(path + ".Engagement", $"The 1 threshold ({one}) must be above the 2 threshold ({two}).");
        }

        // Thresholds out of order are reported above with their path; GradeThresholds itself refuses them too.
        return a <= b || one <= two ? null : new GradeThresholds { FitA = a.Value, FitB = b.Value, EngagementOne = one.Value, EngagementTwo = two.Value };
    }

    private ScoringModelDefinition.RuleDefinition? ReadRule(JsonElement rule, string path)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, "A rule must be an object.");
            return null;
        }

        var name = RuleName(rule, path);
        var label = name is null ? "The rule" : "Rule '" + name + "'";
        CheckRuleKeys(rule, path, label);
        var body = ReadBody(rule, path, label, depth: 1, name);
        var enabled = !rule.TryGetProperty("Enabled", out var enabledElement) || enabledElement.ValueKind != JsonValueKind.False;
        if (rule.TryGetProperty("Enabled", out enabledElement) && enabledElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add(path + ".Enabled", $"{label}: Enabled must be true or false.");
        }

        if (!rule.TryGetProperty("Properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path + ".Properties", $"{label} needs Properties with its points, for example \"Properties\": {{ \"points\": 10, \"group\": \"fit\" }}.");
            return null;
        }

        var p = path + ".Properties";
        CheckKeys(properties, p, AcceptedKeys[PropertiesPlace], PartOf(label, "Properties"), allowExtensions: true);
        var points = properties.TryGetProperty("points", out var pointsElement)
            ? Number(pointsElement, p + ".points", Of(label, "points"))
            : Missing(p + ".points", $"{label} has no points; add \"points\": a number (negative to subtract).");
        var group = properties.TryGetProperty("group", out var groupElement) ? GroupName(groupElement, p + ".group", label) : "fit";
        var scope = group == "engagement" ? ScoringScope.Activity : ScoringScope.Lead;
        if (properties.TryGetProperty("scope", out var scopeElement))
        {
            var text = scopeElement.ValueKind == JsonValueKind.String ? scopeElement.GetString() : null;
            if (text == "lead")
            {
                scope = ScoringScope.Lead;
            }
            else if (text == "activity")
            {
                scope = ScoringScope.Activity;
            }
            else
            {
                problems.Add(p + ".scope", $"{label}: scope must be \"lead\" or \"activity\".");
            }
        }

        ScoreDecay? decay = null;
        if (properties.TryGetProperty("decay", out var decayElement))
        {
            decay = ReadDecay(decayElement, p + ".decay", label);
        }

        var window = properties.TryGetProperty("windowDays", out var windowElement) ? Positive(windowElement, p + ".windowDays", Of(label, "windowDays")) : null;
        int? maxPerDay = null;
        if (properties.TryGetProperty("maxPerDay", out var perDayElement))
        {
            if (perDayElement.ValueKind == JsonValueKind.Number && perDayElement.TryGetInt32(out var perDay) && perDay > 0)
            {
                maxPerDay = perDay;
            }
            else
            {
                problems.Add(p + ".maxPerDay", $"{label}: maxPerDay must be a whole number above 0.");
            }
        }

        var handRaise = false;
        if (properties.TryGetProperty("handRaise", out var handRaiseElement))
        {
            if (handRaiseElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                handRaise = handRaiseElement.GetBoolean();
            }
            else
            {
                problems.Add(p + ".handRaise", $"{label}: handRaise must be true or false.");
            }
        }

        string? description = null;
        if (properties.TryGetProperty("description", out var descriptionElement))
        {
            description = descriptionElement.ValueKind == JsonValueKind.String ? descriptionElement.GetString() : null;
            if (description is null)
            {
                problems.Add(p + ".description", $"{label}: description must be text.");
            }
        }

        if (scope == ScoringScope.Lead)
        {
            foreach (var (key, present) in new[] { ("decay", decay is not null), ("windowDays", window is not null), ("maxPerDay", maxPerDay is not null) })
            {
                if (present)
                {
                    problems.Add(p + "." + key, $"{label} is scored once per lead, so {key} does not apply; set \"scope\": \"activity\" or remove {key}.");
                }
            }
        }

        if (body is null || name is null || points is null || group is null)
        {
            return null;
        }

        if (scope == ScoringScope.Lead && body.UsesActivity)
        {
            problems.Add(path + ".Expression", $"{label} is scored once per lead but reads 'activity'; set \"scope\": \"activity\" (or group \"engagement\") or read only 'lead'.");
            return null;
        }

        var cost = RuleCostModel.Estimate(name, body.Expression, scope, lead, activity, limits, out var costProblems);
        if (cost is null)
        {
            problems.Add(path + ".Expression", $"{label} is rejected by the cost model: {string.Join("; ", costProblems.Distinct(StringComparer.Ordinal))}.");
            return null;
        }

        return new ScoringModelDefinition.RuleDefinition(
            new ScoringRule { Name = name, Group = group, Scope = scope, Points = points.Value, Expression = body.Text, Decay = decay, WindowDays = window, MaxPerDay = maxPerDay, HandRaise = handRaise, Description = description },
            Compiled(body.Expression),
            body.Node,
            enabled,
            cost);
    }

    private sealed record Body(Expression Expression, string Text, bool UsesActivity, RuleNode Node);

    private Body? ReadBody(JsonElement rule, string path, string label, int depth, string? name)
    {
        if (++ruleCount > limits.MaxRules)
        {
            if (ruleCount == limits.MaxRules + 1)
            {
                problems.Add(path, $"The model has more than {limits.MaxRules} rules (nested rules included); that is the limit.");
            }

            return null;
        }

        if (rule.TryGetProperty("RuleExpressionType", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "LambdaExpression"))
        {
            problems.Add(path + ".RuleExpressionType", $"{label}: RuleExpressionType must be \"LambdaExpression\", the only type RulesEngine knows.");
        }

        Unsupported(rule, path, "LocalParams", label + " uses LocalParams, which scoring models do not support; write the expression inline");
        Unsupported(rule, path, "Actions", label + " has Actions, which scoring models do not run; points come from Properties");
        Unsupported(rule, path, "WorkflowsToInject", label + " uses WorkflowsToInject, which scoring models do not support");
        var hasOperator = rule.TryGetProperty("Operator", out var operatorElement);
        var hasChildren = rule.TryGetProperty("Rules", out var children);
        if (hasOperator || hasChildren)
        {
            return ReadNested(rule, path, label, depth, name, operatorElement, hasOperator, children, hasChildren);
        }

        if (!rule.TryGetProperty("Expression", out var expressionElement) || expressionElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(expressionElement.GetString()))
        {
            problems.Add(path + ".Expression", $"{label} needs an Expression (or an Operator with nested Rules).");
            return null;
        }

        var text = expressionElement.GetString()!;
        var textProblem = ExpressionGuard.CheckText(text, limits, out var tokens);
        if (textProblem is not null)
        {
            problems.Add(path + ".Expression", $"{label} is rejected before parsing: {textProblem}.");
            return null;
        }

        // sandbox: the work of loading the whole document is bounded, before the rule that would pass the bound parses.
        modelTokens += tokens;
        if (modelTokens > limits.MaxTokensPerModel)
        {
            if (!modelTooLarge)
            {
                modelTooLarge = true;
                problems.Add(path + ".Expression", string.Create(CultureInfo.InvariantCulture,
                    $"{label} is rejected before parsing: with its {tokens} tokens the model's expressions have {modelTokens} tokens so far; the limit for a whole model is {limits.MaxTokensPerModel} (ScoringLimits.MaxTokensPerModel), so this rule and the rules after it were not parsed; split the model or shorten its rules."));
            }

            return null;
        }

        Expression parsed;
        try
        {
            parsed = parser.Parse(text, [lead, activity], typeof(bool));
        }
#pragma warning disable CA1031 // Any parser failure is a problem of the rule, reported with the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            problems.Add(path + ".Expression", $"{label} does not parse: {e.Message}");
            return null;
        }

        // The parser can build more than one node per token (np(…) repeats its argument); the tree is bounded before any walk over it.
        var nodeLimit = (int)Math.Min((long)limits.MaxTokensPerExpression * ExpressionGuard.NodesPerToken, ((long)limits.MaxTokensPerModel * ExpressionGuard.NodesPerToken) - modelNodes);
        var nodes = ExpressionGuard.CountNodes(parsed, Math.Max(0, nodeLimit));
        if (nodes < 0)
        {
            problems.Add(path + ".Expression", string.Create(CultureInfo.InvariantCulture,
                $"{label} is rejected after parsing: its tree has more than {nodeLimit} nodes, the limit left for it ({ExpressionGuard.NodesPerToken} nodes per token of ScoringLimits.MaxTokensPerExpression, {limits.MaxTokensPerExpression}, and of ScoringLimits.MaxTokensPerModel, {limits.MaxTokensPerModel}, for the whole model); write it with fewer operators, or split it into several rules."));
            return null;
        }

        modelNodes += nodes;
        var unsafeParts = ExpressionGuard.CheckTree(parsed, leadType, activityType, limits, out var usesActivity);
        if (unsafeParts.Count > 0)
        {
            problems.Add(path + ".Expression", $"{label} is rejected: {string.Join("; ", unsafeParts.Distinct(StringComparer.Ordinal))}.");
            return null;
        }

        // The leaf carries its own meter: a failing child of a nested rule is re-evaluated on its own (see RuleNode).
        var rewritten = CheckedArithmetic.Rewrite(OrdinalText.Rewrite(parsed));
        return new Body(rewritten, text, usesActivity, new RuleNode(name ?? string.Empty, Compiled(rewritten), IsAnd: false, []));
    }

    /// <summary>What is compiled of a checked rule: the work meter (unless turned off) and the library's fixed case mapping (host independence).</summary>
    private Expression Compiled(Expression rewritten) =>
        FixedCasing.Rewrite(limits.Metered ? WorkMetering.Instrument(rewritten, limits.MaxWorkPerRule) : rewritten);

    private Body? ReadNested(JsonElement rule, string path, string label, int depth, string? name, JsonElement operatorElement, bool hasOperator, JsonElement children, bool hasChildren)
    {
        if (depth > 3)
        {
            problems.Add(path + ".Rules", $"{label}: rules are nested more than 3 deep.");
            return null;
        }

        var op = hasOperator && operatorElement.ValueKind == JsonValueKind.String ? operatorElement.GetString() : null;
        if (op is null || !Operators.Contains(op, StringComparer.Ordinal))
        {
            var hint = op is not null && Operators.Contains(op, StringComparer.OrdinalIgnoreCase)
                ? $" RulesEngine 6.0.1 accepts '{op}' when loading but never matches it; write '{Operators.First(o => string.Equals(o, op, StringComparison.OrdinalIgnoreCase))}'."
                : string.Empty;
            problems.Add(path + ".Operator", $"{label}: a nested rule needs an Operator of exactly And, AndAlso, Or or OrElse.{hint}");
        }

        if (!hasChildren || children.ValueKind != JsonValueKind.Array || children.GetArrayLength() == 0)
        {
            problems.Add(path + ".Rules", $"{label}: a rule with an Operator needs nested Rules.");
            return null;
        }

        if (rule.TryGetProperty("Expression", out _))
        {
            problems.Add(path + ".Expression", $"{label} has both an Expression and nested Rules; RulesEngine would ignore the Expression.");
        }

        var parts = new List<Body>();
        var index = 0;
        foreach (var child in children.EnumerateArray())
        {
            var childPath = string.Create(CultureInfo.InvariantCulture, $"{path}.Rules[{index++}]");
            if (child.ValueKind != JsonValueKind.Object)
            {
                problems.Add(childPath, "A nested rule must be an object.");
                continue;
            }

            var childName = RuleName(child, childPath);
            var childLabel = childName is null ? "The nested rule" : "Rule '" + childName + "'";
            CheckRuleKeys(child, childPath, childLabel);
            if (child.TryGetProperty("Properties", out var childProperties))
            {
                CheckNestedProperties(childProperties, childPath + ".Properties", childLabel);
            }

            if (child.TryGetProperty("Enabled", out var childEnabled) && childEnabled.ValueKind == JsonValueKind.False)
            {
                problems.Add(childPath + ".Enabled", $"{childLabel} is nested and disabled; RulesEngine would still evaluate it. Remove it instead.");
            }

            var body = ReadBody(child, childPath, childLabel, depth + 1, childName);
            if (body is not null)
            {
                parts.Add(body);
            }
        }

        if (op is null || !Operators.Contains(op, StringComparer.Ordinal) || parts.Count != children.GetArrayLength())
        {
            return null;
        }

        // RulesEngine evaluates every child (NestedRuleExecutionMode.All, its default) and counts a failing child as not
        // matched; the combined expression therefore evaluates every child too (& and |, never && or ||). See
        // docs/scoring-semantics.md, "Nested rules".
        var isAnd = op is "And" or "AndAlso";
        var expression = parts.Skip(1).Aggregate(parts[0].Expression, (left, right) => isAnd ? Expression.And(left, right.Expression) : Expression.Or(left, right.Expression));
        var text = string.Join(isAnd ? " && " : " || ", parts.Select(b => "(" + b.Text + ")"));
        return new Body(expression, text, parts.Any(b => b.UsesActivity), new RuleNode(name ?? string.Empty, null, isAnd, [.. parts.Select(b => b.Node)]));
    }

    /// <summary>
    /// Refuses what a nested rule's Properties would carry in vain: only the top-level rule's points, group, scope and the rest
    /// are read, so a nested rule may hold the integrator's own <c>x-</c> keys and nothing else.
    /// </summary>
    private void CheckNestedProperties(JsonElement properties, string path, string label)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"{label} is nested; its Properties must be an object holding only your own 'x-' keys.");
            return;
        }

        var known = AcceptedKeys[NestedPropertiesPlace];
        foreach (var property in properties.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal) && !property.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                problems.Add(path + "." + property.Name, $"{label} is nested; '{property.Name}' counts only on the top-level rule.");
            }
        }
    }

    private string? RuleName(JsonElement rule, string path)
    {
        var name = rule.TryGetProperty("RuleName", out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(path + ".RuleName", "The rule needs a RuleName.");
            return null;
        }

        if (!names.Add(name))
        {
            problems.Add(path + ".RuleName", $"Rule '{name}' is defined more than once; RulesEngine fails at run time on duplicate names (names are compared ignoring case here).");
        }

        return name;
    }

    private void CheckRuleKeys(JsonElement rule, string path, string label)
    {
        foreach (var property in rule.EnumerateObject().Where(p => !RuleKeys.Contains(p.Name, StringComparer.Ordinal)))
        {
            var known = RuleKeys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            problems.Add(path + "." + property.Name, known is null
                ? $"{label} has an unknown property '{property.Name}'."
                : $"{label} has '{property.Name}'; write '{known}': RulesEngine reads property names case-sensitively and would ignore it.");
        }
    }

    private void CheckKeys(JsonElement element, string path, string[] known, string what, bool allowExtensions = false)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (known.Contains(property.Name, StringComparer.Ordinal) || (allowExtensions && property.Name.StartsWith("x-", StringComparison.Ordinal)))
            {
                continue;
            }

            var near = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            problems.Add(path + "." + property.Name, near is null
                ? $"The {what} has an unknown property '{property.Name}'. Known: {string.Join(", ", known)}{(allowExtensions ? "; use an 'x-' prefix for your own" : string.Empty)}."
                : $"The {what} has '{property.Name}'; write '{near}' (names are case-sensitive).");
        }
    }

    private void Unsupported(JsonElement element, string path, string key, string message)
    {
        if (element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null
            && !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0))
        {
            problems.Add(path + "." + key, message + ".");
        }
    }

    private string? RequiredString(JsonElement element, string path, string key, string message)
    {
        var value = element.TryGetProperty(key, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(path + "." + key, message);
            return null;
        }

        return value;
    }

    private decimal? RequiredNumber(JsonElement element, string path, string key) =>
        element.TryGetProperty(key, out var e) ? Number(e, path + "." + key, "The threshold '" + key + "'") : Missing(path + "." + key, $"The threshold '{key}' is missing.");

    private decimal? OptionalPositive(JsonElement element, string path, string key) =>
        element.TryGetProperty(key, out var e) ? Positive(e, path + "." + key, key) : null;

    private decimal? Positive(JsonElement element, string path, string what)
    {
        var value = Number(element, path, what);
        if (value is <= 0)
        {
            problems.Add(path, $"{what} must be above 0; it is {value}.");
            return null;
        }

        return value;
    }

    private decimal? Number(JsonElement element, string path, string what)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) && Math.Abs(value) <= 1_000_000_000m)
        {
            return value;
        }

        problems.Add(path, element.ValueKind == JsonValueKind.Number
            ? $"{what} is out of range; use a number between -1000000000 and 1000000000."
            : $"{what} must be a number, not {Describe(element)}.");
        return null;
    }

    private decimal? Missing(string path, string message)
    {
        problems.Add(path, message);
        return null;
    }

    private string? GroupName(JsonElement element, string path, string label)
    {
        var group = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (string.IsNullOrWhiteSpace(group) || group.Length > 64 || !group.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add(path, $"{label}: group must be a name of letters, digits, '-' or '_' (for example \"fit\" or \"engagement\").");
            return null;
        }

        return group;
    }

    private ScoreDecay? ReadDecay(JsonElement element, string path, string label)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"{label}: decay must be an object such as {{ \"percent\": 50, \"everyDays\": 30 }}.");
            return null;
        }

        CheckKeys(element, path, AcceptedKeys[DecayPlace], PartOf(label, "decay"));
        var percent = element.TryGetProperty("percent", out var p) ? Number(p, path + ".percent", Of(label, "decay percent")) : Missing(path + ".percent", $"{Of(label, "decay")} needs a percent.");
        var every = element.TryGetProperty("everyDays", out var d) ? Positive(d, path + ".everyDays", Of(label, "decay everyDays")) : Missing(path + ".everyDays", $"{Of(label, "decay")} needs everyDays.");
        if (percent is <= 0 or > 100)
        {
            problems.Add(path + ".percent", $"{Of(label, "decay percent")} must be above 0 and at most 100; it is {percent}.");
            return null;
        }

        return percent is null || every is null ? null : new ScoreDecay { Percent = percent.Value, EveryDays = every.Value };
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "the text \"" + element.GetString() + "\"",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };

    /// <summary>Names a part of a rule in a message: <c>The points of rule 'webinar'</c>, never <c>'webinar''s points</c>.</summary>
    private static string Of(string label, string part) => "The " + PartOf(label, part);

    /// <summary>A part of a rule without an article, for messages that supply their own: <c>Properties of rule 'webinar'</c>.</summary>
    private static string PartOf(string label, string part) => part + " of " + char.ToLowerInvariant(label[0]) + label[1..];
}
