using System.Diagnostics;
using HwForge.Agents.Batch;

namespace HwForge.Cli.Commands;

/// <summary>
/// Batch progress on stderr: a plain line per finished job (<c>[3/10] mac8 verified 12.3 s</c>) for logs and
/// pipes; on a terminal, also a bar at the bottom that redraws in place.
/// </summary>
public sealed class BatchProgressPrinter(TextWriter error, int total, bool interactive) : IBatchProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<string> _running = [];
    private int _finished;

    public void Begin(int alreadyFinished)
    {
        lock (_running) _finished = alreadyFinished;
    }

    public void Started(BatchJob job)
    {
        lock (_running)
        {
            _running.Add(job.Id);
            Redraw(null);
        }
    }

    public void Finished(BatchResult result)
    {
        lock (_running)
        {
            _running.Remove(result.Id);
            _finished++;
            var why = result.IsVerified || result.Message is null ? "" : $" ({result.Message})";
            var assurance = result.Assurance is null || result.IsVerified ? "" : $" ({result.Assurance})";
            Redraw($"[{_finished}/{total}] {result.Id} {result.Verdict}{assurance} {result.Seconds:0.0} s{why}");
        }
    }

    public void Note(string message)
    {
        lock (_running) Redraw($"batch: {message}");
    }

    public void Done(BatchOutcome outcome, BatchLayout layout)
    {
        lock (_running)
        {
            if (interactive) error.Write("\r\x1b[K");
            error.WriteLine($"batch: {Counts(outcome)}, {outcome.Jobs.Count - outcome.Finished} not finished, {_clock.Elapsed.TotalSeconds:0} s; {layout.Summary}");
        }
    }

    /// <summary>"3 of 5 jobs verified (proven), 1 accepted without a proof, 1 not proven": passes without a proof are never counted as verified.</summary>
    public static string Counts(BatchOutcome outcome) =>
        $"{outcome.Verified} of {outcome.Jobs.Count} jobs verified (proven)"
        + (outcome.Accepted > 0 ? $", {outcome.Accepted} accepted without a proof" : "")
        + (outcome.NotProven > 0 ? $", {outcome.NotProven} not proven" : "");

    // On a terminal the bar is the last line, rewritten in place; finished jobs scroll above it.
    private void Redraw(string? line)
    {
        if (!interactive)
        {
            if (line is not null) error.WriteLine(line);
            return;
        }
        error.Write("\r\x1b[K");
        if (line is not null) error.WriteLine(line);
        const int width = 30;
        var filled = total == 0 ? width : width * _finished / total;
        var running = _running.Count == 0 ? "" : " running: " + string.Join(", ", _running.Take(4)) + (_running.Count > 4 ? ", …" : "");
        error.Write($"[{new string('#', filled)}{new string('.', width - filled)}] {_finished}/{total} {_clock.Elapsed.TotalSeconds:0} s{running}");
        error.Flush();
    }
}
