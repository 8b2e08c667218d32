namespace SalesGlossary.Domain.Orleans.Serialization;

// The core package knows nothing of Orleans: its types cross grain boundaries through these surrogates. Smart enums
// travel by their stored value, records as the library's own JSON (SalesGlossaryJson), refusals with every property
// they carry, so the caller catches the library's exception with the values it would have seen in process.

/// <summary>Carries a smart enum across a grain boundary by its stored value and name; an agreement's own term is resolved through the agreement's vocabulary.</summary>
[GenerateSerializer]
internal struct SmartEnumSurrogate
{
    [Id(0)]
    public int Value;

    [Id(1)]
    public string? Name;
}
