using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the ideal customer profile (ICP): the companies the agreement targets, in tiers, and those it excludes.</summary>
/// <remarks>
/// <para>
/// The ICP describes the target <em>company</em>; buyer personas describe the <em>people</em> inside it.
/// Evaluation first checks the exclusions: a company that matches any exclusion is Not ICP and negative.
/// Otherwise the company is placed in the best tier whose criteria it meets all of, or Not ICP when it meets none.
/// </para>
/// <para>The profile is validated when it is built; every problem is reported at once, with its JSON path.</para>
/// </remarks>
public sealed record IdealCustomerProfile
{
    /// <summary>Initializes a new ideal customer profile and validates it.</summary>
    /// <param name="name">The profile's name.</param>
    /// <param name="tiers">The tier definitions; at least one, each tier at most once, Not ICP never.</param>
    /// <param name="exclusions">The exclusions; <see langword="null"/> means none.</param>
    /// <exception cref="DefinitionValidationException">The profile is invalid; the exception lists every problem with its JSON path.</exception>
    public IdealCustomerProfile(string name, IReadOnlyList<IcpTierDefinition> tiers, IReadOnlyList<IcpExclusion>? exclusions = null)
    {
        Name = name;
        Tiers = tiers?.ToArray() ?? [];
        Exclusions = exclusions?.ToArray() ?? [];
        Validate();
        Tiers = [.. Tiers.OrderBy(t => t.Tier.Value)];
    }

    /// <summary>Gets the profile's name.</summary>
    public string Name { get; }

    /// <summary>Gets the tier definitions, best tier first.</summary>
    public IReadOnlyList<IcpTierDefinition> Tiers { get; private init => field = ValueList<IcpTierDefinition>.From(value); }

    /// <summary>Gets the exclusions.</summary>
    public IReadOnlyList<IcpExclusion> Exclusions { get; private init => field = ValueList<IcpExclusion>.From(value); }

    /// <summary>Evaluates a company: the tier it belongs to, whether it is negative ICP, and the reasons.</summary>
    /// <param name="company">The company to evaluate.</param>
    /// <returns>The evaluation with every criterion that was checked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="company"/> is <see langword="null"/>.</exception>
    public IcpEvaluation Evaluate(CompanyProfile company)
    {
        Guard.NotNull(company);
        var matchedExclusions = Exclusions
            .Where(e => e.Criteria.Evaluate(company).All(r => r.IsMet))
            .Select(e => e.Name)
            .ToArray();
        if (matchedExclusions.Length > 0)
        {
            return new IcpEvaluation(
                company.Name,
                IcpTier.NotIcp,
                isNegative: true,
                matchedExclusions,
                [],
                string.Create(CultureInfo.InvariantCulture, $"'{company.Name}' is excluded by {string.Join(", ", matchedExclusions.Select(e => "'" + e + "'"))}: negative ICP."));
        }

        var checkedTiers = new List<IcpTierResult>(Tiers.Count);
        foreach (var tier in Tiers)
        {
            var results = tier.Criteria.Evaluate(company);
            checkedTiers.Add(new IcpTierResult(tier.Tier, results));
            if (results.All(r => r.IsMet))
            {
                return new IcpEvaluation(
                    company.Name,
                    tier.Tier,
                    isNegative: false,
                    [],
                    checkedTiers,
                    string.Create(CultureInfo.InvariantCulture, $"'{company.Name}' meets every criterion of {tier.Tier.DisplayName}."));
            }
        }

        return new IcpEvaluation(
            company.Name,
            IcpTier.NotIcp,
            isNegative: false,
            [],
            checkedTiers,
            string.Create(CultureInfo.InvariantCulture, $"'{company.Name}' meets the criteria of no tier."));
    }

    private void Validate()
    {
        var problems = new ValidationCollector();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("$.name", "The profile needs a name.");
        }

        if (Tiers.Count == 0)
        {
            problems.Add("$.tiers", "The profile defines no tier; define at least Tier 1.");
        }

        var seen = new HashSet<IcpTier>();
        for (var i = 0; i < Tiers.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.tiers[{i}]");
            var tier = Tiers[i];
            if (tier is null)
            {
                problems.Add(path, "The tier definition is missing.");
                continue;
            }

            if (tier.Tier is null)
            {
                problems.Add(path + ".tier", "The tier is missing; use Tier1, Tier2 or Tier3.");
            }
            else if (!tier.Tier.IsTarget)
            {
                problems.Add(path + ".tier", "NotIcp cannot be defined: it is what a company is when it meets no tier.");
            }
            else if (!seen.Add(tier.Tier))
            {
                problems.Add(path + ".tier", $"{tier.Tier.Name} is defined more than once; merge the definitions.");
            }

            ValidateCriteria(problems, path + ".criteria", tier.Criteria);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Exclusions.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.exclusions[{i}]");
            var exclusion = Exclusions[i];
            if (exclusion is null)
            {
                problems.Add(path, "The exclusion is missing.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(exclusion.Name))
            {
                problems.Add(path + ".name", "The exclusion needs a name; it is the reason given for excluding a company.");
            }
            else if (!names.Add(exclusion.Name))
            {
                problems.Add(path + ".name", $"The exclusion name '{exclusion.Name}' is used more than once.");
            }

            ValidateCriteria(problems, path + ".criteria", exclusion.Criteria);
            if (exclusion.Criteria is { IsEmpty: true })
            {
                problems.Add(path + ".criteria", "The exclusion sets no criterion, so it would exclude every company; set at least one.");
            }
        }

        problems.ThrowIfAny(string.Create(CultureInfo.InvariantCulture, $"ideal customer profile '{Name}'"));
    }

    private static void ValidateCriteria(ValidationCollector problems, string path, FirmographicCriteria? criteria)
    {
        if (criteria is null)
        {
            problems.Add(path, "The criteria are missing.");
            return;
        }

        foreach (var technology in criteria.RequiredTechnologies.Intersect(criteria.ExcludedTechnologies, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(path, $"The technology '{technology}' is both required and excluded, so no company can meet the criteria.");
        }
    }
}
