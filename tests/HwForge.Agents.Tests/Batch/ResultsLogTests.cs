using System.Text;
using HwForge.Agents.Batch;

namespace HwForge.Agents.Tests.Batch;

public sealed class ResultsLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-results-").FullName;

    private static BatchResult Result(string id, string verdict = Verdicts.Verified) =>
        new() { Id = id, Verdict = verdict, RunFolder = $"runs/{id}", Executor = "local", Seconds = 1.5 };

    [Fact]
    public void A_line_torn_by_a_crash_does_not_count_and_is_cut_away_before_the_next_line()
    {
        var log = new ResultsLog(Path.Combine(_folder, ResultsLog.FileName));
        Assert.True(log.Append(Result("a")));
        File.AppendAllText(log.Path, "{\"id\":\"b\",\"verdict\":\"verif", Encoding.UTF8); // killed mid-write

        Assert.Equal(["a"], log.Read().Keys);
        Assert.True(log.Append(Result("b")));

        var lines = File.ReadAllLines(log.Path);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.NotNull(BatchResult.TryParse(l)));
        Assert.Equal(["a", "b"], log.Read().Keys.Order());
    }

    [Fact]
    public void A_job_that_already_has_a_line_never_gets_a_second_one()
    {
        var log = new ResultsLog(Path.Combine(_folder, ResultsLog.FileName));
        Assert.True(log.Append(Result("a")));

        Assert.False(log.Append(Result("a", Verdicts.Failed)));

        Assert.Single(File.ReadAllLines(log.Path));
        Assert.Equal(Verdicts.Verified, log.Read()["a"].Verdict);
    }

    [Fact]
    public async Task Many_writers_at_once_leave_one_whole_line_per_job()
    {
        var log = new ResultsLog(Path.Combine(_folder, ResultsLog.FileName));
        // Each id is offered four times by different threads, as a Slurm task and its follower might.
        var writers = Enumerable.Range(0, 200).Select(i => Task.Run(() => new ResultsLog(log.Path).Append(Result($"job{i % 50}"))));

        var added = await Task.WhenAll(writers);

        Assert.Equal(50, added.Count(a => a));
        var lines = File.ReadAllLines(log.Path);
        Assert.Equal(50, lines.Length);
        Assert.Equal(50, lines.Select(l => BatchResult.TryParse(l)!.Id).Distinct().Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
