using System.Text.Json;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Serialization;

public class SmartEnumJsonConverterFactoryTests
{
    private sealed record Holder(LifecycleStage Stage);

    [Fact]
    public void Write_UsesTheName()
    {
        var json = JsonSerializer.Serialize(LifecycleStage.MarketingQualifiedLead, SalesGlossaryJson.Options);
        Assert.Equal("\"MarketingQualifiedLead\"", json);
    }

    [Theory]
    [InlineData("\"MarketingQualifiedLead\"")]
    [InlineData("\"marketingqualifiedlead\"")]
    [InlineData("\"MARKETINGQUALIFIEDLEAD\"")]
    public void Read_IgnoresCase(string json) =>
        Assert.Same(LifecycleStage.MarketingQualifiedLead, JsonSerializer.Deserialize<LifecycleStage>(json, SalesGlossaryJson.Options));

    [Fact]
    public void Read_UnknownName_NamesTheValueAndListsTheAllowedNames()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"stage\":\"Prospect\"}", SalesGlossaryJson.Options));
        Assert.Equal(
            "'Prospect' is not a LifecycleStage. Allowed names: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
            error.Message);
        Assert.Equal("$.stage", error.Path);
    }

    [Fact]
    public void Read_Number_SaysAStringIsExpected()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ConnectChannel>("3", SalesGlossaryJson.Options));
        Assert.Equal(
            "Expected the name of a ConnectChannel as a JSON string but found a number. Allowed names: Phone, Email, Voicemail, Social, Sms, Meeting.",
            error.Message);
    }

    [Fact]
    public void SmartEnum_WorksAsDictionaryKey()
    {
        var counts = new Dictionary<LifecycleStage, int> { [LifecycleStage.Lead] = 3, [LifecycleStage.Customer] = 1 };
        var json = JsonSerializer.Serialize(counts, SalesGlossaryJson.Options);
        Assert.Equal("{\"Lead\":3,\"Customer\":1}", json);
        var back = JsonSerializer.Deserialize<Dictionary<LifecycleStage, int>>(json, SalesGlossaryJson.Options)!;
        Assert.Equal(counts, back);
    }

    [Fact]
    public void Null_RoundTripsAsNull()
    {
        Assert.Null(JsonSerializer.Deserialize<LeadStatus>("null", SalesGlossaryJson.Options));
    }

    [Fact]
    public void CanConvert_RejectsTypesThatAreNotSmartEnums()
    {
        var factory = new SmartEnumJsonConverterFactory();
        Assert.True(factory.CanConvert(typeof(LeadStatus)));
        Assert.False(factory.CanConvert(typeof(string)));
        Assert.False(factory.CanConvert(typeof(LeadStatusKind)));
    }
}
