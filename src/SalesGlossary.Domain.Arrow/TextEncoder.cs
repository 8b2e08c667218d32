namespace SalesGlossary.Domain.Arrow;

/// <summary>Assigns dense codes to distinct UTF-8 byte sequences without decoding each row to a string.</summary>
internal sealed class TextEncoder
{
    private readonly List<byte[]> entries = [];
    private readonly List<int> hashes = [];
    private int[] slots = new int[64];

    /// <summary>Gets the code (0-based) of a byte sequence, adding it when new.</summary>
    public int Code(ReadOnlySpan<byte> bytes)
    {
        var hash = Hash(bytes);
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0)
            {
                slots[slot] = entries.Count + 1;
                entries.Add(bytes.ToArray());
                hashes.Add(hash);
                if (entries.Count * 2 > slots.Length)
                {
                    Grow();
                }

                return entries.Count - 1;
            }

            if (hashes[entry] == hash && bytes.SequenceEqual(entries[entry]))
            {
                return entry;
            }
        }
    }

    /// <summary>Gets the distinct values as text, in code order.</summary>
    public string[] Values() => [.. entries.Select(e => System.Text.Encoding.UTF8.GetString(e))];

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var e = 0; e < entries.Count; e++)
        {
            var slot = hashes[e] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = e + 1;
        }
    }
}
