using System.Numerics;

namespace EntityResolver.Indexing;

/// <summary>
/// The key ids of a <see cref="CandidateIndex"/> by key text: open addressing with linear
/// probing, one 8-byte slot per entry (the key's 32-bit hash and its id), at most half full.
/// A lookup reads one slot (one cache line, mostly), and the key's text only when the hashes are
/// equal, where a <see cref="Dictionary{TKey, TValue}"/> reads a bucket, then an entry, then the
/// key string, each load waiting for the one before; and the slot can be asked for ahead
/// (<see cref="Prefetch"/>), so that a query's lookups overlap. Immutable; safe for concurrent
/// readers.
/// </summary>
internal sealed class KeyTable
{
    private readonly string[] _names;
    private readonly ulong[] _slots;
    private readonly int _shift;

    /// <summary>Builds the table of <paramref name="names"/>: key i is <c>names[i]</c> (the names are distinct).</summary>
    public KeyTable(string[] names)
    {
        // At most half full, in an array of at most 2^30 slots.
        if (names.Length > 1 << 29)
        {
            throw new ArgumentOutOfRangeException(nameof(names), names.Length, "An index holds at most 2^29 keys.");
        }

        _names = names;
        int bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, names.Length)) + 2);
        _slots = new ulong[1 << bits];
        _shift = 32 - bits;
        int mask = _slots.Length - 1;
        for (int id = 0; id < names.Length; id++)
        {
            uint hash = Hash(names[id]);
            int slot = Home(hash);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = ((ulong)hash << 32) | (uint)(id + 1);
        }
    }

    /// <summary>Managed bytes of the table.</summary>
    public long Bytes => _slots.Length * 8L;

    /// <summary>The hash of a key's text (FNV-1a over its characters); computed once per key when it is also prefetched.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        uint h = 2166136261;
        foreach (char c in key)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }

    /// <summary>The id of <paramref name="key"/> (of hash <paramref name="hash"/>), or -1.</summary>
    public int Find(ReadOnlySpan<char> key, uint hash)
    {
        int mask = _slots.Length - 1;
        for (int slot = Home(hash); ; slot = (slot + 1) & mask)
        {
            ulong entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == hash)
            {
                int id = (int)(uint)entry - 1;
                if (key.SequenceEqual(_names[id]))
                {
                    return id;
                }
            }
        }
    }

    /// <summary>Asks the CPU to load the slot where a lookup of <paramref name="hash"/> starts (no effect without SSE).</summary>
    public void Prefetch(uint hash) => CpuCache.Prefetch(in _slots[Home(hash)]);

    /// <summary>The slot a hash starts from: its high bits after a multiplicative mix (FNV's low bits are weak for short keys).</summary>
    private int Home(uint hash) => (int)((hash * 2654435769u) >> _shift);
}
