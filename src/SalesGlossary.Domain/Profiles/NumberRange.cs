using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents an inclusive range of numbers with an optional lower and upper bound.</summary>
/// <remarks>A missing bound is open: <c>new NumberRange(200, null)</c> means "200 or more".</remarks>
public sealed record NumberRange
{
    /// <summary>Initializes a new range.</summary>
    /// <param name="minimum">The smallest value in the range, or <see langword="null"/> for no lower bound.</param>
    /// <param name="maximum">The largest value in the range, or <see langword="null"/> for no upper bound.</param>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> is greater than <paramref name="maximum"/>.</exception>
    public NumberRange(decimal? minimum, decimal? maximum)
    {
        if (minimum > maximum)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The range minimum {0} is greater than its maximum {1}; swap them or leave one open.", minimum, maximum),
                nameof(minimum));
        }

        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the smallest value in the range, or <see langword="null"/> when the range has no lower bound.</summary>
    public decimal? Minimum { get; }

    /// <summary>Gets the largest value in the range, or <see langword="null"/> when the range has no upper bound.</summary>
    public decimal? Maximum { get; }

    /// <summary>Gets a value indicating whether <paramref name="value"/> lies within the range, bounds included.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when the value is within the range.</returns>
    public bool Contains(decimal value) => (Minimum is null || value >= Minimum) && (Maximum is null || value <= Maximum);

    /// <summary>Returns the range in interval notation, for example <c>[200, 1000]</c> or <c>[200, ∞)</c>.</summary>
    /// <returns>The range as text, culture-invariant.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Minimum is null ? "(-∞" : "[" + Minimum.Value.ToString(CultureInfo.InvariantCulture))}, {(Maximum is null ? "∞)" : Maximum.Value.ToString(CultureInfo.InvariantCulture) + "]")}");
}
