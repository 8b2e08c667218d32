namespace SalesGlossary.Domain;

internal sealed record VocabularyDocument(
    List<StageDocument?>? Stages,
    List<LeadStatusDocument?>? LeadStatuses,
    List<ReasonDocument?>? DisqualificationReasons,
    List<TermDocument?>? LostReasons,
    List<TermDocument?>? Teams,
    List<TermDocument?>? Actors,
    List<DisplayNameDocument?>? DisplayNames);
