using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace SalesGlossary.Domain.Arrow;

/// <summary>The hash of UTF-8 text used by the encoder's tables (codes of distinct texts, lead ids).</summary>
internal static class Utf8Hash
{
    private static readonly ulong Seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    /// <summary>
    /// A hash of the bytes read eight at a time, each word multiplied in, finished by a mix; seeded per process so the
    /// probe sequences cannot be predicted from outside.
    /// </summary>
    public static int Of(ReadOnlySpan<byte> bytes)
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
}
