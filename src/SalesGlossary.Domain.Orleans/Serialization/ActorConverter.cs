namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ActorConverter : IConverter<Actor, SmartEnumSurrogate>
{
    public Actor ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => Actor.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in Actor value) => new() { Value = value.Value };
}
