namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LeadStatusConverter : IConverter<LeadStatus, SmartEnumSurrogate>
{
    public LeadStatus ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => LeadStatus.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in LeadStatus value) => new() { Value = value.Value };
}
