namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class DisqualificationReasonConverter(IServiceProvider services) : IConverter<DisqualificationReason, SmartEnumSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public DisqualificationReason ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => terms.Resolve<DisqualificationReason>(surrogate, DisqualificationReason.TryFromValue, t => t.Name);

    public SmartEnumSurrogate ConvertToSurrogate(in DisqualificationReason value) => new() { Value = value.Value, Name = value.Name };
}
