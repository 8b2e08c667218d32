using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a change of a deal's stage: opened in its start stage, moved, put on hold, resumed or reopened.</summary>
public sealed record DealStageChanged : DealEvent
{
    [JsonConstructor]
    internal DealStageChanged()
    {
    }
}
