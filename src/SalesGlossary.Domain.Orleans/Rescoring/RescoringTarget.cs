namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Specifies where a rescoring job applies its totals.</summary>
public enum RescoringTarget
{
    /// <summary>Each total is applied to the contact's grain (stored, recorded with the model version, and moving the contact through its thresholds), once per job.</summary>
    ContactGrains = 0,

    /// <summary>Each page's totals are written back through <see cref="IContactPartitionSource.WriteTotalsAsync"/>.</summary>
    Source = 1,
}
