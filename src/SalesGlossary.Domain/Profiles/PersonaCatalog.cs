using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the buyer personas of an agreement and matches contacts to them.</summary>
/// <remarks>
/// Matching is deterministic: a job title matches a keyword when the keyword's words appear in the title as whole
/// words, in order, ignoring case and punctuation. Each matched keyword scores 10, a matching department 5 and a
/// matching seniority 3; only a persona with at least one matched keyword can be chosen. Ties go to the persona
/// whose name sorts first (ordinal, ignoring case), so neither the order of personas nor of keywords changes the result.
/// </remarks>
public sealed record PersonaCatalog
{
    private const int KeywordPoints = 10;
    private const int DepartmentPoints = 5;
    private const int SeniorityPoints = 3;

    /// <summary>Initializes a new catalog and validates it.</summary>
    /// <param name="personas">The personas; names must be unique, ignoring case.</param>
    /// <exception cref="DefinitionValidationException">A persona is missing or a name is used twice.</exception>
    public PersonaCatalog(IReadOnlyList<BuyerPersona> personas)
    {
        Personas = personas?.ToArray() ?? [];
        var problems = new ValidationCollector();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Personas.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.personas[{i}]");
            if (Personas[i] is null)
            {
                problems.Add(path, "The persona is missing.");
            }
            else if (!names.Add(Personas[i].Name))
            {
                problems.Add(path + ".name", $"The persona name '{Personas[i].Name}' is used more than once; names identify personas.");
            }
        }

        problems.ThrowIfAny("persona catalog");
    }

    /// <summary>Gets the personas, in the order given.</summary>
    public IReadOnlyList<BuyerPersona> Personas { get; private init => field = ValueList<BuyerPersona>.From(value); }

    /// <summary>Finds the persona that best matches a contact.</summary>
    /// <param name="contact">What is known of the contact.</param>
    /// <returns>The best match with its score and reason, or a result without persona when none matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is <see langword="null"/>.</exception>
    public PersonaMatch Match(ContactProfile contact)
    {
        Guard.NotNull(contact);
        var titleWords = Words(contact.JobTitle);
        PersonaMatch? best = null;
        foreach (var persona in Personas)
        {
            var candidate = Score(persona, contact, titleWords);
            if (candidate.MatchedKeywords.Count == 0)
            {
                continue;
            }

            if (best is null
                || candidate.Score > best.Score
                || (candidate.Score == best.Score && CompareNames(persona.Name, best.Persona!.Name) < 0))
            {
                best = candidate;
            }
        }

        return best ?? new PersonaMatch(
            null,
            0,
            [],
            false,
            false,
            string.IsNullOrWhiteSpace(contact.JobTitle)
                ? "The job title is unknown, so no persona can be matched."
                : "The job title '" + contact.JobTitle + "' contains no persona's keywords.");
    }

    private static int CompareNames(string left, string right)
    {
        var ignoringCase = string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
        return ignoringCase != 0 ? ignoringCase : string.CompareOrdinal(left, right);
    }

    private static PersonaMatch Score(BuyerPersona persona, ContactProfile contact, string[] titleWords)
    {
        var matched = persona.JobTitleKeywords
            .Where(keyword => ContainsPhrase(titleWords, Words(keyword)))
            .Select(keyword => keyword.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(keyword => keyword.ToLowerInvariant())
            .ToArray();
        var department = persona.Department is not null && contact.Department is not null
            && string.Equals(persona.Department.Trim(), contact.Department.Trim(), StringComparison.OrdinalIgnoreCase);
        var seniority = persona.Seniority is not null && persona.Seniority == contact.Seniority;
        var score = (matched.Length * KeywordPoints) + (department ? DepartmentPoints : 0) + (seniority ? SeniorityPoints : 0);

        var reason = new List<string>(3)
        {
            string.Create(CultureInfo.InvariantCulture, $"the job title '{contact.JobTitle}' matches {string.Join(", ", matched.Select(k => "'" + k + "'"))}"),
        };
        if (department)
        {
            reason.Add(string.Create(CultureInfo.InvariantCulture, $"the department '{persona.Department}' matches"));
        }

        if (seniority)
        {
            reason.Add(string.Create(CultureInfo.InvariantCulture, $"the seniority '{persona.Seniority!.DisplayName}' matches"));
        }

        return new PersonaMatch(
            persona,
            score,
            matched,
            department,
            seniority,
            string.Create(CultureInfo.InvariantCulture, $"'{persona.Name}' scores {score}: {string.Join("; ", reason)}."));
    }

    private static bool ContainsPhrase(string[] words, string[] phrase)
    {
        if (phrase.Length == 0 || phrase.Length > words.Length)
        {
            return false;
        }

        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
            {
                all = string.Equals(words[start + i], phrase[i], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(text[start..i].ToUpperInvariant());
                start = -1;
            }
        }

        return [.. words];
    }
}
