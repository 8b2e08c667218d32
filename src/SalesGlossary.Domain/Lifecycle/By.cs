using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents who acts on a contact or a deal: the <see cref="Domain.Actor"/> (marketing, sales, the system, an integration or an actor the agreement defines) and, optionally, the person or system by name.</summary>
/// <remarks>
/// <para>
/// Every verb that records a transition takes one <see cref="By"/>, so a name can never be mistaken for a reason:
/// <c>deal.MoveTo("Proposal", By.Sales.Named("sam"), "pricing agreed")</c>. Write <see cref="Sales"/>,
/// <see cref="Marketing"/>, <see cref="System"/> or <see cref="Integration"/> for the shipped actors, and
/// <c>new By(vocabulary.GetActor("Partner"))</c> for an actor the agreement defines.
/// </para>
/// <para>
/// Two values are equal when they have the same actor and the same name (compared ordinally). Histories store the actor and
/// the name as the two fields <c>actor</c> and <c>actorName</c> of each record, as before this type existed.
/// </para>
/// </remarks>
public sealed record By
{
    /// <summary>Initializes a new instance of the <see cref="By"/> class: the actor, with no name.</summary>
    /// <param name="actor">Who acts; any actor, shipped or defined by an agreement.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public By(Actor actor)
    {
        Actor = Guard.NotNull(actor);
    }

    [JsonConstructor]
    private By(Actor actor, string? name)
    {
        Actor = Guard.NotNull(actor);
        Name = name;
    }

    /// <summary>Gets marketing, with no name.</summary>
    public static By Marketing { get; } = new(Domain.Actor.Marketing);

    /// <summary>Gets sales, with no name.</summary>
    public static By Sales { get; } = new(Domain.Actor.Sales);

    /// <summary>Gets the library's own rules (for example a promotion because a score reached a threshold), with no name.</summary>
    public static By System { get; } = new(Domain.Actor.System);

    /// <summary>Gets another system (for example a CRM sync or a form handler), with no name.</summary>
    public static By Integration { get; } = new(Domain.Actor.Integration);

    /// <summary>Gets who acts.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the person or system that acts, for example <c>sam</c> or <c>hubspot-sync</c>, or <see langword="null"/> when not given.</summary>
    /// <value>The default is <see langword="null"/>; set it with <see cref="Named"/>.</value>
    public string? Name { get; private init; }

    /// <summary>Returns the same actor with the person or system that acts.</summary>
    /// <param name="name">The person or system, for example <c>sam</c>; recorded as given.</param>
    /// <returns>A new value with the same actor and this name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public By Named(string name) => this with { Name = Guard.NotBlank(name) };

    /// <summary>Returns the actor and, when given, the name, for a log line: <c>Sales (sam)</c> or <c>System</c>.</summary>
    /// <returns>The actor's stored name and the name in parentheses.</returns>
    public override string ToString() => Name is null ? Actor.Name : Actor.Name + " (" + Name + ")";

    /// <summary>Rebuilds a stored value as it was recorded, without the checks of <see cref="Named"/> (older records may hold any name).</summary>
    internal static By Stored(Actor actor, string? name) => new(actor, name);
}
