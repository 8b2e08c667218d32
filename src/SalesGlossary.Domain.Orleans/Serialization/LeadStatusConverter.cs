namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LeadStatusConverter(IServiceProvider services) : IConverter<LeadStatus, SmartEnumSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public LeadStatus ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => terms.Resolve<LeadStatus>(surrogate, LeadStatus.TryFromValue, t => t.Name);

    public SmartEnumSurrogate ConvertToSurrogate(in LeadStatus value) => new() { Value = value.Value, Name = value.Name };
}
