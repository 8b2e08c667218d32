using System.Globalization;
using System.Text;

namespace SalesGlossary.Domain;

/// <summary>The exception thrown when a definition (a profile, a pipeline, an agreement, a scoring model) is invalid.</summary>
/// <remarks>
/// Validation never stops at the first problem: <see cref="Problems"/> lists every problem that was found,
/// each with its JSON path, so a definition can be fixed in one pass. Nothing is built from an invalid definition.
/// </remarks>
public sealed class DefinitionValidationException : Exception
{
    /// <summary>Initializes a new instance naming the definition and every problem found in it.</summary>
    /// <param name="definition">What was validated, for example <c>ideal customer profile 'Mid-market SaaS'</c>.</param>
    /// <param name="problems">The problems found; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> or <paramref name="problems"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public DefinitionValidationException(string definition, IEnumerable<ValidationProblem> problems)
        : this(definition, Guard.Items(problems), innerException: null)
    {
    }

    private DefinitionValidationException(string definition, IReadOnlyList<ValidationProblem> problems, Exception? innerException)
        : base(BuildMessage(Guard.NotBlank(definition), problems), innerException)
    {
        Definition = definition;
        Problems = problems;
    }

    /// <summary>Gets what was validated, in words.</summary>
    public string Definition { get; }

    /// <summary>Gets every problem found, in document order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string BuildMessage(string definition, IReadOnlyList<ValidationProblem> problems)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(problems));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The {definition} is invalid ({problems.Count} {(problems.Count == 1 ? "problem" : "problems")}); fix every problem listed and load it again:");
        foreach (var problem in problems)
        {
            text.Append('\n').Append("- ").Append(problem.Path).Append(": ").Append(problem.Message);
        }

        return text.ToString();
    }
}
