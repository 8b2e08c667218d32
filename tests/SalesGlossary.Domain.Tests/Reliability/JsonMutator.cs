using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace SalesGlossary.Domain.Tests.Reliability;

/// <summary>Mutates valid JSON documents at random: types changed, fields removed or duplicated, huge and deeply nested values, broken text, numbers out of range, truncation.</summary>
internal static class JsonMutator
{
    private static readonly string[] Kinds = ["type", "remove", "duplicate", "huge", "deep", "number", "text", "truncate"];

    public static Gen<(string Kind, string Json)> Mutations(string valid) =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.ArrayOf(Gen.Elements(Kinds).Zip(Gen.Choose(0, int.MaxValue)), count)
        select Apply(valid, steps);

    private static (string Kind, string Json) Apply(string json, (string Kind, int Seed)[] steps)
    {
        var kinds = new List<string>();
        foreach (var (kind, seed) in steps)
        {
            kinds.Add(kind);
            json = Mutate(json, kind, new Random(seed));
        }

        return (string.Join("+", kinds), json);
    }

    private static string Mutate(string json, string kind, Random random)
    {
        try
        {
            return MutateOnce(json, kind, random);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // The document is already too broken for a tree mutation (duplicate keys, invalid text): keep it as it is.
            return json;
        }
    }

    private static string MutateOnce(string json, string kind, Random random)
    {
        switch (kind)
        {
            case "truncate":
                return json[..random.Next(0, Math.Max(1, json.Length))];
            case "text":
                if (json.Length == 0)
                {
                    return json;
                }

                var chars = json.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = random.Next(4) switch { 0 => '\uD800', 1 => '\uFFFD', 2 => '\0', _ => (char)random.Next(0x20, 0x7F) };
                return new string(chars);
            case "number":
                var digits = Enumerable.Range(0, json.Length).Where(i => char.IsDigit(json[i]) && (i == 0 || !char.IsLetterOrDigit(json[i - 1]))).ToArray();
                if (digits.Length == 0)
                {
                    return json;
                }

                var start = digits[random.Next(digits.Length)];
                var end = start;
                while (end < json.Length && (char.IsDigit(json[end]) || json[end] is '.' or 'e' or 'E' or '-' or '+'))
                {
                    end++;
                }

                string[] replacements = ["1e400", "-1e400", "79228162514264337593543950336", "3.5", "-2147483649", "0.0000000000000000000000000000001"];
                return json[..start] + replacements[random.Next(replacements.Length)] + json[end..];
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            return json;
        }

        if (root is null)
        {
            return json;
        }

        var nodes = All(root).ToList();
        var target = nodes[random.Next(nodes.Count)];
        switch (kind)
        {
            case "type" when target.Parent is { } parent:
                Replace(parent, target, random.Next(6) switch
                {
                    0 => JsonValue.Create("text"),
                    1 => JsonValue.Create(random.Next(-5, 5)),
                    2 => JsonValue.Create(true),
                    3 => null,
                    4 => new JsonObject(),
                    _ => new JsonArray(),
                });
                break;
            case "remove" when target is JsonObject { Count: > 0 } obj:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                break;
            case "duplicate" when target is JsonObject { Count: > 0 } dup:
                var property = dup.ElementAt(random.Next(dup.Count));
                var text = root.ToJsonString();
                var needle = "\"" + property.Key + "\":";
                var index = text.IndexOf(needle, StringComparison.Ordinal);
                return index < 0 ? text : text.Insert(index, needle + (property.Value?.ToJsonString() ?? "null") + ",");
            case "huge" when target.Parent is { } hugeParent:
                Replace(hugeParent, target, JsonValue.Create(new string('x', random.Next(2) == 0 ? 100_000 : 5_000_000)));
                break;
            case "deep" when target.Parent is { } deepParent:
                var deep = new StringBuilder().Append('[', 300).Append(']', 300).ToString();
                var marker = Guid.NewGuid().ToString("N");
                Replace(deepParent, target, JsonValue.Create(marker));
                return root.ToJsonString().Replace("\"" + marker + "\"", deep, StringComparison.Ordinal);
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> All(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in All(child))
            {
                yield return descendant;
            }
        }
    }

    private static void Replace(JsonNode parent, JsonNode target, JsonNode? replacement)
    {
        if (parent is JsonObject obj)
        {
            var key = obj.First(p => ReferenceEquals(p.Value, target)).Key;
            obj[key] = replacement;
        }
        else if (parent is JsonArray array)
        {
            array[array.IndexOf(target)] = replacement;
        }
    }
}
