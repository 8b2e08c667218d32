namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ActorConverter(IServiceProvider services) : IConverter<Actor, SmartEnumSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public Actor ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => terms.Resolve<Actor>(surrogate, Actor.TryFromValue, t => t.Name);

    public SmartEnumSurrogate ConvertToSurrogate(in Actor value) => new() { Value = value.Value, Name = value.Name };
}
