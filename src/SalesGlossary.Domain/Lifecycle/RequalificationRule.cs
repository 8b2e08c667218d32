using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents the agreement's rule for when a returned, recycled or reopened contact may qualify again (the nurture loop).</summary>
/// <remarks>
/// <para>
/// A contact that sales returned to marketing usually still has the score that made it an MQL; without a rule the next
/// rescoring promotes it again with no new activity, and the reports count it twice as delivered. The rule holds such a
/// contact back until it earned new points since it entered nurture (<see cref="MinimumNewPoints"/>), a cool-off period
/// passed (<see cref="CoolOff"/>), or both when both are given. CRM admins express the same with re-enrolment rules.
/// </para>
/// <para>
/// New points are the contact's score now minus its score when it entered nurture (the score recorded with the
/// return, recycle or reopen). A score that decays below that level needs to climb back first. The hold stops only
/// moves by score (rescoring); a hand-raise, an accepted deal or an override are explicit acts and are not held back.
/// </para>
/// </remarks>
public sealed record RequalificationRule
{
    /// <summary>Gets the points a contact must gain after entering nurture before its score can qualify it again, or <see langword="null"/> for no such condition.</summary>
    /// <value>The default is 20 points; <see langword="null"/> is written to JSON, since it differs from the default.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? MinimumNewPoints { get; init; } = 20m;

    /// <summary>Gets the time that must pass after entering nurture before the contact can qualify again, or <see langword="null"/> for no cool-off.</summary>
    /// <value>The default is <see langword="null"/>: no cool-off.</value>
    public TimeSpan? CoolOff { get; init; }

    /// <summary>Gets how the reports count the handoffs of a contact that qualified again after a return.</summary>
    /// <value>The default is <see cref="RequalifiedHandoffCounting.EveryHandoff"/>: a re-qualified contact is delivered again.</value>
    public RequalifiedHandoffCounting CountHandoffs { get; init; } = RequalifiedHandoffCounting.EveryHandoff;

    internal static void Validate(ValidationCollector problems, string path, RequalificationRule? rule)
    {
        if (rule is null)
        {
            problems.Add(path, "The requalification rule is missing; say when a returned contact may qualify again (minimumNewPoints, coolOffDays or both).");
            return;
        }

        if (rule.MinimumNewPoints is null && rule.CoolOff is null)
        {
            problems.Add(path, "The requalification rule states no condition; give minimumNewPoints, coolOffDays or both, or a returned contact qualifies again on its old score.");
        }

        if (rule.MinimumNewPoints is { } points && points <= 0)
        {
            problems.Add(path + ".minimumNewPoints", string.Create(CultureInfo.InvariantCulture, $"The new points must be above 0; they are {points}."));
        }

        if (rule.CoolOff is { } coolOff && coolOff <= TimeSpan.Zero)
        {
            problems.Add(path + ".coolOffDays", string.Create(CultureInfo.InvariantCulture, $"The cool-off must be longer than zero; it is {coolOff.TotalDays} days."));
        }

        if (!Enum.IsDefined(rule.CountHandoffs))
        {
            problems.Add(path + ".countHandoffs", string.Create(CultureInfo.InvariantCulture, $"{(int)rule.CountHandoffs} is not a way to count handoffs; use EveryHandoff or FirstHandoffOnly."));
        }
    }
}
