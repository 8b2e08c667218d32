using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain;

/// <summary>
/// Rewrites culture-sensitive text operations of a parsed rule into their ordinal or invariant forms, so that a rule gives
/// the same result whatever the culture of the host (StartsWith, EndsWith, IndexOf, Compare, CompareTo, ToLower, ToUpper),
/// and folds array literals of constants (<c>new[] { "DE", "AT" }</c>) into one array built at load, not per evaluation.
/// </summary>
/// <remarks>
/// Every rewrite here is listed in docs/scoring-semantics.md with its proof obligation: it never changes whether a rule
/// matches or fails, except that culture-dependent answers become the ordinal/invariant answer. In particular a call
/// on a null instance still throws (so the rule still fails, as in plain RulesEngine), and the comparisons return only
/// -1, 0 or 1, as the culture-aware comparisons they replace do.
/// </remarks>
internal sealed class OrdinalText : ExpressionVisitor
{
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo IndexOf = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo IndexOfFrom = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string), typeof(int), typeof(StringComparison)])!;
    private static readonly MethodInfo CompareOrdinal = typeof(OrdinalText).GetMethod(nameof(Compare), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo CompareToOrdinal = typeof(OrdinalText).GetMethod(nameof(CompareTo), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo ToLowerInvariant = typeof(string).GetMethod(nameof(string.ToLowerInvariant), Type.EmptyTypes)!;
    private static readonly MethodInfo ToUpperInvariant = typeof(string).GetMethod(nameof(string.ToUpperInvariant), Type.EmptyTypes)!;
    private static readonly Expression Ordinal = Expression.Constant(StringComparison.Ordinal);

    public static Expression Rewrite(Expression expression) => new OrdinalText().Visit(expression);

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        var visited = (NewArrayExpression)base.VisitNewArray(node);
        if (visited.NodeType != ExpressionType.NewArrayInit || !visited.Expressions.All(e => e is ConstantExpression))
        {
            return visited;
        }

        var elementType = visited.Type.GetElementType()!;
        var array = Array.CreateInstance(elementType, visited.Expressions.Count);
        for (var i = 0; i < visited.Expressions.Count; i++)
        {
            array.SetValue(((ConstantExpression)visited.Expressions[i]).Value, i);
        }

        return Expression.Constant(array, visited.Type);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        var method = visited.Method;
        if (method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.Contains) && visited.Arguments.Count == 2
            && visited.Arguments[0] is ConstantExpression { Value: Array { Length: > 0 and <= 16 } items }
            && visited.Arguments[1].Type == items.GetType().GetElementType() && IsExactEquality(items.GetType().GetElementType()!))
        {
            // A short list of constants: compare one by one, as the default equality of Contains does, without an enumerator.
            var value = visited.Arguments[1];
            var elementType = value.Type;
            return items.Cast<object>()
                .Select(item => (Expression)Expression.Equal(value, Expression.Constant(item, elementType)))
                .Aggregate(Expression.OrElse);
        }

        if (method.DeclaringType != typeof(string))
        {
            return visited;
        }

        var parameters = method.GetParameters();
        var oneString = parameters.Length == 1 && parameters[0].ParameterType == typeof(string);
        return method.Name switch
        {
            nameof(string.StartsWith) when oneString => Expression.Call(visited.Object, StartsWith, visited.Arguments[0], Ordinal),
            nameof(string.EndsWith) when oneString => Expression.Call(visited.Object, EndsWith, visited.Arguments[0], Ordinal),
            nameof(string.IndexOf) when oneString => Expression.Call(visited.Object, IndexOf, visited.Arguments[0], Ordinal),
            nameof(string.IndexOf) when parameters.Length == 2 && parameters[0].ParameterType == typeof(string) && parameters[1].ParameterType == typeof(int) =>
                Expression.Call(visited.Object, IndexOfFrom, visited.Arguments[0], visited.Arguments[1], Ordinal),
            nameof(string.CompareTo) when oneString => Expression.Call(CompareToOrdinal, visited.Object!, visited.Arguments[0]),
            nameof(string.Compare) when method.IsStatic && parameters.Length == 2 => Expression.Call(CompareOrdinal, visited.Arguments[0], visited.Arguments[1]),
            nameof(string.ToLower) when parameters.Length == 0 => Expression.Call(visited.Object, ToLowerInvariant),
            nameof(string.ToUpper) when parameters.Length == 0 => Expression.Call(visited.Object, ToUpperInvariant),
            _ => visited,
        };
    }

    /// <summary>The ordinal stand-in for <c>a.CompareTo(b)</c>: throws on a null <paramref name="instance"/> exactly as the instance call does, and returns -1, 0 or 1.</summary>
    internal static int CompareTo(string instance, string? other)
    {
        // Reading the instance throws NullReferenceException for a null, as the instance call it stands for does.
        _ = instance.Length;
        return Math.Sign(string.CompareOrdinal(instance, other));
    }

    /// <summary>The ordinal stand-in for <c>string.Compare(a, b)</c>: nulls order first, as there; returns -1, 0 or 1.</summary>
    internal static int Compare(string? left, string? right) => Math.Sign(string.CompareOrdinal(left, right));

    /// <summary>
    /// Whether <c>==</c> on the type agrees with the default equality <c>Contains</c> uses. Not for <see cref="float"/> and
    /// <see cref="double"/>: <c>NaN == NaN</c> is false while <c>NaN.Equals(NaN)</c> is true.
    /// </summary>
    private static bool IsExactEquality(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(char)
        || type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort)
        || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong);
}
