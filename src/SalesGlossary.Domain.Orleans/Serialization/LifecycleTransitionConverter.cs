namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleTransitionConverter : IConverter<LifecycleTransition, JsonSurrogate>
{
    public LifecycleTransition ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<LifecycleTransition>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in LifecycleTransition value) => LibraryJson.To(value);
}
