namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleTriggerConverter : IConverter<LifecycleTrigger, SmartEnumSurrogate>
{
    public LifecycleTrigger ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => LifecycleTrigger.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in LifecycleTrigger value) => new() { Value = value.Value };
}
