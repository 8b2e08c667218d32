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

    /// <summary>Refuses a value at or below 0, or above <paramref name="maximum"/> when one is given.</summary>
    public static decimal Positive(decimal value, decimal? maximum = null, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0m || value > maximum)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                maximum is { } most
                    ? string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must be above 0 and at most {1}; it was {2}.", name, most, value)
                    : string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must be above 0; it was {1}.", name, value));
        }

        return value;
    }

    /// <summary>Refuses a threshold that is not above the one below it, when both are known.</summary>
    public static decimal Above(decimal value, decimal? lower, string lowerName, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= lower)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must be above '{1}' ({2}); it was {3}.", name, lowerName, lower, value));
        }

        return value;
    }

    /// <summary>Refuses a threshold that is not below the one above it, when both are known.</summary>
    public static decimal Below(decimal value, decimal? upper, string upperName, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value >= upper)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Format(CultureInfo.InvariantCulture, "The value of '{0}' must be below '{1}' ({2}); it was {3}.", name, upperName, upper, value));
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
                throw NullItem(name, i);
            }
        }

        return ValueList<T>.From(list);
    }

    /// <summary>Refuses a null item of a collection read one item at a time, with the message of <see cref="Items{T}"/>.</summary>
    public static T Item<T>(T? item, int index, string name)
        where T : class => item ?? throw NullItem(name, index);

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

    private static ArgumentException NullItem(string? name, int index) => new(
        string.Format(CultureInfo.InvariantCulture, "The collection '{0}' must not contain null; the item at index {1} is null.", name, index),
        name);
}
