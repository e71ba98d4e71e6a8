namespace HwForge.Tools.Targets.Hls;

/// <summary>One call as a side's harness logged it: the generated inputs, then the outputs, as hex bit patterns.</summary>
internal sealed record CSimCall(long Index, IReadOnlyList<(int Argument, string Bits)> Inputs, IReadOnlyList<(char Kind, int Argument, string Bits)> Outputs);

/// <summary>
/// The log one side's harness wrote (<see cref="CSimHarness.LogFile"/>): the signature as the compiler saw it
/// (role, name, width, elements per argument), the stimulus mode, every call, and the end line. A log without
/// its end line was cut short: the program crashed, hung or ended itself during the last call it began.
/// </summary>
internal sealed record CSimLog(IReadOnlyList<string> Signature, string Mode, long Calls, IReadOnlyList<CSimCall> CallsLogged, bool Ended)
{
    public static CSimLog Parse(string? text)
    {
        var signature = new List<string>();
        var calls = new List<CSimCall>();
        string mode = "";
        long total = 0;
        var ended = false;
        List<(int, string)>? inputs = null;
        List<(char, int, string)>? outputs = null;
        long index = -1;
        void Flush()
        {
            if (inputs is not null) calls.Add(new CSimCall(index, inputs, outputs!));
            inputs = null;
        }
        foreach (var line in (text ?? "").Split('\n'))
        {
            if (line.Length < 2 || line[1] != ' ') continue;
            var rest = line[2..];
            switch (line[0])
            {
                case 'S': signature.Add(rest.Trim()); break;
                case 'M':
                    var parts = rest.Split(' ');
                    mode = parts[0];
                    if (parts.Length > 1) long.TryParse(parts[1], out total);
                    break;
                case 'C':
                    Flush();
                    long.TryParse(rest, out index);
                    inputs = [];
                    outputs = [];
                    break;
                case 'I' or 'O' or 'R' when inputs is not null:
                    var space = rest.IndexOf(' ');
                    if (space < 0 || !int.TryParse(rest[..space], out var argument)) break;
                    if (line[0] == 'I') inputs.Add((argument, rest[(space + 1)..].Trim()));
                    else outputs!.Add((line[0], argument, rest[(space + 1)..].Trim()));
                    break;
                case 'E':
                    Flush();
                    ended = long.TryParse(rest, out var endCalls) && endCalls == total;
                    break;
            }
        }
        Flush();
        return new CSimLog(signature, mode, total, calls, ended);
    }
}
