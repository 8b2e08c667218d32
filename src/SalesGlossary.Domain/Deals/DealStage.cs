namespace SalesGlossary.Domain;

/// <summary>Represents one stage of a deal pipeline.</summary>
/// <param name="Name">The stage's name, unique in its pipeline, for example <c>Create proposal</c>.</param>
/// <param name="Probability">The chance to win a deal in this stage, in percent (0 to 100).</param>
/// <param name="Kind">Whether the stage is open, won, lost or on hold.</param>
/// <param name="Forecast">The forecast category deals in this stage count towards.</param>
public sealed record DealStage(string Name, decimal Probability, DealStageKind Kind, ForecastCategory Forecast)
{
    /// <summary>Returns the stage's name.</summary>
    /// <returns>The name, as diagrams and messages show it.</returns>
    public override string ToString() => Name;
}
