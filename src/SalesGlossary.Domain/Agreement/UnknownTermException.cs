using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>The exception thrown when a name is looked up in an agreement's vocabulary and no term of that kind has it.</summary>
/// <remarks>The message names the kind, the unknown name and every known one, so the fix (the right name, or the term defined in the agreement's <c>vocabulary</c>) is in the error.</remarks>
public sealed class UnknownTermException : Exception
{
    internal UnknownTermException(string kind, string name, IReadOnlyList<string> knownNames)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"'{name}' is not {WithArticle(kind, capital: false)} of the agreement. Known: {string.Join(", ", knownNames)}. Define it in the agreement's vocabulary to use it."))
    {
        Kind = kind;
        Name = name;
        KnownNames = knownNames;
    }

    /// <summary>Gets the kind of term looked up, for example <c>lead status</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the unknown name.</summary>
    public string Name { get; }

    /// <summary>Gets the names the agreement knows for that kind, shipped terms first.</summary>
    public IReadOnlyList<string> KnownNames { get; }

    /// <summary>Puts the indefinite article before a kind of term: <c>a team</c>, <c>an actor</c>.</summary>
    internal static string WithArticle(string kind, bool capital) =>
        (kind.Length > 0 && "aeiouAEIOU".Contains(kind[0], StringComparison.Ordinal) ? (capital ? "An " : "an ") : (capital ? "A " : "a ")) + kind;
}
