
namespace SalesGlossary.Domain.Tests.Lifecycle;

public class LeadStatusMachineTests
{
    [Fact]
    public void Diagram_DrawsTheStatusMoves_WithTheirGuardsInWords()
    {
        var mermaid = LifecyclePolicy.Default.ToLeadStatusMermaidGraph();

        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("New --> InProgress : StartWorking [the contact is an MQL or SQL (or in a stage added after one)]", mermaid, StringComparison.Ordinal);
        Assert.Contains("InProgress --> AttemptedToContact : ConnectFailed", mermaid, StringComparison.Ordinal);
        Assert.Contains("AttemptedToContact --> Connected : ConnectSucceeded", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("BadTiming --> AttemptedToContact", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("BadTiming --> BadTiming : MarkBadTiming", mermaid, StringComparison.Ordinal);
        Assert.Contains("the contact is an MQL or SQL", LifecyclePolicy.Default.ToLeadStatusDotGraph(), StringComparison.Ordinal);
    }
}
