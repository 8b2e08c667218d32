using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain;

/// <summary>
/// Where the work meter of rules that only search and compare texts cannot act, so that fused rules may leave its
/// charges out. Such a rule counts its work in a local and settles with the thread's meter (budget stop, cancellation)
/// only once that work passes its stride (<see cref="WorkMeter.RuleLocalStride"/> or a smaller budget). Each charge is a
/// length, or a length times a constant needle's, of a text the rule reads from the lead or the activity, and each runs
/// at most once per evaluation (no loop, no lambda): the rule's work is at most <c>A·L + B</c> for the longest such text
/// <c>L</c>. Up to the shortest <c>L</c> at which a rule could reach its stride, the meter would never settle, so the
/// same rules without the charges give the same answers, the same failures and the same stops.
/// </summary>
internal static class ShortTexts
{
    /// <summary>
    /// Returns the bodies without their text charges and the test, over the texts they read, under which that changes
    /// nothing; <see langword="false"/> when a body is metered otherwise (lambdas, built texts, sequences) or reads a text
    /// that is not an auto-property of the lead or the activity.
    /// </summary>
    /// <param name="bodies">Rule bodies as <see cref="WorkMetering.Instrument"/> returned them.</param>
    /// <param name="lead">The <c>lead</c> parameter.</param>
    /// <param name="activity">The <c>activity</c> parameter.</param>
    /// <param name="unmetered">Receives the bodies without the charges.</param>
    /// <param name="guard">Receives the test: every text read is <see langword="null"/> or short enough.</param>
    /// <returns>Whether the bodies could be freed of their charges.</returns>
    public static bool TryUnmeter(IReadOnlyList<Expression> bodies, ParameterExpression lead, ParameterExpression activity, out Expression[] unmetered, out Expression guard)
    {
        var finder = new ChargeFinder(lead, activity);
        unmetered = [.. bodies.Select(finder.Visit).Select(b => b!)];
        guard = Expression.Constant(true);
        if (finder.Refused)
        {
            return false;
        }

        // The longest text every rule stays below its stride with: A·L + B ≤ stride.
        var longest = long.MaxValue;
        foreach (var (a, b, stride) in finder.Work.Values)
        {
            if (b > stride)
            {
                return false;
            }

            if (a > 0)
            {
                longest = Math.Min(longest, (stride - b) / a);
            }
        }

        foreach (var text in finder.Texts)
        {
            var length = Expression.Property(text, nameof(string.Length));
            var shortEnough = Expression.OrElse(
                Expression.Equal(text, Expression.Constant(null, typeof(string))),
                Expression.LessThanOrEqual(length, Expression.Constant((int)Math.Min(longest, int.MaxValue))));
            guard = guard is ConstantExpression ? shortEnough : Expression.AndAlso(guard, shortEnough);
        }

        return true;
    }

    /// <summary>Whether a property is a compiler-generated auto-property: reading it cannot throw or have an effect.</summary>
    /// <remarks>
    /// A backing field alone does not make a plain read: a getter with a body over <c>field</c> is the author's code, and an
    /// overridable getter may be replaced by any code in a derived type. Only a compiler-generated getter that no type can
    /// override qualifies, so that reading it where a rule would not (hoisted, or in the short-text test) changes nothing.
    /// </remarks>
    public static bool IsAutoProperty(PropertyInfo property) =>
        property.GetMethod is { IsStatic: false } getter
        && (!getter.IsVirtual || getter.IsFinal)
        && getter.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false)
        && property.DeclaringType!.GetField(
            "<" + property.Name + ">k__BackingField",
            BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    /// <summary>Finds each charge, adds its bound to its rule's work, and replaces it by the work it was given.</summary>
    private sealed class ChargeFinder(ParameterExpression lead, ParameterExpression activity) : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, Expression> sources = [];

        public bool Refused { get; private set; }

        /// <summary>Gets, per rule's work local, <c>A</c>, <c>B</c> and the stride past which it settles.</summary>
        public Dictionary<ParameterExpression, (long A, long B, long Stride)> Work { get; } = [];

        /// <summary>Gets the texts the charges read (each once).</summary>
        public List<MemberExpression> Texts { get; } = [];

        protected override Expression VisitBlock(BlockExpression node)
        {
            foreach (var expression in node.Expressions)
            {
                if (expression is BinaryExpression { NodeType: ExpressionType.Assign, Left: ParameterExpression variable } assign && node.Variables.Contains(variable))
                {
                    sources[variable] = assign.Right;
                }
            }

            return base.VisitBlock(node);
        }

        protected override Expression VisitLambda<T>(Expression<T> node) => Refuse(node);

        protected override Expression VisitLoop(LoopExpression node) => Refuse(node);

        protected override Expression VisitGoto(GotoExpression node) => Refuse(node);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(WorkMeter))
            {
                return base.VisitMethodCall(node);
            }

            var search = node.Method == WorkMeter.SearchInRuleMethod;
            if ((!search && node.Method != WorkMeter.CompareInRuleMethod)
                || node.Arguments[0] is not ParameterExpression work
                || node.Arguments[3] is not ConstantExpression { Value: long stride })
            {
                return Refuse(node); // metered otherwise: the meter acts on every evaluation
            }

            var first = Operand(node.Arguments[1]);
            var second = Operand(node.Arguments[2]);
            if (Refused)
            {
                return node;
            }

            // Search: |text| × max(1, |needle|); compare: |left| + |right|. A text read from the lead or the activity is at most L.
            long a, b;
            if (!search)
            {
                a = (first is null ? 1 : 0) + (second is null ? 1 : 0);
                b = (first ?? 0) + (second ?? 0);
            }
            else if (first is { } text)
            {
                // A constant text: its length times max(1, L) ≤ its length × (L + 1) for a needle read from the lead or activity.
                (a, b) = second is { } needle ? (0L, (long)text * Math.Max(1, needle)) : (text, text);
            }
            else if (second is { } needle)
            {
                (a, b) = (Math.Max(1L, needle), 0L);
            }
            else
            {
                return Refuse(node); // a text searched for a text: the work grows with the square of L
            }

            var (sumA, sumB, known) = Work.GetValueOrDefault(work, (0L, 0L, stride));
            Work[work] = (sumA + a, sumB + b, Math.Min(known, stride));
            return work;
        }

        /// <summary>A text operand: its length if constant (0 for <see langword="null"/>), or <see langword="null"/> for a text read from the lead or the activity.</summary>
        private int? Operand(Expression operand)
        {
            if (operand is ConstantExpression constant)
            {
                return (constant.Value as string)?.Length ?? 0;
            }

            if (operand is ParameterExpression variable && sources.TryGetValue(variable, out var source)
                && source is MemberExpression { Expression: ParameterExpression owner, Member: PropertyInfo property } member
                && (owner == lead || owner == activity) && property.PropertyType == typeof(string) && IsAutoProperty(property))
            {
                if (!Texts.Any(t => t.Expression == owner && t.Member == property))
                {
                    Texts.Add(member);
                }

                return null;
            }

            Refuse(operand);
            return 0;
        }

        private Expression Refuse(Expression node)
        {
            Refused = true;
            return node;
        }
    }
}
