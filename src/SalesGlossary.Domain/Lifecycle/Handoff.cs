namespace SalesGlossary.Domain;

/// <summary>A handoff between teams: a stage change into a stage that another team owns, as the agreement assigns ownership.</summary>
/// <param name="At">When.</param>
/// <param name="From">The team that handed the contact over.</param>
/// <param name="To">The team that received it.</param>
/// <param name="Stage">The stage the contact entered.</param>
/// <remarks>One definition serves everything: <see cref="Contact.Handoffs"/>, <see cref="Contact.HandedOverAt"/> (the start of the connect policy's clock) and the reports.</remarks>
public sealed record Handoff(DateTimeOffset At, Team From, Team To, LifecycleStage Stage);
