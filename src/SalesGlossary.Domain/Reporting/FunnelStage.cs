using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>One stage of a funnel report.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record FunnelStage
{
    [JsonConstructor]
    internal FunnelStage(LifecycleStage stage, int reached, decimal? conversionPercent)
    {
        Stage = stage;
        Reached = reached;
        ConversionPercent = conversionPercent;
    }

    /// <summary>Gets the stage.</summary>
    public LifecycleStage Stage { get; internal init; }

    /// <summary>Gets how many contacts of the cohort reached this stage or a later one.</summary>
    public int Reached { get; internal init; }

    /// <summary>Gets the share of the previous stage's contacts that reached this one, in percent; <see langword="null"/> for the first stage or when the previous stage had none.</summary>
    public decimal? ConversionPercent { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>MarketingQualifiedLead: 40 reached (25 % of the stage before)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage.Name}: {Reached} reached{(ConversionPercent is { } percent ? " (" + percent.ToString(CultureInfo.InvariantCulture) + " % of the stage before)" : string.Empty)}");
}
