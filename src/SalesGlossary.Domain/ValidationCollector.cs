using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Collects every problem of a definition before anything is built from it.</summary>
internal sealed class ValidationCollector
{
    private readonly List<ValidationProblem> problems = [];

    public bool HasProblems => problems.Count > 0;

    public IReadOnlyList<ValidationProblem> Problems => problems;

    public void Add(string path, string message) => problems.Add(new ValidationProblem { Path = path, Message = message });

    public void Add(string path, FormattableString message) =>
        problems.Add(new ValidationProblem { Path = path, Message = message.ToString(CultureInfo.InvariantCulture) });

    public void ThrowIfAny(string definition)
    {
        if (problems.Count > 0)
        {
            throw new DefinitionValidationException(definition, problems);
        }
    }
}
