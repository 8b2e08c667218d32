using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>
/// Makes a rule's integer arithmetic checked: an overflow (<c>lead.Employees * 2147483647</c>) throws
/// <see cref="OverflowException"/>, which the scoring walk reports as the rule's error, instead of wrapping around into
/// a wrong match. Decimal arithmetic is checked by the type itself; floating-point arithmetic has no overflow.
/// </summary>
internal sealed class CheckedArithmetic : ExpressionVisitor
{
    public static Expression Rewrite(Expression expression) => new CheckedArithmetic().Visit(expression);

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        if (visited is not BinaryExpression binary || binary.Method is not null)
        {
            return visited;
        }

        var checkedType = binary.NodeType switch
        {
            ExpressionType.Add => ExpressionType.AddChecked,
            ExpressionType.Subtract => ExpressionType.SubtractChecked,
            ExpressionType.Multiply => ExpressionType.MultiplyChecked,
            _ => binary.NodeType,
        };
        return checkedType == binary.NodeType
            ? binary
            : Expression.MakeBinary(checkedType, binary.Left, binary.Right, binary.IsLiftedToNull, binary.Method);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var visited = base.VisitUnary(node);
        if (visited is not UnaryExpression unary || unary.Method is not null)
        {
            return visited;
        }

        return unary.NodeType switch
        {
            ExpressionType.Negate => Expression.NegateChecked(unary.Operand),
            ExpressionType.Convert when IsInteger(unary.Type) && IsNumber(unary.Operand.Type) => Expression.ConvertChecked(unary.Operand, unary.Type),
            _ => unary,
        };
    }

    private static bool IsInteger(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(byte) || t == typeof(sbyte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) || t == typeof(uint)
            || t == typeof(long) || t == typeof(ulong) || t == typeof(char));

    private static bool IsNumber(Type type) =>
        IsInteger(type) || (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(float) || t == typeof(double));
}
