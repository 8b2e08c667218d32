using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents the forecast category of a deal stage, as in Salesforce: Pipeline, Best case, Commit, Closed or Omitted.</summary>
/// <remarks>Values are stored; they never change.</remarks>
public sealed class ForecastCategory : SmartEnum<ForecastCategory>
{
    /// <summary>Pipeline: open deals with a real but uncertain chance.</summary>
    public static readonly ForecastCategory Pipeline = new(nameof(Pipeline), 1, "Pipeline");

    /// <summary>Best case: deals that may close in the period if things go well.</summary>
    public static readonly ForecastCategory BestCase = new(nameof(BestCase), 2, "Best case");

    /// <summary>Commit: deals the seller commits to closing in the period.</summary>
    public static readonly ForecastCategory Commit = new(nameof(Commit), 3, "Commit");

    /// <summary>Closed: won deals.</summary>
    public static readonly ForecastCategory Closed = new(nameof(Closed), 4, "Closed");

    /// <summary>Omitted: lost or parked deals left out of the forecast.</summary>
    public static readonly ForecastCategory Omitted = new(nameof(Omitted), 5, "Omitted");

    private ForecastCategory(string name, int value, string displayName)
        : base(name, value)
    {
        DisplayName = displayName;
    }

    /// <summary>Gets the category as people write it.</summary>
    public string DisplayName { get; }
}
