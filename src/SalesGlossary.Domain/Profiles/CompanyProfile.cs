namespace SalesGlossary.Domain;

/// <summary>Represents the firmographic facts of a company that an ideal customer profile is evaluated against.</summary>
/// <remarks>Unknown facts are <see langword="null"/>; a criterion on an unknown fact is not met, and the reason says the fact is unknown.</remarks>
public sealed record CompanyProfile
{
    /// <summary>Gets the company's name.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Name { get; init => field = Guard.NotBlank(value, nameof(Name)); }

    /// <summary>Gets the company's industry, or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    public string? Industry { get; init; }

    /// <summary>Gets the number of employees, or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number; the message names the member.</exception>
    public int? Employees { get; init => field = value is { } e ? Guard.InRange(e, 0, int.MaxValue, nameof(Employees)) : null; }

    /// <summary>Gets the annual revenue in the agreement's currency, or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative amount; the message names the member.</exception>
    public decimal? AnnualRevenue { get; init => field = value is { } r ? Guard.InRange(r, 0m, decimal.MaxValue, nameof(AnnualRevenue)) : null; }

    /// <summary>Gets the country (an ISO 3166 code is recommended), or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    public string? Country { get; init; }

    /// <summary>Gets the technologies the company is known to use.</summary>
    /// <value>The default is empty (none known); <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> Technologies { get; init => field = Guard.Words(value, nameof(Technologies)); } = ValueList<string>.Empty;
}
