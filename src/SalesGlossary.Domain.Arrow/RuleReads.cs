using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain.Arrow;

/// <summary>What a rule's expression reads: which members of <c>lead</c> and <c>activity</c>, and whether it uses either as a whole.</summary>
internal sealed class RuleReads : ExpressionVisitor
{
    private readonly ParameterExpression lead;
    private readonly ParameterExpression activity;

    private RuleReads(ParameterExpression lead, ParameterExpression activity)
    {
        this.lead = lead;
        this.activity = activity;
    }

    public HashSet<string> LeadMembers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ActivityMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets whether <c>lead</c> is used other than by reading one of its properties.</summary>
    public bool WholeLead { get; private set; }

    /// <summary>Gets whether <c>activity</c> is used other than by reading one of its properties.</summary>
    public bool WholeActivity { get; private set; }

    public static RuleReads Of(Expression body, ParameterExpression lead, ParameterExpression activity)
    {
        var reads = new RuleReads(lead, activity);
        reads.Visit(body);
        return reads;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ParameterExpression p && node.Member is PropertyInfo)
        {
            if (p == lead)
            {
                LeadMembers.Add(node.Member.Name);
                return node;
            }

            if (p == activity)
            {
                ActivityMembers.Add(node.Member.Name);
                return node;
            }
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        WholeLead |= node == lead;
        WholeActivity |= node == activity;
        return node;
    }
}
