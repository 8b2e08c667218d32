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

    /// <summary>Gets the stage's name as people write it in a language: for a stage of <see cref="Pipeline.Default"/>, from the library's resources (English and German).</summary>
    /// <param name="culture">The language, for example <c>de-DE</c>; the thread's culture is never used. A language without resources gets English.</param>
    /// <returns>The name in that language; for a stage of a pipeline of your own, its <see cref="Name"/> (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture)
    {
        Guard.NotNull(culture);
        return IsShipped ? Localization.TermName(nameof(DealStage), Key, culture) ?? Name : Name;
    }

    /// <summary>Gets what the stage means, in a language, for a stage of <see cref="Pipeline.Default"/>.</summary>
    /// <param name="culture">The language; the thread's culture is never used. A language without resources gets English.</param>
    /// <returns>The description, or <see langword="null"/> for a stage of a pipeline of your own.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture)
    {
        Guard.NotNull(culture);
        return IsShipped ? Localization.TermDescription(nameof(DealStage), Key, culture) : null;
    }

    /// <summary>Gets a value indicating whether the stage is one of the default pipeline's, equal in every value (a stage of your own that only shares a name is not).</summary>
    private bool IsShipped => Pipeline.Default.Stages.Contains(this);

    /// <summary>Gets the stage's resource key: its name's words, each capitalized, without spaces or punctuation (<c>DiscoveryMeetingBooked</c>).</summary>
    internal string Key => string.Concat(Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        .Select(word => new string([.. word.Where(char.IsLetterOrDigit)]))
        .Where(word => word.Length > 0)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
