namespace SalesGlossary.Domain;

/// <summary>One problem found while validating a definition, with the JSON path where it was found.</summary>
/// <remarks>Built with named members: <c>new ValidationProblem { Path = "$.tiers[1]", Message = "…" }</c>.</remarks>
public sealed record ValidationProblem
{
    /// <summary>Gets the JSON path of the offending value, for example <c>$.tiers[1].criteria.employees</c>.</summary>
    /// <exception cref="ArgumentException">The value set is <see langword="null"/>, empty or white space.</exception>
    public required string Path { get; init => field = Guard.NotBlank(value, nameof(Path)); }

    /// <summary>Gets a sentence that says what is wrong and what to do about it.</summary>
    /// <exception cref="ArgumentException">The value set is <see langword="null"/>, empty or white space.</exception>
    public required string Message { get; init => field = Guard.NotBlank(value, nameof(Message)); }

    /// <summary>Returns the problem as <c>path: message</c>.</summary>
    /// <returns>The path and the message, separated by a colon.</returns>
    public override string ToString() => Path + ": " + Message;
}
