namespace HwForge.WebUI.Runs;

/// <summary>Everything the run view renders: the reduced events, whether it is running here, and its candidates' files.</summary>
public sealed record RunSnapshot(string Id, RunState State, bool Active, IReadOnlyDictionary<string, CandidateFiles> Files)
{
    public static RunSnapshot Load(string id, string path, RunState state, bool active)
    {
        // run.json is written before the run starts, so the user's words show even before its first event is logged.
        if (state.Request is null && RunFiles.Request(path) is { } request) state = state with { Request = request };
        return new(id, state, active, state.Candidates.ToDictionary(c => c.Id, c => RunFiles.Candidate(path, c.Id)));
    }
}
