namespace SalesGlossary.Domain;

/// <summary>One problem found while validating a definition, with the JSON path where it was found.</summary>
/// <param name="Path">The JSON path of the offending value, for example <c>$.tiers[1].criteria.employees</c>.</param>
/// <param name="Message">A sentence that says what is wrong and what to do about it.</param>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <summary>Returns the problem as <c>path: message</c>.</summary>
    /// <returns>The path and the message, separated by a colon.</returns>
    public override string ToString() => Path + ": " + Message;
}
