using System.Text;

namespace SalesGlossary.Domain.Arrow;

/// <summary>Assigns dense codes to distinct UTF-8 byte sequences without decoding each row to a string.</summary>
internal sealed class TextEncoder
{
    private byte[] bytes = new byte[256];
    private int[] starts = new int[33];
    private int[] hashes = new int[32];
    private int count;
    private int[] slots = new int[64];

    /// <summary>Gets the code (0-based) of a byte sequence, adding it when new.</summary>
    public int Code(ReadOnlySpan<byte> text)
    {
        var hash = Utf8Hash.Of(text);
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0)
            {
                slots[slot] = count + 1;
                Add(text, hash);
                if (count * 2 > slots.Length)
                {
                    Grow();
                }

                return count - 1;
            }

            if (hashes[entry] == hash && text.SequenceEqual(Entry(entry)))
            {
                return entry;
            }
        }
    }

    /// <summary>Gets the distinct values as text, in code order.</summary>
    public string[] Values()
    {
        var values = new string[count];
        for (var e = 0; e < count; e++)
        {
            values[e] = Encoding.UTF8.GetString(Entry(e));
        }

        return values;
    }

    private ReadOnlySpan<byte> Entry(int entry) => bytes.AsSpan(starts[entry], starts[entry + 1] - starts[entry]);

    private void Add(ReadOnlySpan<byte> text, int hash)
    {
        var end = starts[count];
        if (bytes.Length - end < text.Length)
        {
            Array.Resize(ref bytes, (int)Math.Min(Array.MaxLength, Math.Max(bytes.Length * 2L, (long)end + text.Length)));
        }

        if (hashes.Length == count)
        {
            Array.Resize(ref hashes, count * 2);
            Array.Resize(ref starts, (count * 2) + 1);
        }

        text.CopyTo(bytes.AsSpan(end));
        hashes[count] = hash;
        starts[++count] = end + text.Length;
    }

    private void Grow()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var e = 0; e < count; e++)
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
