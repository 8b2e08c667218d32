using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>
/// Compiles the work meter into a checked rule: each lambda body starts by charging one unit, each text-building call
/// charges the characters it built, and a rule that does either starts by taking a fresh budget. A rule that neither
/// loops nor builds text is left exactly as it is, so the meter costs nothing where no work can pile up. A rule that only
/// searches and compares texts (no lambda, no built text, no walk of a sequence) counts its work in a local of its own
/// and settles with the thread's meter only past <see cref="WorkMeter.RuleLocalStride"/> units or its budget: the same
/// charges and the same stop, without touching thread state on the common short texts.
/// </summary>
internal sealed class WorkMetering : ExpressionVisitor
{
    private static readonly HashSet<string> TextBuilders =
    [
        nameof(string.Concat), nameof(string.ToLower), nameof(string.ToUpper), nameof(string.ToLowerInvariant), nameof(string.ToUpperInvariant),
        nameof(string.Trim), nameof(string.TrimStart), nameof(string.TrimEnd), nameof(string.Substring),
    ];

    private static readonly HashSet<string> TextSearches = [nameof(string.Contains), nameof(string.IndexOf), nameof(string.LastIndexOf)];

    private static readonly HashSet<string> TextComparisons =
    [
        nameof(string.Equals), nameof(string.StartsWith), nameof(string.EndsWith), nameof(string.Compare), nameof(string.CompareOrdinal), nameof(string.CompareTo),
    ];

    /// <summary>Sequence operations that read no item when called; what reads their result is charged instead.</summary>
    private static readonly HashSet<string> LazyWindows = [nameof(Enumerable.Take), nameof(Enumerable.Skip)];

    private readonly Expression iteration = Expression.Call(WorkMeter.IterationMethod);
    private readonly ParameterExpression? ruleWork;
    private readonly long budget;
    private bool metered;
    private bool textCharged;

    private WorkMetering(ParameterExpression? ruleWork, long budget)
    {
        this.ruleWork = ruleWork;
        this.budget = budget;
    }

    /// <summary>Returns the rule body with the meter compiled in, given the budget of one evaluation.</summary>
    public static Expression Instrument(Expression body, long budget)
    {
        var metering = new WorkMetering(null, budget);
        var instrumented = metering.Visit(body);
        if (metering.metered)
        {
            return Expression.Block(Expression.Call(WorkMeter.StartRuleMethod, Expression.Constant(budget)), instrumented);
        }

        if (!metering.textCharged)
        {
            return body;
        }

        // Only text searches and comparisons: count the rule's work in a local, settled with the thread's meter past a stride.
        var work = Expression.Variable(typeof(long), "ruleWork");
        var local = new WorkMetering(work, budget).Visit(body);
        return Expression.Block(local.Type, [work], Expression.Assign(work, Expression.Constant(0L)), local);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        metered = true;
        var body = Visit(node.Body);
        return Expression.Lambda<T>(Expression.Block(body.Type, iteration, body), node.Name, node.TailCall, node.Parameters);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        if (visited is MethodCallExpression call && call.Method.DeclaringType == typeof(string) && call.Type == typeof(string)
            && TextBuilders.Contains(call.Method.Name))
        {
            metered = true;
            return Expression.Call(WorkMeter.BuiltMethod, call);
        }

        if (visited is not MethodCallExpression searched)
        {
            return visited;
        }

        if ((searched.Method.DeclaringType == typeof(string) || searched.Method.DeclaringType == typeof(OrdinalText)) && searched.Type != typeof(string))
        {
            if (TextSearches.Contains(searched.Method.Name))
            {
                return ChargedText(searched, WorkMeter.SearchMethod);
            }

            if (TextComparisons.Contains(searched.Method.Name))
            {
                return ChargedText(searched, WorkMeter.CompareMethod);
            }
        }

        if (searched.Method.DeclaringType == typeof(Enumerable) && !LazyWindows.Contains(searched.Method.Name)
            && !searched.Arguments.Any(a => a is LambdaExpression))
        {
            // No lambda of the rule runs, so no step is charged by the lambdas: charge the walk of each sequence read.
            var parameters = searched.Method.IsGenericMethod ? searched.Method.GetGenericMethodDefinition().GetParameters() : searched.Method.GetParameters();
            var actual = searched.Method.GetParameters();
            var arguments = searched.Arguments.Select((a, i) => ElementType(parameters[i].ParameterType) is not null && ElementType(actual[i].ParameterType) is { } element
                ? Expression.Call(WorkMeter.WalkMethod.MakeGenericMethod(element), a)
                : a).ToArray();
            metered = true;
            return searched.Update(searched.Object, arguments);
        }

        if (searched.Object is { } collection && collection.Type != typeof(string) && searched.Method.Name == "Contains"
            && ElementTypeOf(collection.Type) is { } item)
        {
            // List<T>.Contains, ICollection<T>.Contains, …: charge the collection's size before the scan.
            var target = Expression.Variable(collection.Type, "collection");
            metered = true;
            return Expression.Block(
                searched.Type,
                [target],
                Expression.Assign(target, collection),
                Expression.Call(WorkMeter.WalkMethod.MakeGenericMethod(item), target),
                searched.Update(target, searched.Arguments));
        }

        return visited;
    }

    /// <summary>Evaluates each operand once, charges the text operands with <paramref name="charge"/>, then runs the call.</summary>
    /// <remarks>
    /// A constant operand is passed as it is, to the charge and to the call (reading a constant twice changes nothing), so
    /// that the JIT still sees <c>StartsWith("Chief", StringComparison.Ordinal)</c> with its constants and unrolls it.
    /// </remarks>
    private Expression ChargedText(MethodCallExpression call, System.Reflection.MethodInfo charge)
    {
        var operands = (call.Object is null ? call.Arguments : call.Arguments.Prepend(call.Object)).ToList();
        var values = operands.Select((o, i) => o is ConstantExpression
            ? o
            : Expression.Variable(o.Type, "operand" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var temporaries = values.OfType<ParameterExpression>().ToList();
        var texts = values.Where(t => t.Type == typeof(string)).ToList();
        if (texts.Count == 0)
        {
            return call;
        }

        var text = texts[0];
        Expression other = texts.Count > 1 ? texts[1] : Expression.Constant(null, typeof(string));
        textCharged = true;
        var body = new List<Expression>();
        body.AddRange(operands.Select((o, i) => (o, v: values[i])).Where(p => p.v is ParameterExpression).Select(p => (Expression)Expression.Assign(p.v, p.o)));
        if (ruleWork is null)
        {
            body.Add(Expression.Call(charge, text, other));
        }
        else
        {
            var inRule = charge == WorkMeter.SearchMethod ? WorkMeter.SearchInRuleMethod : WorkMeter.CompareInRuleMethod;
            body.Add(Expression.Assign(ruleWork, Expression.Call(
                inRule, ruleWork, text, other, Expression.Constant(Math.Min(budget, WorkMeter.RuleLocalStride)), Expression.Constant(budget))));
        }

        body.Add(call.Object is null
            ? call.Update(null, values)
            : call.Update(values[0], values.Skip(1)));
        return Expression.Block(call.Type, temporaries, body);
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0] : null;

    private static Type? ElementTypeOf(Type type) =>
        ElementType(type) ?? type.GetInterfaces().Select(ElementType).FirstOrDefault(t => t is not null);
}
