using System.Globalization;
using System.Linq.Expressions;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The size of what a model makes the loader parse and compile is bounded: tokens per expression and per model before
/// parsing, nodes after parsing, each at, below and above its boundary; large rules still score as written.
/// </summary>
public class GuardSizeTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    /// <summary><c>-lead.Employees+1+…+1 &lt; 0</c> with <paramref name="ones"/> times <c>+1</c>: 2 × ones + 6 tokens.</summary>
    private static string Chain(int ones) => "-lead.Employees" + string.Concat(Enumerable.Repeat("+1", ones)) + " < 0";

    private static LeadFacts Lead(int? employees, string? industry = "Software") =>
        new LeadFacts { Id = "L-1", Email = "a@b.c", JobTitle = "VP", Industry = industry, Employees = employees, Activities = [] };

    private static string Rules(params string[] expressions) =>
        ModelJson.WithRules([.. expressions.Select((e, i) => "{\"RuleName\":\"R" + i.ToString(CultureInfo.InvariantCulture) + "\",\"Expression\":"
            + System.Text.Json.JsonSerializer.Serialize(e) + ",\"Properties\":{\"points\":" + (i + 1).ToString(CultureInfo.InvariantCulture) + "}}")]);

    [Theory]
    [InlineData(246, 498)]
    [InlineData(247, 500)]
    [InlineData(248, 502)]
    public void TokensPerExpression_AtBelowAndAboveTheDefault(int ones, int tokens)
    {
        var expression = Chain(ones);
        Assert.Equal(tokens, RuleTokens.Read(expression, out var error).Count);
        Assert.Null(error);

        if (tokens <= ScoringLimits.Default.MaxTokensPerExpression)
        {
            var model = LeadScoringModel.Load(ModelJson.WithRule(expression));
            Assert.Equal(10m, model.Score(Lead(ones + 1), Now).Total);
            Assert.Equal(0m, model.Score(Lead(ones), Now).Total);
        }
        else
        {
            var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule(expression))).Problems);
            Assert.Equal("$.Rules[0].Expression", problem.Path);
            Assert.Equal(
                "Rule 'R' is rejected before parsing: the expression has 502 tokens (names, literals, operators, brackets and commas); "
                + "the limit is 500 (ScoringLimits.MaxTokensPerExpression), passed at character 513; split it into several rules.",
                problem.Message);
        }
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void TokensPerExpression_ALoweredLimitIsHonouredAtItsBoundary(int limit, bool accepted)
    {
        // ! ( lead . Employees > 1 ) && true: 10 tokens.
        var expression = "!(lead.Employees > 1) && true";
        var limits = new ScoringLimits { MaxTokensPerExpression = limit };
        Assert.Equal(10, RuleTokens.Read(expression, out _).Count);

        var problem = ExpressionGuard.CheckText(expression, limits);

        Assert.True(accepted == (problem is null), limit + ": " + problem);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(15, true)]
    [InlineData(14, false)]
    public void TokensPerModel_AtBelowAndAboveTheBoundary(int limit, bool accepted)
    {
        // Three rules of 5 tokens each: 15 tokens in all.
        var json = Rules("lead.Employees > 1", "lead.Employees > 2", "lead.Employees > 3");
        var limits = new ScoringLimits { MaxTokensPerModel = limit };

        if (accepted)
        {
            Assert.Equal(6m, LeadScoringModel.Load(json, limits).Score(Lead(10), Now).Total);
            return;
        }

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json, limits)).Problems);
        Assert.Equal("$.Rules[2].Expression", problem.Path);
        Assert.Equal(
            "Rule 'R2' is rejected before parsing: with its 5 tokens the model's expressions have 15 tokens so far; the limit for a whole model is 14 "
            + "(ScoringLimits.MaxTokensPerModel), so this rule and the rules after it were not parsed; split the model or shorten its rules.",
            problem.Message);
    }

    [Fact]
    public void TokensPerModel_CountsNestedRules()
    {
        var nested = "{\"RuleName\":\"N\",\"Operator\":\"And\",\"Properties\":{\"points\":5},\"Rules\":["
            + "{\"RuleName\":\"A\",\"Expression\":\"lead.Employees > 1\"},{\"RuleName\":\"B\",\"Expression\":\"lead.Employees > 2\"}]}";
        var json = ModelJson.WithRules(nested);

        Assert.Equal(5m, LeadScoringModel.Load(json, new ScoringLimits { MaxTokensPerModel = 10 }).Score(Lead(3), Now).Total);
        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json, new ScoringLimits { MaxTokensPerModel = 9 })).Problems);
        Assert.Equal("$.Rules[0].Rules[1].Expression", problem.Path);
    }

    [Fact]
    public void NodesAfterParsing_ATreeLargerThanItsTokensIsRejectedBeforeAnyWalk()
    {
        // np(…) repeats its argument for every null check: about 6,800 nodes from 450 tokens.
        var expression = "np(lead.Email" + string.Concat(Enumerable.Repeat(".Trim()", 110)) + ".Length) > 0";

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule(expression))).Problems);

        Assert.Equal(
            "Rule 'R' is rejected after parsing: its tree has more than 2000 nodes, the limit left for it (4 nodes per token of ScoringLimits.MaxTokensPerExpression, 500, "
            + "and of ScoringLimits.MaxTokensPerModel, 50000, for the whole model); write it with fewer operators, or split it into several rules.",
            problem.Message);
    }

    [Fact]
    public void NodesAfterParsing_AShortNpChainLoads()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("np(lead.Email.Trim().Trim().Length) > 2"));

        Assert.Equal(10m, model.Score(Lead(1), Now).Total);
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(99, -1)]
    public void CountNodes_StopsAtItsLimit(int limit, int expected)
    {
        Expression tree = Expression.Constant(0);
        for (var i = 0; i < 99; i++)
        {
            tree = i % 2 == 0 ? Expression.Negate(tree) : Expression.Not(tree);
        }

        Assert.Equal(expected == -1 ? -1 : 100, ExpressionGuard.CountNodes(tree, limit));
    }

    [Fact]
    public void CountNodes_ASharedSubtreeDoublingFortyTimes_IsCutOffAtTheLimit()
    {
        // 2^40 nodes as the compiler would meet them; counting stops at the limit instead of walking them all.
        Expression tree = Expression.Constant(1);
        for (var i = 0; i < 40; i++)
        {
            tree = Expression.Add(tree, tree);
        }

        Assert.Equal(-1, ExpressionGuard.CountNodes(tree, 10_000));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(ScoringLimits.HardMaxTokensPerExpression, true)]
    [InlineData(ScoringLimits.HardMaxTokensPerExpression + 1, false)]
    public void TokensPerExpression_TheLimitItselfIsBounded(int value, bool valid)
    {
        var limits = new ScoringLimits { MaxTokensPerExpression = value };

        if (valid)
        {
            Assert.NotNull(LeadScoringModel.Load(ModelJson.WithRule("true"), limits));
            return;
        }

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule("true"), limits)).Problems);
        Assert.Equal("$.maxTokensPerExpression", problem.Path);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"The limit must be between 1 and 5000; it is {value}."), problem.Message);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(ScoringLimits.HardMaxTokensPerModel, true)]
    [InlineData(ScoringLimits.HardMaxTokensPerModel + 1, false)]
    public void TokensPerModel_TheLimitItselfIsBounded(int value, bool valid)
    {
        var limits = new ScoringLimits { MaxTokensPerModel = value };

        if (valid)
        {
            Assert.NotNull(LeadScoringModel.Load(ModelJson.WithRule("true"), limits));
            return;
        }

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule("true"), limits)).Problems);
        Assert.Equal("$.maxTokensPerModel", problem.Path);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"The limit must be between 1 and 500000; it is {value}."), problem.Message);
    }

    [Fact]
    public void LargeRulesCompiledInSeveralParts_ScoreAndFailExactlyAsWritten()
    {
        // 70 rules of about 900 nodes each: two chunks, each compiled in several parts. Rule i matches when employees > i;
        // rule 50 reads a null industry and fails; the rest score as written, in Score and in bulk.
        var limits = new ScoringLimits { MaxTokensPerExpression = 2_000, MaxExpressionLength = 5_000 };
        var expressions = Enumerable.Range(0, 70)
            .Select(i => i == 50
                ? "lead.Industry.Length > 0"
                : "lead.Employees" + string.Concat(Enumerable.Repeat("+0", 300)) + " > " + i.ToString(CultureInfo.InvariantCulture))
            .ToArray();
        var model = LeadScoringModel.Load(Rules(expressions), limits);
        var lead = Lead(60, industry: null);

        var score = model.Score(lead, Now);
        var totals = new decimal[1];
        var summary = model.ScoreTotals([lead], Now, totals);

        var expected = Enumerable.Range(0, 60).Where(i => i != 50).Sum(i => i + 1m);
        Assert.Equal(expected, score.Total);
        Assert.Equal(expected, totals[0]);
        Assert.Equal("R50", Assert.Single(score.Errors).Rule);
        Assert.Equal(1, summary.Incomplete);
    }
    [Theory]
    [InlineData(1_999, null)]
    [InlineData(2_000, null)]
    [InlineData(2_001, "the expression is 2001 characters long; the limit is 2000")]
    public void ExpressionLength_AtBelowAndAboveTheDefault(int length, string? expected)
    {
        var expression = "lead.Employees > 1".PadRight(length);

        Assert.Equal(expected, ExpressionGuard.CheckText(expression, ScoringLimits.Default));
    }

    [Theory]
    [InlineData(31, null)]
    [InlineData(32, null)]
    [InlineData(33, "the expression has more than 32 conditional or null operators (?, ??, ?., iif, np)")]
    public void ConditionalOperators_AtBelowAndAboveTheLimit(int count, string? expected)
    {
        var expression = string.Concat(Enumerable.Repeat("lead.Unsubscribed ? true : ", count)) + "false";

        Assert.Equal(expected, ExpressionGuard.CheckText(expression, ScoringLimits.Default));
    }

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, null)]
    [InlineData(17, "the expression has 17 lambdas; at most 16 are accepted")]
    public void Lambdas_AtBelowAndAboveTheLimit(int count, string? expected)
    {
        var expression = string.Join("&&", Enumerable.Repeat("lead.Activities.Any(a=>a.Type==\"x\")", count));

        Assert.Equal(expected, ExpressionGuard.CheckText(expression, ScoringLimits.Default));
    }

    [Theory]
    [InlineData(999, true)]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public void ArrayLiteralItems_AtBelowAndAboveTheLimit(int items, bool accepted)
    {
        var expression = "new[]{" + string.Join(",", Enumerable.Repeat("7", items)) + "}.Contains(lead.Employees ?? 0)";
        var limits = new ScoringLimits { MaxExpressionLength = 20_000, MaxTokensPerExpression = 5_000 };
        var json = ModelJson.WithRule(expression);

        if (accepted)
        {
            Assert.Equal(0m, LeadScoringModel.Load(json, limits).Score(Lead(450), Now).Total);
            return;
        }

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json, limits)).Problems);
        Assert.Equal("Rule 'R' is rejected: an array literal has more than 1000 items.", problem.Message);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Rules_AtBelowAndAboveTheLimit(int rules, bool accepted)
    {
        var json = Rules([.. Enumerable.Repeat("lead.Employees > 1", rules)]);
        var limits = new ScoringLimits { MaxRules = 3 };

        if (accepted)
        {
            Assert.Equal(rules, LeadScoringModel.Load(json, limits).Rules.Count);
            return;
        }

        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json, limits)).Problems);
        Assert.Equal("$.Rules[3]", problem.Path);
        Assert.Equal("The model has more than 3 rules (nested rules included); that is the limit.", problem.Message);
    }
}
