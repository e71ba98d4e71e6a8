namespace HwForge.Agents.Batch;

/// <summary>
/// Reads <c>sacct --format=JobID,State,ExitCode --parsable2 --noheader</c> for one job array. A task that ran has a
/// line of its own ("123_4|FAILED|1:0"); tasks that never started share one ("123_[5-9%2]|CANCELLED by 0|0:0").
/// </summary>
internal static class SacctLines
{
    public static IReadOnlyList<(int Index, TaskState State)> Parse(string jobId, string output)
    {
        var states = new List<(int, TaskState)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Split('|') is not [var id, var state, var exitCode, ..]) continue;
            if (!id.StartsWith(jobId + "_", StringComparison.Ordinal) || id.Contains('.')) continue; // steps (.batch) add nothing
            // "CANCELLED by 0" names who cancelled; the state is the first word.
            var task = new TaskState(state.Split(' ')[0], exitCode, "sacct");
            foreach (var index in Indices(id[(jobId.Length + 1)..].Trim('[', ']')))
                states.Add((index, task));
        }
        return states;
    }

    /// <summary>The task indices of "4", "1-3", "0,2,5-7" or "1-3%2" (the throttle after % is not an index).</summary>
    public static IEnumerable<int> Indices(string ranges)
    {
        foreach (var part in ranges.Split('%')[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (!int.TryParse(bounds[0], out var first)) continue;
            var last = bounds.Length == 2 && int.TryParse(bounds[1], out var l) ? l : first;
            for (var index = first; index <= last; index++) yield return index;
        }
    }
}
