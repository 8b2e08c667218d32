namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Specifies the status of a rescoring job.</summary>
public enum RescoringStatus
{
    /// <summary>The job was never started.</summary>
    NotStarted = 0,

    /// <summary>The job is running.</summary>
    Running = 1,

    /// <summary>Every partition was rescored.</summary>
    Completed = 2,

    /// <summary>The job was cancelled; contacts rescored before it stay rescored.</summary>
    Cancelled = 3,

    /// <summary>A partition failed; <see cref="RescoringProgress.Failure"/> says why.</summary>
    Failed = 4,
}
