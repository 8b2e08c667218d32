namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleStageConverter : IConverter<LifecycleStage, SmartEnumSurrogate>
{
    public LifecycleStage ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => LifecycleStage.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in LifecycleStage value) => new() { Value = value.Value };
}
