using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain;

/// <summary>
/// Decides whether a rule expression is safe to run: a lexical check before anything parses (length, nesting,
/// operator chains that would overflow the parser's stack) and an allow-list walk over the parsed expression tree.
/// </summary>
internal static class ExpressionGuard
{
    private const int MaxPrefixOperatorRun = 16;
    private const int MaxConditionalOperators = 32;
    private const int MaxArrayLiteralItems = 1_000;

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(char), typeof(string), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(Guid),
    ];

    private static readonly Dictionary<Type, HashSet<string>> AllowedMembers = new()
    {
        [typeof(string)] = ["Length"],
        [typeof(DateTime)] = ["Year", "Month", "Day", "Hour", "Minute", "Second", "DayOfWeek", "DayOfYear", "Date", "TimeOfDay"],
        [typeof(DateTimeOffset)] = ["Year", "Month", "Day", "Hour", "Minute", "Second", "DayOfWeek", "DayOfYear", "Date", "TimeOfDay", "Offset", "UtcDateTime", "DateTime"],
        [typeof(TimeSpan)] = ["Days", "Hours", "Minutes", "Seconds", "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds"],
        [typeof(DateOnly)] = ["Year", "Month", "Day", "DayOfWeek", "DayOfYear"],
    };

    private static readonly Dictionary<Type, HashSet<string>> AllowedMethods = new()
    {
        [typeof(string)] =
        [
            "Contains", "StartsWith", "EndsWith", "Equals", "IndexOf", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant",
            "Trim", "TrimStart", "TrimEnd", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Compare", "CompareOrdinal", "CompareTo", "Concat", "Substring",
            "op_Equality", "op_Inequality",
        ],
        [typeof(Enumerable)] =
        [
            "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Contains", "Where", "Select",
            "First", "FirstOrDefault", "Last", "LastOrDefault", "Distinct", "Take", "Skip",
        ],
        [typeof(Math)] = ["Abs", "Min", "Max", "Round", "Floor", "Ceiling", "Sign"],
        [typeof(DateTime)] = ["AddDays", "AddHours", "AddMinutes", "AddSeconds", "AddMonths", "AddYears", "Subtract", "CompareTo", "Equals"],
        [typeof(DateTimeOffset)] = ["AddDays", "AddHours", "AddMinutes", "AddSeconds", "AddMonths", "AddYears", "Subtract", "CompareTo", "Equals", "ToUniversalTime"],
        [typeof(TimeSpan)] = ["FromDays", "FromHours", "FromMinutes", "FromSeconds", "CompareTo", "Equals", "Duration"],
        [typeof(decimal)] = ["CompareTo", "Equals", "Round", "Floor", "Ceiling", "Abs"],
        [typeof(int)] = ["CompareTo", "Equals"],
        [typeof(long)] = ["CompareTo", "Equals"],
        [typeof(double)] = ["CompareTo", "Equals"],
        [typeof(bool)] = ["Equals"],
        [typeof(char)] = ["IsDigit", "IsLetter", "IsUpper", "IsLower", "IsWhiteSpace", "Equals"],
    };

    private static readonly HashSet<Type> CollectionDefinitions =
    [
        typeof(IReadOnlyList<>), typeof(IList<>), typeof(List<>), typeof(IReadOnlyCollection<>), typeof(ICollection<>),
        typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>), typeof(Dictionary<,>), typeof(ISet<>), typeof(HashSet<>),
        typeof(IReadOnlySet<>),
    ];

    private static readonly HashSet<string> CollectionMembers = ["Count", "Keys", "Values", "get_Item", "ContainsKey", "Contains"];

    private static readonly ConcurrentDictionary<(Type, Type), HashSet<Type>> DataTypeCache = new();

    private static readonly HashSet<string> LambdaMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Where", "Select", "First", "FirstOrDefault", "Last",
        "LastOrDefault", "SelectMany", "OrderBy", "OrderByDescending", "GroupBy", "TakeWhile", "SkipWhile", "Single", "SingleOrDefault",
    };

    /// <summary>The most nodes a parsed tree may have per token of the token limits.</summary>
    internal const int NodesPerToken = 4;

    /// <summary>Checks the text of an expression before it is parsed; returns the problem or null.</summary>
    public static string? CheckText(string expression, ScoringLimits limits) => CheckText(expression, limits, out _);

    /// <summary>Checks the text of an expression before it is parsed; returns the problem or null, and the number of tokens read.</summary>
    public static string? CheckText(string expression, ScoringLimits limits, out int tokenCount)
    {
        tokenCount = 0;
        if (expression.Length > limits.MaxExpressionLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the expression is {expression.Length} characters long; the limit is {limits.MaxExpressionLength}");
        }

        var tokens = RuleTokens.Read(expression, out var tokenError);
        tokenCount = tokens.Count;
        if (tokenError is not null)
        {
            return "the expression is not made of valid tokens: " + tokenError;
        }


        var depth = 0;
        var prefixRun = 0;
        var conditionals = 0;
        var lambdas = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var (kind, text, _) = tokens[t];
            prefixRun = kind == RuleTokens.Kind.Prefix ? prefixRun + 1 : 0;
            switch (kind)
            {
                case RuleTokens.Kind.Open when ++depth > limits.MaxNestingDepth:
                    return string.Create(CultureInfo.InvariantCulture, $"the expression nests brackets more than {limits.MaxNestingDepth} deep");
                case RuleTokens.Kind.Close:
                    depth--;
                    break;
                case RuleTokens.Kind.Prefix when prefixRun > MaxPrefixOperatorRun:
                    return string.Create(CultureInfo.InvariantCulture, $"the expression chains more than {MaxPrefixOperatorRun} prefix operators (!, not, -, +) in a row");
                case RuleTokens.Kind.Conditional:
                case RuleTokens.Kind.Identifier when IsConditionalFunction(text, tokens, t):
                    if (++conditionals > MaxConditionalOperators)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the expression has more than {MaxConditionalOperators} conditional or null operators (?, ??, ?., iif, np)");
                    }

                    break;
                case RuleTokens.Kind.Lambda:
                case RuleTokens.Kind.Identifier when IsImplicitLambda(text, tokens, t):
                    lambdas++;
                    break;
            }
        }

        if (lambdas > limits.MaxLambdaDepth * 8)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the expression has {lambdas} lambdas; at most {limits.MaxLambdaDepth * 8} are accepted");
        }

        if (tokens.Count > limits.MaxTokensPerExpression)
        {
            // The size of the tree the parser would build, and so the memory and time of parsing and compiling it.
            return string.Create(CultureInfo.InvariantCulture,
                $"the expression has {tokens.Count} tokens (names, literals, operators, brackets and commas); the limit is {limits.MaxTokensPerExpression} (ScoringLimits.MaxTokensPerExpression), passed at character {tokens[limits.MaxTokensPerExpression].Position + 1}; split it into several rules");
        }

        return null;
    }

    /// <summary>
    /// Counts the nodes of a parsed tree as compiling it would meet them (a subtree the parser shares is counted each time
    /// it is used), stopping as soon as the count passes <paramref name="limit"/>; returns the count, or -1 past the limit.
    /// </summary>
    public static int CountNodes(Expression expression, int limit)
    {
        var counter = new NodeCounter(limit);
        counter.Visit(expression);
        return counter.Over ? -1 : counter.Count;
    }

    /// <summary>The parser's functions that branch like <c>?:</c>: <c>iif(c, a, b)</c> and <c>np(x)</c>.</summary>
    private static bool IsConditionalFunction(string name, IReadOnlyList<(RuleTokens.Kind Kind, string Text, int Position)> tokens, int index) =>
        (name.Equals("iif", StringComparison.OrdinalIgnoreCase) || name.Equals("np", StringComparison.OrdinalIgnoreCase))
        && index + 1 < tokens.Count && tokens[index + 1].Kind == RuleTokens.Kind.Open;

    /// <summary>
    /// A call of a collection method with an argument, such as <c>Any(Type == "x")</c>: the parser makes its argument a
    /// lambda over the implicit parameter <c>it</c> even without <c>=&gt;</c>.
    /// </summary>
    private static bool IsImplicitLambda(string name, IReadOnlyList<(RuleTokens.Kind Kind, string Text, int Position)> tokens, int index) =>
        index > 0 && tokens[index - 1].Text == "." && index + 2 < tokens.Count && tokens[index + 1].Kind == RuleTokens.Kind.Open
        && tokens[index + 2].Kind != RuleTokens.Kind.Close && LambdaMethods.Contains(name)
        && !(index + 3 < tokens.Count && tokens[index + 3].Kind == RuleTokens.Kind.Lambda);

    /// <summary>Walks a parsed expression and returns every construct that is not on the allow-list.</summary>
    public static IReadOnlyList<string> CheckTree(Expression expression, Type leadType, Type activityType, ScoringLimits limits, out bool usesActivity)
    {
        var dataTypes = DataTypeCache.GetOrAdd((leadType, activityType), key => FindDataTypes(key.Item1, key.Item2));
        var walker = new Walker(dataTypes, limits.MaxLambdaDepth, activityType);
        walker.Visit(expression);
        usesActivity = walker.UsesActivity;
        return walker.Problems;
    }

    private static HashSet<Type> FindDataTypes(Type leadType, Type activityType)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>([leadType, activityType]);
        while (pending.Count > 0)
        {
            var type = Unwrap(pending.Pop());
            if (IsValueType(type) || IsSystemType(type) || !found.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                pending.Push(property.PropertyType);
                foreach (var element in ElementTypes(property.PropertyType))
                {
                    pending.Push(element);
                }
            }
        }

        return found;
    }

    private static IEnumerable<Type> ElementTypes(Type type)
    {
        if (type.IsArray)
        {
            yield return type.GetElementType()!;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                yield return argument;
            }
        }
    }

    private static bool IsTimeType(Type type) =>
        Unwrap(type) is var t && (t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(DateOnly) || t == typeof(TimeOnly));

    /// <summary>
    /// Refuses a collection operation that compares, hashes or orders items of a type that is not text, a number, a date
    /// or an enum: it would run that type's own <c>Equals</c>, <c>GetHashCode</c> or <c>CompareTo</c>, code of the
    /// integrator's types that a rule must never run.
    /// </summary>
    internal static string? EqualityProblem(MethodCallExpression node)
    {
        var method = node.Method;
        Type? compared = null;
        if (method.DeclaringType == typeof(Enumerable) && method.IsGenericMethod)
        {
            var arguments = method.GetGenericArguments();
            compared = method.Name switch
            {
                "Distinct" or "Contains" or "Except" or "Intersect" or "Union" or "SequenceEqual" or "ToHashSet" => arguments[0],
                // Min(source) returns the items it compares, Min(source, selector) the selected values it compares.
                "Min" or "Max" => method.ReturnType,
                "GroupBy" or "ToDictionary" or "ToLookup" or "DistinctBy" or "ExceptBy" or "IntersectBy" or "UnionBy" or "OrderBy" or "OrderByDescending"
                    => arguments.Length > 1 ? arguments[1] : arguments[0],
                _ => null,
            };
        }
        else if (node.Object is { } collection && collection.Type != typeof(string)
            && method.Name is "Contains" or "ContainsKey" or "ContainsValue" or "IndexOf" or "LastIndexOf" or "get_Item" or "TryGetValue"
            && method.GetParameters() is [var first, ..])
        {
            compared = first.ParameterType;
        }

        return compared is null || IsValueType(compared)
            ? null
            : "'" + method.Name + "' compares items of type '" + Name(compared) + "' with that type's own Equals, GetHashCode or CompareTo, "
                + "code that a rule must not run; compare a text, number or date of the items instead (for example Select(a => a.Url).Distinct())";
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsValueType(Type type) => ValueTypes.Contains(Unwrap(type)) || Unwrap(type).IsEnum;

    private static bool IsSystemType(Type type) =>
        type.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal));

    private static bool IsCollection(Type type) =>
        type.IsArray || (type.IsGenericType && CollectionDefinitions.Contains(type.GetGenericTypeDefinition()))
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>));

    private static string Name(Type type) => Unwrap(type).Name;

    private sealed class NodeCounter(int limit) : ExpressionVisitor
    {
        public int Count { get; private set; }

        public bool Over { get; private set; }

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(node))]
        public override Expression? Visit(Expression? node)
        {
            if (node is null || Over)
            {
                return node;
            }

            if (++Count > limit)
            {
                Over = true;
                return node;
            }

            return base.Visit(node);
        }
    }

    private sealed class Walker(HashSet<Type> dataTypes, int maxLambdaDepth, Type activityType) : ExpressionVisitor
    {
        private int lambdaDepth;

        public List<string> Problems { get; } = [];

        public bool UsesActivity { get; private set; }

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(node))]
        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            switch (node.NodeType)
            {
                case ExpressionType.Parameter or ExpressionType.Constant or ExpressionType.MemberAccess or ExpressionType.Call
                    or ExpressionType.Lambda or ExpressionType.Conditional or ExpressionType.NewArrayInit or ExpressionType.New
                    or ExpressionType.Default or ExpressionType.TypeIs or ExpressionType.Quote:
                    break;
                case ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Not or ExpressionType.Negate
                    or ExpressionType.NegateChecked or ExpressionType.UnaryPlus or ExpressionType.ArrayLength or ExpressionType.OnesComplement:
                    break;
                case ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
                    or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
                    or ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr or ExpressionType.AndAlso or ExpressionType.OrElse
                    or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                    or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.Coalesce or ExpressionType.ArrayIndex:
                    break;
                default:
                    Problems.Add("the construct '" + node.NodeType + "' is not allowed in scoring rules");
                    return node;
            }

            return base.Visit(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node.Type == activityType && node.Name == "activity")
            {
                UsesActivity = true;
            }

            return node;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null && IsTimeType(node.Type))
            {
                // The parser turns a text compared with a date into a date constant, read in the host's time zone.
                Problems.Add("a date or time given as text ('" + Name(node.Type) + "' made from a quoted literal) is not allowed: it is read in the host's time zone, "
                    + "so the same lead would score differently on another server; build it with DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(0)) "
                    + "(or TimeSpan.FromDays(…)), or compare with the lead's own date fields");
                return node;
            }

            if (node.Value is not null && !IsValueType(node.Type) && !(node.Type.IsArray && IsValueType(node.Type.GetElementType()!)))
            {
                Problems.Add("a constant of type '" + Name(node.Type) + "' is not allowed in scoring rules");
            }

            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            var declaring = node.Member.DeclaringType!;
            if (node.Expression is null)
            {
                Problems.Add("the static member '" + Name(declaring) + "." + node.Member.Name + "' is not allowed: rules read only the lead's own data"
                    + (declaring == typeof(DateTime) || declaring == typeof(DateTimeOffset) ? " (for time, use the rule's decay or windowDays instead of the clock)" : string.Empty));
                return node;
            }

            if (node.Member is not PropertyInfo)
            {
                Problems.Add("the field '" + Name(declaring) + "." + node.Member.Name + "' is not allowed; rules read properties only");
            }
            else if (!IsAllowedMember(declaring, node.Member.Name))
            {
                Problems.Add("the member '" + Name(declaring) + "." + node.Member.Name + "' is not allowed: rules read only the lead's own data and simple properties of text, numbers and dates");
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var declaring = node.Method.DeclaringType!;
            if (!IsAllowedMethod(declaring, node.Method.Name))
            {
                Problems.Add("the method '" + Name(declaring) + "." + node.Method.Name + "' is not allowed: rules may use comparisons, arithmetic, "
                    + "text tests (Contains, StartsWith, EndsWith, …), date arithmetic and Any/All/Count/Sum/… over the lead's own collections");
            }
            else if (HostIndependence.MethodProblem(node) is { } hostProblem)
            {
                Problems.Add(hostProblem);
            }
            else if (EqualityProblem(node) is { } equalityProblem)
            {
                Problems.Add(equalityProblem);
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is { } method && !IsAllowedMethod(method.DeclaringType!, method.Name)
                && !(IsValueType(method.DeclaringType!) && method.Name.StartsWith("op_", StringComparison.Ordinal)))
            {
                Problems.Add("the operator '" + Name(method.DeclaringType!) + "." + method.Name + "' is not allowed in scoring rules");
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (HostIndependence.ConversionProblem(node) is { } hostProblem)
            {
                Problems.Add(hostProblem);
            }
            else if (node.Method is { } method && !(IsValueType(method.DeclaringType!) && method.Name.StartsWith("op_", StringComparison.Ordinal)))
            {
                Problems.Add("the conversion '" + Name(method.DeclaringType!) + "." + method.Name + "' is not allowed in scoring rules");
            }
            else if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked && !IsAllowedConversion(node.Operand.Type, node.Type))
            {
                Problems.Add("the conversion to '" + Name(node.Type) + "' is not allowed in scoring rules");
            }

            return base.VisitUnary(node);
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            lambdaDepth++;
            if (lambdaDepth > maxLambdaDepth)
            {
                Problems.Add(string.Create(CultureInfo.InvariantCulture, $"lambdas are nested more than {maxLambdaDepth} deep"));
            }

            var result = base.VisitLambda(node);
            lambdaDepth--;
            return result;
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            if (node.Expressions.Count > MaxArrayLiteralItems)
            {
                Problems.Add(string.Create(CultureInfo.InvariantCulture, $"an array literal has more than {MaxArrayLiteralItems} items"));
            }

            return base.VisitNewArray(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            var type = node.Type;
            if (type != typeof(DateTime) && type != typeof(DateTimeOffset) && type != typeof(TimeSpan) && type != typeof(DateOnly))
            {
                Problems.Add("creating a '" + Name(type) + "' is not allowed in scoring rules");
            }
            else if (HostIndependence.ConstructorProblem(node) is { } hostProblem)
            {
                Problems.Add(hostProblem);
            }

            return base.VisitNew(node);
        }

        private bool IsAllowedMember(Type declaring, string member)
        {
            if (dataTypes.Contains(declaring) || (declaring.IsInterface && dataTypes.Any(t => declaring.IsAssignableFrom(t) && !IsSystemType(t))))
            {
                return true;
            }

            // A property the integrator's lead or activity type inherits from a base type of the integrator's own.
            if (!declaring.IsInterface && !IsSystemType(declaring) && dataTypes.Any(declaring.IsAssignableFrom))
            {
                return true;
            }

            if (declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(Nullable<>))
            {
                return member is "HasValue" or "Value";
            }

            if (declaring == typeof(Array))
            {
                // An array's Length is declared by System.Array, not by the array type itself.
                return member == "Length";
            }

            if (IsCollection(declaring))
            {
                return CollectionMembers.Contains(member);
            }

            return AllowedMembers.TryGetValue(declaring, out var members) && members.Contains(member);
        }

        private static bool IsAllowedMethod(Type declaring, string method)
        {
            if (declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(Nullable<>))
            {
                return method == "GetValueOrDefault";
            }

            if (IsCollection(declaring))
            {
                return CollectionMembers.Contains(method);
            }

            return AllowedMethods.TryGetValue(declaring, out var methods) && methods.Contains(method);
        }

        private bool IsAllowedConversion(Type from, Type to)
        {
            if (to == typeof(object) || IsValueType(to) || (IsValueType(from) && IsValueType(to)))
            {
                return true;
            }

            return to.IsAssignableFrom(from) && (dataTypes.Contains(Unwrap(from)) || IsCollection(from) || IsCollection(to) || from.IsArray);
        }
    }
}
