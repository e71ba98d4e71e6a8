namespace HwForge.Agents.Supervisor;

/// <summary>
/// Hands out c001, c002... in the order the supervisor asks. A resumed run walks the same steps in the
/// same order, so every candidate gets the same id again and its recorded results line up.
/// </summary>
internal sealed class CandidateIds
{
    private int _last;

    public IReadOnlyList<string> Next(int count) => Enumerable.Range(0, count).Select(_ => $"c{++_last:000}").ToList();

    public string Next() => Next(1)[0];
}
