using System.Text.RegularExpressions;

namespace SalesGlossary.Domain.Tests;

/// <summary>The public surface recorded in every package's PublicAPI files is hard to misuse: no wide positional constructor, no two parameters of one type in a row, no actor and name pair, no public setter.</summary>
public partial class PublicApiShapeTests
{
    /// <summary>The most positional parameters a public constructor may take; wider values are built with named members or an options type.</summary>
    private const int MostPositionalParameters = 4;

    /// <summary>Public constructors still wider than the limit, each with why (none now: a type that must stay wide is added here with its reason).</summary>
    private static readonly Dictionary<string, string> StillWide = new(StringComparer.Ordinal);

    /// <summary>Public constructors that still take two parameters of the same type in a row, each with why; a type leaves the list when it is built by name or its constructor is made internal.</summary>
    private static readonly Dictionary<string, string> StillPaired = new(StringComparer.Ordinal)
    {
        // A two-part value whose order is the domain's own and reads as such at the call site.
        ["SalesGlossary.Domain.NumberRange"] = "a range: minimum before maximum, as written in an agreement (200 to 2000); a swapped pair is refused",
        ["SalesGlossary.Domain.ReportPeriod"] = "a period: from, then to, the order of every calendar; a start after the end is refused naming both instants (an empty period, start equal to end, is allowed and counts nothing)",
    };

    /// <summary>Public types whose properties keep a public <c>set</c> accessor, each with why; every other public value is immutable once built (<c>init</c> at most).</summary>
    private static readonly Dictionary<string, string> Settable = new(StringComparer.Ordinal)
    {
        // Options classes bound from configuration: the .NET convention for IOptions<T>, read once through their validators.
        ["SalesGlossary.Domain.Extensions.SalesGlossaryOptions"] = "options bound from configuration (IOptions<SalesGlossaryOptions>), checked by their validator when first read",
        ["SalesGlossary.Domain.Orleans.SalesGlossaryClusterOptions"] = "options bound from configuration or a configure callback (IOptions<SalesGlossaryClusterOptions>), checked by their validator when first read",
    };

    private static readonly string[] Files = [.. Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "src"), "PublicAPI.*.txt", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(SourceTree.Root, f))
        .Order(StringComparer.Ordinal)];

    public static TheoryData<string> ApiFiles() => [.. Files];

    [Theory]
    [MemberData(nameof(ApiFiles))]
    public void PublicApi_Constructors_TakeAtMostFourPositionalParameters(string file)
    {
        var wide = Constructors(file)
            .Where(c => c.Parameters.Count > MostPositionalParameters && !StillWide.ContainsKey(c.Type))
            .Select(c => c.Type + " (" + c.Parameters.Count + " parameters)")
            .ToArray();

        Assert.True(wide.Length == 0, "Build these with named members (required/init) or an options type: " + string.Join(", ", wide));
    }

    [Theory]
    [MemberData(nameof(ApiFiles))]
    public void PublicApi_Members_NeverTakeAnActorFollowedByAName(string file)
    {
        var pairs = File.ReadLines(Path.Combine(SourceTree.Root, file))
            .Where(line => Signature().Match(line) is { Success: true } m && HasActorAndText(SplitParameters(m.Groups["parameters"].Value)))
            .ToArray();

        Assert.True(pairs.Length == 0, "Take one By (actor and optional name) instead of an Actor and a string: " + string.Join(Environment.NewLine, pairs));
    }

    [Theory]
    [MemberData(nameof(ApiFiles))]
    public void PublicApi_Constructors_NeverTakeTwoParametersOfOneTypeInARow(string file)
    {
        var paired = Constructors(file)
            .Where(c => HasSameTypeInARow(c.Parameters) && !StillPaired.ContainsKey(c.Type))
            .Select(c => c.Type)
            .ToArray();

        Assert.True(paired.Length == 0, "Build these with named members (required/init) or an options type, so two values of one type cannot be swapped: " + string.Join(", ", paired));
    }

    [Fact]
    public void StillPaired_EveryEntry_IsStillAPairedConstructor()
    {
        var paired = Files
            .SelectMany(Constructors)
            .Where(c => HasSameTypeInARow(c.Parameters))
            .Select(c => c.Type)
            .ToHashSet(StringComparer.Ordinal);

        var fixedOnes = StillPaired.Keys.Where(t => !paired.Contains(t)).ToArray();

        Assert.True(fixedOnes.Length == 0, "No longer paired; remove from StillPaired: " + string.Join(", ", fixedOnes));
    }

    [Theory]
    [MemberData(nameof(ApiFiles))]
    public void PublicApi_Properties_HaveNoPublicSetter(string file)
    {
        var settable = Setters(file)
            .Where(s => !Settable.ContainsKey(s.Type))
            .Select(s => s.Type + "." + s.Property)
            .ToArray();

        Assert.True(settable.Length == 0, "Make these immutable (init, or an internal constructor for values only the library builds), or justify them in Settable: " + string.Join(", ", settable));
    }

    [Fact]
    public void Settable_EveryEntry_StillHasAPublicSetter()
    {
        var settable = Files.SelectMany(Setters).Select(s => s.Type).ToHashSet(StringComparer.Ordinal);

        var immutable = Settable.Keys.Where(t => !settable.Contains(t)).ToArray();

        Assert.True(immutable.Length == 0, "No longer settable; remove from Settable: " + string.Join(", ", immutable));
    }

    [Fact]
    public void PublicApi_SetterCheck_FindsASetterAndNotAnInit()
    {
        Assert.Equal(("SalesGlossary.Domain.StageChanged", "Transition"), Setter("SalesGlossary.Domain.StageChanged.Transition.set -> void"));
        Assert.Equal(("SalesGlossary.Domain.Orleans.X<T>", "Value"), Setter("SalesGlossary.Domain.Orleans.X<T>.Value.set -> void"));
        Assert.Null(Setter("SalesGlossary.Domain.StageChanged.Transition.init -> void"));
        Assert.Null(Setter("SalesGlossary.Domain.StageChanged.Transition.get -> SalesGlossary.Domain.LifecycleTransition!"));
        Assert.Null(Setter("SalesGlossary.Domain.Deal.MoveTo(string! stage, SalesGlossary.Domain.By! by, string? reason = null) -> void"));
    }

    [Fact]
    public void PublicApi_PairCheck_FindsTwoParametersOfOneTypeInARow()
    {
        Assert.True(HasSameTypeInARow(Parse("SalesGlossary.Domain.ReportPeriod.ReportPeriod(System.DateTimeOffset From, System.DateTimeOffset To) -> void")!.Value.Parameters));
        Assert.True(HasSameTypeInARow(Parse("SalesGlossary.Domain.NumberRange.NumberRange(decimal? minimum, decimal? maximum = null) -> void")!.Value.Parameters));
        Assert.False(HasSameTypeInARow(Parse("SalesGlossary.Domain.ReasonCount.ReasonCount(string! Reason, int Count) -> void")!.Value.Parameters));
        Assert.False(HasSameTypeInARow(Parse("SalesGlossary.Domain.X.X(string! a, int b, string! c) -> void")!.Value.Parameters));
    }

    [Fact]
    public void StillWide_EveryEntry_IsStillAWideConstructor()
    {
        var wide = Files
            .SelectMany(Constructors)
            .Where(c => c.Parameters.Count > MostPositionalParameters)
            .Select(c => c.Type)
            .ToHashSet(StringComparer.Ordinal);

        var narrowed = StillWide.Keys.Where(t => !wide.Contains(t)).ToArray();

        Assert.True(narrowed.Length == 0, "No longer wide; remove from StillWide: " + string.Join(", ", narrowed));
    }

    [Fact]
    public void PublicApi_Checks_FindAWideConstructorAndAnActorNamePair()
    {
        // The checks themselves: the shape of the members this issue replaced is caught.
        const string Old = "SalesGlossary.Domain.Deal.MoveTo(string! stage, SalesGlossary.Domain.Actor! actor, string? reason = null, string? actorName = null) -> System.Collections.Generic.IReadOnlyList<SalesGlossary.Domain.DomainEvent!>!";
        Assert.True(HasActorAndText(SplitParameters(Signature().Match(Old).Groups["parameters"].Value)));
        const string New = "SalesGlossary.Domain.Deal.MoveTo(string! stage, SalesGlossary.Domain.By! by, string? reason = null) -> System.Collections.Generic.IReadOnlyList<SalesGlossary.Domain.DomainEvent!>!";
        Assert.False(HasActorAndText(SplitParameters(Signature().Match(New).Groups["parameters"].Value)));
        var wide = Parse("SalesGlossary.Domain.LeadType.LeadType(string! key, string! name, string! description, string! scoringModel, string! pipeline, string! connectPolicy) -> void");
        Assert.Equal(("SalesGlossary.Domain.LeadType", 6), (wide!.Value.Type, wide.Value.Parameters.Count));
        Assert.Null(Parse("SalesGlossary.Domain.LeadType.Key.get -> string!"));
    }

    private static IEnumerable<(string Type, string Property)> Setters(string file) =>
        File.ReadLines(Path.Combine(SourceTree.Root, file)).Select(Setter).Where(s => s is not null).Select(s => s!.Value);

    private static (string Type, string Property)? Setter(string line)
    {
        var m = PropertySetter().Match(line);
        return m.Success ? (m.Groups["owner"].Value, m.Groups["property"].Value) : null;
    }

    private static IEnumerable<(string Type, IReadOnlyList<string> Parameters)> Constructors(string file) =>
        File.ReadLines(Path.Combine(SourceTree.Root, file)).Select(Parse).Where(c => c is not null).Select(c => c!.Value);

    private static (string Type, IReadOnlyList<string> Parameters)? Parse(string line)
    {
        var m = Signature().Match(line);
        if (!m.Success || m.Groups["result"].Value != "void")
        {
            return null;
        }

        var type = m.Groups["owner"].Value;
        var simple = Regex.Replace(type, "<.*>$", string.Empty);
        return simple[(simple.LastIndexOf('.') + 1)..] == m.Groups["member"].Value ? (type, SplitParameters(m.Groups["parameters"].Value)) : null;
    }

    private static bool HasSameTypeInARow(IReadOnlyList<string> parameters)
    {
        for (var i = 0; i + 1 < parameters.Count; i++)
        {
            if (TypeOf(parameters[i]) == TypeOf(parameters[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static string TypeOf(string parameter)
    {
        var declaration = parameter.Split(" = ", 2)[0].Trim();
        return declaration[..declaration.LastIndexOf(' ')];
    }

    private static bool HasActorAndText(IReadOnlyList<string> parameters)
    {
        for (var i = 0; i + 1 < parameters.Count; i++)
        {
            if (parameters[i].StartsWith("SalesGlossary.Domain.Actor", StringComparison.Ordinal) && parameters[i + 1].StartsWith("string", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> SplitParameters(string text)
    {
        var parameters = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '<' or '(' => 1, '>' or ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                parameters.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        if (text.Trim().Length > 0)
        {
            parameters.Add(text[start..].Trim());
        }

        return parameters;
    }

    [GeneratedRegex(@"^(?:static |override |virtual |abstract |readonly |const |\*REMOVED\*)*(?<owner>[\w.<>!?, ]+?)\.(?<member>\w+)\((?<parameters>.*)\) -> (?<result>.+)$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^(?:static |override |virtual |abstract |\*REMOVED\*)*(?<owner>[\w.<>, ]+?)\.(?<property>\w+)\.set -> void$")]
    private static partial Regex PropertySetter();
}
