namespace SalesGlossary.Domain;

/// <summary>Describes how an agreement names one term in one language, in place of the library's words or the term's own display name.</summary>
/// <remarks>Read back through <see cref="Vocabulary.GetDisplayName(SalesGlossary.Domain.LifecycleStage, System.Globalization.CultureInfo)"/> and its siblings: an override for <c>de</c> serves <c>de-DE</c> and <c>de-AT</c> too; one for <c>de-AT</c> wins there.</remarks>
public sealed record DisplayNameOverride
{
    /// <summary>Gets the kind of the term named.</summary>
    public required TermKind Kind { get; init; }

    /// <summary>Gets the name of the term, shipped or defined by the agreement, for example <c>ReturnedNotReady</c> (case ignored).</summary>
    public required string Term { get; init; }

    /// <summary>Gets the language the name is for, as a culture name: <c>de</c>, <c>de-AT</c>, <c>en</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Gets the name people see in that language.</summary>
    public required string DisplayName { get; init; }
}
