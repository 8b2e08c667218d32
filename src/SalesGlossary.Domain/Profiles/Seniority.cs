using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents a person's level in an organisation, from individual contributor to executive.</summary>
/// <remarks>Values are ordered by rank and stored; they never change.</remarks>
public sealed class Seniority : SmartEnum<Seniority>
{
    /// <summary>Individual contributor: does the work, often the daily user of a product.</summary>
    public static readonly Seniority IndividualContributor = new(nameof(IndividualContributor), 1, "Individual contributor");

    /// <summary>Manager: leads a team, often evaluates and recommends.</summary>
    public static readonly Seniority Manager = new(nameof(Manager), 2, "Manager");

    /// <summary>Director: owns a function's budget line, often the economic buyer for mid-size purchases.</summary>
    public static readonly Seniority Director = new(nameof(Director), 3, "Director");

    /// <summary>Vice president: leads a department.</summary>
    public static readonly Seniority VicePresident = new(nameof(VicePresident), 4, "Vice president");

    /// <summary>Executive: a member of the executive team (CEO, CMO, CFO and so on).</summary>
    public static readonly Seniority Executive = new(nameof(Executive), 5, "Executive");

    private Seniority(string name, int value, string displayName)
        : base(name, value)
    {
        DisplayName = displayName;
    }

    /// <summary>Gets the level as people write it.</summary>
    public string DisplayName { get; }
}
