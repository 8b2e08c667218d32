using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesGlossary.Domain.Serialization;

/// <summary>
/// Reads a document's JSON once, strictly, before anything binds it: malformed JSON, a key given twice in one object
/// (JSON readers silently keep the last one) and text that is not valid Unicode (a lone surrogate such as <c>\ud800</c>)
/// are each reported with their JSON path, line and character, instead of escaping as an unrelated exception or being
/// resolved silently.
/// </summary>
internal static class StrictJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks the document; adds every problem found and returns whether it is sound.</summary>
    /// <param name="json">The document.</param>
    /// <param name="problems">Receives the problems.</param>
    /// <param name="keys">How keys are compared when looking for duplicates: as the document's reader compares them.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <param name="allowComments">Whether comments are skipped (true) or an error (false).</param>
    public static bool Check(string json, ValidationCollector problems, StringComparer keys, int maxDepth, bool allowComments)
    {
        byte[] bytes;
        try
        {
            bytes = Utf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            var (line, column) = Position(json, e.Index);
            problems.Add("$", string.Create(CultureInfo.InvariantCulture, $"The document's text is not valid Unicode at line {line}, character {column}: a lone surrogate character."));
            return false;
        }

        var start = problems.HasProblems;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            AllowTrailingCommas = false,
            CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
        });
        var lines = new Lines(bytes);
        var frames = new Stack<Frame>();
        string? pendingKey = null;
        var found = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        frames.Push(new Frame(ChildPath(frames, pendingKey), new Dictionary<string, long>(keys), -1));
                        pendingKey = null;
                        break;
                    case JsonTokenType.StartArray:
                        frames.Push(new Frame(ChildPath(frames, pendingKey), null, -1));
                        pendingKey = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = Text(ref reader, lines, frame.Path + ".?", problems);
                        if (name is null)
                        {
                            found = true;
                            pendingKey = "?";
                            break;
                        }

                        var line = lines.At(reader.TokenStartIndex);
                        if (frame.Keys!.TryGetValue(name, out var firstLine))
                        {
                            found = true;
                            problems.Add(frame.Path + "." + name, string.Create(CultureInfo.InvariantCulture,
                                $"The key '{name}' appears twice in {frame.Path}: {frame.Path}.{name} at line {firstLine} and {frame.Path}.{name} at line {line}; JSON readers would silently keep only the last. Remove one."));
                        }
                        else
                        {
                            frame.Keys[name] = line;
                        }

                        pendingKey = name;
                        break;
                    case JsonTokenType.String:
                        if (Text(ref reader, lines, ChildPath(frames, pendingKey), problems) is null)
                        {
                            found = true;
                        }

                        Advance(frames, ref pendingKey);
                        break;
                    default:
                        Advance(frames, ref pendingKey);
                        break;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    Advance(frames, ref pendingKey);
                }
            }
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).Trim();
            problems.Add(frames.Count == 0 ? "$" : ChildPath(frames, pendingKey), string.Create(CultureInfo.InvariantCulture,
                $"The document is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {reason}"));
            return false;
        }

        return !found && problems.HasProblems == start;
    }

    private static string? Text(ref Utf8JsonReader reader, Lines lines, string path, ValidationCollector problems)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            problems.Add(path, string.Create(CultureInfo.InvariantCulture,
                $"The text at line {lines.At(reader.TokenStartIndex)} is not valid Unicode: it holds an escape of a lone surrogate (such as \\ud800) or an invalid escape."));
            return null;
        }
    }

    /// <summary>After a value: the next value of an array is the next index; in an object, the next key comes.</summary>
    private static void Advance(Stack<Frame> frames, ref string? pendingKey)
    {
        pendingKey = null;
        if (frames.Count > 0 && frames.Peek().Keys is null)
        {
            var top = frames.Pop();
            frames.Push(top with { Index = top.Index + 1 });
        }
    }

    private static string ChildPath(Stack<Frame> frames, string? key)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var top = frames.Peek();
        return top.Keys is null
            ? string.Create(CultureInfo.InvariantCulture, $"{top.Path}[{top.Index + 1}]")
            : top.Path + "." + (key ?? "?");
    }

    /// <summary>Counts lines forward only: tokens are read in order, so the whole document is scanned once.</summary>
    private sealed class Lines(byte[] bytes)
    {
        private long index;
        private long line = 1;

        public long At(long position)
        {
            for (; index < position && index < bytes.Length; index++)
            {
                if (bytes[index] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private sealed record Frame(string Path, Dictionary<string, long>? Keys, int Index);
}
