namespace SalesGlossary.Domain;

/// <summary>The result of matching a contact to the personas of a catalog.</summary>
/// <param name="Persona">The best-matching persona, or <see langword="null"/> when none matches.</param>
/// <param name="Score">The match score: 10 points per matched keyword, 5 for the department, 3 for the seniority.</param>
/// <param name="MatchedKeywords">The persona keywords found in the job title, sorted.</param>
/// <param name="DepartmentMatched">Whether the contact's department equals the persona's.</param>
/// <param name="SeniorityMatched">Whether the contact's seniority equals the persona's.</param>
/// <param name="Reason">A sentence that says why the persona was chosen, or why none was.</param>
public sealed record PersonaMatch(
    BuyerPersona? Persona,
    int Score,
    IReadOnlyList<string> MatchedKeywords,
    bool DepartmentMatched,
    bool SeniorityMatched,
    string Reason)
{
    /// <summary>Gets a value indicating whether a persona was matched.</summary>
    public bool IsMatch => Persona is not null;

    /// <summary>Returns the match as a log line: the persona (or none), its score and the reason.</summary>
    /// <returns>For example <c>IT decision maker (score 3): title keywords cto</c>.</returns>
    public override string ToString() =>
        (Persona is null ? "no persona" : Persona.Name) + " (score " + Score.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + Reason;
}
