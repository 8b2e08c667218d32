using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>A contact imported at the stage it already has elsewhere is recorded as an import, not as an override.</summary>
public class ContactImportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static ContactImport Customer => new()
    {
        Stage = LifecycleStage.Customer,
        Source = "Salesforce export 2026-03",
        Reason = "CRM migration",
        By = By.Integration.Named("migration job"),
    };

    [Fact]
    public void ImportedCustomer_StartsAsCustomer_WithOneImportRecord_NotAnOverride()
    {
        var time = new FakeTimeProvider(Monday);
        var contact = ServiceLevelAgreement.Default.GetLeadType("existing-customer").ImportContact("C-9", Customer, time);

        Assert.Same(LifecycleStage.Customer, contact.Stage);
        var record = Assert.Single(contact.History);
        Assert.Equal((LifecycleTrigger.Import, "Salesforce export 2026-03", "CRM migration", "migration job"), (record.Trigger, record.Source, record.Reason, record.By.Name));
        Assert.False(record.IsOverride);
        Assert.Empty(contact.Handoffs);
        Assert.Null(contact.HandedOverAt);

        // It goes on like any customer.
        contact.BecomeAdvocate(By.Marketing);
        Assert.Same(LifecycleStage.Evangelist, contact.Stage);
    }

    [Fact]
    public void ImportedContact_SurvivesStorage_ThroughTheStateAndJson()
    {
        var time = new FakeTimeProvider(Monday);
        var type = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = type.ImportContact("C-10", Customer with { Stage = LifecycleStage.SalesQualifiedLead, LeadStatus = LeadStatus.InProgress, Score = 130m }, time);

        var json = System.Text.Json.JsonSerializer.Serialize(contact.ToState(), SalesGlossaryJson.Options);
        var state = System.Text.Json.JsonSerializer.Deserialize<ContactState>(json, SalesGlossaryJson.Options)!;
        var reloaded = ServiceLevelAgreement.Default.RehydrateContact(state, time);

        Assert.Equal(contact.History, reloaded.History);
        Assert.Equal((LifecycleStage.SalesQualifiedLead, LeadStatus.InProgress, 130m), (reloaded.Stage, reloaded.LeadStatus, reloaded.Score));
        Assert.Equal("Salesforce export 2026-03", reloaded.History[0].Source);
    }

    [Fact]
    public void Import_WithoutASource_IsRefused_AndAStoredImportWithoutOneIsReportedWithItsPath()
    {
        var time = new FakeTimeProvider(Monday);
        var type = ServiceLevelAgreement.Default.GetLeadType("new-prospect");

        var error = Assert.Throws<ArgumentException>(() => type.ImportContact("C-11", Customer with { Source = " " }, time));
        Assert.Contains("import.Source", error.Message, StringComparison.Ordinal);

        var state = type.ImportContact("C-11", Customer, time).ToState();
        var broken = state with { History = [state.History[0] with { Source = null }] };
        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Default.RehydrateContact(broken, time)).Problems);
        Assert.Equal("$.history[0].source", problem.Path);
    }

    [Fact]
    public void Create_StillStartsOnlyAsSubscriberOrLead_AndPointsToImport()
    {
        var time = new FakeTimeProvider(Monday);

        var error = Assert.Throws<ArgumentException>(() => ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-12", LifecycleStage.Customer, time, By.Integration));

        Assert.Contains("Contact.Import", error.Message, StringComparison.Ordinal);
    }
}
