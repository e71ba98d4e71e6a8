using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Cli.Commands;

/// <summary>
/// What an RTL verification is asked with, from the command line or an MCP call alike, so that both check it with
/// the same words and load the same files: a reference ending in .cpp/.cc/.cxx is a C++ golden model.
/// </summary>
internal sealed record RtlVerifyArguments(IReadOnlyList<string> Design, string Top, IReadOnlyList<string> Reference, string? ReferenceTop)
{
    private static readonly HashSet<string> CppExtensions = [".cpp", ".cc", ".cxx"];

    public string? Clock { get; init; }
    public string? Reset { get; init; }
    public int Cycles { get; init; } = 1000;
    public int Seed { get; init; } = 1;
    public FormalMode Formal { get; init; } = FormalMode.Auto;
    public int FormalDepth { get; init; } = 20;
    public double FormalTimeoutSeconds { get; init; } = 30;
    public bool WantVcd { get; init; }

    public VerifyRequest ToRequest()
    {
        if (Cycles is < 1 or > 1_000_000) throw new ArgumentException("--cycles must be between 1 and 1000000");
        if (FormalDepth is < 1 or > 1000) throw new ArgumentException("--formal-depth must be between 1 and 1000");
        if (FormalTimeoutSeconds is <= 0 or > 86400) throw new ArgumentException("--formal-timeout must be a positive number of seconds");
        var model = Reference.Count == 1 && CppExtensions.Contains(Path.GetExtension(Reference[0])) ? SourceLoader.LoadOne(Reference[0]) : null;
        return new VerifyRequest(SourceLoader.Load(Design), Top, model is null ? SourceLoader.Load(Reference) : [], ReferenceTop ?? Top)
        {
            ReferenceModel = model,
            Clock = Clock,
            Reset = Reset,
            Cycles = Cycles,
            Seed = Seed,
            Formal = Formal,
            FormalDepth = FormalDepth,
            FormalTimeout = TimeSpan.FromSeconds(FormalTimeoutSeconds),
            WantVcd = WantVcd,
        };
    }
}
