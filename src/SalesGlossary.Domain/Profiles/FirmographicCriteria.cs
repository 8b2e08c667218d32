using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents firmographic criteria that a company must all meet: industries, size, revenue, countries and technologies.</summary>
/// <remarks>
/// A criterion that is left empty (an empty list or a <see langword="null"/> range) does not constrain anything.
/// Text comparisons ignore case and use no culture. A criterion on a fact the company profile does not know is not met.
/// </remarks>
public sealed record FirmographicCriteria
{
    /// <summary>Initializes new criteria.</summary>
    /// <param name="industries">The accepted industries; empty accepts any industry.</param>
    /// <param name="employees">The accepted number of employees, or <see langword="null"/> for any size.</param>
    /// <param name="annualRevenue">The accepted annual revenue, or <see langword="null"/> for any revenue.</param>
    /// <param name="countries">The accepted countries; empty accepts any country.</param>
    /// <param name="requiredTechnologies">Technologies the company must all use; empty requires none.</param>
    /// <param name="excludedTechnologies">Technologies the company must not use; empty excludes none.</param>
    /// <exception cref="ArgumentException">A list contains empty text.</exception>
    public FirmographicCriteria(
        IReadOnlyList<string>? industries = null,
        NumberRange? employees = null,
        NumberRange? annualRevenue = null,
        IReadOnlyList<string>? countries = null,
        IReadOnlyList<string>? requiredTechnologies = null,
        IReadOnlyList<string>? excludedTechnologies = null)
    {
        Industries = Guard.Words(industries);
        Employees = employees;
        AnnualRevenue = annualRevenue;
        Countries = Guard.Words(countries);
        RequiredTechnologies = Guard.Words(requiredTechnologies);
        ExcludedTechnologies = Guard.Words(excludedTechnologies);
    }

    /// <summary>Gets the accepted industries; empty accepts any.</summary>
    public IReadOnlyList<string> Industries { get; private init => field = ValueList<string>.From(value); }

    /// <summary>Gets the accepted number of employees, or <see langword="null"/> for any.</summary>
    public NumberRange? Employees { get; }

    /// <summary>Gets the accepted annual revenue, or <see langword="null"/> for any.</summary>
    public NumberRange? AnnualRevenue { get; }

    /// <summary>Gets the accepted countries; empty accepts any.</summary>
    public IReadOnlyList<string> Countries { get; private init => field = ValueList<string>.From(value); }

    /// <summary>Gets the technologies the company must all use.</summary>
    public IReadOnlyList<string> RequiredTechnologies { get; private init => field = ValueList<string>.From(value); }

    /// <summary>Gets the technologies the company must not use.</summary>
    public IReadOnlyList<string> ExcludedTechnologies { get; private init => field = ValueList<string>.From(value); }

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
