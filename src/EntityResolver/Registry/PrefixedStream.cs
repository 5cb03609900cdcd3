namespace EntityResolver.Registry;

/// <summary>
/// A read-only stream that gives back bytes already read from a stream that cannot seek (a
/// pipe, standard input), then the rest of that stream: what lets the loader look at the first
/// bytes of any stream to tell a snapshot from JSON Lines.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int _position;

    /// <summary>
    /// Whether <paramref name="stream"/> starts with the snapshot's magic bytes, and the stream to
    /// read from now: the same stream (position restored) when it can seek, otherwise one that
    /// gives the bytes read to find out first.
    /// </summary>
    public static Stream Sniff(Stream stream, out bool snapshot)
    {
        if (stream.CanSeek)
        {
            snapshot = RegistrySnapshot.HasMagic(stream);
            return stream;
        }

        byte[] head = new byte[RegistrySnapshot.MagicLength];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        snapshot = RegistrySnapshot.IsMagic(head.AsSpan(0, read));
        return new PrefixedStream(head, read, stream);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            int n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
