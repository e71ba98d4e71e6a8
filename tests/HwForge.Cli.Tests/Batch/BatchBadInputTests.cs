namespace HwForge.Cli.Tests.Batch;

[Collection(BatchCollection.Name)]
public sealed class BatchBadInputTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Theory]
    [InlineData("jobs:\n  - {id: a, request: \"an 8-bit adder\"}\n  - {id: b, request: \"a 4-bit counter\", cadidates: 2}\n", "jobs.yaml:3:41: unknown key in a job (did you mean 'candidates'?)")]
    [InlineData("jobs:\n  - {id: a, request: \"an 8-bit adder\"}\n  - {id: b, spec: specs/missing.yaml}\n", "jobs.yaml:3:19: job 'b': spec file")]
    [InlineData("jobs:\n  - {id: a, request: \"an 8-bit adder\"}\n  - {id: a, request: \"a 4-bit counter\"}\n", "jobs.yaml:3: duplicate job id 'a' (first used on line 2)")]
    public async Task A_mistake_in_the_jobs_file_is_reported_with_its_line_before_any_job_runs(string text, string expected)
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", text);
        var folder = Path.Combine(_hwforge.Home, "out");

        var run = await _hwforge.RunAsync("batch", jobs, "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(Directory.Exists(folder), "a job ran although the jobs file was wrong");
    }

    public void Dispose() => _hwforge.Dispose();
}
