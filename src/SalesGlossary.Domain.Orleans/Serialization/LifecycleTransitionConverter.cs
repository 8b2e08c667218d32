namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleTransitionConverter(IServiceProvider services) : IConverter<LifecycleTransition, JsonSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public LifecycleTransition ConvertFromSurrogate(in JsonSurrogate surrogate) => terms.From<LifecycleTransition>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in LifecycleTransition value) => AgreementTerms.Write(value);
}
