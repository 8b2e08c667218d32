using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The result of matching a contact to the personas of a catalog.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record PersonaMatch
{
    [JsonConstructor]
    internal PersonaMatch(BuyerPersona? persona, int score, IReadOnlyList<string> matchedKeywords, bool departmentMatched, bool seniorityMatched, string reason)
    {
        Persona = persona;
        Score = score;
        MatchedKeywords = matchedKeywords;
        DepartmentMatched = departmentMatched;
        SeniorityMatched = seniorityMatched;
        Reason = reason;
    }

    /// <summary>Gets the best-matching persona, or <see langword="null"/> when none matches.</summary>
    public BuyerPersona? Persona { get; internal init; }

    /// <summary>Gets the match score: 10 points per matched keyword, 5 for the department, 3 for the seniority.</summary>
    public int Score { get; internal init; }

    /// <summary>Gets the persona keywords found in the job title, sorted.</summary>
    public IReadOnlyList<string> MatchedKeywords { get; internal init => field = ValueList<string>.From(value); }

    /// <summary>Gets whether the contact's department equals the persona's.</summary>
    public bool DepartmentMatched { get; internal init; }

    /// <summary>Gets whether the contact's seniority equals the persona's.</summary>
    public bool SeniorityMatched { get; internal init; }

    /// <summary>Gets a sentence that says why the persona was chosen, or why none was.</summary>
    public string Reason { get; internal init; }

    /// <summary>Gets a value indicating whether a persona was matched.</summary>
    public bool IsMatch => Persona is not null;

    /// <summary>Returns the match as a log line: the persona (or none), its score and the reason.</summary>
    /// <returns>For example <c>IT decision maker (score 3): title keywords cto</c>.</returns>
    public override string ToString() =>
        (Persona is null ? "no persona" : Persona.Name) + " (score " + Score.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + Reason;
}
