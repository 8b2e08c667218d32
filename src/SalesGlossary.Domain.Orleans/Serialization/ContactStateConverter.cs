namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ContactStateConverter(IServiceProvider services) : IConverter<ContactState, JsonSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public ContactState ConvertFromSurrogate(in JsonSurrogate surrogate) => terms.From<ContactState>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in ContactState value) => AgreementTerms.Write(value);
}
