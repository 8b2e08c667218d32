using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents one kind of firmographic criterion of an ideal customer profile.</summary>
/// <remarks>Values are stored; they never change.</remarks>
public sealed class IcpCriterion : SmartEnum<IcpCriterion>
{
    /// <summary>The company's industry is one of the listed industries.</summary>
    public static readonly IcpCriterion Industry = new(nameof(Industry), 1);

    /// <summary>The company's number of employees lies within the range.</summary>
    public static readonly IcpCriterion Employees = new(nameof(Employees), 2);

    /// <summary>The company's annual revenue lies within the range.</summary>
    public static readonly IcpCriterion AnnualRevenue = new(nameof(AnnualRevenue), 3);

    /// <summary>The company's country is one of the listed countries.</summary>
    public static readonly IcpCriterion Country = new(nameof(Country), 4);

    /// <summary>The company uses every required technology.</summary>
    public static readonly IcpCriterion RequiredTechnologies = new(nameof(RequiredTechnologies), 5);

    /// <summary>The company uses none of the excluded technologies.</summary>
    public static readonly IcpCriterion ExcludedTechnologies = new(nameof(ExcludedTechnologies), 6);

    private IcpCriterion(string name, int value)
        : base(name, value)
    {
    }
}
