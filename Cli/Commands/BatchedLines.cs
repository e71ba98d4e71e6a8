using System.Diagnostics;
using System.Text;

namespace HwForge.Cli.Commands;

/// <summary>
/// Writes a command's output lines in batches: a console write per line costs a system call, which made a program
/// printing millions of short lines take minutes to relay. Lines still appear promptly: a batch goes out when it
/// holds 64 KiB or when 50 ms have passed since the last one, and everything left goes out at <see cref="Flush"/>.
/// </summary>
internal sealed class BatchedLines(TextWriter target)
{
    private const int MaxChars = 64 * 1024;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(50);

    private readonly StringBuilder _pending = new();
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();

    public void WriteLine(string line)
    {
        _pending.Append(line).Append('\n');
        if (_pending.Length >= MaxChars || _sinceFlush.Elapsed >= MaxDelay) Flush();
    }

    public void Flush()
    {
        if (_pending.Length > 0)
        {
            target.Write(_pending.ToString());
            target.Flush();
            _pending.Clear();
        }
        _sinceFlush.Restart();
    }
}
