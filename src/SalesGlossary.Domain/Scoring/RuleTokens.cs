using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Tokenizer;

namespace SalesGlossary.Domain;

/// <summary>
/// Splits a rule expression into exactly the tokens the expression parser reads, by running the parser's own tokenizer:
/// quoted literals with their escapes, operator keywords such as <c>not</c> and <c>and</c>, <c>=&gt;</c>. The checks made
/// before parsing count tokens, never characters, so no literal, escape or keyword can hide brackets or operators from
/// them.
/// </summary>
internal static class RuleTokens
{
    // The tokenizer reads only the literal and number settings of the configuration; RulesEngine leaves them at their defaults.
    private static readonly ParsingConfig Config = new();

    /// <summary>The kinds of token the checks distinguish.</summary>
    internal enum Kind
    {
        Other,
        Literal,
        Identifier,
        Open,
        Close,
        Prefix,
        Conditional,
        Lambda,
        End,
    }

    /// <summary>Reads the tokens of an expression; returns the tokenizer's error (with its position) when the text is not made of tokens.</summary>
    public static IReadOnlyList<(Kind Kind, string Text, int Position)> Read(string expression, out string? error)
    {
        var tokens = new List<(Kind, string, int)>();
        error = null;
        try
        {
            var parser = new TextParser(Config, expression);
            while (parser.CurrentToken.Id != TokenId.End)
            {
                var token = parser.CurrentToken;
                tokens.Add((Classify(token.Id), token.Text, token.Pos));
                parser.NextToken();
            }
        }
        catch (ParseException e)
        {
            error = e.Message + " (at character " + (e.Position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }

        return tokens;
    }

    private static Kind Classify(TokenId id) => id switch
    {
        TokenId.StringLiteral or TokenId.IntegerLiteral or TokenId.RealLiteral => Kind.Literal,
        TokenId.Identifier => Kind.Identifier,
        TokenId.OpenParen or TokenId.OpenBracket or TokenId.OpenCurlyParen => Kind.Open,
        TokenId.CloseParen or TokenId.CloseBracket or TokenId.CloseCurlyParen => Kind.Close,
        TokenId.Exclamation or TokenId.Minus or TokenId.Plus => Kind.Prefix,
        TokenId.Question or TokenId.NullCoalescing or TokenId.NullPropagation => Kind.Conditional,
        TokenId.Lambda => Kind.Lambda,
        TokenId.End => Kind.End,
        _ => Kind.Other,
    };
}
