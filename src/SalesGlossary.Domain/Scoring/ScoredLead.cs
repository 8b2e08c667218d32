namespace SalesGlossary.Domain;

/// <summary>One lead with its total from a streaming bulk run.</summary>
/// <typeparam name="TLead">The lead type.</typeparam>
/// <param name="Lead">The lead.</param>
/// <param name="Total">Its total, exactly as a single score would give it.</param>
/// <param name="IsComplete">Whether every rule ran without error for this lead.</param>
/// <param name="ModelVersion">The version of the model that scored it: exactly one model scores each lead.</param>
public readonly record struct ScoredLead<TLead>(TLead Lead, decimal Total, bool IsComplete, string ModelVersion);
