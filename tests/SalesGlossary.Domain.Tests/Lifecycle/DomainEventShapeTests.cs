using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Events are built only by the aggregates, cannot be changed afterwards, read back strictly from JSON and print a log line.</summary>
public class DomainEventShapeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Type[] EventTypes = [.. typeof(DomainEvent).Assembly.GetExportedTypes().Where(t => typeof(DomainEvent).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static Contact HandedOverContact(FakeTimeProvider time)
    {
        var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-42", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120, By.System);
        return contact;
    }

    [Fact]
    public void Events_HaveNoPublicConstructor_AndNoPublicSetterOrInit()
    {
        Assert.True(EventTypes.Length >= 14, "Expected the three abstract kinds and eleven events, found " + EventTypes.Length);
        var forgeable = EventTypes
            .SelectMany(t => t.GetConstructors().Select(c => t.Name + "(" + string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)) + ")")
                .Concat(t.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => t.Name + "." + p.Name + " { set; }")))
            .ToArray();

        Assert.True(forgeable.Length == 0, string.Join(", ", forgeable));
    }

    [Fact]
    public void Events_ReadBackFromJson_EqualToTheOnesRaised()
    {
        var time = new FakeTimeProvider(Start);
        var contact = HandedOverContact(time);
        var events = contact.TakeEvents();
        Assert.Contains(events, e => e is HandedOver);

        foreach (var raised in events)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(raised, SalesGlossaryJson.Options);
            Assert.Equal(raised, SalesGlossaryJson.Read<DomainEvent>(json));
        }
    }

    [Theory]
    [InlineData("at")]
    [InlineData("contactId")]
    [InlineData("transition")]
    public void StoredEvent_WithoutARequiredMember_FailsTheReadNamingIt(string member)
    {
        var time = new FakeTimeProvider(Start);
        var stage = HandedOverContact(time).TakeEvents().OfType<StageChanged>().First();
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize<DomainEvent>(stage, SalesGlossaryJson.Options))!.AsObject();
        Assert.True(node.Remove(member), member + " is not written");

        var error = Assert.Throws<DefinitionValidationException>(() => SalesGlossaryJson.Read<DomainEvent>(node.ToJsonString()));

        Assert.Contains("'" + member + "'", error.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredEvent_WithAnOptionalMemberLeftOut_ReadsBackWithoutIt()
    {
        var time = new FakeTimeProvider(Start);
        var created = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration).TakeEvents().OfType<ContactCreated>().Single();
        Assert.Null(created.Score);

        var read = SalesGlossaryJson.Read<DomainEvent>(System.Text.Json.JsonSerializer.Serialize<DomainEvent>(created, SalesGlossaryJson.Options));

        Assert.Equal(created, read);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Events_PrintALogLine_InvariantCulture(string culture)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var time = new FakeTimeProvider(Start);
            var events = HandedOverContact(time).TakeEvents();

            var stage = events.OfType<StageChanged>().Last().ToString();
            Assert.Equal("StageChanged of contact 'C-42' at 2026-03-02T08:00:00.0000000+00:00: Lead → MarketingQualifiedLead, status none → New on ReachMqlThreshold by System", stage);
            Assert.All(events, e => Assert.DoesNotContain("{", e.ToString(), StringComparison.Ordinal));
            Assert.All(events, e => Assert.StartsWith(e.GetType().Name + " of contact 'C-42' at 2026-03-02T08:00:00.0000000+00:00: ", e.ToString(), StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void DealEvents_PrintStagesWhoAndAmount()
    {
        var time = new FakeTimeProvider(Start);
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = HandedOverContact(time);
        contact.AcceptBySales(By.Sales.Named("sam"));
        var deal = prospect.OpenDeal("D-7", contact, 12_500.5m, null, time, By.Sales.Named("sam"));
        deal.Win(By.Sales.Named("sam"));

        var won = deal.TakeEvents().OfType<DealWon>().Single().ToString();

        Assert.StartsWith("DealWon of deal 'D-7' at 2026-03-02T08:00:00.0000000+00:00: ", won, StringComparison.Ordinal);
        Assert.EndsWith(" on Win by Sales (sam), amount 12500.5", won, StringComparison.Ordinal);
    }
}
