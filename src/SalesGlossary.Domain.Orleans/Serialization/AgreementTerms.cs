using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>
/// The vocabularies of the agreements a silo (or client) knows, newest first: surrogates and grains resolve the terms an
/// agreement defines through them, as EF Core's <c>Map*(…, vocabulary)</c> does, so an agreement's own status, reason,
/// team, actor or added stage crosses grain boundaries and storage like a shipped one.
/// </summary>
/// <remarks>A silo learns each agreement generation's vocabulary when it compiles the generation; a client is told with <c>AddSalesGlossaryVocabulary</c>.</remarks>
internal sealed class AgreementTerms
{
    private readonly Lock gate = new();
    private Vocabulary[] known = [];

    /// <summary>Tries to find a shipped term by its stored number.</summary>
    public delegate bool TryShipped<T>(int value, out T term);

    /// <summary>Gets the terms known to a service provider, or the shipped terms alone when it holds none.</summary>
    public static AgreementTerms Of(IServiceProvider services) => services.GetService<AgreementTerms>() ?? new AgreementTerms();

    /// <summary>Learns an agreement's vocabulary; it is searched before those learned earlier.</summary>
    public void Remember(Vocabulary vocabulary)
    {
        lock (gate)
        {
            if (Array.IndexOf(known, vocabulary) < 0)
            {
                known = [vocabulary, .. known];
            }
        }
    }

    /// <summary>Resolves a term carried by its number and name: a shipped term, or one of a known agreement's vocabulary.</summary>
    /// <exception cref="UnknownTermException">No known vocabulary defines the term; the message lists the known names.</exception>
    public T Resolve<T>(in SmartEnumSurrogate surrogate, TryShipped<T> shipped, Func<T, string> name)
        where T : class
    {
        if (surrogate.Value < 100 && shipped(surrogate.Value, out var term))
        {
            return term;
        }

        var vocabularies = Volatile.Read(ref known);
        foreach (var vocabulary in vocabularies)
        {
            if (vocabulary.TryFind(typeof(T), surrogate.Value, out var found) && found is T typed && (surrogate.Name is null || string.Equals(name(typed), surrogate.Name, StringComparison.Ordinal)))
            {
                return typed;
            }
        }

        var names = vocabularies.SelectMany(v => v.Known(typeof(T)) ?? []).Distinct(StringComparer.Ordinal).ToArray();
        throw new UnknownTermException(
            typeof(T).Name,
            (surrogate.Name ?? "?") + " (number " + surrogate.Value.ToString(CultureInfo.InvariantCulture) + ")",
            names.Length > 0 ? names : (Vocabulary.Default.Known(typeof(T)) ?? []));
    }

    /// <summary>Reads the library's JSON with the newest known vocabulary that reads it (the shipped terms alone when none is known).</summary>
    /// <exception cref="DefinitionValidationException">No known vocabulary reads the document; the first problem found is reported.</exception>
    public T Read<T>(string json)
        where T : class
    {
        var vocabularies = Volatile.Read(ref known);
        if (vocabularies.Length == 0)
        {
            return SalesGlossaryJson.Read<T>(json);
        }

        DefinitionValidationException? first = null;
        foreach (var vocabulary in vocabularies)
        {
            try
            {
                return SalesGlossaryJson.Read<T>(json, vocabulary.JsonOptions);
            }
            catch (DefinitionValidationException e)
            {
                first ??= e;
            }
        }

        throw first!;
    }

    /// <summary>Carries a library record as its JSON; terms are written by name, whoever defined them.</summary>
    public static JsonSurrogate Write<T>(T value) => new() { Json = JsonSerializer.Serialize(value, SalesGlossaryJson.Options) };

    /// <summary>Reads a record carried as JSON.</summary>
    public T From<T>(in JsonSurrogate surrogate)
        where T : class => Read<T>(surrogate.Json);
}
