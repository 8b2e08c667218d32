
namespace SalesGlossary.Domain;

/// <summary>Represents a buyer persona: a semi-fictional person inside an ideal-customer company that marketing and sales both write for.</summary>
/// <remarks>
/// A persona is matched to real contacts by the keywords of their job title, their department and their seniority
/// (see <see cref="PersonaCatalog.Match"/>). Buying-committee roles on a deal (decision maker, champion) are a
/// separate idea: one persona can play different roles on different deals.
/// </remarks>
public sealed record BuyerPersona
{
    /// <summary>Gets the persona's name, for example <c>Marketing Mary</c>; unique within a catalog.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Name { get; init => field = Guard.NotBlank(value, nameof(Name)); }

    /// <summary>Gets the persona's role, for example <c>Head of marketing</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty or white-space value; the message names the member.</exception>
    public required string Role { get; init => field = Guard.NotBlank(value, nameof(Role)); }

    /// <summary>Gets the persona's seniority, or <see langword="null"/> when any level fits.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Seniority? Seniority { get; init; }

    /// <summary>Gets the persona's department, or <see langword="null"/> when any department fits.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Department { get; init; }

    /// <summary>Gets what the persona wants to achieve.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> Goals { get; init => field = Guard.Words(value, nameof(Goals)); } = ValueList<string>.Empty;

    /// <summary>Gets what stands in the persona's way.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains empty text; the message names the member.</exception>
    public IReadOnlyList<string> Pains { get; init => field = Guard.Words(value, nameof(Pains)); } = ValueList<string>.Empty;

    /// <summary>Gets the channels through which the persona prefers to be contacted.</summary>
    /// <value>The default is empty; <see langword="null"/> is read as empty.</value>
    /// <exception cref="ArgumentException">Set to a list that contains <see langword="null"/>; the message names the member.</exception>
    public IReadOnlyList<ConnectChannel> PreferredChannels { get; init => field = Guard.Items(value, nameof(PreferredChannels)); } = ValueList<ConnectChannel>.Empty;

    /// <summary>Gets the words or phrases that identify the persona in a job title, for example <c>marketing</c>, <c>demand generation</c>; at least one.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty list or one that contains empty text; the message names the member.</exception>
    public required IReadOnlyList<string> JobTitleKeywords
    {
        get;
        init
        {
            var words = Guard.Words(Guard.NotNull(value, nameof(JobTitleKeywords)), nameof(JobTitleKeywords));
            if (words.Count == 0)
            {
                throw new ArgumentException(
                    "A persona needs at least one job-title keyword in '" + nameof(JobTitleKeywords) + "'; without one no contact can be matched to it.",
                    nameof(JobTitleKeywords));
            }

            field = words;
        }
    }
}
