namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class DefinitionValidationExceptionConverter : IConverter<DefinitionValidationException, DefinitionValidationExceptionSurrogate>
{
    public DefinitionValidationException ConvertFromSurrogate(in DefinitionValidationExceptionSurrogate surrogate)
    {
        var paths = surrogate.Paths ?? [];
        var messages = surrogate.Messages ?? [];
        return new(surrogate.Definition, paths.Select((path, i) => new ValidationProblem { Path = path, Message = messages[i] }));
    }

    public DefinitionValidationExceptionSurrogate ConvertToSurrogate(in DefinitionValidationException value) => new()
    {
        Definition = value.Definition,
        Paths = [.. value.Problems.Select(p => p.Path)],
        Messages = [.. value.Problems.Select(p => p.Message)],
    };
}
