using System.Globalization;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>One call of the entry as a side's program logged it: which size, distribution and trial, what went in, what came out.</summary>
internal sealed record CudaRun(int Size, int Distribution, int Trial)
{
    public Dictionary<int, string> InputHashes { get; } = [];

    /// <summary>Inputs the call changed, with the first changed element.</summary>
    public List<(int Argument, long Index)> Changed { get; } = [];

    /// <summary>Launches the emulation refused (a block of more than 1024 threads, say).</summary>
    public int FailedLaunches { get; set; }

    public Dictionary<int, ulong[]> Outputs { get; } = [];

    public (int, int, int) Key => (Size, Distribution, Trial);
}

/// <summary>A side's log (hwforge_cuda_judge.h writes it): its calls in order, and whether the program reached its end.</summary>
internal sealed record CudaLog(IReadOnlyList<CudaRun> Runs, bool Ended)
{
    public static CudaLog Parse(string? text)
    {
        var runs = new List<CudaRun>();
        var ended = false;
        if (text is null) return new(runs, false);
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            var current = runs.Count > 0 ? runs[^1] : null;
            switch (parts[0])
            {
                case "R" when parts.Length == 4:
                    runs.Add(new CudaRun(Int(parts[1]), Int(parts[2]), Int(parts[3])));
                    break;
                case "I" when parts.Length == 3 && current is not null:
                    current.InputHashes[Int(parts[1])] = parts[2];
                    break;
                case "X" when parts.Length == 3 && current is not null:
                    current.Changed.Add((Int(parts[1]), long.Parse(parts[2], CultureInfo.InvariantCulture)));
                    break;
                case "L" when parts.Length == 2 && current is not null:
                    current.FailedLaunches = Int(parts[1]);
                    break;
                case "O" when parts.Length >= 3 && current is not null:
                    var count = long.Parse(parts[2], CultureInfo.InvariantCulture);
                    // A line cut short (the program died while writing it) is not an output.
                    if (parts.Length - 3 != count) break;
                    current.Outputs[Int(parts[1])] = [.. parts.Skip(3).Select(w => ulong.Parse(w, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
                    break;
                case "E":
                    ended = true;
                    break;
            }
        }
        return new(runs, ended);
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
