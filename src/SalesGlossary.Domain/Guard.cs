using System.Globalization;
using System.Runtime.CompilerServices;

namespace SalesGlossary.Domain;

/// <summary>Argument checks with one message template each, naming the offending argument.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        return value;
    }

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must not be empty or white space.", name),
                name);
        }

        return value;
    }

    public static int InRange(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must be between {1} and {2}; it was {3}.", name, minimum, maximum, value));
        }

        return value;
    }

    public static decimal InRange(decimal value, decimal minimum, decimal maximum, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must be between {1} and {2}; it was {3}.", name, minimum, maximum, value));
        }

        return value;
    }

    public static IReadOnlyList<T> Items<T>(IEnumerable<T>? items, [CallerArgumentExpression(nameof(items))] string? name = null)
    {
        if (items is null)
        {
            return ValueList<T>.Empty;
        }

        var list = items.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The collection '{0}' must not contain null; the item at index {1} is null.", name, i),
                    name);
            }
        }

        return ValueList<T>.From(list);
    }

    public static IReadOnlyList<string> Words(IEnumerable<string>? items, [CallerArgumentExpression(nameof(items))] string? name = null)
    {
        var list = Items(items, name);
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The collection '{0}' must not contain empty text; the item at index {1} is empty.", name, i),
                    name);
            }
        }

        return list;
    }
}
