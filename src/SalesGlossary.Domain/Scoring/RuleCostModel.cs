using System.Collections;
using System.Globalization;
using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>
/// Estimates a checked rule's worst-case work as a function of the lead's size, before anything runs, and refuses
/// rules whose work grows faster than the lead's data or that build text beyond the bound (the static half of the
/// sandbox; <see cref="WorkMeter"/> is the run-time half).
/// </summary>
/// <remarks>
/// Work is a polynomial <c>c + a·n + b·m</c>: <c>n</c> is the size of the lead's data; <c>m</c> the size of the item a
/// loop is currently on (an activity, or an element of a collection being looped over). A loop over the lead's data
/// multiplies its body's work by <c>n</c>, except the part that reads the loop's own item: summed over all items, that
/// is at most <c>n</c> again. A body that itself depends on <c>n</c> inside such a loop makes the rule superlinear.
/// </remarks>
internal sealed class RuleCostModel
{
    private const int MaxTextGrowth = 4;

    private readonly ScoringLimits limits;
    private readonly Dictionary<ParameterExpression, Binding> bindings = [];
    private readonly List<string> problems = [];
    private ParameterExpression? local;

    private RuleCostModel(ScoringLimits limits) => this.limits = limits;

    private enum Origin
    {
        Data,
        Constant,
    }

    /// <summary>Estimates the rule's cost; returns it, or null with the reasons the rule is refused.</summary>
    public static RuleCost? Estimate(
        string rule,
        Expression body,
        ScoringScope scope,
        ParameterExpression lead,
        ParameterExpression activity,
        ScoringLimits limits,
        out IReadOnlyList<string> problems)
    {
        var model = new RuleCostModel(limits);
        model.bindings[lead] = new Binding(Origin.Data, default);
        model.bindings[activity] = new Binding(Origin.Data, default);
        model.local = scope == ScoringScope.Activity ? activity : null;
        var perEvaluation = model.Cost(body);
        problems = model.problems;
        if (perEvaluation.C > limits.MaxWorkPerRule)
        {
            model.problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"its fixed work alone is {perEvaluation.C:0} units per evaluation, above the budget of {limits.MaxWorkPerRule} (ScoringLimits.MaxWorkPerRule): it would fail for every lead"));
        }

        // sandbox: the estimate at the model's own limits must fit the run-time budget, so an accepted rule is never
        // stopped by the meter for a lead the limits admit.
        var items = ItemsAtLimits(limits);
        var atLimits = perEvaluation.C + ((perEvaluation.N + perEvaluation.M) * items);
        if (model.problems.Count == 0 && perEvaluation.N + perEvaluation.M > 0 && atLimits > limits.MaxWorkPerRule)
        {
            model.problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"at the model's own limits (lead data of {items} items or characters: ScoringLimits.MaxActivitiesPerLead is {limits.MaxActivitiesPerLead}, ScoringLimits.MaxBuiltTextLength is {limits.MaxBuiltTextLength}) one evaluation can do {Saturate(atLimits)} units of work ({Saturate(perEvaluation.C)} + {Saturate(perEvaluation.N + perEvaluation.M)} × n), above the budget of {limits.MaxWorkPerRule} (ScoringLimits.MaxWorkPerRule): it would be stopped for such leads; do less work per item, or raise MaxWorkPerRule"));
        }

        Poly total;
        if (scope == ScoringScope.Activity)
        {
            if (perEvaluation.N > 0 && model.problems.Count == 0)
            {
                model.problems.Add("it runs once per activity and each time loops over the lead's data (" + model.lastGlobal
                    + "), so its work grows with the square of the number of activities; loop over the lead's data in a lead rule, or read only 'activity' here");
            }

            // One evaluation per activity, each a step of the walk over the lead's activities.
            total = new Poly(0, perEvaluation.C + 1 + perEvaluation.M + perEvaluation.N, 0);
        }
        else
        {
            total = new Poly(perEvaluation.C, perEvaluation.N + perEvaluation.M, 0);
        }

        return model.problems.Count > 0 ? null : new RuleCost(rule, Saturate(total.C), Saturate(total.N)) { WorkAtLimits = Saturate(atLimits) };
    }

    /// <summary>The size of the largest lead the limits describe: the activities scored, or the longest text a rule may build.</summary>
    internal static long ItemsAtLimits(ScoringLimits limits) => Math.Max((long)limits.MaxActivitiesPerLead, limits.MaxBuiltTextLength);

    private string lastGlobal = "the lead's data";

    // Since .NET 9 a double beyond long's range converts to long.MaxValue (saturating), so no comparison is needed.
    private static long Saturate(double value) => (long)Math.Ceiling(value);

    /// <summary>The work of an expression in meter units: loop steps, items scanned and characters built; plain operations are free.</summary>
    private Poly Cost(Expression? node) => node switch
    {
        null => default,
        MethodCallExpression call => CallCost(call),
        MemberExpression member => Cost(member.Expression),
        UnaryExpression unary => Cost(unary.Operand),
        BinaryExpression binary => Cost(binary.Left) + Cost(binary.Right),
        ConditionalExpression conditional => Cost(conditional.Test) + Poly.Max(Cost(conditional.IfTrue), Cost(conditional.IfFalse)),
        NewArrayExpression array => array.Expressions.Aggregate(default(Poly), (sum, e) => sum + Cost(e)),
        NewExpression created => created.Arguments.Aggregate(default(Poly), (sum, e) => sum + Cost(e)),
        TypeBinaryExpression typeIs => Cost(typeIs.Expression),
        LambdaExpression lambda => Cost(lambda.Body),
        _ => default,
    };

    private Poly CallCost(MethodCallExpression call)
    {
        var cost = Cost(call.Object);
        var isSequenceMethod = call.Method.DeclaringType == typeof(Enumerable)
            || (call.Object is not null && call.Object.Type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(call.Object.Type) && call.Method.Name == "Contains");
        if (!isSequenceMethod)
        {
            foreach (var argument in call.Arguments)
            {
                cost += Cost(argument);
            }

            if ((call.Method.DeclaringType == typeof(string) || call.Method.DeclaringType == typeof(OrdinalText)) && call.Type != typeof(string))
            {
                cost += TextSearchCost(call);
            }

            if (call.Method.DeclaringType == typeof(string) && call.Type == typeof(string))
            {
                var built = TextBound(call);
                CheckText(built);
                cost += built;
            }

            return cost;
        }

        var source = call.Object ?? call.Arguments[0];
        var length = Length(source);
        var lambdas = call.Arguments.OfType<LambdaExpression>().ToArray();
        foreach (var argument in call.Arguments.Where(a => a is not LambdaExpression))
        {
            cost += Cost(argument);
        }

        if (lambdas.Length == 0)
        {
            // A scan: Contains, Count(), Sum(), Distinct(), … reads each item once.
            return cost + length;
        }

        foreach (var lambda in lambdas)
        {
            cost += Loop(source, length, lambda);
        }

        return cost;
    }

    /// <summary>
    /// The work of a text search or comparison, as the meter charges it: a search (<c>Contains</c>, <c>IndexOf</c>) costs the
    /// text's length times the needle's; a comparison costs both lengths. A search of the lead's text for the lead's text
    /// grows with the product of two lengths and is refused.
    /// </summary>
    private Poly TextSearchCost(MethodCallExpression call)
    {
        var texts = (call.Object is null ? call.Arguments : call.Arguments.Prepend(call.Object)).Where(o => o.Type == typeof(string)).Take(2).ToArray();
        if (texts.Length == 0)
        {
            return default;
        }

        var text = TextBound(texts[0]);
        var needle = texts.Length > 1 ? TextBound(texts[1]) : default;
        if (call.Method.Name is not (nameof(string.Contains) or nameof(string.IndexOf) or nameof(string.LastIndexOf)))
        {
            return text + needle;
        }

        var textData = text.N > 0 || text.M > 0;
        var needleData = needle.N > 0 || needle.M > 0;
        if (textData && needleData)
        {
            problems.Add("it searches the lead's text for another of the lead's texts (" + Describe(call)
                + "), so its work grows with the product of the two lengths; search for a fixed text instead");
            return text + needle;
        }

        return needleData ? needle * Math.Max(1, text.C) : text * Math.Max(1, needle.C);
    }

    private Poly Loop(Expression source, Poly length, LambdaExpression lambda)
    {
        var data = length.N > 0 || length.M > 0;
        var parameter = lambda.Parameters[0];
        var outerLocal = local;
        var elementText = ElementText(source);
        bindings[parameter] = data
            ? new Binding(Origin.Data, parameter.Type == typeof(string) ? new Poly(elementText.C, 0, Math.Max(1, elementText.N + elementText.M)) : default)
            : new Binding(Origin.Constant, elementText);
        if (data)
        {
            local = parameter;
        }

        var body = Cost(lambda.Body) + Poly.One; // the step itself: one lambda call, as the meter counts it
        local = outerLocal;
        if (!data)
        {
            return body * length.C;
        }

        if (length.N > 0)
        {
            lastGlobal = Describe(source);
        }

        if (body.N > 0)
        {
            problems.Add("it loops over '" + Describe(source) + "' and, for each item, over the lead's data again (" + lastGlobal
                + "), so its work grows with the square of the lead's data; compute each part in a rule of its own");
            return body;
        }

        // Σ over the items of (b + c·m_item) ≤ length·b + c·length: the items' own data adds up to the collection's size.
        var perItem = body.C + body.M;
        return (body * length.C) + new Poly(0, length.N * perItem, length.M * perItem);
    }

    /// <summary>How many items a sequence has, as a function of the lead's size.</summary>
    private Poly Length(Expression source)
    {
        switch (source)
        {
            case ConstantExpression { Value: Array array }:
                return new Poly(array.Length, 0, 0);
            case ConstantExpression { Value: string text }:
                return new Poly(text.Length, 0, 0);
            case NewArrayExpression array:
                return new Poly(array.Expressions.Count, 0, 0);
            case MethodCallExpression { Method.Name: "Take" } take when take.Method.DeclaringType == typeof(Enumerable) && take.Arguments[1] is ConstantExpression { Value: int count }:
                var inner = Length(take.Arguments[0]);
                return inner.N > 0 || inner.M > 0 ? new Poly(Math.Max(0, count), 0, 0) : new Poly(Math.Min(inner.C, Math.Max(0, count)), 0, 0);
            case MethodCallExpression sequence when sequence.Method.DeclaringType == typeof(Enumerable) && sequence.Type != typeof(string)
                && typeof(IEnumerable).IsAssignableFrom(sequence.Type):
                return Length(sequence.Arguments[0]);
            default:
                return source.Type == typeof(string) ? TextBound(source) : Rooted(source);
        }
    }

    /// <summary>The size of data reached from a parameter: the current item's (m) or the lead's (n).</summary>
    private Poly Rooted(Expression expression)
    {
        var root = Root(expression);
        var binding = root is not null && bindings.TryGetValue(root, out var found) ? found : default;
        if (root is not null && binding.Origin == Origin.Constant && bindings.ContainsKey(root))
        {
            return binding.Text;
        }

        if (root is not null && expression == root && binding.Text != default)
        {
            // A text item of a loop whose items were built (Select(a => a.Url + a.Url)): its size relative to the item.
            return root == local ? binding.Text : new Poly(binding.Text.C, binding.Text.M, 0);
        }

        return root is not null && root == local ? new Poly(0, 0, 1) : new Poly(0, 1, 0);
    }

    private static ParameterExpression? Root(Expression? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParameterExpression parameter:
                    return parameter;
                case MemberExpression member:
                    expression = member.Expression;
                    break;
                case UnaryExpression unary:
                    expression = unary.Operand;
                    break;
                case MethodCallExpression call:
                    expression = call.Object ?? (call.Arguments.Count > 0 ? call.Arguments[0] : null);
                    break;
                case BinaryExpression { NodeType: ExpressionType.Coalesce or ExpressionType.ArrayIndex } binary:
                    expression = binary.Left;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>The longest text an expression can be, as a function of the lead's size.</summary>
    private Poly TextBound(Expression expression)
    {
        switch (expression)
        {
            case ConstantExpression { Value: string text }:
                return new Poly(text.Length, 0, 0);
            case ConstantExpression:
            case DefaultExpression:
                return default;
            case ConditionalExpression conditional:
                return Poly.Max(TextBound(conditional.IfTrue), TextBound(conditional.IfFalse));
            case BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce:
                return Poly.Max(TextBound(coalesce.Left), TextBound(coalesce.Right));
            case MethodCallExpression call when call.Method.DeclaringType == typeof(string) && call.Method.Name == nameof(string.Concat):
                return call.Arguments.Aggregate(default(Poly), (sum, a) => sum + TextBound(a));
            case MethodCallExpression call when call.Method.DeclaringType == typeof(string) && call.Object is not null:
                return TextBound(call.Object);
            case MethodCallExpression call when call.Method.DeclaringType == typeof(Enumerable) && call.Type == typeof(string):
                return ElementText(call.Arguments[0]);
            default:
                return Rooted(expression);
        }
    }

    /// <summary>The longest text among a sequence's items.</summary>
    private Poly ElementText(Expression sequence)
    {
        switch (sequence)
        {
            case ConstantExpression { Value: string[] texts }:
                return new Poly(texts.Length == 0 ? 0 : texts.Max(t => t?.Length ?? 0), 0, 0);
            case ConstantExpression { Value: string text }:
                return new Poly(text.Length == 0 ? 0 : 1, 0, 0);
            case ConstantExpression:
                return default;
            case NewArrayExpression array:
                return array.Expressions.Aggregate(default(Poly), (max, e) => Poly.Max(max, TextBound(e)));
            case MethodCallExpression { Method.Name: "Select" } select when select.Method.DeclaringType == typeof(Enumerable) && select.Arguments[1] is LambdaExpression projection:
                var parameter = projection.Parameters[0];
                var element = Length(select.Arguments[0]) is { N: 0, M: 0 }
                    ? new Binding(Origin.Constant, ElementText(select.Arguments[0]))
                    : new Binding(Origin.Data, default);
                var had = bindings.TryGetValue(parameter, out var previous);
                bindings[parameter] = element;
                var bound = TextBound(projection.Body);
                if (had)
                {
                    bindings[parameter] = previous;
                }

                return bound;
            case MethodCallExpression call when call.Method.DeclaringType == typeof(Enumerable) && call.Arguments.Count > 0 && call.Type != typeof(string):
                return ElementText(call.Arguments[0]);
            default:
                return Rooted(sequence);
        }
    }

    private void CheckText(Poly built)
    {
        if (built.C > limits.MaxBuiltTextLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"it can build a text of {built.C:0} characters from its own constants; the limit is {limits.MaxBuiltTextLength} (ScoringLimits.MaxBuiltTextLength)"));
        }
        else if (built.N + built.M > MaxTextGrowth)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"it can build a text {built.N + built.M:0} times as long as the lead's texts it reads; at most {MaxTextGrowth} times is accepted"));
        }
    }

    private static string Describe(Expression expression)
    {
        var text = expression.ToString();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
    }

    private readonly record struct Binding(Origin Origin, Poly Text);

    /// <summary><c>C + N·n + M·m</c>, saturating far above any limit.</summary>
    private readonly record struct Poly(double C, double N, double M)
    {
        private const double Ceiling = 1e18;

        public static Poly One => new(1, 0, 0);

        public static Poly operator +(Poly a, Poly b) => new(Cap(a.C + b.C), Cap(a.N + b.N), Cap(a.M + b.M));

        public static Poly operator *(Poly a, double k) => new(Cap(a.C * k), Cap(a.N * k), Cap(a.M * k));

        public static Poly Max(Poly a, Poly b) => new(Math.Max(a.C, b.C), Math.Max(a.N, b.N), Math.Max(a.M, b.M));

        private static double Cap(double value) => Math.Min(value, Ceiling);
    }
}
