namespace EntityResolver.Cli.IO;

/// <summary>
/// Splits a byte stream into lines ('\n', an optional '\r' before it is dropped) without decoding,
/// so that a line of invalid UTF-8 can be reported on its own. A line longer than the limit is
/// skipped to its end without being held in memory and flagged <see cref="IsTooLong"/>.
/// </summary>
internal sealed class LineSource : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer = new byte[1 << 16];
    private byte[] _line = new byte[1024];
    private int _pos;
    private int _len;
    private bool _eof;

    public LineSource(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The bytes consumed so far (for progress).</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>Whether the current line exceeded the limit (its content is then empty).</summary>
    public bool IsTooLong { get; private set; }

    /// <summary>The byte length of the current line (also when it was too long).</summary>
    public long LineBytes { get; private set; }

    /// <summary>The content of the current line, without its terminator.</summary>
    public ReadOnlySpan<byte> Current => IsTooLong ? [] : _line.AsSpan(0, (int)LineBytes);

    /// <summary>Moves to the next line; false at the end of the stream.</summary>
    public bool MoveNext()
    {
        long total = 0;
        int kept = 0;
        bool any = false;
        IsTooLong = false;
        while (true)
        {
            if (_pos == _len)
            {
                if (_eof || !Fill())
                {
                    if (!any)
                    {
                        return false;
                    }

                    break;
                }
            }

            any = true;
            ReadOnlySpan<byte> chunk = _buffer.AsSpan(_pos, _len - _pos);
            int nl = chunk.IndexOf((byte)'\n');
            ReadOnlySpan<byte> part = nl >= 0 ? chunk[..nl] : chunk;
            total += part.Length;
            if (!IsTooLong)
            {
                if (total > _maxLineBytes)
                {
                    IsTooLong = true;
                }
                else
                {
                    EnsureCapacity(kept + part.Length);
                    part.CopyTo(_line.AsSpan(kept));
                    kept += part.Length;
                }
            }

            if (nl >= 0)
            {
                _pos += nl + 1;
                BytesConsumed += nl + 1;
                break;
            }

            _pos = _len;
            BytesConsumed += part.Length;
        }

        LineNumber++;
        if (!IsTooLong && kept > 0 && _line[kept - 1] == (byte)'\r')
        {
            kept--;
            total--;
        }

        if (LineNumber == 1 && !IsTooLong && kept >= 3 && _line[0] == 0xEF && _line[1] == 0xBB && _line[2] == 0xBF)
        {
            Buffer.BlockCopy(_line, 3, _line, 0, kept - 3);
            kept -= 3;
            total -= 3;
        }

        LineBytes = IsTooLong ? total : kept;
        return true;
    }

    public void Dispose() => _stream.Dispose();

    private bool Fill()
    {
        _pos = 0;
        _len = _stream.Read(_buffer, 0, _buffer.Length);
        if (_len == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }

    private void EnsureCapacity(int size)
    {
        if (size > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(size, _line.Length * 2));
        }
    }
}
