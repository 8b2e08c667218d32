
namespace SalesGlossary.Domain;

/// <summary>Describes the terms an agreement defines beyond the shipped ones: its own lead statuses, reasons, teams, actors and added lifecycle stages.</summary>
/// <remarks>Every list is empty by default, so an agreement that defines nothing speaks the article's words. Build a <see cref="Vocabulary"/> from it; the build reports every problem at once.</remarks>
public sealed record VocabularyDefinition
{
    /// <summary>Gets the lifecycle stages added between the article's stages.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<StageDefinition> Stages { get; init => field = ValueList<StageDefinition>.From(value); } = ValueList<StageDefinition>.Empty;

    /// <summary>Gets the agreement's own lead statuses.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<LeadStatusDefinition> LeadStatuses { get; init => field = ValueList<LeadStatusDefinition>.From(value); } = ValueList<LeadStatusDefinition>.Empty;

    /// <summary>Gets the agreement's own disqualification reasons.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<ReasonDefinition> DisqualificationReasons { get; init => field = ValueList<ReasonDefinition>.From(value); } = ValueList<ReasonDefinition>.Empty;

    /// <summary>Gets the agreement's own deal lost reasons.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<ReasonDefinition> LostReasons { get; init => field = ValueList<ReasonDefinition>.From(value); } = ValueList<ReasonDefinition>.Empty;

    /// <summary>Gets the agreement's own teams; which stages each owns is said in the agreement's team assignment.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<TermDefinition> Teams { get; init => field = ValueList<TermDefinition>.From(value); } = ValueList<TermDefinition>.Empty;

    /// <summary>Gets the agreement's own actors.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<TermDefinition> Actors { get; init => field = ValueList<TermDefinition>.From(value); } = ValueList<TermDefinition>.Empty;

    /// <summary>Gets the names the agreement gives terms (shipped or its own) per language, in place of the library's words.</summary>
    /// <value>Empty by default: shipped terms speak the library's English and German, the agreement's own terms their display name.</value>
    public IReadOnlyList<DisplayNameOverride> DisplayNames { get; init => field = ValueList<DisplayNameOverride>.From(value); } = ValueList<DisplayNameOverride>.Empty;
}
