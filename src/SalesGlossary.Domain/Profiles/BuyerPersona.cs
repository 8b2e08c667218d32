
namespace SalesGlossary.Domain;

/// <summary>Represents a buyer persona: a semi-fictional person inside an ideal-customer company that marketing and sales both write for.</summary>
/// <remarks>
/// A persona is matched to real contacts by the keywords of their job title, their department and their seniority
/// (see <see cref="PersonaCatalog.Match"/>). Buying-committee roles on a deal (decision maker, champion) are a
/// separate idea: one persona can play different roles on different deals.
/// </remarks>
public sealed record BuyerPersona
{
    /// <summary>Initializes a new buyer persona.</summary>
    /// <param name="name">The persona's name, for example <c>Marketing Mary</c>; unique within a catalog.</param>
    /// <param name="role">The persona's role, for example <c>Head of marketing</c>.</param>
    /// <param name="seniority">The persona's seniority, or <see langword="null"/> when any level fits.</param>
    /// <param name="department">The persona's department, or <see langword="null"/> when any department fits.</param>
    /// <param name="goals">What the persona wants to achieve.</param>
    /// <param name="pains">What stands in the persona's way.</param>
    /// <param name="preferredChannels">The channels through which the persona prefers to be contacted.</param>
    /// <param name="jobTitleKeywords">Words or phrases that identify the persona in a job title, for example <c>marketing</c>, <c>demand generation</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="role"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="role"/> is empty, a list contains empty text or a null channel, or no keyword is given.</exception>
    public BuyerPersona(
        string name,
        string role,
        Seniority? seniority,
        string? department,
        IReadOnlyList<string>? goals,
        IReadOnlyList<string>? pains,
        IReadOnlyList<ConnectChannel>? preferredChannels,
        IReadOnlyList<string> jobTitleKeywords)
    {
        Name = Guard.NotBlank(name);
        Role = Guard.NotBlank(role);
        Seniority = seniority;
        Department = department;
        Goals = Guard.Words(goals);
        Pains = Guard.Words(pains);
        PreferredChannels = Guard.Items(preferredChannels);
        JobTitleKeywords = Guard.Words(jobTitleKeywords);
        if (JobTitleKeywords.Count == 0)
        {
            throw new ArgumentException(
                "The persona '" + name + "' needs at least one job-title keyword; without one no contact can be matched to it.",
                nameof(jobTitleKeywords));
        }
    }

    /// <summary>Gets the persona's name.</summary>
    public string Name { get; }

    /// <summary>Gets the persona's role.</summary>
    public string Role { get; }

    /// <summary>Gets the persona's seniority, or <see langword="null"/> when any level fits.</summary>
    public Seniority? Seniority { get; }

    /// <summary>Gets the persona's department, or <see langword="null"/> when any department fits.</summary>
    public string? Department { get; }

    /// <summary>Gets what the persona wants to achieve.</summary>
    public IReadOnlyList<string> Goals { get; private init => field = ValueList<string>.From(value); }

    /// <summary>Gets what stands in the persona's way.</summary>
    public IReadOnlyList<string> Pains { get; private init => field = ValueList<string>.From(value); }

    /// <summary>Gets the channels the persona prefers.</summary>
    public IReadOnlyList<ConnectChannel> PreferredChannels { get; private init => field = ValueList<ConnectChannel>.From(value); }

    /// <summary>Gets the words or phrases that identify the persona in a job title.</summary>
    public IReadOnlyList<string> JobTitleKeywords { get; private init => field = ValueList<string>.From(value); }
}
