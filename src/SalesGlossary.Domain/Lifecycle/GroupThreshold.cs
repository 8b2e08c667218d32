namespace SalesGlossary.Domain;

/// <summary>Represents a minimum a score group must reach, for example <c>fit</c> at least 40.</summary>
/// <param name="Group">The group's name, as the scoring model names it.</param>
/// <param name="Minimum">The points the group must reach.</param>
public sealed record GroupThreshold(string Group, decimal Minimum);
