namespace SalesGlossary.Domain.Tests;

/// <summary>Every room holds one thing: each source file of each package declares one type, named like the file.</summary>
public class SourceLayoutTests
{
    [Fact]
    public void EverySourceFile_DeclaresOneTypeNamedLikeTheFile()
    {
        var wrong = new List<string>();
        foreach (var file in SourceTree.PackageFiles)
        {
            var types = SourceTree.TypesDeclaredIn(file);
            var expected = Path.GetFileName(file).Split('.')[0]; // Contact.History.cs holds a partial of Contact.
            if (types.Count != 1 || types[0] != expected)
            {
                wrong.Add($"{Path.GetRelativePath(SourceTree.Root, file)} declares [{string.Join(", ", types)}]");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void TypesDeclaredIn_SeesEveryKindOfTopLevelType()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                namespace N;

                public sealed record A(int X);
                internal readonly record struct B;
                public enum C { One }
                internal interface ID { }
                public delegate void E(int x);
                file sealed class F { public sealed class Nested { } }
                public static partial class G { }
                """);
            Assert.Equal(["A", "B", "C", "ID", "E", "F", "G"], SourceTree.TypesDeclaredIn(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void EveryCoreType_HasItsFeatureFolder()
    {
        var missing = typeof(LifecycleStage).Assembly.GetTypes()
            .Where(t => !t.IsNested && !t.Name.StartsWith('<') && t.Namespace?.StartsWith("SalesGlossary.Domain", StringComparison.Ordinal) == true)
            .Select(t => t.Name.Split('`')[0])
            .Where(n => !SourceTree.CoreFolderOfType.ContainsKey(n))
            .ToArray();
        Assert.Empty(missing);
    }
}
