using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ardalis.SmartEnum;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents the words of one agreement: the shipped lifecycle stages, lead statuses, reasons, teams and actors, and those the agreement defines.</summary>
/// <remarks>
/// <para>
/// The shipped terms stay well-known static values (<see cref="LeadStatus.New"/>, <see cref="Team.Sales"/>, …) and are part of
/// every vocabulary, so code written against them keeps working; an agreement adds its own, each with the flags that give it
/// meaning. Look a name up with <see cref="GetLeadStatus"/> and its siblings (case is ignored, an unknown name fails with the
/// known ones listed), and read or write stored documents that hold agreement terms with <see cref="JsonOptions"/>.
/// </para>
/// <para>A term is identified by its number and name; an agreement's terms have numbers of 100 or more, so they never meet a shipped one.</para>
/// </remarks>
public sealed class Vocabulary
{
    private static readonly Regex TermName = new("^[A-Za-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex LanguageTag = new("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private const int MaxStagesAfterOne = 99;

    private readonly Dictionary<Type, Terms> terms;
    private readonly Lazy<JsonSerializerOptions> jsonOptions;
    private readonly Dictionary<(TermKind Kind, string Term, string Language), string> displayNames;

    private Vocabulary(VocabularyDefinition definition)
    {
        Definition = definition;
        var added = new List<LifecycleStage>();
        foreach (var group in definition.Stages.GroupBy(s => s.After.Backbone))
        {
            var position = 1;
            foreach (var stage in group)
            {
                added.Add(LifecycleStage.Add(stage, group.Key, position++));
            }
        }

        Stages = [.. LifecycleStage.InFunnelOrder.Concat(added).OrderBy(s => s.IsFunnelStage ? 0 : 1).ThenBy(s => s.Rank)];
        AddedStages = [.. Stages.Where(s => s.IsAdded)];
        LeadStatuses = [.. Shipped<LeadStatus>().Concat(definition.LeadStatuses.Select(LeadStatus.Define))];
        DisqualificationReasons = [.. Shipped<DisqualificationReason>().Concat(definition.DisqualificationReasons.Select(DisqualificationReason.Define))];
        LostReasons = [.. Shipped<LostReason>().Concat(definition.LostReasons.Select(LostReason.Define))];
        Teams = [.. Shipped<Team>().Concat(definition.Teams.Select(Team.Define))];
        Actors = [.. Shipped<Actor>().Concat(definition.Actors.Select(Actor.Define))];
        terms = new()
        {
            [typeof(LifecycleStage)] = new("lifecycle stage", Stages),
            [typeof(LeadStatus)] = new("lead status", LeadStatuses),
            [typeof(DisqualificationReason)] = new("disqualification reason", DisqualificationReasons),
            [typeof(LostReason)] = new("lost reason", LostReasons),
            [typeof(Team)] = new("team", Teams),
            [typeof(Actor)] = new("actor", Actors),
        };
        displayNames = definition.DisplayNames.ToDictionary(
            o => (o.Kind, o.Term.ToUpperInvariant(), o.Language.ToUpperInvariant()),
            o => o.DisplayName);
        jsonOptions = new(() => SalesGlossaryJson.CreateOptions(new SmartEnumJsonConverterFactory(TryFind, Known)));
    }

    /// <summary>Gets the vocabulary of an agreement that defines nothing: the article's terms alone.</summary>
    public static Vocabulary Default { get; } = new(new VocabularyDefinition());

    /// <summary>Gets the definition the vocabulary was built from.</summary>
    public VocabularyDefinition Definition { get; }

    /// <summary>Gets every lifecycle stage in funnel order: the article's stages with the added ones after the stage each follows, Other last.</summary>
    public IReadOnlyList<LifecycleStage> Stages { get; }

    /// <summary>Gets the stages the agreement added, in funnel order.</summary>
    public IReadOnlyList<LifecycleStage> AddedStages { get; }

    /// <summary>Gets every lead status: the shipped ones, then the agreement's.</summary>
    public IReadOnlyList<LeadStatus> LeadStatuses { get; }

    /// <summary>Gets every disqualification reason: the shipped ones, then the agreement's.</summary>
    public IReadOnlyList<DisqualificationReason> DisqualificationReasons { get; }

    /// <summary>Gets every deal lost reason: the shipped ones, then the agreement's.</summary>
    public IReadOnlyList<LostReason> LostReasons { get; }

    /// <summary>Gets every team: the shipped ones, then the agreement's.</summary>
    public IReadOnlyList<Team> Teams { get; }

    /// <summary>Gets every actor: the shipped ones, then the agreement's.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Gets serializer options that read and write every type of the library with this vocabulary's terms, for stored contacts and deals that use them.</summary>
    /// <remarks>The same settings as <c>SalesGlossaryJson.Options</c>; only names are resolved through the vocabulary. Read-only.</remarks>
    public JsonSerializerOptions JsonOptions => jsonOptions.Value;

    /// <summary>Builds a vocabulary from the terms an agreement defines, and validates it.</summary>
    /// <param name="definition">The agreement's own terms.</param>
    /// <returns>The vocabulary: the shipped terms and the defined ones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">A term breaks an invariant (a bad or duplicate name or number, a status both open and closed, a stage after no funnel stage, …); every problem is listed with its path.</exception>
    public static Vocabulary Create(VocabularyDefinition definition)
    {
        Guard.NotNull(definition);
        var problems = new ValidationCollector();
        Validate(problems, "$", definition);
        problems.ThrowIfAny("vocabulary");
        return new Vocabulary(definition);
    }

    /// <summary>Gets the lifecycle stage with a name (case ignored).</summary>
    /// <param name="name">The stage's name, for example <c>SalesAcceptedLead</c>.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="UnknownTermException">No stage has the name; the known names are listed.</exception>
    public LifecycleStage GetStage(string name) => Get<LifecycleStage>(name);

    /// <summary>Gets the lead status with a name (case ignored).</summary>
    /// <param name="name">The status's name.</param>
    /// <returns>The status.</returns>
    /// <exception cref="UnknownTermException">No status has the name; the known names are listed.</exception>
    public LeadStatus GetLeadStatus(string name) => Get<LeadStatus>(name);

    /// <summary>Gets the disqualification reason with a name (case ignored).</summary>
    /// <param name="name">The reason's name.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="UnknownTermException">No reason has the name; the known names are listed.</exception>
    public DisqualificationReason GetDisqualificationReason(string name) => Get<DisqualificationReason>(name);

    /// <summary>Gets the deal lost reason with a name (case ignored).</summary>
    /// <param name="name">The reason's name.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="UnknownTermException">No reason has the name; the known names are listed.</exception>
    public LostReason GetLostReason(string name) => Get<LostReason>(name);

    /// <summary>Gets the team with a name (case ignored).</summary>
    /// <param name="name">The team's name.</param>
    /// <returns>The team.</returns>
    /// <exception cref="UnknownTermException">No team has the name; the known names are listed.</exception>
    public Team GetTeam(string name) => Get<Team>(name);

    /// <summary>Gets the actor with a name (case ignored).</summary>
    /// <param name="name">The actor's name.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="UnknownTermException">No actor has the name; the known names are listed.</exception>
    public Actor GetActor(string name) => Get<Actor>(name);

    /// <summary>Gets a lifecycle stage's name in a language: the agreement's name for it in that language if it gives one, else the library's words (<see cref="LifecycleStage.GetDisplayName"/>).</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="culture">The language; an override for <c>de</c> serves <c>de-DE</c>. The thread's culture is never used.</param>
    /// <returns>The name in that language.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public string GetDisplayName(LifecycleStage stage, CultureInfo culture) => Override(TermKind.Stage, Guard.NotNull(stage).Name, culture) ?? stage.GetDisplayName(culture);

    /// <summary>Gets a lead status's name in a language: the agreement's name for it in that language if it gives one, else the library's words.</summary>
    /// <param name="status">The status.</param>
    /// <param name="culture">The language; an override for <c>de</c> serves <c>de-DE</c>. The thread's culture is never used.</param>
    /// <returns>The name in that language.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public string GetDisplayName(LeadStatus status, CultureInfo culture) => Override(TermKind.LeadStatus, Guard.NotNull(status).Name, culture) ?? status.GetDisplayName(culture);

    /// <summary>Gets a disqualification reason's name in a language: the agreement's name for it in that language if it gives one, else the library's words.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="culture">The language; an override for <c>de</c> serves <c>de-DE</c>. The thread's culture is never used.</param>
    /// <returns>The name in that language.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public string GetDisplayName(DisqualificationReason reason, CultureInfo culture) => Override(TermKind.DisqualificationReason, Guard.NotNull(reason).Name, culture) ?? reason.GetDisplayName(culture);

    /// <summary>Gets a deal lost reason's name in a language: the agreement's name for it in that language if it gives one, else the library's words.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="culture">The language; an override for <c>de</c> serves <c>de-DE</c>. The thread's culture is never used.</param>
    /// <returns>The name in that language.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public string GetDisplayName(LostReason reason, CultureInfo culture) => Override(TermKind.LostReason, Guard.NotNull(reason).Name, culture) ?? reason.GetDisplayName(culture);

    /// <summary>Gets a team's name in a language: the agreement's name for it in that language if it gives one, else the library's words.</summary>
    /// <param name="team">The team.</param>
    /// <param name="culture">The language; an override for <c>de</c> serves <c>de-DE</c>. The thread's culture is never used.</param>
    /// <returns>The name in that language.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public string GetDisplayName(Team team, CultureInfo culture) => Override(TermKind.Team, Guard.NotNull(team).Name, culture) ?? team.GetDisplayName(culture);

    /// <summary>Gets an actor's name in a language: the agreement's name for it in that language if it gives one, else the library's words.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="culture">The language; an override for <c>de</c> serves <c>de-DE</c>. The thread's culture is never used.</param>
    /// <returns>The name in that language.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public string GetDisplayName(Actor actor, CultureInfo culture) => Override(TermKind.Actor, Guard.NotNull(actor).Name, culture) ?? actor.GetDisplayName(culture);

    /// <summary>Finds a term of a vocabulary type by name (case ignored), for readers that resolve names: JSON and storage.</summary>
    internal bool TryFind(Type type, string name, out object? term)
    {
        term = null;
        if (!terms.TryGetValue(type, out var kind))
        {
            return false;
        }

        term = kind.All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))?.Item;
        return term is not null;
    }

    /// <summary>Finds a term of a vocabulary type by number, for storage that keeps numbers.</summary>
    internal bool TryFind(Type type, int number, out object? term)
    {
        term = null;
        if (!terms.TryGetValue(type, out var kind))
        {
            return false;
        }

        term = kind.All.FirstOrDefault(t => t.Value == number)?.Item;
        return term is not null;
    }

    /// <summary>Gets the known names of a vocabulary type, or <see langword="null"/> for a type the vocabulary does not hold.</summary>
    internal IReadOnlyList<string>? Known(Type type) => terms.TryGetValue(type, out var kind) ? [.. kind.All.Select(t => t.Name)] : null;

    /// <summary>Validates a definition into a collector, every problem with its path under <paramref name="path"/>.</summary>
    internal static void Validate(ValidationCollector problems, string path, VocabularyDefinition? definition)
    {
        if (definition is null)
        {
            problems.Add(path, "The vocabulary is missing.");
            return;
        }

        Names(problems, path + ".stages", definition.Stages, s => s?.Name, s => s!.Number, LifecycleStage.List.Select(s => (s.Name, s.Value)), "lifecycle stage");
        var following = new Dictionary<LifecycleStage, int>();
        for (var i = 0; i < (definition.Stages?.Count ?? 0); i++)
        {
            var stage = definition.Stages![i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.stages[{i}]");
            if (stage is null)
            {
                continue;
            }

            if (stage.After is null)
            {
                problems.Add(at + ".after", $"Stage '{stage.Name}' needs the funnel stage it follows (after), for example MarketingQualifiedLead.");
            }
            else if (!stage.After.IsFunnelStage || stage.After.IsAdded || stage.After == LifecycleStage.Evangelist)
            {
                problems.Add(at + ".after", $"Stage '{stage.Name}' follows {stage.After.Name}; an added stage follows a funnel stage from Subscriber to Customer.");
            }
            else
            {
                // Added stages rank between the stage they follow and the next one, so more of them would rank level with it or beyond.
                var count = following[stage.After] = following.GetValueOrDefault(stage.After) + 1;
                if (count > MaxStagesAfterOne)
                {
                    problems.Add(at + ".after", string.Create(CultureInfo.InvariantCulture, $"Stage '{stage.Name}' would be stage {count} after {stage.After.Name}; at most {MaxStagesAfterOne} stages can follow one funnel stage."));
                }
            }

            if (stage.EntryMinimumScore is { } minimum && minimum <= 0)
            {
                problems.Add(at + ".entryMinimumScore", string.Create(CultureInfo.InvariantCulture, $"The entry score of stage '{stage.Name}' must be above 0; it is {minimum}."));
            }
        }

        Names(problems, path + ".leadStatuses", definition.LeadStatuses, s => s?.Name, s => s!.Number, LeadStatus.List.Select(s => (s.Name, s.Value)), "lead status");
        for (var i = 0; i < (definition.LeadStatuses?.Count ?? 0); i++)
        {
            var status = definition.LeadStatuses![i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.leadStatuses[{i}]");
            if (status is null)
            {
                continue;
            }

            if (status.IsOpen && status.IsClosed)
            {
                problems.Add(at, $"Lead status '{status.Name}' is flagged both open and closed; a status is open (sales has work to do) or closed (work ended), never both.");
            }

            if (status.IsWorking && !status.IsOpen)
            {
                problems.Add(at, $"Lead status '{status.Name}' is flagged working but not open; a status sales is working is open.");
            }

            if (status.IsConnected && status.IsClosed)
            {
                problems.Add(at, $"Lead status '{status.Name}' is flagged both connected and closed; a reached lead whose work ended is closed, and says so with a reason.");
            }
        }

        Names(problems, path + ".disqualificationReasons", definition.DisqualificationReasons, r => r?.Name, r => r!.Number, DisqualificationReason.List.Select(r => (r.Name, r.Value)), "disqualification reason");
        Names(problems, path + ".lostReasons", definition.LostReasons, r => r?.Name, r => r!.Number, LostReason.List.Select(r => (r.Name, r.Value)), "lost reason");
        for (var i = 0; i < (definition.LostReasons?.Count ?? 0); i++)
        {
            if (definition.LostReasons![i] is { RequiresExhaustedConnectPolicy: true } reason)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.lostReasons[{i}].requiresExhaustedConnectPolicy"), $"Lost reason '{reason.Name}' cannot require an exhausted connect policy; only a disqualification reason can.");
            }
        }

        Names(problems, path + ".teams", definition.Teams, t => t?.Name, t => t!.Number, Team.List.Select(t => (t.Name, t.Value)), "team");
        Names(problems, path + ".actors", definition.Actors, a => a?.Name, a => a!.Number, Actor.List.Select(a => (a.Name, a.Value)), "actor");
        DisplayNames(problems, path + ".displayNames", definition);
    }

    private static void DisplayNames(ValidationCollector problems, string path, VocabularyDefinition definition)
    {
        if (definition.DisplayNames is null)
        {
            problems.Add(path, "The list of display names is missing; give an empty list to rename nothing.");
            return;
        }

        // The known names are listed as the vocabulary lists its terms: the shipped ones in their order, then the agreement's.
        var known = new Dictionary<TermKind, IEnumerable<string?>>
        {
            [TermKind.Stage] = LifecycleStage.InFunnelOrder.Select(s => s.Name).Concat((definition.Stages ?? []).Select(s => s?.Name)),
            [TermKind.LeadStatus] = Shipped<LeadStatus>().Select(s => s.Name).Concat((definition.LeadStatuses ?? []).Select(s => s?.Name)),
            [TermKind.DisqualificationReason] = Shipped<DisqualificationReason>().Select(r => r.Name).Concat((definition.DisqualificationReasons ?? []).Select(r => r?.Name)),
            [TermKind.LostReason] = Shipped<LostReason>().Select(r => r.Name).Concat((definition.LostReasons ?? []).Select(r => r?.Name)),
            [TermKind.Team] = Shipped<Team>().Select(t => t.Name).Concat((definition.Teams ?? []).Select(t => t?.Name)),
            [TermKind.Actor] = Shipped<Actor>().Select(a => a.Name).Concat((definition.Actors ?? []).Select(a => a?.Name)),
        };
        var seen = new HashSet<(TermKind, string, string)>();
        for (var i = 0; i < definition.DisplayNames.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            var entry = definition.DisplayNames[i];
            if (entry is null)
            {
                problems.Add(at, "The display name entry is empty.");
                continue;
            }

            if (!known.TryGetValue(entry.Kind, out var names))
            {
                problems.Add(at + ".kind", string.Create(CultureInfo.InvariantCulture, $"{entry.Kind} is not a kind of term. Known: {string.Join(", ", Enum.GetNames<TermKind>())}."));
                continue;
            }

            var list = names.Where(n => n is not null).ToList();
            if (string.IsNullOrWhiteSpace(entry.Term) || !list.Contains(entry.Term, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(at + ".term", string.Create(CultureInfo.InvariantCulture, $"'{entry.Term}' is not a term of kind {entry.Kind}. Known: {string.Join(", ", list)}."));
            }

            if (!IsLanguage(entry.Language))
            {
                problems.Add(at + ".language", $"'{entry.Language}' is not a language: give a culture name such as de, de-AT or en.");
            }

            if (string.IsNullOrWhiteSpace(entry.DisplayName) || entry.DisplayName.Length > 200)
            {
                problems.Add(at + ".displayName", $"The display name of '{entry.Term}' in '{entry.Language}' must have 1 to 200 characters, not only spaces.");
            }

            if (entry.Term is not null && entry.Language is not null && !seen.Add((entry.Kind, entry.Term.ToUpperInvariant(), entry.Language.ToUpperInvariant())))
            {
                problems.Add(at, $"'{entry.Term}' ({entry.Kind}) is named twice in '{entry.Language}'; give one name per term and language.");
            }
        }
    }

    // A language is checked by its shape (a BCP 47 tag such as de, de-AT, en-GB), not against the host's culture data, so an
    // agreement loads the same in an application that runs with invariant globalization.
    private static bool IsLanguage(string? name) => name is not null && LanguageTag.IsMatch(name);

    private string? Override(TermKind kind, string name, CultureInfo culture)
    {
        Guard.NotNull(culture);
        if (displayNames.Count == 0)
        {
            return null;
        }

        var term = name.ToUpperInvariant();
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (displayNames.TryGetValue((kind, term, c.Name.ToUpperInvariant()), out var text))
            {
                return text;
            }
        }

        return null;
    }

    private static void Names<T>(ValidationCollector problems, string path, IReadOnlyList<T?>? defined, Func<T?, string?> nameOf, Func<T?, int> numberOf, IEnumerable<(string Name, int Value)> shipped, string kind)
        where T : class
    {
        if (defined is null)
        {
            problems.Add(path, $"The list of {kind} definitions is missing; give an empty list to define none.");
            return;
        }

        var names = shipped.ToList();
        for (var i = 0; i < defined.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            var term = defined[i];
            if (term is null)
            {
                problems.Add(at, $"The {kind} definition is empty.");
                continue;
            }

            var name = nameOf(term);
            var number = numberOf(term);
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add(at + ".name", $"{UnknownTermException.WithArticle(kind, capital: true)} needs a name.");
            }
            else if (!TermName.IsMatch(name))
            {
                problems.Add(at + ".name", $"'{name}' is not {UnknownTermException.WithArticle(kind, capital: false)} name: use a letter, then up to 63 letters or digits (no spaces; the display name is free text).");
            }
            else if (names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } clash)
            {
                problems.Add(at + ".name", string.Equals(clash.Name, name, StringComparison.Ordinal)
                    ? $"The {kind} '{name}' is defined twice; names are unique."
                    : $"The {kind} '{name}' differs from '{clash.Name}' only by case; names are compared ignoring case, so give it another name.");
            }

            if (number < 100)
            {
                problems.Add(at + ".number", string.Create(CultureInfo.InvariantCulture, $"The number of {kind} '{name}' is {number}; an agreement's terms are numbered from 100 (lower numbers belong to the shipped terms)."));
            }
            else if (names.FirstOrDefault(n => n.Value == number) is { Name: not null } taken)
            {
                problems.Add(at + ".number", string.Create(CultureInfo.InvariantCulture, $"The number {number} of {kind} '{name}' is taken by '{taken.Name}'; numbers are stored, so each term needs its own."));
            }

            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add((name, number));
            }
        }
    }

    private static T[] Shipped<T>()
        where T : SmartEnum<T> => [.. SmartEnum<T>.List.OrderBy(t => t.Value)];

    private T Get<T>(string name)
        where T : SmartEnum<T>
    {
        Guard.NotNull(name);
        var kind = terms[typeof(T)];
        return (T?)kind.All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))?.Item
            ?? throw new UnknownTermException(kind.Kind, name, [.. kind.All.Select(t => t.Name)]);
    }

    private sealed record Term(string Name, int Value, object Item);

    private sealed class Terms
    {
        public Terms(string kind, IEnumerable<object> all)
        {
            Kind = kind;
            All = [.. all.Select(t => t switch
            {
                SmartEnum<LifecycleStage> e => new Term(e.Name, e.Value, t),
                SmartEnum<LeadStatus> e => new Term(e.Name, e.Value, t),
                SmartEnum<DisqualificationReason> e => new Term(e.Name, e.Value, t),
                SmartEnum<LostReason> e => new Term(e.Name, e.Value, t),
                SmartEnum<Team> e => new Term(e.Name, e.Value, t),
                SmartEnum<Actor> e => new Term(e.Name, e.Value, t),
                _ => throw new ArgumentException("Not a vocabulary term: " + t, nameof(all)),
            })];
        }

        public string Kind { get; }

        public IReadOnlyList<Term> All { get; }
    }
}
