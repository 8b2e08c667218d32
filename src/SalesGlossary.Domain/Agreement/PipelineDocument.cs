namespace SalesGlossary.Domain;

internal sealed record PipelineDocument(string? Name, List<DealStageDocument?>? Stages, PipelineRules? Rules);
