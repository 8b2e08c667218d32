using System.Reflection;
using System.Reflection.Emit;

namespace SalesGlossary.Domain.Tests;

/// <summary>
/// The feature folders depend one way, from the top down, as DESIGN.md lists them:
/// Reporting → Agreement → Deals → Lifecycle / Profiles → Scoring / Connecting. Read from the compiled assembly (signatures,
/// fields, base types and every type or member a method body touches), so no reference can hide from it.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Library = typeof(LifecycleStage).Assembly;

    /// <summary>The rank of each feature: a feature may depend on features of a lower rank only (never sideways, never up).</summary>
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["Reporting"] = 5,
        ["Agreement"] = 4,
        ["Deals"] = 3,
        ["Lifecycle"] = 2,
        ["Profiles"] = 2,
        ["Scoring"] = 1,
        ["Connecting"] = 1,
    };

    /// <summary>Edges the ranks would allow but the design rules out: a score reaches the lifecycle and deals as a number and a trigger.</summary>
    private static readonly HashSet<(string From, string To)> Forbidden = [("Lifecycle", "Scoring"), ("Deals", "Scoring")];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// The feature a type belongs to: the folder of the file that declares it (every type has a file of its own), or
    /// <see langword="null"/> for the shared base (the root folder and Serialization), compiler-made types and other assemblies.
    /// </summary>
    private static string? FeatureOf(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        if (type.Assembly != Library || type.Name.StartsWith('<') || type.Namespace?.StartsWith("SalesGlossary.Domain", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var name = type.Name.Split('`')[0];
        if (!SourceTree.CoreFolderOfType.TryGetValue(name, out var folder))
        {
            throw new InvalidOperationException($"{type.FullName} is declared in no file of its own under src/SalesGlossary.Domain.");
        }

        return Rank.ContainsKey(folder) ? folder : null;
    }

    private static bool IsBase(Type type) =>
        type.Assembly == Library && !type.Name.StartsWith('<') && type.Namespace?.StartsWith("SalesGlossary.Domain", StringComparison.Ordinal) == true
        && FeatureOf(type) is null;

    /// <summary>Checks an edge and returns the violation in words, or <see langword="null"/>.</summary>
    internal static string? Violation(string from, string to)
    {
        if (from == to)
        {
            return null;
        }

        if (Forbidden.Contains((from, to)))
        {
            return $"{from} → {to} is ruled out: a score reaches {from} as a number and a trigger";
        }

        return Rank[to] < Rank[from] ? null : $"{from} → {to} points {(Rank[to] == Rank[from] ? "sideways" : "upward")}";
    }

    [Fact]
    public void FeatureFolders_DependOnlyDownward()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes())
        {
            var from = FeatureOf(type);
            foreach (var used in References(type).Where(t => t.Assembly == Library))
            {
                if (from is null)
                {
                    if (IsBase(type) && FeatureOf(used) is { } feature)
                    {
                        violations.Add($"{type.FullName} (shared base) uses {used.FullName} ({feature})");
                    }

                    continue;
                }

                if (FeatureOf(used) is { } to && Violation(from, to) is { } why)
                {
                    violations.Add($"{why}: {type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("Lifecycle", "Agreement", false)]
    [InlineData("Lifecycle", "Scoring", false)]
    [InlineData("Lifecycle", "Profiles", false)]
    [InlineData("Connecting", "Lifecycle", false)]
    [InlineData("Reporting", "Lifecycle", true)]
    [InlineData("Agreement", "Scoring", true)]
    [InlineData("Deals", "Lifecycle", true)]
    public void Violation_KnowsTheAllowedEdges(string from, string to, bool allowed) =>
        Assert.Equal(allowed, Violation(from, to) is null);

    [Fact]
    public void References_SeeWhatMethodBodiesTouch()
    {
        // Contact holds no ConnectPolicy and takes none: only its method bodies ask the policy; SlaReport calls Contact's members.
        Assert.Contains(typeof(ConnectPolicy), References(typeof(Contact)));
        Assert.Contains(typeof(MarketingCommitment), References(typeof(SlaReport)));
        Assert.Contains(typeof(Stateless.StateMachine<LifecycleStage, LifecycleTrigger>), References(typeof(LifecycleMachine)));
    }

    public static TheoryData<Type> MachineConfigurations() => [typeof(LifecycleMachine), typeof(DealMachine), typeof(LeadStatusMachine), typeof(LifecyclePolicy)];

    /// <summary>Each machine's Stateless configuration lives in a type of its own that knows no aggregate (its nested lambdas included), so no cycle leads back to Contact or Deal.</summary>
    [Theory]
    [MemberData(nameof(MachineConfigurations))]
    public void MachineConfigurations_HaveNoReferenceBackToTheAggregates(Type machine)
    {
        Type[] aggregates = [typeof(Contact), typeof(Deal)];
        var types = new[] { machine }.Concat(machine.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic));
        var back = types.SelectMany(t => References(t).Where(aggregates.Contains).Select(a => t.Name + " uses " + a.Name)).Distinct().ToArray();
        Assert.True(back.Length == 0, string.Join(", ", back));
    }

    [Fact]
    public void MachineConfigurationCheck_SeesAnAggregateWhereOneIsUsed()
    {
        // The check itself can fail: the contact's verbs use the lifecycle machine and the contact.
        Assert.Contains(typeof(Contact), References(typeof(Contact)));
        Assert.Contains(typeof(LifecycleMachine), References(typeof(Contact)));
    }

    [Fact]
    public void PublicSignatures_NeverMentionRulesEngineOrStateless()
    {
        var leaks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Library.GetExportedTypes())
        {
            foreach (var (where, mentioned) in PublicSignatureTypes(type))
            {
                foreach (var t in Flatten(mentioned))
                {
                    var assembly = t.Assembly.GetName().Name ?? string.Empty;
                    if (assembly.StartsWith("RulesEngine", StringComparison.Ordinal) || assembly.StartsWith("Stateless", StringComparison.Ordinal)
                        || assembly.StartsWith("System.Linq.Dynamic", StringComparison.Ordinal))
                    {
                        leaks.Add($"{type.FullName}.{where} mentions {t.FullName}");
                    }
                }
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void PublicSignatureCheck_SeesAStatelessTypeWhereOneIsMentioned()
    {
        // The checker itself can fail: an internal type of the library holds a Stateless machine in a public property.
        var mentioned = PublicSignatureTypes(typeof(LifecycleMachine))
            .SelectMany(p => Flatten(p.Type))
            .Select(t => t.Assembly.GetName().Name);
        Assert.Contains("Stateless", mentioned);
    }

    private static IEnumerable<(string Where, Type Type)> PublicSignatureTypes(Type type)
    {
        const BindingFlags Visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return ("base", baseType);
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return ("interface", i);
        }

        foreach (var field in type.GetFields(Visible))
        {
            yield return (field.Name, field.FieldType);
        }

        foreach (var property in type.GetProperties(Visible))
        {
            yield return (property.Name, property.PropertyType);
        }

        foreach (var e in type.GetEvents(Visible))
        {
            yield return (e.Name, e.EventHandlerType!);
        }

        foreach (var method in type.GetMethods(Visible).Cast<MethodBase>().Concat(type.GetConstructors(Visible)))
        {
            if (method is MethodInfo info)
            {
                yield return (method.Name, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (method.Name + "(" + parameter.Name + ")", parameter.ParameterType);
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return t;
            }
        }
    }

    /// <summary>Every type a type refers to: its signatures, fields, base types, and the types and members its method bodies touch.</summary>
    private static IEnumerable<Type> References(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.AddRange(Flatten(baseType));
        }

        found.AddRange(type.GetInterfaces().SelectMany(Flatten));
        found.AddRange(type.GetFields(All).SelectMany(f => Flatten(f.FieldType)));
        found.AddRange(type.GetProperties(All).SelectMany(p => Flatten(p.PropertyType)));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                found.AddRange(Flatten(info.ReturnType));
            }

            found.AddRange(method.GetParameters().SelectMany(p => Flatten(p.ParameterType)));
            found.AddRange(BodyReferences(method));
        }

        return found;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A token of an open generic context: its declaring type is reported through the signatures.
                    }

                    var touched = new List<Type>();
                    if (member is Type referencedType)
                    {
                        touched.Add(referencedType);
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        touched.Add(declaring);
                    }

                    if (member is FieldInfo field)
                    {
                        touched.Add(field.FieldType);
                    }
                    else if (member is MethodInfo called)
                    {
                        touched.Add(called.ReturnType);
                        touched.AddRange(called.GetParameters().Select(p => p.ParameterType));
                    }

                    foreach (var t in touched.SelectMany(Flatten))
                    {
                        yield return t;
                    }

                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    position += 4;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                default:
                    break;
            }
        }
    }
}
