using System.Text;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Tests.Execution;

public class HeadTailBufferTests
{
    [Fact]
    public void Short_output_is_kept_whole()
    {
        var buffer = new HeadTailBuffer(100);
        buffer.Append("hello "u8);
        buffer.Append("world"u8);
        Assert.Equal("hello world", buffer.ToString());
        Assert.False(buffer.Truncated);
    }

    [Fact]
    public void Long_output_keeps_the_first_and_last_halves_across_many_small_writes()
    {
        var buffer = new HeadTailBuffer(20);
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => (char)('a' + i % 26)));
        foreach (var c in text) buffer.Append(Encoding.ASCII.GetBytes(c.ToString()));
        var shown = buffer.ToString();
        Assert.StartsWith(text[..10], shown);
        Assert.EndsWith(text[^10..], shown);
        Assert.Contains("[... 80 bytes omitted ...]", shown);
        Assert.Equal(100, buffer.TotalBytes);
    }

    [Fact]
    public void One_large_write_keeps_its_last_bytes()
    {
        var buffer = new HeadTailBuffer(10);
        buffer.Append(Encoding.ASCII.GetBytes("0123456789ABCDEFGHIJ"));
        Assert.StartsWith("01234", buffer.ToString());
        Assert.EndsWith("FGHIJ", buffer.ToString());
    }
}
