using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents a phase of the inbound flywheel: Attract, Engage or Delight.</summary>
/// <remarks>
/// Each phase is owned by one team: Attract by marketing, Engage by sales, Delight by service. A lifecycle
/// stage belongs to one phase, which is how the library knows who owns a contact at any time.
/// </remarks>
public sealed class FlywheelPhase : SmartEnum<FlywheelPhase>
{
    /// <summary>Attract: draw the right people in with useful content; owned by marketing.</summary>
    public static readonly FlywheelPhase Attract = new(nameof(Attract), 1, Team.Marketing);

    /// <summary>Engage: offer insights and solutions that fit their problems; owned by sales.</summary>
    public static readonly FlywheelPhase Engage = new(nameof(Engage), 2, Team.Sales);

    /// <summary>Delight: help customers succeed so they become promoters; owned by service.</summary>
    public static readonly FlywheelPhase Delight = new(nameof(Delight), 3, Team.Service);

    private FlywheelPhase(string name, int value, Team owningTeam)
        : base(name, value)
    {
        OwningTeam = owningTeam;
    }

    /// <summary>Gets the team that owns the contacts in this phase.</summary>
    public Team OwningTeam { get; }
}
