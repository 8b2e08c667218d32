using System.Globalization;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Represents a contact as an application's <c>DbContext</c> stores it (mapped by <see cref="SalesGlossaryModelConfiguration.MapSalesGlossaryContacts"/>).</summary>
/// <remarks>
/// <para>
/// <see cref="State"/> is the whole <see cref="ContactState"/> (history, connect attempts and whatever the library adds to a
/// contact's state) in one JSON column; it alone rebuilds the contact. <see cref="LeadType"/>, <see cref="Stage"/>,
/// <see cref="LeadStatus"/> and <see cref="Score"/> are columns copied from the contact on every <see cref="Update"/>, so
/// that queries can filter and group on them; they are never read back into the contact.
/// </para>
/// <para>
/// <see cref="Version"/> is the contact's <see cref="Contact.Version"/> and the row's concurrency token: when two
/// contexts load the same version and both save a change, the second save throws EF Core's
/// <c>DbUpdateConcurrencyException</c> and changes nothing.
/// </para>
/// </remarks>
public sealed class StoredContact
{
    private StoredContact(string id, ContactState state)
    {
        Id = id;
        State = state;
        Stage = LifecycleStage.Subscriber;
    }

    /// <summary>Gets the contact's id, the row's key.</summary>
    public string Id { get; private set; }

    /// <summary>Gets the key of the contact's lead type, or <see langword="null"/>.</summary>
    public string? LeadType { get; private set; }

    /// <summary>Gets the contact's lifecycle stage when it was last stored.</summary>
    public LifecycleStage Stage { get; private set; }

    /// <summary>Gets the contact's lead status when it was last stored, or <see langword="null"/>.</summary>
    public LeadStatus? LeadStatus { get; private set; }

    /// <summary>Gets the contact's lead score when it was last stored, or <see langword="null"/>.</summary>
    public decimal? Score { get; private set; }

    /// <summary>Gets the contact's <see cref="Contact.Version"/> when it was last stored: the row's concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Gets the contact's stored state, which <see cref="Rehydrate"/> turns back into the contact.</summary>
    public ContactState State { get; private set; }

    /// <summary>Creates the row of a new contact; add it to the context to insert it.</summary>
    /// <param name="contact">The contact.</param>
    /// <returns>The row, holding the contact's current state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is <see langword="null"/>.</exception>
    public static StoredContact From(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var row = new StoredContact(contact.Id, contact.ToState());
        row.Update(contact);
        return row;
    }

    /// <summary>Copies the contact's current state into the row; the context saves it on its next <c>SaveChanges</c>.</summary>
    /// <param name="contact">The contact this row stores, after its changes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The contact is not the one this row stores (its id differs).</exception>
    public void Update(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!string.Equals(contact.Id, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The row stores contact '{Id}'; contact '{contact.Id}' cannot be written into it."),
                nameof(contact));
        }

        State = contact.ToState();
        LeadType = contact.LeadType;
        Stage = contact.Stage;
        LeadStatus = contact.LeadStatus;
        Score = contact.Score;
        Version = contact.Version;
    }

    /// <summary>Rebuilds the stored contact, governed by its stored lead type in the agreement.</summary>
    /// <param name="agreement">The agreement that defines the contact's lead type.</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The contact, as it was stored; it continues exactly as the original would.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The stored lead type is unknown to the agreement, or the stored history is not a valid chain; every problem is listed with its path.</exception>
    public Contact Rehydrate(ServiceLevelAgreement agreement, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.RehydrateContact(State, timeProvider);
    }
}
