using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents a lead type resolved by its agreement: the policy bundle with its thresholds, scoring model, pipeline, connect policy and lifecycle policy as objects.</summary>
/// <remarks>
/// <para>
/// The agreement resolves every lead type once, when it loads, so nothing downstream looks a name up again: a contact
/// is created from its lead type and carries its lifecycle policy; a deal is opened in its lead type's pipeline. Get
/// one with <see cref="ServiceLevelAgreement.GetLeadType"/>, which refuses an unknown key and lists the known ones.
/// </para>
/// <para>Immutable and safe to share between threads.</para>
/// </remarks>
public sealed class LeadTypePolicy
{
    internal LeadTypePolicy(LeadType definition, QualificationThresholds thresholds, LeadScoringModel<LeadFacts, LeadActivity> scoringModel, Pipeline pipeline, ConnectPolicy connectPolicy, LifecyclePolicy lifecycle)
    {
        Definition = definition;
        Thresholds = thresholds;
        ScoringModel = scoringModel;
        Pipeline = pipeline;
        ConnectPolicy = connectPolicy;
        Lifecycle = lifecycle;
    }

    /// <summary>Gets the lead type's stable key, stored with each contact.</summary>
    public string Key => Definition.Key;

    /// <summary>Gets the lead type as the agreement document defines it: key, name, description and the names of what it selects.</summary>
    public LeadType Definition { get; }

    /// <summary>Gets the MQL and SQL thresholds of the lead type.</summary>
    public QualificationThresholds Thresholds { get; }

    /// <summary>Gets the compiled scoring model that scores leads of this type.</summary>
    public LeadScoringModel<LeadFacts, LeadActivity> ScoringModel { get; }

    /// <summary>Gets the pipeline that deals of this type follow.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>Gets the connect policy that governs attempts on leads of this type.</summary>
    public ConnectPolicy ConnectPolicy { get; }

    /// <summary>Gets the lifecycle policy of the lead type: the agreement's lifecycle choices with this type's thresholds and connect policy.</summary>
    public LifecyclePolicy Lifecycle { get; }

    /// <summary>Creates a contact of this lead type.</summary>
    /// <param name="id">The contact's id.</param>
    /// <param name="initialStage">The stage it starts in: Subscriber or Lead.</param>
    /// <param name="timeProvider">Where the times of its records come from.</param>
    /// <param name="by">Who created it (the actor, and the person or system by name if given).</param>
    /// <returns>The new contact, governed by <see cref="Lifecycle"/>.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="initialStage"/> is neither Subscriber nor Lead.</exception>
    public Contact CreateContact(string id, LifecycleStage initialStage, TimeProvider timeProvider, By by) =>
        Contact.Create(id, initialStage, Lifecycle, timeProvider, by);

    /// <summary>Imports a contact of this lead type from another system at the stage it already has there; the import is recorded as such, not as an override.</summary>
    /// <param name="id">The contact's id.</param>
    /// <param name="import">The stage and status it arrives with, who imports it, why and from where.</param>
    /// <param name="timeProvider">Where the times of its records come from.</param>
    /// <returns>The new contact, governed by <see cref="Lifecycle"/>.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or the import lacks a stage, actor, reason or source.</exception>
    public Contact ImportContact(string id, ContactImport import, TimeProvider timeProvider) =>
        Contact.Import(id, import, Lifecycle, timeProvider);

    /// <summary>Applies a lead score made by this lead type's scoring model to a contact of this type: a matched hand-raise rule routes the contact first (where the agreement defines a route), then the total promotes it where a threshold is reached.</summary>
    /// <param name="contact">A contact of this lead type.</param>
    /// <param name="score">A score from <see cref="ScoringModel"/>.</param>
    /// <param name="by">Who scored (the actor, and the person or system by name if given); usually <see cref="By.System"/>.</param>
    /// <returns>The events caused: the score change with the rule-level delta (when the score changed), then any stage and status changes.</returns>
    /// <remarks>The contact keeps the model's fit, engagement and total, and the points of each rule, so the next change says which rules moved it. An incomplete score (rule errors for this lead) is applied like any other: the errors are the caller's to report.</remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The contact is of another lead type, or the score was made by another model.</exception>
    /// <exception cref="LifecycleTransitionException">The hand-raise route was refused; nothing changed.</exception>
    public IReadOnlyList<DomainEvent> ApplyScore(Contact contact, LeadScore score, By by)
    {
        EnsureOwns(contact);
        Guard.NotNull(score);
        Guard.NotNull(by);
        if (!string.Equals(score.Model, ScoringModel.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The score was made by scoring model '{score.Model}', but lead type '{Key}' is scored by '{ScoringModel.Name}'."),
                nameof(score));
        }

        var contactScore = new ContactScore
        {
            Model = score.Model,
            ModelVersion = score.ModelVersion,
            AsOf = score.AsOf,
            Total = score.Total,
            Groups = [.. score.Groups.Select(g => new ScorePart(g.Group, g.Score))],
            Rules = [.. score.Contributions.GroupBy(c => c.Rule, StringComparer.Ordinal).Select(g => new ScorePart(g.Key, g.Sum(c => c.Points))).OrderBy(p => p.Name, StringComparer.Ordinal)],
        };
        return contact.ApplyScore(contactScore, by, score.HandRaises.Count > 0 ? string.Join(", ", score.HandRaises) : null);
    }

    /// <summary>Opens a deal for a contact of this lead type in the lead type's pipeline; the deal records the contact and drives it from then on.</summary>
    /// <param name="id">The deal's id.</param>
    /// <param name="contact">A contact of this lead type; it becomes an Opportunity where the agreement defines it so.</param>
    /// <param name="amount">The deal's amount (not negative).</param>
    /// <param name="expectedClose">The expected close date, if known.</param>
    /// <param name="timeProvider">Where the times of its records come from.</param>
    /// <param name="by">Who opened it (the actor, and the person or system by name if given).</param>
    /// <param name="startStage">The start stage's name, or <see langword="null"/> for the pipeline's first start stage.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The contact is of another lead type, the id is empty, the amount is negative, or the start stage is not one the pipeline allows.</exception>
    /// <exception cref="LifecycleTransitionException">The contact cannot take a deal (it is in Other); nothing was created.</exception>
    public Deal OpenDeal(string id, Contact contact, decimal amount, DateOnly? expectedClose, TimeProvider timeProvider, By by, string? startStage = null)
    {
        EnsureOwns(contact);
        return Deal.Open(id, Pipeline, contact, amount, expectedClose, timeProvider, by, startStage);
    }

    /// <summary>Returns the lead type's key.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Key;

    private void EnsureOwns(Contact contact)
    {
        Guard.NotNull(contact);
        if (!ReferenceEquals(contact.Policy, Lifecycle))
        {
            throw new ArgumentException(
                $"Contact '{contact.Id}' is of lead type {(contact.LeadType is null ? "none" : "'" + contact.LeadType + "'")}{(string.Equals(contact.LeadType, Key, StringComparison.Ordinal) ? " of another agreement" : string.Empty)}, not '{Key}'; use the contact's own lead type.",
                nameof(contact));
        }
    }
}
