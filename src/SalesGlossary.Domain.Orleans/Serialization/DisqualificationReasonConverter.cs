namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class DisqualificationReasonConverter : IConverter<DisqualificationReason, SmartEnumSurrogate>
{
    public DisqualificationReason ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => DisqualificationReason.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in DisqualificationReason value) => new() { Value = value.Value };
}
