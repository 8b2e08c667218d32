using System.Globalization;
using Ardalis.SmartEnum;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Stores a vocabulary type (a smart enum of the library) as its number, which never changes between releases.</summary>
/// <typeparam name="TEnum">The vocabulary type, for example <c>LifecycleStage</c>.</typeparam>
/// <remarks>
/// Numbers are stored rather than names so that a renamed display name never orphans stored rows. A stored number the
/// type does not know fails the read with an <see cref="InvalidOperationException"/> that names the type, the number
/// and the numbers it knows; nothing is read as a default.
/// </remarks>
public sealed class SmartEnumValueConverter<TEnum> : ValueConverter<TEnum, int>
    where TEnum : SmartEnum<TEnum>
{
    /// <summary>Initializes a new converter.</summary>
    public SmartEnumValueConverter()
        : base(value => value.Value, stored => Read(stored))
    {
    }

    private static TEnum Read(int stored) =>
        SmartEnum<TEnum>.TryFromValue(stored, out var value)
            ? value
            : throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The database holds {stored} for a {typeof(TEnum).Name}, which no {typeof(TEnum).Name} has. Known: {string.Join(", ", SmartEnum<TEnum>.List.OrderBy(v => v.Value).Select(v => v.Value.ToString(CultureInfo.InvariantCulture) + " (" + v.Name + ")"))}."));
}
