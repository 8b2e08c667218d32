using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents firmographic criteria that a company must all meet: industries, size, revenue, countries and technologies.</summary>
/// <remarks>
/// Set only the criteria that matter, by name: <c>new FirmographicCriteria { Industries = ["Software"], Employees = new NumberRange(200, 2000) }</c>.
/// A criterion that is left empty (an empty list or a <see langword="null"/> range) does not constrain anything.
/// Text comparisons ignore case and use no culture. A criterion on a fact the company profile does not know is not met.
/// </remarks>
public sealed record FirmographicCriteria
{
    /// <summary>Gets the accepted industries; empty accepts any industry.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> Industries { get; init => field = Guard.Words(value, nameof(Industries)); } = ValueList<string>.Empty;

    /// <summary>Gets the accepted number of employees, or <see langword="null"/> for any size.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public NumberRange? Employees { get; init; }

    /// <summary>Gets the accepted annual revenue, or <see langword="null"/> for any revenue.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public NumberRange? AnnualRevenue { get; init; }

    /// <summary>Gets the accepted countries; empty accepts any country.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> Countries { get; init => field = Guard.Words(value, nameof(Countries)); } = ValueList<string>.Empty;

    /// <summary>Gets the technologies the company must all use; empty requires none.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> RequiredTechnologies { get; init => field = Guard.Words(value, nameof(RequiredTechnologies)); } = ValueList<string>.Empty;

    /// <summary>Gets the technologies the company must not use; empty excludes none.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> ExcludedTechnologies { get; init => field = Guard.Words(value, nameof(ExcludedTechnologies)); } = ValueList<string>.Empty;

    /// <summary>Gets a value indicating whether no criterion is set, so that every company meets them.</summary>
    public bool IsEmpty =>
        Industries.Count == 0 && Employees is null && AnnualRevenue is null && Countries.Count == 0
        && RequiredTechnologies.Count == 0 && ExcludedTechnologies.Count == 0;

    /// <summary>Evaluates every criterion that is set against a company.</summary>
    /// <param name="company">The company to evaluate.</param>
    /// <returns>One result per criterion that is set, in a fixed order; empty when no criterion is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="company"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<IcpCriterionResult> Evaluate(CompanyProfile company)
    {
        Guard.NotNull(company);
        var results = new List<IcpCriterionResult>(6);
        if (Industries.Count > 0)
        {
            results.Add(InList(IcpCriterion.Industry, "industry", company.Industry, Industries));
        }

        if (Employees is not null)
        {
            results.Add(InRange(IcpCriterion.Employees, "number of employees", company.Employees, Employees));
        }

        if (AnnualRevenue is not null)
        {
            results.Add(InRange(IcpCriterion.AnnualRevenue, "annual revenue", company.AnnualRevenue, AnnualRevenue));
        }

        if (Countries.Count > 0)
        {
            results.Add(InList(IcpCriterion.Country, "country", company.Country, Countries));
        }

        if (RequiredTechnologies.Count > 0)
        {
            var missing = RequiredTechnologies.Where(t => !Uses(company, t)).ToArray();
            results.Add(missing.Length == 0
                ? new IcpCriterionResult(IcpCriterion.RequiredTechnologies, true, "Uses every required technology: " + Quote(RequiredTechnologies) + ".")
                : new IcpCriterionResult(IcpCriterion.RequiredTechnologies, false, "Does not use required " + Plural(missing.Length, "technology", "technologies") + " " + Quote(missing) + "."));
        }

        if (ExcludedTechnologies.Count > 0)
        {
            var used = ExcludedTechnologies.Where(t => Uses(company, t)).ToArray();
            results.Add(used.Length == 0
                ? new IcpCriterionResult(IcpCriterion.ExcludedTechnologies, true, "Uses none of the excluded technologies: " + Quote(ExcludedTechnologies) + ".")
                : new IcpCriterionResult(IcpCriterion.ExcludedTechnologies, false, "Uses excluded " + Plural(used.Length, "technology", "technologies") + " " + Quote(used) + "."));
        }

        return results;
    }

    private static bool Uses(CompanyProfile company, string technology) =>
        company.Technologies.Any(t => string.Equals(t, technology, StringComparison.OrdinalIgnoreCase));

    private static IcpCriterionResult InList(IcpCriterion criterion, string fact, string? value, IReadOnlyList<string> accepted)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new IcpCriterionResult(criterion, false, string.Create(CultureInfo.InvariantCulture, $"The {fact} is unknown; accepted: {Quote(accepted)}."));
        }

        var met = accepted.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        return new IcpCriterionResult(
            criterion,
            met,
            string.Create(CultureInfo.InvariantCulture, $"The {fact} '{value}' is {(met ? string.Empty : "not ")}one of {Quote(accepted)}."));
    }

    private static IcpCriterionResult InRange(IcpCriterion criterion, string fact, decimal? value, NumberRange range)
    {
        if (value is null)
        {
            return new IcpCriterionResult(criterion, false, string.Create(CultureInfo.InvariantCulture, $"The {fact} is unknown; accepted: {range}."));
        }

        var met = range.Contains(value.Value);
        return new IcpCriterionResult(
            criterion,
            met,
            string.Create(CultureInfo.InvariantCulture, $"The {fact} {value.Value} is {(met ? "within" : "outside")} {range}."));
    }

    private static string Quote(IReadOnlyList<string> values) => string.Join(", ", values.Select(v => "'" + v + "'"));

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
