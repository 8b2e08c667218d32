using System.Linq.Expressions;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The fixed case table maps every letter of its blocks that has a case partner, not only some of them: each block's
/// first and last letter, and every letter between, are checked against the invariant mapping, and the characters the
/// table documents as left alone are named one by one.
/// </summary>
public class FixedCasingTableTests
{
    /// <summary>Upper-case letters the table lowercases: ASCII, Latin-1, Ÿ, Latin Extended-A, basic Greek and Cyrillic.</summary>
    private static bool InLowerBlocks(char c) =>
        c is >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u00DE' or '\u0178' or >= '\u0100' and <= '\u017F'
            or >= '\u0391' and <= '\u03A9' or >= '\u0400' and <= '\u042F';

    /// <summary>Lower-case letters the table uppercases.</summary>
    private static bool InUpperBlocks(char c) =>
        c is >= 'a' and <= 'z' or >= '\u00E0' and <= '\u00FE' or '\u00FF' or >= '\u0100' and <= '\u017F'
            or >= '\u03B1' and <= '\u03C9' or >= '\u0430' and <= '\u045F';

    /// <summary>Letters of the blocks that the table leaves alone on purpose: İ, ı, ĸ, ŉ, ſ.</summary>
    private static readonly char[] LeftAlone = ['\u0130', '\u0131', '\u0138', '\u0149', '\u017F'];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryLetterOfTheBlocks_MapsToItsPartner_AndNoOtherCharacterChanges(bool upper)
    {
        var wrong = new List<string>();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var inBlocks = (upper ? InUpperBlocks(c) : InLowerBlocks(c)) && !LeftAlone.Contains(c);
            var invariant = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            var expected = inBlocks ? invariant : c;
            var table = upper ? FixedCasing.UpperOf(c) : FixedCasing.LowerOf(c);
            if (table != expected)
            {
                wrong.Add($"U+{(int)c:X4}: table U+{(int)table:X4}, expected U+{(int)expected:X4}");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData('\u00C0', '\u00E0')] // À, the first of Latin-1
    [InlineData('\u00DE', '\u00FE')] // Þ, the last of Latin-1
    [InlineData('\u0100', '\u0101')] // Ā, the first of Extended-A
    [InlineData('\u012E', '\u012F')] // Į, the last pair before İ
    [InlineData('\u0132', '\u0133')] // Ĳ
    [InlineData('\u0136', '\u0137')] // Ķ, the last pair before ĸ
    [InlineData('\u0139', '\u013A')] // Ĺ, odd pairs begin
    [InlineData('\u0147', '\u0148')] // Ň, the last odd pair before ŉ
    [InlineData('\u014A', '\u014B')] // Ŋ, even pairs again
    [InlineData('\u0176', '\u0177')] // Ŷ
    [InlineData('\u0179', '\u017A')] // Ź
    [InlineData('\u017D', '\u017E')] // Ž, the last of Extended-A
    [InlineData('\u0391', '\u03B1')] // Α
    [InlineData('\u03A9', '\u03C9')] // Ω
    [InlineData('\u0400', '\u0450')] // Ѐ
    [InlineData('\u040F', '\u045F')] // Џ
    [InlineData('\u0410', '\u0430')] // А
    [InlineData('\u042F', '\u044F')] // Я
    public void TheEdgesOfEachBlock_MapBothWays(char upper, char lower)
    {
        Assert.Equal(lower, FixedCasing.LowerOf(upper));
        Assert.Equal(upper, FixedCasing.UpperOf(lower));
    }

    [Theory]
    [InlineData(nameof(string.ToLowerInvariant), "ToLower")]
    [InlineData(nameof(string.ToUpperInvariant), "ToUpper")]
    public void InvariantCaseCalls_AreRewrittenToTheTable(string call, string tableMethod)
    {
        var text = Expression.Parameter(typeof(string), "text");
        var body = Expression.Call(text, typeof(string).GetMethod(call, Type.EmptyTypes)!);

        var rewritten = Assert.IsAssignableFrom<MethodCallExpression>(FixedCasing.Rewrite(body));

        Assert.Equal(typeof(FixedCasing), rewritten.Method.DeclaringType);
        Assert.Equal(tableMethod, rewritten.Method.Name);
        Assert.Same(text, Assert.Single(rewritten.Arguments));
    }

    [Fact]
    public void OtherCalls_AreLeftAsTheyAre()
    {
        var text = Expression.Parameter(typeof(string), "text");
        var body = Expression.Call(text, typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!);

        Assert.Same(body, FixedCasing.Rewrite(body));
    }
}
