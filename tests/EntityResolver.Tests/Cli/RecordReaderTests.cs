using System.Text;
using EntityResolver.Cli.IO;

namespace EntityResolver.Tests.Cli;

public sealed class RecordReaderTests
{
    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("a,\"b, c\",\"d \"\"e\"\"\"", new[] { "a", "b, c", "d \"e\"" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData(",", new[] { "", "" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("عاصم منیر,PK", new[] { "عاصم منیر", "PK" })]
    public void SplitCsv_follows_rfc4180_on_one_line(string line, string[] expected)
    {
        Assert.Equal(expected, RecordReader.SplitCsv(line, out string? error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("a,\"b", "column 3")]
    [InlineData("a,\"b\"c", "column 6")]
    [InlineData("a,b\"c", "column 4")]
    public void SplitCsv_reports_broken_quotes_with_their_column(string line, string where)
    {
        Assert.Null(RecordReader.SplitCsv(line, out string? error));
        Assert.Contains(where, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bom_crlf_and_a_missing_final_newline_are_handled()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "name,x\r\nAsim Munir,1\r\nIshaq Dar,2"u8];
        using RecordReader reader = RecordReader.Open(new MemoryStream(bytes), "t.csv", new RecordReaderOptions());

        Assert.Equal(["x"], reader.PassthroughColumns);
        Assert.True(reader.TryRead(out InputRecord first));
        Assert.Equal((2L, "Asim Munir", "1"), (first.Line, first.Name, first.Values![0]));
        Assert.True(reader.TryRead(out InputRecord second));
        Assert.Equal((3L, "Ishaq Dar", "2"), (second.Line, second.Name, second.Values![0]));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void A_long_line_is_an_error_and_the_next_line_is_read_normally()
    {
        var text = new StringBuilder("Asim Munir\n").Append('x', 5000).Append("\nIshaq Dar\n").ToString();
        using RecordReader reader = RecordReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.txt", new RecordReaderOptions { MaxLineBytes = 100 });

        Assert.True(reader.TryRead(out InputRecord a));
        Assert.True(reader.TryRead(out InputRecord b));
        Assert.True(reader.TryRead(out InputRecord c));
        Assert.Equal("Asim Munir", a.Name);
        Assert.Equal(2, b.Line);
        Assert.Contains("5000 bytes", b.Error, StringComparison.Ordinal);
        Assert.Equal((3L, "Ishaq Dar"), (c.Line, c.Name));
    }
}
