using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents where a contact stands in the marketing and sales funnel.</summary>
/// <remarks>
/// <para>
/// The six funnel stages of the agreement (Subscriber, Lead, Marketing Qualified Lead, Sales Qualified Lead,
/// Opportunity, Customer) are ordered by <see cref="SmartEnum{TEnum, TValue}.Value"/>; Evangelist follows
/// Customer, and Other stands outside the funnel for contacts that are not prospects at all.
/// </para>
/// <para>
/// A lifecycle stage is not a lead status and not a deal stage: it says where the contact is in the funnel,
/// the lead status says what sales is doing with it right now, and each of its deals has a stage of its own.
/// Note that <c>LifecycleStage.List</c> is sorted by name; use <see cref="InFunnelOrder"/> where order matters.
/// Values are stored; they never change.
/// </para>
/// </remarks>
public sealed class LifecycleStage : SmartEnum<LifecycleStage>
{
    /// <summary>Subscriber: knows the company and opted in to hear from it (a newsletter or blog sign-up), nothing more.</summary>
    public static readonly LifecycleStage Subscriber = new(nameof(Subscriber), 1, "Subscriber", "Subscriber", FlywheelPhase.Attract, isFunnelStage: true);

    /// <summary>Lead: has shown more interest than a subscriber, for example by filling in a form for gated content.</summary>
    public static readonly LifecycleStage Lead = new(nameof(Lead), 2, "Lead", "Lead", FlywheelPhase.Attract, isFunnelStage: true);

    /// <summary>Marketing Qualified Lead (MQL): marketing judges the lead ready for sales, usually by lead score.</summary>
    public static readonly LifecycleStage MarketingQualifiedLead = new(nameof(MarketingQualifiedLead), 3, "Marketing Qualified Lead", "MQL", FlywheelPhase.Attract, isFunnelStage: true);

    /// <summary>Sales Qualified Lead (SQL): sales accepted the lead as worth a direct sales follow-up.</summary>
    public static readonly LifecycleStage SalesQualifiedLead = new(nameof(SalesQualifiedLead), 4, "Sales Qualified Lead", "SQL", FlywheelPhase.Engage, isFunnelStage: true);

    /// <summary>Opportunity: a real chance to sell, as the agreement defines it (an open deal, or a first successful contact).</summary>
    public static readonly LifecycleStage Opportunity = new(nameof(Opportunity), 5, "Opportunity", "Opportunity", FlywheelPhase.Engage, isFunnelStage: true);

    /// <summary>Customer: has bought, that is, at least one deal was won.</summary>
    public static readonly LifecycleStage Customer = new(nameof(Customer), 6, "Customer", "Customer", FlywheelPhase.Delight, isFunnelStage: true);

    /// <summary>Evangelist: a customer who promotes the company, for example through referrals or reviews.</summary>
    public static readonly LifecycleStage Evangelist = new(nameof(Evangelist), 7, "Evangelist", "Evangelist", FlywheelPhase.Delight, isFunnelStage: true);

    /// <summary>Other: outside the funnel (disqualified contacts, partners, job applicants, vendors); always entered with a reason.</summary>
    public static readonly LifecycleStage Other = new(nameof(Other), 8, "Other", "Other", FlywheelPhase.Attract, isFunnelStage: false);

    private static readonly Lazy<IReadOnlyList<LifecycleStage>> Ordered =
        new(() => [.. List.OrderBy(stage => stage.Value)]);

    private LifecycleStage(string name, int value, string displayName, string abbreviation, FlywheelPhase phase, bool isFunnelStage)
        : base(name, value)
    {
        DisplayName = displayName;
        Abbreviation = abbreviation;
        Phase = phase;
        IsFunnelStage = isFunnelStage;
        Backbone = this;
        Rank = value * 100;
    }

    private LifecycleStage(StageDefinition definition, LifecycleStage after, int position)
        : base(definition.Name, definition.Number)
    {
        DisplayName = definition.DisplayName ?? definition.Name;
        Abbreviation = definition.Abbreviation ?? DisplayName;
        Phase = after.Phase;
        IsFunnelStage = true;
        Backbone = after;
        Rank = after.Rank + position;
        EntryMinimumScore = definition.EntryMinimumScore;
    }

    /// <summary>Gets every stage in funnel order: Subscriber first, Other last.</summary>
    public static IReadOnlyList<LifecycleStage> InFunnelOrder => Ordered.Value;

    /// <summary>Gets the stage's name as people write it, for example <c>Marketing Qualified Lead</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the short name used in reports, for example <c>MQL</c>.</summary>
    public string Abbreviation { get; }

    /// <summary>Gets the flywheel phase the stage belongs to.</summary>
    public FlywheelPhase Phase { get; }

    /// <summary>Gets the team that owns contacts in this stage by its flywheel phase; the agreement's <see cref="LifecycleDefinitions.StageOwners"/> decide handoffs.</summary>
    public Team OwningTeam => Phase.OwningTeam;

    /// <summary>Gets the backbone stage this stage refines: the stage itself for the article's stages, the stage it follows for one an agreement adds.</summary>
    /// <remarks>
    /// The backbone's semantics drive the guards: a stage an agreement adds after MQL (for example Sales Accepted Lead) is,
    /// to every rule of the lifecycle, an MQL that went one step further; every move allowed from MQL is allowed from it.
    /// </remarks>
    public LifecycleStage Backbone { get; }

    /// <summary>Gets a value indicating whether an agreement added the stage (it is not one of the article's).</summary>
    public bool IsAdded => !ReferenceEquals(Backbone, this);

    /// <summary>Gets the score a contact needs to enter a stage an agreement added, or <see langword="null"/> when entering it needs no score.</summary>
    public decimal? EntryMinimumScore { get; }

    /// <summary>Gets the stage's place in the funnel: backbone stages 100 apart, added stages just after the one they follow.</summary>
    internal int Rank { get; }

    /// <summary>Gets a value indicating whether the stage is part of the funnel; only <see cref="Other"/> is not.</summary>
    public bool IsFunnelStage { get; }

    /// <summary>Gets a value indicating whether this stage comes later in the funnel than <paramref name="other"/>.</summary>
    /// <param name="other">The stage to compare with.</param>
    /// <returns><see langword="true"/> when both are funnel stages and this one is further along.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsAfter(LifecycleStage other)
    {
        Guard.NotNull(other);
        return IsFunnelStage && other.IsFunnelStage && Rank > other.Rank;
    }

    /// <summary>Gets the stage's name as people write it in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in, for example <c>de-DE</c>; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The name in that language; for a stage an agreement defines, its <see cref="DisplayName"/> (an agreement names its own terms per language through <c>Vocabulary.GetDisplayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string GetDisplayName(System.Globalization.CultureInfo culture) => Localization.TermName(nameof(LifecycleStage), Name, culture) ?? DisplayName;

    /// <summary>Gets what the stage means, in a language, from the library's resources (English and German).</summary>
    /// <param name="culture">The language to write it in; the thread's culture is never used. A language without resources falls back to English.</param>
    /// <returns>The description, or <see langword="null"/> for a stage an agreement defines (the library has no words for it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public string? GetDescription(System.Globalization.CultureInfo culture) => Localization.TermDescription(nameof(LifecycleStage), Name, culture);

    /// <summary>Determines whether another stage is the same stage: the same number and name.</summary>
    /// <param name="other">The other stage.</param>
    /// <returns><see langword="true"/> when both have the same number and name.</returns>
    public override bool Equals(SmartEnum<LifecycleStage, int>? other) => base.Equals(other) && (other is null || string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>Returns the hash code of the stage's number.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => base.GetHashCode();

    /// <summary>Creates a stage an agreement adds after a backbone stage (or after another added stage of the same backbone).</summary>
    internal static LifecycleStage Add(StageDefinition definition, LifecycleStage after, int position) => new(definition, after.Backbone, position);

}
