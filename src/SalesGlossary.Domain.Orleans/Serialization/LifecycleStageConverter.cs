namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleStageConverter(IServiceProvider services) : IConverter<LifecycleStage, SmartEnumSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public LifecycleStage ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => terms.Resolve<LifecycleStage>(surrogate, LifecycleStage.TryFromValue, t => t.Name);

    public SmartEnumSurrogate ConvertToSurrogate(in LifecycleStage value) => new() { Value = value.Value, Name = value.Name };
}
