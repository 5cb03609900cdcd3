using System.Buffers;
using System.Text;

namespace EntityResolver.Registry;

/// <summary>
/// Reads UTF-8 text line by line from a stream and decodes each line strictly, so that an invalid
/// byte sequence is reported with the number of the line it is on (a <see cref="StreamReader"/>
/// decodes whole buffers and cannot tell). Accepts LF and CRLF, and a leading BOM. The stream
/// is left open: it belongs to the caller.
/// </summary>
internal sealed class Utf8LineReader : TextReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8LineReader(Stream stream) => _stream = stream;

    /// <summary>The number of lines returned so far (the 1-based number of the last line).</summary>
    public int LineNumber { get; private set; }

    /// <exception cref="DecoderFallbackException">The next line is not valid UTF-8; <see cref="LineNumber"/> is that line.</exception>
    public override string? ReadLine()
    {
        _line.Clear();
        while (true)
        {
            if (_start == _end)
            {
                if (_eof)
                {
                    break;
                }

                _end = _stream.Read(_buffer, 0, _buffer.Length);
                _start = 0;
                if (_end == 0)
                {
                    _eof = true;
                    break;
                }
            }

            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                _line.Write(_buffer.AsSpan(_start, newline - _start));
                _start = newline + 1;
                return Decode(terminated: true);
            }

            _line.Write(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }

        return _line.WrittenCount == 0 ? null : Decode(terminated: false);
    }

    private string Decode(bool terminated)
    {
        LineNumber++;
        ReadOnlySpan<byte> bytes = _line.WrittenSpan;
        if (terminated && bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (LineNumber == 1 && bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
        }

        return Strict.GetString(bytes);
    }
}
