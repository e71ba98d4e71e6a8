namespace HwForge.WebUI.Runs;

/// <summary>Everything the run view renders: the reduced events, whether it is running here, and its candidates' files.</summary>
public sealed record RunSnapshot(string Id, RunState State, bool Active, IReadOnlyDictionary<string, CandidateFiles> Files)
{
    public static RunSnapshot Load(string id, string path, RunState state, bool active) =>
        new(id, state, active, state.Candidates.ToDictionary(c => c.Id, c => RunFiles.Candidate(path, c.Id)));
}
