using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain;

/// <summary>
/// The case mapping of rules: a fixed table of the library's own, the same on every host. The runtime's invariant case
/// mapping comes from ICU, or from the runtime's own table in invariant-globalization mode, and the two differ for
/// characters whose case partner Unicode added recently (U+0264 <c>ɤ</c> and U+A7CB <c>Ɤ</c>, U+019B <c>ƛ</c>, …), so
/// rules never use it: <c>ToLower()</c>, <c>ToUpper()</c>, <c>ToLowerInvariant()</c> and <c>ToUpperInvariant()</c> map
/// through this table.
/// </summary>
/// <remarks>
/// The table maps the letters whose case pairs have been in Unicode since its first versions: ASCII, Latin-1
/// (<c>ÿ</c> with <c>Ÿ</c>), Latin Extended-A (except <c>İ</c>, <c>ı</c>, <c>ĸ</c>, <c>ŉ</c> and <c>ſ</c>), basic Greek (final
/// <c>ς</c> uppercases to <c>Σ</c>) and basic Cyrillic. Where it maps a character it agrees with the invariant mapping; every
/// other character is left as it is. <c>ß</c> stays <c>ß</c>, as in the invariant mapping.
/// </remarks>
internal sealed class FixedCasing : ExpressionVisitor
{
    private static readonly MethodInfo ToLowerInvariant = typeof(string).GetMethod(nameof(string.ToLowerInvariant), Type.EmptyTypes)!;
    private static readonly MethodInfo ToUpperInvariant = typeof(string).GetMethod(nameof(string.ToUpperInvariant), Type.EmptyTypes)!;
    private static readonly MethodInfo Lower = typeof(FixedCasing).GetMethod(nameof(ToLower), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo Upper = typeof(FixedCasing).GetMethod(nameof(ToUpper), BindingFlags.Static | BindingFlags.NonPublic)!;

    private FixedCasing()
    {
    }

    /// <summary>Replaces every invariant case mapping of a checked, rewritten rule with the fixed table.</summary>
    public static Expression Rewrite(Expression body) => new FixedCasing().Visit(body);

    /// <summary>Lowercases by the fixed table; throws <see cref="NullReferenceException"/> on null, as the instance call it stands for.</summary>
    internal static string ToLower(string text) => Map(text, upper: false);

    /// <summary>Uppercases by the fixed table; throws <see cref="NullReferenceException"/> on null, as the instance call it stands for.</summary>
    internal static string ToUpper(string text) => Map(text, upper: true);

    /// <summary>The lower case of one character by the fixed table.</summary>
    internal static char LowerOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        >= '\u00C0' and <= '\u00DE' when c != '\u00D7' => (char)(c + 32),
        '\u0178' => '\u00FF',
        >= '\u0100' and <= '\u017E' when ExtendedAUpper(c) => (char)(c + 1),
        >= '\u0391' and <= '\u03A9' when c != '\u03A2' => (char)(c + 32),
        >= '\u0400' and <= '\u040F' => (char)(c + 80),
        >= '\u0410' and <= '\u042F' => (char)(c + 32),
        _ => c,
    };

    /// <summary>The upper case of one character by the fixed table.</summary>
    internal static char UpperOf(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)(c - 32),
        >= '\u00E0' and <= '\u00FE' when c != '\u00F7' => (char)(c - 32),
        '\u00FF' => '\u0178',
        >= '\u0101' and <= '\u017F' when ExtendedAUpper((char)(c - 1)) => (char)(c - 1),
        '\u03C2' => '\u03A3',
        >= '\u03B1' and <= '\u03C9' => (char)(c - 32),
        >= '\u0430' and <= '\u044F' => (char)(c - 32),
        >= '\u0450' and <= '\u045F' => (char)(c - 80),
        _ => c,
    };

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        return visited.Method == ToLowerInvariant ? Expression.Call(Lower, visited.Object!)
            : visited.Method == ToUpperInvariant ? Expression.Call(Upper, visited.Object!)
            : visited;
    }

    /// <summary>Whether a character of Latin Extended-A is the upper case of a pair whose lower case follows it.</summary>
    private static bool ExtendedAUpper(char c) => c switch
    {
        >= '\u0100' and <= '\u012F' => c % 2 == 0,
        >= '\u0132' and <= '\u0137' => c % 2 == 0,
        >= '\u0139' and <= '\u0148' => c % 2 == 1,
        >= '\u014A' and <= '\u0177' => c % 2 == 0,
        >= '\u0179' and <= '\u017E' => c % 2 == 1,
        _ => false,
    };

    private static string Map(string text, bool upper)
    {
        // Reading the length throws NullReferenceException for a null, as the instance call it stands for does.
        var length = text.Length;
        var i = 0;
        while (i < length && (upper ? UpperOf(text[i]) : LowerOf(text[i])) == text[i])
        {
            i++;
        }

        if (i == length)
        {
            return text;
        }

        return string.Create(length, (text, upper, i), static (span, state) =>
        {
            state.text.AsSpan(0, state.i).CopyTo(span);
            for (var j = state.i; j < span.Length; j++)
            {
                span[j] = state.upper ? UpperOf(state.text[j]) : LowerOf(state.text[j]);
            }
        });
    }
}
