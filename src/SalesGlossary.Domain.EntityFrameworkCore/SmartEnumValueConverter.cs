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
    /// <summary>Initializes a new converter that knows the library's shipped terms.</summary>
    public SmartEnumValueConverter()
        : this(SmartEnum<TEnum>.List.OrderBy(v => v.Value).ToArray())
    {
    }

    /// <summary>Initializes a new converter that knows an agreement's terms too, for a type its vocabulary holds (stages, lead statuses, reasons, teams, actors).</summary>
    /// <param name="vocabulary">The agreement's vocabulary.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vocabulary"/> is <see langword="null"/>.</exception>
    public SmartEnumValueConverter(Vocabulary vocabulary)
        : this(TermsOf(vocabulary ?? throw new ArgumentNullException(nameof(vocabulary))))
    {
    }

    private SmartEnumValueConverter(TEnum[] known)
        : base(value => value.Value, stored => Read(stored, known))
    {
    }

    private static TEnum[] TermsOf(Vocabulary vocabulary)
    {
        IEnumerable<object> terms = typeof(TEnum) == typeof(LifecycleStage) ? vocabulary.Stages
            : typeof(TEnum) == typeof(LeadStatus) ? vocabulary.LeadStatuses
            : typeof(TEnum) == typeof(DisqualificationReason) ? vocabulary.DisqualificationReasons
            : typeof(TEnum) == typeof(LostReason) ? vocabulary.LostReasons
            : typeof(TEnum) == typeof(Team) ? vocabulary.Teams
            : typeof(TEnum) == typeof(Actor) ? vocabulary.Actors
            : SmartEnum<TEnum>.List.OrderBy(v => v.Value);
        return [.. terms.Cast<TEnum>()];
    }

    private static TEnum Read(int stored, TEnum[] known)
    {
        foreach (var term in known)
        {
            if (term.Value == stored)
            {
                return term;
            }
        }

        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"The database holds {stored} for a {typeof(TEnum).Name}, which no {typeof(TEnum).Name} has. Known: {string.Join(", ", known.Select(v => v.Value.ToString(CultureInfo.InvariantCulture) + " (" + v.Name + ")"))}."));
    }
}
