using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain;

/// <summary>
/// Refuses every overload through which a rule could read the host: its culture (text comparison, casing, formatting),
/// its time zone (a <see cref="DateTime"/> turned into a <see cref="DateTimeOffset"/>) or a type's <c>ToString</c>. What
/// remains is ordinal or invariant by construction; <see cref="OrdinalText"/> rewrites the culture-free forms that read
/// like culture-sensitive ones (<c>StartsWith(x)</c>, <c>ToLower()</c>, <c>Compare(a, b)</c>) to their ordinal meaning.
/// </summary>
internal static class HostIndependence
{
    private const string Why = "rules must give the same result on every host, whatever its culture and time zone";

    /// <summary>Returns why a method call could depend on the host, or null when it cannot.</summary>
    public static string? MethodProblem(MethodCallExpression call)
    {
        var method = call.Method;
        var parameters = method.GetParameters();
        var name = Name(method);
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (typeof(IFormatProvider).IsAssignableFrom(type) || type == typeof(Calendar) || type == typeof(CompareOptions))
            {
                return $"the overload of '{name}' that takes a culture is not allowed: {Why}; use the overload without it (text is compared ordinally and cased invariantly)";
            }

            if (type == typeof(StringComparison)
                && !(call.Arguments[i] is ConstantExpression { Value: StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase }))
            {
                return $"'{name}' may compare text only with StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase: {Why}";
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IEqualityComparer<>) || definition == typeof(IComparer<>)))
            {
                return $"the overload of '{name}' that takes a comparer is not allowed in scoring rules";
            }
        }

        if (method.DeclaringType == typeof(string))
        {
            return method.Name switch
            {
                nameof(string.Compare) when !(parameters.Length == 2 || (parameters.Length == 3 && parameters[2].ParameterType == typeof(StringComparison))) =>
                    $"this overload of 'String.Compare' compares by the host's culture: {Why}; use string.Compare(a, b) (ordinal) or string.Compare(a, b, StringComparison.OrdinalIgnoreCase)",
                nameof(string.CompareTo) when parameters[0].ParameterType != typeof(string) =>
                    $"'String.CompareTo' of a value that is not text is not allowed: compare text with text",
                nameof(string.Concat) when parameters.Any(p => p.ParameterType != typeof(string)) =>
                    "text may be joined only with text: numbers, dates and other values have no host-independent text form in rules; compare them as values instead",
                nameof(string.IndexOf) when parameters.Length > 1 && parameters[0].ParameterType == typeof(string)
                    && parameters[^1].ParameterType != typeof(StringComparison) && !(parameters.Length == 2 && parameters[1].ParameterType == typeof(int)) =>
                    $"this overload of 'String.IndexOf' compares by the host's culture: {Why}; add StringComparison.Ordinal",
                _ => null,
            };
        }

        if (method.Name == nameof(IComparable.CompareTo) && parameters.Length == 1 && parameters[0].ParameterType == typeof(object))
        {
            return $"'{name}' of a value of any type is not allowed: compare values of the same type";
        }

        if (method.DeclaringType == typeof(Enumerable) && method.Name is nameof(Enumerable.Min) or nameof(Enumerable.Max)
            && (method.ReturnType == typeof(string) || method.ReturnType == typeof(object)))
        {
            return $"'{name}' of text compares by the host's culture: {Why}";
        }

        return null;
    }

    /// <summary>Returns why a conversion could depend on the host, or null when it cannot.</summary>
    public static string? ConversionProblem(UnaryExpression node)
    {
        var from = Nullable.GetUnderlyingType(node.Operand.Type) ?? node.Operand.Type;
        var to = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        return from == typeof(DateTime) && to == typeof(DateTimeOffset)
            ? $"a DateTime cannot become a DateTimeOffset in a rule, because that reads the host's time zone: {Why}; compare with a DateTimeOffset that states its offset, for example DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(0))"
            : null;
    }

    /// <summary>Returns why creating a date could depend on the host, or null when it cannot.</summary>
    public static string? ConstructorProblem(NewExpression node)
    {
        var parameters = node.Constructor?.GetParameters() ?? [];
        if (node.Type == typeof(DateTimeOffset) && parameters.Any(p => p.ParameterType == typeof(DateTime)))
        {
            return $"DateTimeOffset(DateTime …) reads the host's time zone: {Why}; write DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(0))";
        }

        if (parameters.Any(p => p.ParameterType == typeof(DateTimeKind) || p.ParameterType == typeof(Calendar)))
        {
            return $"creating a date with a DateTimeKind or a calendar is not allowed: {Why}";
        }

        return null;
    }

    private static string Name(MethodInfo method) => method.DeclaringType!.Name + "." + method.Name;
}
