using System.Text.Json;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class DealTransitionExceptionConverter : IConverter<DealTransitionException, DealTransitionExceptionSurrogate>
{
    public DealTransitionException ConvertFromSurrogate(in DealTransitionExceptionSurrogate surrogate) =>
        new(
            surrogate.Message,
            surrogate.DealId,
            SalesGlossaryJson.Read<DealStage>(surrogate.StageJson),
            surrogate.UnmetGuards ?? [],
            surrogate.Allowed ?? []);

    public DealTransitionExceptionSurrogate ConvertToSurrogate(in DealTransitionException value) => new()
    {
        Message = value.Message,
        DealId = value.DealId,
        StageJson = JsonSerializer.Serialize(value.Stage, SalesGlossaryJson.Options),
        UnmetGuards = [.. value.UnmetGuards],
        Allowed = [.. value.Allowed],
    };
}
