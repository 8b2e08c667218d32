namespace SalesGlossary.Domain;

/// <summary>Reads the documents the package embeds (the sample scoring model, the default agreement, their schemas).</summary>
internal static class EmbeddedResource
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("The resource '" + name + "' is missing from the package; the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
