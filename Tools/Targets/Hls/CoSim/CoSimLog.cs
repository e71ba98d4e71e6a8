namespace HwForge.Tools.Targets.Hls.CoSim;

/// <summary>One call as the testbench saw it finish: the cycle it finished on, and each output element's bits.</summary>
internal sealed record RtlCall(long Index, int Cycles, IReadOnlyList<(char Kind, int Argument, int Element, string Bits)> Outputs);

/// <summary>Why the testbench stopped early: the handshake broke the convention, or no <c>ap_done</c> came.</summary>
internal enum HandshakeProblem
{
    None,
    NotIdleAfterReset,
    NoDone,
    DoneWithoutReady,
    DoneWithoutCall,
}

/// <summary>
/// The testbench's log (<see cref="CoSimTestbench.LogFile"/>): pass 1 (one call at a time; a call's cycles are its
/// latency), pass 2 (<c>ap_start</c> held; the cycles on which calls were taken give the interval), and the end line.
/// </summary>
internal sealed record CoSimLog(IReadOnlyList<RtlCall> OneAtATime, IReadOnlyList<RtlCall> Overlapped, long FirstTaken, long LastTaken, long Taken,
    HandshakeProblem Problem, long ProblemCall, bool Ended)
{
    public static CoSimLog Parse(string? text)
    {
        var passes = new[] { new List<RtlCall>(), new List<RtlCall>() };
        var pass = 0;
        long first = -1, last = -1, taken = 0, problemCall = -1;
        var problem = HandshakeProblem.None;
        var ended = false;
        List<(char, int, int, string)>? outputs = null;
        foreach (var line in (text ?? "").Split('\n'))
        {
            var parts = line.Trim().Split(' ');
            if (parts.Length < 2) continue;
            switch (parts[0])
            {
                case "P": pass = parts[1] == "2" ? 1 : 0; break;
                case "D" when parts.Length == 3:
                    outputs = [];
                    passes[pass].Add(new RtlCall(long.Parse(parts[1]), int.Parse(parts[2]), outputs));
                    break;
                case "O" or "R" when parts.Length == 4 && outputs is not null:
                    outputs.Add((parts[0][0], int.Parse(parts[1]), int.Parse(parts[2]), parts[3]));
                    break;
                case "I" when parts.Length == 4:
                    (first, last, taken) = (long.Parse(parts[1]), long.Parse(parts[2]), long.Parse(parts[3]));
                    break;
                case "X" when parts.Length == 3:
                    problem = (HandshakeProblem)int.Parse(parts[1]);
                    problemCall = long.Parse(parts[2]);
                    break;
                case "E": ended = true; break;
            }
        }
        return new CoSimLog(passes[0], passes[1], first, last, taken, problem, problemCall, ended);
    }
}
