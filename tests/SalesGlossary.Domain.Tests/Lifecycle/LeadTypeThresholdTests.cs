using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>A lead type of an agreement without thresholds is refused at its path, with the one problem it has.</summary>
public class LeadTypeThresholdTests
{
    [Fact]
    public void LeadType_WithoutThresholds_IsRefusedAtItsPath()
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["leadTypes"]![1]!.AsObject().Remove("thresholds");

        var error = Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(node.ToJsonString()));

        Assert.Equal(["$.leadTypes[1].thresholds: The thresholds are missing; give at least { \"mql\": … }."], error.Problems.Select(p => p.ToString()));
    }
}
