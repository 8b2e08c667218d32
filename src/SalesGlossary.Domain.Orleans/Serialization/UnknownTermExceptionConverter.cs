namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class UnknownTermExceptionConverter : IConverter<UnknownTermException, UnknownTermExceptionSurrogate>
{
    public UnknownTermException ConvertFromSurrogate(in UnknownTermExceptionSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Name, surrogate.KnownNames ?? []);

    public UnknownTermExceptionSurrogate ConvertToSurrogate(in UnknownTermException value) => new()
    {
        Kind = value.Kind,
        Name = value.Name,
        KnownNames = [.. value.KnownNames],
    };
}
