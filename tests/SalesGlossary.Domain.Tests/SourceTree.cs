using System.Text.RegularExpressions;

namespace SalesGlossary.Domain.Tests;

/// <summary>The repository's source files, read by the tests that check how the code is laid out.</summary>
internal static partial class SourceTree
{
    /// <summary>The repository root: the folder holding SalesGlossary.Domain.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every C# file of every package under src/, build output left out.</summary>
    public static IReadOnlyList<string> PackageFiles { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>The core package's folder (src/SalesGlossary.Domain).</summary>
    public static string CoreFolder { get; } = Path.Combine(Root, "src", "SalesGlossary.Domain");

    /// <summary>The names of the top-level types a file declares (a file-scoped namespace puts them at the start of a line).</summary>
    public static IReadOnlyList<string> TypesDeclaredIn(string file) =>
        [.. TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value)];

    /// <summary>The core's feature folder of each top-level type, by the file that declares it; the root folder is the empty string.</summary>
    public static IReadOnlyDictionary<string, string> CoreFolderOfType { get; } = PackageFiles
        .Where(f => f.StartsWith(CoreFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .SelectMany(f => TypesDeclaredIn(f).Select(t => (Type: t, Folder: Path.GetRelativePath(CoreFolder, Path.GetDirectoryName(f)!))))
        .GroupBy(x => x.Type, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Folder == "." ? string.Empty : x.Folder).Distinct(StringComparer.Ordinal).Single(), StringComparer.Ordinal);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesGlossary.Domain.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (SalesGlossary.Domain.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|record\s+struct|record\s+class|record|struct|interface|enum|delegate\s+[\w<>\[\],.? ]+?)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
