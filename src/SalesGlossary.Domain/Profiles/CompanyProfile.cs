namespace SalesGlossary.Domain;

/// <summary>Represents the firmographic facts of a company that an ideal customer profile is evaluated against.</summary>
/// <remarks>Unknown facts are <see langword="null"/>; a criterion on an unknown fact is not met, and the reason says the fact is unknown.</remarks>
public sealed record CompanyProfile
{
    /// <summary>Initializes a new company profile.</summary>
    /// <param name="name">The company's name.</param>
    /// <param name="industry">The company's industry, or <see langword="null"/> when unknown.</param>
    /// <param name="employees">The number of employees, or <see langword="null"/> when unknown.</param>
    /// <param name="annualRevenue">The annual revenue in the agreement's currency, or <see langword="null"/> when unknown.</param>
    /// <param name="country">The country (an ISO 3166 code is recommended), or <see langword="null"/> when unknown.</param>
    /// <param name="technologies">The technologies the company is known to use; <see langword="null"/> means none known.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or a technology is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="employees"/> or <paramref name="annualRevenue"/> is negative.</exception>
    public CompanyProfile(string name, string? industry, int? employees, decimal? annualRevenue, string? country, IReadOnlyList<string>? technologies)
    {
        Name = Guard.NotBlank(name);
        Industry = industry;
        Employees = employees is { } e ? Guard.InRange(e, 0, int.MaxValue, nameof(employees)) : null;
        AnnualRevenue = annualRevenue is { } r ? Guard.InRange(r, 0m, decimal.MaxValue, nameof(annualRevenue)) : null;
        Country = country;
        Technologies = Guard.Words(technologies);
    }

    /// <summary>Gets the company's name.</summary>
    public string Name { get; }

    /// <summary>Gets the company's industry, or <see langword="null"/> when unknown.</summary>
    public string? Industry { get; }

    /// <summary>Gets the number of employees, or <see langword="null"/> when unknown.</summary>
    public int? Employees { get; }

    /// <summary>Gets the annual revenue, or <see langword="null"/> when unknown.</summary>
    public decimal? AnnualRevenue { get; }

    /// <summary>Gets the country, or <see langword="null"/> when unknown.</summary>
    public string? Country { get; }

    /// <summary>Gets the technologies the company is known to use.</summary>
    public IReadOnlyList<string> Technologies { get; private init => field = ValueList<string>.From(value); }
}
