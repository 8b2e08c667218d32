using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SalesGlossary.Domain.Arrow;

/// <summary>Assigns dense codes to distinct UTF-8 byte sequences without decoding each row to a string.</summary>
internal sealed class TextEncoder
{
    private static readonly ulong Seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    private byte[] bytes = new byte[256];
    private int[] starts = new int[33];
    private int[] hashes = new int[32];
    private int count;
    private int[] slots = new int[64];

    /// <summary>Gets the code (0-based) of a byte sequence, adding it when new.</summary>
    public int Code(ReadOnlySpan<byte> text)
    {
        var hash = Hash(text);
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

    /// <summary>
    /// A hash of the bytes read eight at a time, each word multiplied in, finished by a mix; seeded per process so the
    /// probe sequences cannot be predicted from outside.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        var hash = Seed ^ unchecked((ulong)bytes.Length * Multiplier);
        while (bytes.Length >= sizeof(ulong))
        {
            hash = BitOperations.RotateLeft(unchecked((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier), 29);
            bytes = bytes[sizeof(ulong)..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (i * 8);
            }

            hash = BitOperations.RotateLeft(unchecked((hash ^ tail) * Multiplier), 29);
        }

        hash ^= hash >> 32;
        hash = unchecked(hash * 0xD6E8FEB86659FD93UL);
        hash ^= hash >> 32;
        return unchecked((int)hash) & int.MaxValue;
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
