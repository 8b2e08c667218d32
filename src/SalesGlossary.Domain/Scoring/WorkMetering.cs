using System.Linq.Expressions;

namespace SalesGlossary.Domain.Scoring;

/// <summary>
/// Compiles the work meter into a checked rule: each lambda body starts by charging one unit, each text-building call
/// charges the characters it built, and a rule that does either starts by taking a fresh budget. A rule that neither
/// loops nor builds text is left exactly as it is, so the meter costs nothing where no work can pile up.
/// </summary>
internal sealed class WorkMetering : ExpressionVisitor
{
    private static readonly HashSet<string> TextBuilders =
    [
        nameof(string.Concat), nameof(string.ToLower), nameof(string.ToUpper), nameof(string.ToLowerInvariant), nameof(string.ToUpperInvariant),
        nameof(string.Trim), nameof(string.TrimStart), nameof(string.TrimEnd), nameof(string.Substring),
    ];

    private readonly Expression iteration = Expression.Call(WorkMeter.IterationMethod);
    private bool metered;

    private WorkMetering()
    {
    }

    /// <summary>Returns the rule body with the meter compiled in, given the budget of one evaluation.</summary>
    public static Expression Instrument(Expression body, long budget)
    {
        var metering = new WorkMetering();
        var instrumented = metering.Visit(body);
        return metering.metered
            ? Expression.Block(Expression.Call(WorkMeter.StartRuleMethod, Expression.Constant(budget)), instrumented)
            : body;
    }

    /// <summary>Whether a rule body was compiled with the meter (it loops or builds text).</summary>
    public static bool IsMetered(Expression body) =>
        body is BlockExpression { Expressions: [MethodCallExpression call, ..] } && call.Method == WorkMeter.StartRuleMethod;

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

        return visited;
    }
}
