using System.Net;
using HwForge.Agents.Llm;
using HwForge.Tools.Foundation;

namespace HwForge.WebUI;

/// <summary>How the web UI is served and what runs it starts; <see cref="Validated"/> refuses an unsafe combination.</summary>
public sealed record WebUiOptions
{
    public const string TokenVariable = "HWFORGE_TOKEN";
    public const int DefaultPort = 5080;

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The secret every request must carry; required when listening beyond loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Where runs, cache and data live; null: <c>$HWFORGE_HOME</c>.</summary>
    public HwForgeHome? Home { get; init; }

    /// <summary>The LLM to design with; null: resolved like the CLI does (environment, then config file).</summary>
    public LlmSettings? Llm { get; init; }

    public bool UnsafeNoSandbox { get; init; }

    public bool UseCache { get; init; } = true;

    /// <summary>Whether prompts read, and runs feed, the default knowledge base (as <c>hwforge design</c> does).</summary>
    public bool UseKnowledgeBase { get; init; } = true;

    /// <summary>The longest request the chat accepts, in characters.</summary>
    public int MaxRequestChars { get; init; } = 4000;

    /// <summary>Runs one browser session may have going at once; one more is refused with a sentence saying why.</summary>
    public int MaxRunsPerSession { get; init; } = 2;

    /// <summary>Runs the whole server works on at once, every session's together: each run's tools take the machine's cores.</summary>
    public int MaxRunsPerServer { get; init; } = 4;

    /// <summary>How long live updates are gathered before the page is re-rendered.</summary>
    public TimeSpan LiveBatchWindow { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>What a run from the chat does unless the user changes it.</summary>
    public RunDefaults Defaults { get; init; } = new();

    public WebUiOptions Validated()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"--port must be between 0 and 65535; got {Port}");
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("--host must name an address, e.g. 127.0.0.1");
        if (Token is { } token && token.Length < 8)
            throw new ArgumentException("the token must be at least 8 characters; e.g. --token $(openssl rand -hex 16)");
        if (MaxRunsPerSession < 1 || MaxRunsPerServer < 1)
            throw new ArgumentException($"--max-runs and --max-runs-per-session must be at least 1; got {MaxRunsPerServer} and {MaxRunsPerSession}");
        if (!IsLoopback(Host) && string.IsNullOrEmpty(Token))
            throw new ArgumentException(
                $"refusing to serve on {Host} without a token: anyone who can reach it could run designs on this machine. " +
                $"Give --token T (or set {TokenVariable}) and open the UI with ?token=T, or serve on 127.0.0.1.");
        return this;
    }

    /// <summary>True for addresses only this machine can reach.</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public string Url => $"http://{(Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]" : Host)}:{Port}";
}

/// <summary>
/// The run settings a chat request starts with: the design run's own defaults, except a lighter optimization
/// (a person is watching the page).
/// </summary>
public sealed record RunDefaults
{
    private static readonly HwForge.Agents.Runs.RunOptions Run = new();

    public int Candidates { get; init; } = Run.Candidates;

    public int RepairRounds { get; init; } = Run.RepairRounds;

    public int OptimizeRounds { get; init; } = 1;

    public int OptimizeBatch { get; init; } = 2;
}
