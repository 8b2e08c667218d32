namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ByConverter(IServiceProvider services) : IConverter<By, BySurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public By ConvertFromSurrogate(in BySurrogate surrogate)
    {
        var actor = new By(terms.Resolve<Actor>(surrogate.Actor, Actor.TryFromValue, t => t.Name));
        return surrogate.Name is null ? actor : actor.Named(surrogate.Name);
    }

    public BySurrogate ConvertToSurrogate(in By value) => new()
    {
        Actor = new SmartEnumSurrogate { Value = value.Actor.Value, Name = value.Actor.Name },
        Name = value.Name,
    };
}
