using System.Diagnostics;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Cli.Commands;

/// <summary>
/// A verification's stages (or a measurement's steps) on stderr as each is decided, so a long proof is never a silent wait: one line a stage,
/// and on a terminal a spinner line with the time so far between them (cleared before each line and at the end).
/// stdout keeps only the report, so <c>--json</c> stays one JSON object.
/// </summary>
internal sealed class StageProgress : IDisposable
{
    private static readonly string[] Frames = ["|", "/", "-", "\\"];

    private readonly TextWriter _error;
    private readonly string _what;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _spinner;
    private int _frame;
    private bool _spinning;
    private bool _done;

    /// <param name="terminal">Whether stderr is a terminal (a spinner there; plain lines into a file or a pipe).</param>
    public StageProgress(TextWriter error, string what, bool terminal)
    {
        (_error, _what) = (error, what);
        if (terminal) _spinner = new Timer(_ => Spin(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public static bool StderrIsTerminal => !Console.IsErrorRedirected;

    /// <summary>A step told in words ("synthesis ok (412 cells, osu018)").</summary>
    public void Line(string text)
    {
        lock (_error)
        {
            ClearSpinner();
            _error.WriteLine($"{_what}: {text} at {_clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <param name="status">The stage's word (<see cref="StageWords"/>): a formal pass says proven or bounded.</param>
    public void Stage(StageResult stage, string status)
    {
        lock (_error)
        {
            ClearSpinner();
            _error.WriteLine($"{_what}: {stage.Stage.ToString().ToLowerInvariant()} {status} ({(stage.FromCache ? "cached" : Seconds(stage.Duration))}) at {_clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    // Short stages in milliseconds, so a 50 ms lint does not read "0.0 s".
    private static string Seconds(TimeSpan time) => time < TimeSpan.FromSeconds(1) ? $"{time.TotalMilliseconds:0} ms" : $"{time.TotalSeconds:0.0} s";

    private void Spin()
    {
        lock (_error)
        {
            if (_done) return; // a tick that fired as the verification ended
            _error.Write($"\r{Frames[_frame++ % Frames.Length]} {_what}… {_clock.Elapsed.TotalSeconds:0.0} s");
            _error.Flush();
            _spinning = true;
        }
    }

    private void ClearSpinner()
    {
        if (!_spinning) return;
        _error.Write("\r\u001b[K");
        _spinning = false;
    }

    public void Dispose()
    {
        _spinner?.Dispose();
        lock (_error)
        {
            _done = true;
            ClearSpinner();
        }
    }
}
