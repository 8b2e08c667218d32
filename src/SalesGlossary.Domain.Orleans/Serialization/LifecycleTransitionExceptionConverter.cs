namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleTransitionExceptionConverter(IServiceProvider services) : IConverter<LifecycleTransitionException, LifecycleTransitionExceptionSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public LifecycleTransitionException ConvertFromSurrogate(in LifecycleTransitionExceptionSurrogate surrogate) =>
        new(
            surrogate.Message,
            surrogate.ContactId,
            terms.Resolve<LifecycleStage>(new SmartEnumSurrogate { Value = surrogate.Stage, Name = surrogate.StageName }, LifecycleStage.TryFromValue, t => t.Name),
            LifecycleTrigger.FromValue(surrogate.Trigger),
            surrogate.UnmetGuards ?? [],
            [.. (surrogate.PermittedTriggers ?? []).Select(LifecycleTrigger.FromValue)]);

    public LifecycleTransitionExceptionSurrogate ConvertToSurrogate(in LifecycleTransitionException value) => new()
    {
        Message = value.Message,
        ContactId = value.ContactId,
        Stage = value.Stage.Value,
        StageName = value.Stage.Name,
        Trigger = value.Trigger.Value,
        UnmetGuards = [.. value.UnmetGuards],
        PermittedTriggers = [.. value.PermittedTriggers.Select(t => t.Value)],
    };
}
