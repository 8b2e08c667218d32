using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>One rule of the compiled plan as a columnar scorer sees it: where it counts and what it reads.</summary>
/// <param name="Index">The rule's index in the model's rules.</param>
/// <param name="Name">The rule's name.</param>
/// <param name="IsActivity">Whether the rule is evaluated per activity.</param>
/// <param name="Group">The index of the rule's group.</param>
/// <param name="Points">The rule's points, in hundredths.</param>
/// <param name="WindowTicks">The last age, in ticks, an activity may have to count; <see cref="long.MaxValue"/> without a window.</param>
/// <param name="MaxPerDay">The daily maximum of matches; <see cref="int.MaxValue"/> without one.</param>
/// <param name="Decay">The decay of an activity's points by its age in ticks, or <see langword="null"/> without decay.</param>
/// <param name="Body">The rule's whole expression over the model's <c>lead</c> and <c>activity</c> parameters (nested rules combined).</param>
internal sealed record PlannedRule(
    int Index,
    string Name,
    bool IsActivity,
    int Group,
    long Points,
    long WindowTicks,
    int MaxPerDay,
    DecayPlan? Decay,
    Expression Body);
