namespace SalesGlossary.Domain.Arrow;

/// <summary>Leads that hold one value: a rule reading only that column answers for every lead with that value.</summary>
internal static class Synthetic
{
    public static readonly LeadFacts EmptyLead = new LeadFacts { Id = string.Empty, Activities = [] };

    public static LeadFacts Lead(string column, object? value) => column switch
    {
        "Email" => EmptyLead with { Email = (string?)value },
        "JobTitle" => EmptyLead with { JobTitle = (string?)value },
        "Department" => EmptyLead with { Department = (string?)value },
        "Industry" => EmptyLead with { Industry = (string?)value },
        "Country" => EmptyLead with { Country = (string?)value },
        "LeadSource" => EmptyLead with { LeadSource = (string?)value },
        "Unsubscribed" => EmptyLead with { Unsubscribed = (bool)value! },
        "HardBounced" => EmptyLead with { HardBounced = (bool)value! },
        "Employees" => EmptyLead with { Employees = (int?)value },
        "AnnualRevenue" => EmptyLead with { AnnualRevenue = (decimal?)value },
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a lead column."),
    };
}
