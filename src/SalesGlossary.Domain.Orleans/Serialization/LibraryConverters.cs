using System.Text.Json;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Deals;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Scoring;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Serialization;

// The core package knows nothing of Orleans: its types cross grain boundaries through these surrogates. Smart enums
// travel by their stored value, records as the library's own JSON (SalesGlossaryJson), refusals with every property
// they carry, so the caller catches the library's exception with the values it would have seen in process.

/// <summary>Carries a smart enum across a grain boundary by its stored value.</summary>
[GenerateSerializer]
internal struct SmartEnumSurrogate
{
    [Id(0)]
    public int Value;
}

/// <summary>Carries a library record across a grain boundary as the library's own JSON.</summary>
[GenerateSerializer]
internal struct JsonSurrogate
{
    [Id(0)]
    public string Json;
}

internal static class LibraryJson
{
    public static JsonSurrogate To<T>(T value) => new() { Json = JsonSerializer.Serialize(value, SalesGlossaryJson.Options) };

    public static T From<T>(in JsonSurrogate surrogate)
        where T : class =>
        SalesGlossaryJson.Read<T>(surrogate.Json);
}

[RegisterConverter]
internal sealed class ActorConverter : IConverter<Actor, SmartEnumSurrogate>
{
    public Actor ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => Actor.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in Actor value) => new() { Value = value.Value };
}

[RegisterConverter]
internal sealed class LifecycleStageConverter : IConverter<LifecycleStage, SmartEnumSurrogate>
{
    public LifecycleStage ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => LifecycleStage.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in LifecycleStage value) => new() { Value = value.Value };
}

[RegisterConverter]
internal sealed class LeadStatusConverter : IConverter<LeadStatus, SmartEnumSurrogate>
{
    public LeadStatus ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => LeadStatus.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in LeadStatus value) => new() { Value = value.Value };
}

[RegisterConverter]
internal sealed class LifecycleTriggerConverter : IConverter<LifecycleTrigger, SmartEnumSurrogate>
{
    public LifecycleTrigger ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => LifecycleTrigger.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in LifecycleTrigger value) => new() { Value = value.Value };
}

[RegisterConverter]
internal sealed class DisqualificationReasonConverter : IConverter<DisqualificationReason, SmartEnumSurrogate>
{
    public DisqualificationReason ConvertFromSurrogate(in SmartEnumSurrogate surrogate) => DisqualificationReason.FromValue(surrogate.Value);

    public SmartEnumSurrogate ConvertToSurrogate(in DisqualificationReason value) => new() { Value = value.Value };
}

[RegisterConverter]
internal sealed class ConnectAttemptConverter : IConverter<ConnectAttempt, JsonSurrogate>
{
    public ConnectAttempt ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<ConnectAttempt>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in ConnectAttempt value) => LibraryJson.To(value);
}

[RegisterConverter]
internal sealed class ContactStateConverter : IConverter<ContactState, JsonSurrogate>
{
    public ContactState ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<ContactState>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in ContactState value) => LibraryJson.To(value);
}

[RegisterConverter]
internal sealed class LifecycleTransitionConverter : IConverter<LifecycleTransition, JsonSurrogate>
{
    public LifecycleTransition ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<LifecycleTransition>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in LifecycleTransition value) => LibraryJson.To(value);
}

[RegisterConverter]
internal sealed class DealTransitionConverter : IConverter<DealTransition, JsonSurrogate>
{
    public DealTransition ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<DealTransition>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in DealTransition value) => LibraryJson.To(value);
}

[RegisterConverter]
internal sealed class LeadFactsConverter : IConverter<LeadFacts, JsonSurrogate>
{
    public LeadFacts ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<LeadFacts>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in LeadFacts value) => LibraryJson.To(value);
}

/// <summary>Carries a lifecycle refusal across a grain boundary with every value it names.</summary>
[GenerateSerializer]
internal struct LifecycleTransitionExceptionSurrogate
{
    [Id(0)] public string Message;
    [Id(1)] public string ContactId;
    [Id(2)] public int Stage;
    [Id(3)] public int Trigger;
    [Id(4)] public string[] UnmetGuards;
    [Id(5)] public int[] PermittedTriggers;
}

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

/// <summary>Carries a deal refusal across a grain boundary with every value it names.</summary>
[GenerateSerializer]
internal struct DealTransitionExceptionSurrogate
{
    [Id(0)] public string Message;
    [Id(1)] public string DealId;
    [Id(2)] public string StageJson;
    [Id(3)] public string[] UnmetGuards;
    [Id(4)] public string[] Allowed;
}

[RegisterConverter]
internal sealed class DealTransitionExceptionConverter : IConverter<DealTransitionException, DealTransitionExceptionSurrogate>
{
    public DealTransitionException ConvertFromSurrogate(in DealTransitionExceptionSurrogate surrogate) =>
        new(
            surrogate.Message,
            surrogate.DealId,
            SalesGlossaryJson.Read<DealStage>(surrogate.StageJson),
            surrogate.UnmetGuards ?? [],
            surrogate.Allowed ?? []);

    public DealTransitionExceptionSurrogate ConvertToSurrogate(in DealTransitionException value) => new()
    {
        Message = value.Message,
        DealId = value.DealId,
        StageJson = JsonSerializer.Serialize(value.Stage, SalesGlossaryJson.Options),
        UnmetGuards = [.. value.UnmetGuards],
        Allowed = [.. value.Allowed],
    };
}

/// <summary>Carries a document refusal (an agreement or scoring model that does not load, a stored state that does not rebuild) across a grain boundary with every problem.</summary>
[GenerateSerializer]
internal struct DefinitionValidationExceptionSurrogate
{
    [Id(0)] public string Definition;
    [Id(1)] public string[] Paths;
    [Id(2)] public string[] Messages;
}

[RegisterConverter]
internal sealed class DefinitionValidationExceptionConverter : IConverter<DefinitionValidationException, DefinitionValidationExceptionSurrogate>
{
    public DefinitionValidationException ConvertFromSurrogate(in DefinitionValidationExceptionSurrogate surrogate)
    {
        var paths = surrogate.Paths ?? [];
        var messages = surrogate.Messages ?? [];
        return new(surrogate.Definition, paths.Select((path, i) => new ValidationProblem(path, messages[i])));
    }

    public DefinitionValidationExceptionSurrogate ConvertToSurrogate(in DefinitionValidationException value) => new()
    {
        Definition = value.Definition,
        Paths = [.. value.Problems.Select(p => p.Path)],
        Messages = [.. value.Problems.Select(p => p.Message)],
    };
}
