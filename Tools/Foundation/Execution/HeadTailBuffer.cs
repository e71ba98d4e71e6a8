using System.Text;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// Keeps the first and last bytes of a stream of unknown length: the head says how a tool
/// started, the tail says how it ended, and the middle of a flood is rarely worth memory.
/// </summary>
internal sealed class HeadTailBuffer(int capacity)
{
    private readonly int _headCapacity = capacity / 2;
    private readonly byte[] _head = new byte[capacity / 2];
    private readonly byte[] _tail = new byte[capacity - capacity / 2];
    private int _headLength;
    private long _tailWritten;

    public long TotalBytes { get; private set; }

    public bool Truncated => TotalBytes > _head.Length + _tail.Length;

    public void Append(ReadOnlySpan<byte> data)
    {
        TotalBytes += data.Length;
        var toHead = Math.Min(_headCapacity - _headLength, data.Length);
        if (toHead > 0)
        {
            data[..toHead].CopyTo(_head.AsSpan(_headLength));
            _headLength += toHead;
            data = data[toHead..];
        }
        if (data.IsEmpty || _tail.Length == 0) return;
        if (data.Length > _tail.Length) data = data[^_tail.Length..];
        var start = (int)(_tailWritten % _tail.Length);
        var first = Math.Min(_tail.Length - start, data.Length);
        data[..first].CopyTo(_tail.AsSpan(start));
        data[first..].CopyTo(_tail);
        _tailWritten += data.Length;
    }

    public override string ToString()
    {
        var tailLength = (int)Math.Min(_tailWritten, _tail.Length);
        var tail = new byte[tailLength];
        var start = (int)(_tailWritten % _tail.Length);
        if (_tailWritten <= _tail.Length) _tail.AsSpan(0, tailLength).CopyTo(tail);
        else
        {
            _tail.AsSpan(start).CopyTo(tail);
            _tail.AsSpan(0, start).CopyTo(tail.AsSpan(_tail.Length - start));
        }
        var head = Encoding.UTF8.GetString(_head, 0, _headLength);
        if (!Truncated) return head + Encoding.UTF8.GetString(tail);
        var omitted = TotalBytes - _headLength - tailLength;
        return $"{head}\n[... {omitted} bytes omitted ...]\n{Encoding.UTF8.GetString(tail)}";
    }
}
