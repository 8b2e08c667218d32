using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The tree walk's decisions that a rule written in text reaches only through an integrator's own types (nested records,
/// arrays, interfaces, operators, fields, conversions), each checked allowed and refused with its exact reason; the
/// constructs the parser never builds from text are checked on trees built by hand, since an integrator's lead type or a
/// later parser version could still produce them.
/// </summary>
public class GuardWalkerEdgeTests
{
    private const string MemberReason = " is not allowed: rules read only the lead's own data and simple properties of text, numbers and dates";

    private static readonly NestedLead Lead = new()
    {
        Company = new NestedCompany { Name = "Acme", Address = new NestedAddress { City = "Berlin" } },
        Contacts = [new NestedContact { Name = "Mary" }, new NestedContact { Name = "Sam" }],
        Notes = [new NestedNote { Text = "call back" }],
        Aliases = ["acme", "acme gmbh"],
        Names = ["a", "b"],
        Website = new Uri("https://acme.example/"),
        Region = "EMEA",
        Counter = 3,
        Visits = [],
    };

    private static LeadScoringModel<NestedLead, NestedVisit> Load(string expression, string scope = "lead") =>
        LeadScoringModel.LoadFor<NestedLead, NestedVisit>(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), l => l.Visits, v => v.At);

    private static string Rejection(string expression, string scope = "lead")
    {
        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => Load(expression, scope)).Problems);
        Assert.Equal("$.Rules[0].Expression", problem.Path);
        return problem.Message;
    }

    [Theory]
    [InlineData("lead.Company.Name == \"Acme\"")]
    [InlineData("lead.Company.Address.City == \"Berlin\"")]
    [InlineData("lead.Contacts.Any(c => c.Name == \"Sam\")")]
    [InlineData("lead.Notes.Any(n => n.Text.StartsWith(\"call\"))")]
    [InlineData("lead.Aliases.Length == 2")]
    [InlineData("lead.Aliases.Select(a => a.Length).Max() == 9")]
    [InlineData("lead.Aliases.Select(a => a.Length).Min() == 4")]
    [InlineData("lead.Region == \"EMEA\"")]
    [InlineData("lead.Names.Count == 2")]
    public void TheIntegratorsNestedTypes_AreReadable(string expression)
    {
        var score = Load(expression).Score(Lead, Generators.ScoringNow);

        Assert.Empty(score.Errors);
        Assert.Equal(10m, score.Total);
    }

    [Theory]
    [InlineData("lead.Website.Host == \"acme.example\"", "the member 'Uri.Host'" + MemberReason)]
    [InlineData("lead.Names.IsReadOnly", "the member 'ICollection`1.IsReadOnly'" + MemberReason)]
    [InlineData("lead.Counter > 1", "the field 'NestedLead.Counter' is not allowed; rules read properties only")]
    [InlineData("lead.Company == lead.Company", "the operator 'NestedCompany.op_Equality' is not allowed in scoring rules")]
    [InlineData("lead.Contacts.Contains(lead.Contacts.First())",
        "'Contains' compares items of type 'NestedContact' with that type's own Equals, GetHashCode or CompareTo, code that a rule must not run; compare a text, number or date of the items instead (for example Select(a => a.Url).Distinct())")]
    public void WhatTheIntegratorsTypesDoNotOffer_IsRefusedWithItsReason(string expression, string reason)
    {
        Assert.Equal("Rule 'R' is rejected: " + reason + ".", Rejection(expression));
    }

    [Fact]
    public void ALeadRuleReadingTheActivity_IsRefused_AndAnActivityRuleMayReadIt()
    {
        Assert.Equal(
            "Rule 'R' is scored once per lead but reads 'activity'; set \"scope\": \"activity\" (or group \"engagement\") or read only 'lead'.",
            Rejection("activity.Page == \"/pricing\""));
        Assert.Single(Load("activity.Page == \"/pricing\"", "activity").RuleCosts);
        Assert.Single(Load("lead.Visits.Any(v => v.Page == \"/pricing\")").RuleCosts);
    }

    [Fact]
    public void OnlyTheActivityParameterItself_CountsAsReadingTheActivity()
    {
        ExpressionGuard.CheckTree(Expression.GreaterThan(Expression.Property(Expression.Parameter(typeof(string), "activity"), nameof(string.Length)), Expression.Constant(0)),
            typeof(NestedLead), typeof(NestedVisit), ScoringLimits.Default, out var textNamedActivity);
        Assert.False(textNamedActivity);
        ExpressionGuard.CheckTree(Expression.NotEqual(Expression.Parameter(typeof(NestedVisit), "activity"), Expression.Constant(null, typeof(NestedVisit))),
            typeof(NestedLead), typeof(NestedVisit), ScoringLimits.Default, out var itself);
        ExpressionGuard.CheckTree(Expression.NotEqual(Expression.Parameter(typeof(NestedVisit), "v"), Expression.Constant(null, typeof(NestedVisit))),
            typeof(NestedLead), typeof(NestedVisit), ScoringLimits.Default, out var another);
        Assert.True(itself);
        Assert.False(another);
    }

    [Theory]
    [InlineData("TimeSpan(1, 2, 3).Hours == 1")]
    [InlineData("DateOnly(2024, 3, 14).Day == 14")]
    public void TheDateTypesThatMayBeCreated_LoadAndRun(string expression)
    {
        Assert.Equal(10m, Load(expression).Score(Lead, Generators.ScoringNow).Total);
    }

    [Fact]
    public void TextEndingRightAfterACollectionMethod_IsCheckedWithoutReadingPastTheEnd()
    {
        var limits = new ScoringLimits { MaxLambdaDepth = 1 };

        Assert.Null(ExpressionGuard.CheckText("lead.Activities.Any(", limits));
        Assert.Null(ExpressionGuard.CheckText("lead.Activities.Any(a", limits));
        Assert.Null(ExpressionGuard.CheckText("lead.Activities.Any(a =", limits));
        Assert.Equal("the expression has 9 lambdas; at most 8 are accepted",
            ExpressionGuard.CheckText(string.Concat(Enumerable.Repeat("lead.Activities.Any(a) && ", 8)) + "lead.Activities.Any(a", limits));
    }

    public static TheoryData<string, string> HandBuiltTrees()
    {
        var lead = Expression.Parameter(typeof(NestedLead), "lead");
        var company = Expression.Property(lead, nameof(NestedLead.Company));
        var uri = Expression.Property(lead, nameof(NestedLead.Website));
        var implicitInt = typeof(NestedMoney).GetMethod("op_Implicit", [typeof(NestedMoney)])!;
        return new TheoryData<string, string>
        {
            { Show(Expression.Equal(Expression.Constant(new Uri("https://x.example/")), uri)), "the operator 'Uri.op_Equality' is not allowed in scoring rules|a constant of type 'Uri' is not allowed in scoring rules" },
            { Show(Expression.Equal(Expression.Constant(new NestedMoney()), Expression.Default(typeof(NestedMoney)))), "a constant of type 'NestedMoney' is not allowed in scoring rules" },
            { Show(Expression.Equal(Expression.Convert(Expression.Constant(new NestedMoney()), typeof(int), implicitInt), Expression.Constant(1))), "the conversion 'NestedMoney.op_Implicit' is not allowed in scoring rules|a constant of type 'NestedMoney' is not allowed in scoring rules" },
            { Show(Expression.NotEqual(Expression.Convert(company, typeof(IDisposable)), Expression.Constant(null, typeof(IDisposable)))), "the conversion to 'IDisposable' is not allowed in scoring rules" },
            { Show(Expression.NotEqual(Expression.Convert(uri, typeof(System.Runtime.Serialization.ISerializable)), Expression.Constant(null, typeof(System.Runtime.Serialization.ISerializable)))), "the conversion to 'ISerializable' is not allowed in scoring rules" },
            { Show(Expression.NotEqual(Expression.New(typeof(Uri).GetConstructor([typeof(string)])!, Expression.Constant("https://x.example/")), uri)), "the operator 'Uri.op_Inequality' is not allowed in scoring rules|creating a 'Uri' is not allowed in scoring rules" },
            { Show(Expression.NotEqual(Expression.Field(Expression.Field(null, typeof(GuardWalkerEdgeTests).GetField(nameof(Shared), BindingFlags.NonPublic | BindingFlags.Static)!), nameof(NestedLead.Counter)), Expression.Constant(0))), "the field 'NestedLead.Counter' is not allowed; rules read properties only|the static member 'GuardWalkerEdgeTests.Shared' is not allowed: rules read only the lead's own data" },
        };

        static string Show(Expression body) => Trees.Add(body);
    }

    [Theory]
    [MemberData(nameof(HandBuiltTrees), DisableDiscoveryEnumeration = true)]
    public void TreesTheParserDoesNotBuild_AreStillRefused(string key, string reasons)
    {
        var problems = ExpressionGuard.CheckTree(Trees.Get(key), typeof(NestedLead), typeof(NestedVisit), ScoringLimits.Default, out _);

        Assert.Equal(reasons.Split('|'), problems);
    }

    [Fact]
    public void ConversionsThatStayWithinTheLeadsData_AreAllowed()
    {
        var lead = Expression.Parameter(typeof(NestedLead), "lead");
        var names = Expression.Property(lead, nameof(NestedLead.Names));
        var aliases = Expression.Property(lead, nameof(NestedLead.Aliases));
        var company = Expression.Property(lead, nameof(NestedLead.Company));
        Expression[] allowed =
        [
            Expression.Convert(company, typeof(object)),
            Expression.Convert(Expression.Constant(3), typeof(long)),
            Expression.Convert(Expression.Constant(new[] { 1, 2 }), typeof(IEnumerable<int>)),
            Expression.Convert(company, typeof(INestedNamed)),
            Expression.Convert(names, typeof(IEnumerable<string>)),
            Expression.Convert(aliases, typeof(IEnumerable<string>)),
        ];

        foreach (var expression in allowed)
        {
            Assert.Empty(ExpressionGuard.CheckTree(Expression.NotEqual(expression, Expression.Default(expression.Type)), typeof(NestedLead), typeof(NestedVisit), ScoringLimits.Default, out _));
        }
    }

    public static TheoryData<string, string> ComparingCalls()
    {
        var visits = Expression.Parameter(typeof(List<NestedVisit>), "visits");
        var byVisit = Expression.Parameter(typeof(Dictionary<NestedVisit, int>), "byVisit");
        var ofVisit = Expression.Parameter(typeof(Dictionary<int, NestedVisit>), "ofVisit");
        var visit = Expression.Parameter(typeof(NestedVisit), "visit");
        Expression<Func<NestedVisit, NestedVisit>> self = v => v;
        Expression<Func<NestedVisit, string>> page = v => v.Page;
        Expression<Func<NestedVisit, int>> zero = v => 0;
        MethodCallExpression Linq(string name, Type[] generic, params Expression[] arguments) =>
            Expression.Call(typeof(Enumerable), name, generic, arguments);
        var calls = new (MethodCallExpression Call, string Method, string? Type)[]
        {
            (Linq("Except", [typeof(NestedVisit)], visits, visits), "Except", "NestedVisit"),
            (Linq("Intersect", [typeof(NestedVisit)], visits, visits), "Intersect", "NestedVisit"),
            (Linq("Union", [typeof(NestedVisit)], visits, visits), "Union", "NestedVisit"),
            (Linq("SequenceEqual", [typeof(NestedVisit)], visits, visits), "SequenceEqual", "NestedVisit"),
            (Linq("ToHashSet", [typeof(NestedVisit)], visits), "ToHashSet", "NestedVisit"),
            (Linq("Distinct", [typeof(NestedVisit)], visits), "Distinct", "NestedVisit"),
            (Linq("Contains", [typeof(NestedVisit)], visits, visit), "Contains", "NestedVisit"),
            (Linq("Max", [typeof(NestedVisit)], visits), "Max", "NestedVisit"),
            (Linq("Min", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "Min", "NestedVisit"),
            (Linq("Max", [typeof(NestedVisit), typeof(string)], visits, page), null!, null),
            (Linq("GroupBy", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "GroupBy", "NestedVisit"),
            (Linq("GroupBy", [typeof(NestedVisit), typeof(string)], visits, page), null!, null),
            (Linq("ToDictionary", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "ToDictionary", "NestedVisit"),
            (Linq("ToLookup", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "ToLookup", "NestedVisit"),
            (Linq("DistinctBy", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "DistinctBy", "NestedVisit"),
            (Linq("DistinctBy", [typeof(NestedVisit), typeof(int)], visits, zero), null!, null),
            (Linq("ExceptBy", [typeof(NestedVisit), typeof(NestedVisit)], visits, visits, self), "ExceptBy", "NestedVisit"),
            (Linq("IntersectBy", [typeof(NestedVisit), typeof(NestedVisit)], visits, visits, self), "IntersectBy", "NestedVisit"),
            (Linq("UnionBy", [typeof(NestedVisit), typeof(NestedVisit)], visits, visits, self), "UnionBy", "NestedVisit"),
            (Linq("OrderBy", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "OrderBy", "NestedVisit"),
            (Linq("OrderByDescending", [typeof(NestedVisit), typeof(NestedVisit)], visits, self), "OrderByDescending", "NestedVisit"),
            (Linq("OrderBy", [typeof(NestedVisit), typeof(string)], visits, page), null!, null),
            (Linq("Count", [typeof(NestedVisit)], visits), null!, null),
            (Expression.Call(visits, "Contains", null, visit), "Contains", "NestedVisit"),
            (Expression.Call(visits, "IndexOf", null, visit), "IndexOf", "NestedVisit"),
            (Expression.Call(visits, "LastIndexOf", null, visit), "LastIndexOf", "NestedVisit"),
            (Expression.Call(byVisit, "ContainsKey", null, visit), "ContainsKey", "NestedVisit"),
            (Expression.Call(byVisit, "get_Item", null, visit), "get_Item", "NestedVisit"),
            (Expression.Call(byVisit, "TryGetValue", null, visit, Expression.Parameter(typeof(int).MakeByRefType(), "found")), "TryGetValue", "NestedVisit"),
            (Expression.Call(ofVisit, "ContainsValue", null, visit), "ContainsValue", "NestedVisit"),
            (Expression.Call(ofVisit, "ContainsKey", null, Expression.Constant(1)), null!, null),
            (Expression.Call(ofVisit, "get_Item", null, Expression.Constant(1)), null!, null),
            (Expression.Call(Expression.Constant("text"), "Contains", null, Expression.Constant("x")), null!, null),
            (Expression.Call(Expression.Constant("text"), "IndexOf", null, Expression.Constant('x')), null!, null),
        };
        var data = new TheoryData<string, string>();
        foreach (var (call, method, type) in calls)
        {
            data.Add(Trees.Add(call), type is null ? string.Empty : "'" + method + "' compares items of type '" + type + "'");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ComparingCalls), DisableDiscoveryEnumeration = true)]
    public void EachCallThatComparesItems_IsFoundByTheTypeItCompares(string key, string expected)
    {
        var problem = ExpressionGuard.EqualityProblem((MethodCallExpression)Trees.Get(key));

        if (expected.Length == 0)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(expected + " with that type's own Equals, GetHashCode or CompareTo", problem, StringComparison.Ordinal);
        }
    }

    private static readonly NestedLead Shared = Lead;

    /// <summary>Hand-built trees handed to theories by a readable key (xUnit data must be serializable).</summary>
    private static class Trees
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Expression> Built = new();

        public static string Add(Expression expression)
        {
            var key = expression.ToString();
            Built[key] = expression;
            return key;
        }

        public static Expression Get(string key) => Built[key];
    }

    /// <summary>An integrator's lead type with nested records, arrays, an interface-typed list, a system type and a field.</summary>
    public sealed record NestedLead : NestedBase
    {
        public required NestedCompany Company { get; init; }

        public required List<NestedContact> Contacts { get; init; }

        public required NestedNote[] Notes { get; init; }

        public required string[] Aliases { get; init; }

        public required IList<string> Names { get; init; }

        public required Uri Website { get; init; }

#pragma warning disable CA1051, SA1401 // a public field, to check that rules are refused reading it
        public int Counter;
#pragma warning restore CA1051, SA1401

        public required IReadOnlyList<NestedVisit> Visits { get; init; }
    }

    /// <summary>A base record whose property the lead inherits.</summary>
    public abstract record NestedBase
    {
        public required string Region { get; init; }
    }

    /// <summary>A named part of the lead.</summary>
    public interface INestedNamed
    {
        string Name { get; }
    }

    /// <summary>A company record (records bring their own <c>==</c>).</summary>
    public sealed record NestedCompany : INestedNamed
    {
        public required string Name { get; init; }

        public required NestedAddress Address { get; init; }
    }

    /// <summary>An address, two levels below the lead.</summary>
    public sealed record NestedAddress
    {
        public required string City { get; init; }
    }

    /// <summary>A contact in a list.</summary>
    public sealed record NestedContact
    {
        public required string Name { get; init; }
    }

    /// <summary>A note in an array.</summary>
    public sealed record NestedNote
    {
        public required string Text { get; init; }
    }

    /// <summary>An activity.</summary>
    public sealed record NestedVisit
    {
        public required DateTimeOffset At { get; init; }

        public required string Page { get; init; }
    }

    /// <summary>A type with a conversion operator of its own.</summary>
    public sealed class NestedMoney
    {
        public static implicit operator int(NestedMoney money) => 0;
    }
}
