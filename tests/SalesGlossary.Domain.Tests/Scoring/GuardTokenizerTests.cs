using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The checks made before parsing see exactly the tokens the parser sees.</summary>
public class GuardTokenizerTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static readonly char[] LiteralAlphabet = ['a', 'I', 'ı', '\\', '"', '\'', '(', ')', '[', ']', '{', '}', ' ', 'n', 'o', 't', '!', '?', '='];

    private static string Encode(string content) => "\"" + content.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static LeadFacts LeadWithEmail(string email) => new LeadFacts { Id = "L-1", Email = email, Activities = [] };

    public static Gen<(string Content, int Depth, string[] Prefixes, int Limit)> Cases() =>
        from length in Gen.Choose(0, 12)
        from content in Gen.ArrayOf(Gen.Elements(LiteralAlphabet), length).Select(chars => new string(chars))
        from limit in Gen.Choose(1, 40)
        from depth in Gen.Choose(0, 45)
        from prefixCount in Gen.Frequency((3, Gen.Choose(0, 4)), (1, Gen.Choose(14, 19)))
        from prefixes in Gen.ArrayOf(Gen.Elements("not ", "!", "NOT "), prefixCount)
        select (content, depth, prefixes, limit);

    [Property(MaxTest = 300)]
    public Property TheCheckAndTheParser_AgreeOnLiteralsEscapesKeywordsAndNesting() =>
        Prop.ForAll(Cases().ToArbitrary(), testCase =>
        {
            var (content, depth, prefixes, limit) = testCase;
            var expression = string.Concat(prefixes) + new string('(', depth) + "lead.Email.Equals(" + Encode(content) + ")" + new string(')', depth);
            var limits = new ScoringLimits { MaxNestingDepth = limit };
            var expectedAccepted = depth + 1 <= limit && prefixes.Length <= 16;

            var problem = ExpressionGuard.CheckText(expression, limits);

            Assert.True((problem is null) == expectedAccepted, $"{expression}: check said '{problem}', expected accepted={expectedAccepted}");
            if (problem is null)
            {
                // The parser must read the very literal the check skipped over: the rule matches exactly the lead whose email is the literal.
                var model = LeadScoringModel.Load(ModelJson.WithRule(expression), limits);
                var matched = model.Score(LeadWithEmail(content), Now).Total == 10m;
                var matchedOther = model.Score(LeadWithEmail(content + "x"), Now).Total == 10m;
                var negated = prefixes.Length % 2 == 1;
                Assert.Equal(!negated, matched);
                Assert.Equal(negated, matchedOther);
            }
        });

    [Theory]
    [InlineData("\"\\\\\" == lead.Email || ((((((((((((((((((((((((((((((((((true))))))))))))))))))))))))))))))))))", "nests brackets more than 32 deep")]
    [InlineData("lead.Email == \"a\\\\\" && ((((((((((((((((((((((((((((((((((true))))))))))))))))))))))))))))))))))", "nests brackets more than 32 deep")]
    [InlineData("lead.Email == '\\'' && ((((((((((((((((((((((((((((((((((true))))))))))))))))))))))))))))))))))", "not made of valid tokens")]
    [InlineData("not not not not not not not not not not not not not not not not not true", "prefix operators")]
    [InlineData("!not!not!not!not!not!not!not!not!true", "prefix operators")]
    [InlineData("lead.Email == \"a", "not made of valid tokens: Unterminated string literal")]
    public void CheckText_CountsWhatTheParserSees(string expression, string expected)
    {
        var problem = ExpressionGuard.CheckText(expression, ScoringLimits.Default);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckText_BracketsInsideLiterals_AreNotNesting()
    {
        var expression = "lead.Email == \"" + new string('(', 200) + "\\\\\" || lead.Email == '" + new string('[', 200) + "'";

        Assert.Null(ExpressionGuard.CheckText(expression, new ScoringLimits { MaxExpressionLength = 1_000 }));
    }

    [Fact]
    public void CheckText_ImplicitItLambdas_AreCountedLikeArrowLambdas()
    {
        var implicitLambdas = string.Join(" && ", Enumerable.Repeat("lead.Activities.Any(Type == \"x\")", 17));
        var arrowLambdas = string.Join(" && ", Enumerable.Repeat("lead.Activities.Any(a => a.Type == \"x\")", 17));

        Assert.Equal("the expression has 17 lambdas; at most 16 are accepted", ExpressionGuard.CheckText(implicitLambdas, new ScoringLimits { MaxExpressionLength = 2_000 }));
        Assert.Equal("the expression has 17 lambdas; at most 16 are accepted", ExpressionGuard.CheckText(arrowLambdas, new ScoringLimits { MaxExpressionLength = 2_000 }));
    }

    [Fact]
    public void CheckText_IifCalls_CountAsConditionals()
    {
        var expression = string.Concat(Enumerable.Repeat("iif(lead.Unsubscribed, true, ", 33)) + "false" + new string(')', 33);

        Assert.Contains("conditional or null operators", ExpressionGuard.CheckText(expression, new ScoringLimits { MaxNestingDepth = 64 }), StringComparison.Ordinal);
    }
}
