using System.Globalization;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Where the Service Level Agreement and its scoring models come from, and how changes to them are picked up.</summary>
/// <remarks>
/// Bind it from configuration (<c>services.AddSalesGlossary(configuration.GetSection("SalesGlossary"))</c>) or set it in
/// code. It is read once, at start-up, and validated then: every problem is reported at once. Relative paths are
/// resolved against the host's content root (or the current directory without a host).
/// </remarks>
public sealed class SalesGlossaryOptions
{
    /// <summary>The shortest <see cref="ReloadCheckInterval"/> accepted.</summary>
    public static readonly TimeSpan MinimumReloadCheckInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the path of the agreement document, or <see langword="null"/> for the agreement that ships with the package.</summary>
    /// <value>
    /// The default is <see langword="null"/>: <see cref="ServiceLevelAgreement.DefaultJson"/>, whose scoring model
    /// <c>sample-lead-scoring</c> is the package's sample model unless <see cref="ScoringModelFiles"/> names a file for it.
    /// </value>
    public string? AgreementFile { get; set; }

    /// <summary>Gets the scoring model documents kept in files of their own, by the name the agreement gives them, with their paths.</summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, string> ScoringModelFiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets whether changed files are loaded, checked and published while the application runs.</summary>
    /// <value>The default is <see langword="true"/>; without any file configured nothing is checked.</value>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>Gets or sets how often the files are checked for changes.</summary>
    /// <value>The default is 2 seconds; at least <see cref="MinimumReloadCheckInterval"/>.</value>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the shortest time between two log entries about leads whose scoring rules failed; the leads in between are counted in the next entry.</summary>
    /// <value>The default is 1 minute; zero logs every such lead.</value>
    public TimeSpan FailedLeadLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lists every problem of the options, each with the configuration path of the offending value.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (AgreementFile is not null && string.IsNullOrWhiteSpace(AgreementFile))
        {
            problems.Add("SalesGlossary:AgreementFile: the path is empty; remove the setting to use the agreement that ships with the package.");
        }

        foreach (var (name, path) in ScoringModelFiles)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("SalesGlossary:ScoringModelFiles: a scoring model file has an empty name; give it the name the agreement uses.");
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"SalesGlossary:ScoringModelFiles:{name}: the path is empty."));
            }
        }

        if (ReloadCheckInterval < MinimumReloadCheckInterval)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"SalesGlossary:ReloadCheckInterval: the interval must be at least {MinimumReloadCheckInterval.TotalMilliseconds} ms; it is {ReloadCheckInterval.TotalMilliseconds} ms."));
        }

        if (FailedLeadLogInterval < TimeSpan.Zero)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"SalesGlossary:FailedLeadLogInterval: the interval must not be negative; it is {FailedLeadLogInterval}."));
        }

        return problems;
    }
}
