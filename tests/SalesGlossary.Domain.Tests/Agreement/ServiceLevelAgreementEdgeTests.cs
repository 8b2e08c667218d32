using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>The agreement's entry points refuse what is missing by name, and a stored contact without a lead type says so.</summary>
public class ServiceLevelAgreementEdgeTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Load_WithoutADocument_IsAnArgumentError()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => ServiceLevelAgreement.Load(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => ServiceLevelAgreement.Load(null!, new Dictionary<string, string>())).ParamName);
    }

    [Fact]
    public void RehydrateContact_WithoutAState_IsAnArgumentError()
    {
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => ServiceLevelAgreement.Default.RehydrateContact(null!, Time)).ParamName);
    }

    [Fact]
    public void RehydrateContact_StoredWithoutALeadType_IsRefused_ListingTheAgreementsLeadTypes()
    {
        var agreement = ServiceLevelAgreement.Default;
        var state = agreement.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, Time, By.Integration).ToState() with { LeadType = null };

        var error = Assert.Throws<DefinitionValidationException>(() => agreement.RehydrateContact(state, Time));

        Assert.Equal("stored contact 'C-1'", error.Definition);
        Assert.Equal(
            "The stored contact 'C-1' is invalid (1 problem); fix every problem listed and load it again:\n- $.leadType: The contact is stored without a lead type; its lead types: 'new-prospect', 'existing-customer'.",
            error.Message);
    }
}
