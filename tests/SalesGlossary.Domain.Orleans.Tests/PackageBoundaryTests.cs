using SalesGlossary.Domain.Orleans.Contacts;

namespace SalesGlossary.Domain.Orleans.Tests;

public sealed class PackageBoundaryTests
{
    [Fact]
    public void CorePackage_ReferencesNoOrleansAssembly_TheOrleansPackageDoes()
    {
        static string[] Orleans(System.Reflection.Assembly assembly) =>
            [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Orleans", StringComparison.Ordinal))];

        Assert.Empty(Orleans(typeof(Contact).Assembly));
        Assert.NotEmpty(Orleans(typeof(IContactGrain).Assembly));
    }
}
