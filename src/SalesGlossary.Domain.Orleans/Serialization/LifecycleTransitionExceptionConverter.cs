namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LifecycleTransitionExceptionConverter : IConverter<LifecycleTransitionException, LifecycleTransitionExceptionSurrogate>
{
    public LifecycleTransitionException ConvertFromSurrogate(in LifecycleTransitionExceptionSurrogate surrogate) =>
        new(
            surrogate.Message,
            surrogate.ContactId,
            LifecycleStage.FromValue(surrogate.Stage),
            LifecycleTrigger.FromValue(surrogate.Trigger),
            surrogate.UnmetGuards ?? [],
            [.. (surrogate.PermittedTriggers ?? []).Select(LifecycleTrigger.FromValue)]);

    public LifecycleTransitionExceptionSurrogate ConvertToSurrogate(in LifecycleTransitionException value) => new()
    {
        Message = value.Message,
        ContactId = value.ContactId,
        Stage = value.Stage.Value,
        Trigger = value.Trigger.Value,
        UnmetGuards = [.. value.UnmetGuards],
        PermittedTriggers = [.. value.PermittedTriggers.Select(t => t.Value)],
    };
}
