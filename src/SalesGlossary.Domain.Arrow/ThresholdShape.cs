using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain.Arrow;

/// <summary>
/// Recognizes an expression whose answer is constant between the constants it compares one numeric member with:
/// comparisons of the member (widened exactly) with constants, combined by <c>&amp;&amp;</c>, <c>||</c>, <c>&amp;</c>,
/// <c>|</c> and <c>!</c>. Such a rule is decided by evaluating it once at each constant and once between neighbours.
/// </summary>
internal sealed class ThresholdShape : ExpressionVisitor
{
    private static readonly HashSet<Type> ExactWidening = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(decimal), typeof(decimal?), typeof(double), typeof(double?)];
    private static readonly HashSet<Type> DecimalWidening = [typeof(decimal), typeof(decimal?)];

    private readonly ParameterExpression lead;
    private readonly string member;
    private readonly bool isDecimal;
    private bool ok = true;

    private ThresholdShape(ParameterExpression lead, string member, bool isDecimal)
    {
        this.lead = lead;
        this.member = member;
        this.isDecimal = isDecimal;
    }

    public List<decimal> Constants { get; } = [];

    /// <summary>Gets the constants the member is compared with, or <see langword="null"/> when the shape is not recognized.</summary>
    public static List<decimal>? Thresholds(Expression body, ParameterExpression lead, string member, bool isDecimal)
    {
        var shape = new ThresholdShape(lead, member, isDecimal);
        shape.Visit(body);
        return shape.ok ? shape.Constants : null;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null || !ok)
        {
            return node;
        }

        switch (node.NodeType)
        {
            case ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or when node.Type == typeof(bool):
            case ExpressionType.Not when node.Type == typeof(bool):
            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual when ((BinaryExpression)node).Method is null || IsDecimalOperator(((BinaryExpression)node).Method!):
                return base.Visit(node);
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                var convert = (UnaryExpression)node;
                if (convert.Operand is ConstantExpression)
                {
                    return base.Visit(node);
                }

                ok &= (isDecimal ? DecimalWidening : ExactWidening).Contains(node.Type) && (convert.Method is null || IsDecimalConversion(convert.Method));
                return ok ? base.Visit(node) : node;
            case ExpressionType.Constant:
                var value = ((ConstantExpression)node).Value;
                switch (value)
                {
                    case null:
                        break;
                    case int or long or short or byte or sbyte or ushort or uint:
                        Constants.Add(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case decimal d:
                        Constants.Add(d);
                        break;
                    case double d when !isDecimal && double.IsFinite(d) && Math.Abs(d) < 1e27:
                        Constants.Add((decimal)d);
                        Constants.Add(Math.Floor((decimal)d) - 1);
                        Constants.Add(Math.Ceiling((decimal)d) + 1);
                        break;
                    default:
                        ok = false;
                        break;
                }

                return node;
            case ExpressionType.MemberAccess:
                var access = (MemberExpression)node;
                ok &= access.Expression == lead && access.Member.Name == member;
                return node;
            default:
                ok = false;
                return node;
        }
    }

    private static bool IsDecimalOperator(MethodInfo method) => method.DeclaringType == typeof(decimal);

    private static bool IsDecimalConversion(MethodInfo method) => method.DeclaringType == typeof(decimal) && method.ReturnType == typeof(decimal);
}
