using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;
using SalesGlossary.Domain.Tests.Agreement;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>One value says who acted: the actor and, if given, the person; a name can no longer be taken for a reason.</summary>
public class ByTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData("\u00A0")]
    public void Named_BlankName_IsRefusedNamingTheArgument(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => By.Sales.Named(name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("must not be empty or white space", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_NullName_OrNullActor_IsRefused()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => By.Sales.Named(null!)).ParamName);
        Assert.Equal("actor", Assert.Throws<ArgumentNullException>(() => new By(null!)).ParamName);
    }

    [Fact]
    public void By_SameActorAndName_AreEqual_AndNamesCompareOrdinally()
    {
        Assert.Equal(By.Sales.Named("sam"), new By(Actor.Sales).Named("sam"));
        Assert.Equal(By.Sales.Named("sam").GetHashCode(), new By(Actor.Sales).Named("sam").GetHashCode());
        Assert.Equal(By.Sales, new By(Actor.Sales));
        Assert.NotEqual(By.Sales, By.Sales.Named("sam"));
        Assert.NotEqual(By.Sales.Named("sam"), By.Sales.Named("Sam"));
        Assert.NotEqual(By.Sales.Named("sam"), By.Marketing.Named("sam"));
    }

    [Fact]
    public void Named_LeavesTheOriginalUnchanged()
    {
        var sam = By.Sales.Named("sam");

        Assert.Null(By.Sales.Name);
        Assert.Equal(("sam", Actor.Sales), (sam.Name, sam.Actor));
        Assert.Equal("kim", sam.Named("kim").Name);
    }

    [Fact]
    public void ToString_WritesTheActorAndTheName_InAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("Sales (sam)", By.Sales.Named("sam").ToString());
            Assert.Equal("System", By.System.ToString());
            Assert.Equal("Integration (hubspot-sync)", By.Integration.Named("hubspot-sync").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void MoveTo_NameAndReason_AreRecordedApart()
    {
        var time = new FakeTimeProvider(Start);
        var deal = NewDeal(time);

        deal.MoveTo("Create proposal", By.Sales.Named("sam"), "pricing agreed");

        var record = deal.History[^1];
        Assert.Equal((Actor.Sales, "sam", "pricing agreed"), (record.By.Actor, record.By.Name, record.Reason));
    }

    [Fact]
    public void AgreementActor_IsRecordedWithItsName_AndReadBackThroughTheVocabulary()
    {
        var agreement = VocabularyTests.OwnWords();
        var partner = agreement.Vocabulary.GetActor("Partner");
        var time = new FakeTimeProvider(Start);

        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-9", LifecycleStage.Lead, time, new By(partner).Named("Reseller A"));
        var json = JsonSerializer.Serialize(contact.ToState(), agreement.Vocabulary.JsonOptions);
        var back = SalesGlossaryJson.Read<ContactState>(json, agreement.Vocabulary.JsonOptions);

        Assert.Equal(new By(partner).Named("Reseller A"), back.History[0].By);
        Assert.Equal("Partner (Reseller A)", back.History[0].By.ToString());
        Assert.Contains("\"actor\":\"Partner\",\"actorName\":\"Reseller A\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void LifecycleTransition_StoredBeforeBy_IsReadBack_AndWrittenInTheSameShape()
    {
        // A record as histories stored it before By existed: the actor and the name are two fields.
        const string Stored = """{"sequence":2,"from":"Lead","to":"MarketingQualifiedLead","trigger":"ReachMqlThreshold","at":"2026-04-01T09:00:00+00:00","actor":"Sales","actorName":"sam","reason":"r","score":120}""";

        var record = SalesGlossaryJson.Read<LifecycleTransition>(Stored);

        Assert.Equal(By.Sales.Named("sam"), record.By);
        Assert.Equal((2, LifecycleStage.Lead, LifecycleStage.MarketingQualifiedLead, "r", 120m), (record.Sequence, record.From, record.To, record.Reason, record.Score));
        var written = JsonSerializer.Serialize(record, SalesGlossaryJson.Options);
        Assert.Contains("\"actor\":\"Sales\",\"actorName\":\"sam\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"by\"", written, StringComparison.Ordinal);
        Assert.Equal(record, SalesGlossaryJson.Read<LifecycleTransition>(written));
    }

    [Fact]
    public void DealTransition_StoredBeforeBy_IsReadBack_WithoutAName()
    {
        const string Stored = """{"sequence":1,"from":"Discovery / meeting booked","to":"Discovery / meeting booked","trigger":"Create","at":"2026-04-01T09:00:00+00:00","actor":"Sales","amount":500,"contacts":["C-1"]}""";

        var record = SalesGlossaryJson.Read<DealTransition>(Stored);

        Assert.Equal(By.Sales, record.By);
        Assert.Equal((500m, "C-1"), (record.Amount, record.Contacts![0]));
        var written = JsonSerializer.Serialize(record, SalesGlossaryJson.Options);
        Assert.Equal(written, JsonSerializer.Serialize(SalesGlossaryJson.Read<DealTransition>(written), SalesGlossaryJson.Options));
        Assert.DoesNotContain("actorName", written, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredHistory_WithoutAnActor_IsRefusedWithItsPath()
    {
        var time = new FakeTimeProvider(Start);
        var state = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration).ToState();
        var json = JsonNode.Parse(JsonSerializer.Serialize(state, SalesGlossaryJson.Options))!;
        Assert.True(json["history"]![0]!.AsObject().Remove("actor"));
        var back = SalesGlossaryJson.Read<ContactState>(json.ToJsonString());

        var error = Assert.Throws<DefinitionValidationException>(() => Contact.Rehydrate(back, LifecyclePolicy.Default, time));

        Assert.Contains("$.history[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("actor", error.Message, StringComparison.Ordinal);
    }

    private static Deal NewDeal(FakeTimeProvider time)
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales.Named("sam"));
        return Deal.Open("D-1", Pipeline.Default, contact, 500m, null, time, By.Sales.Named("sam"));
    }
}
