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

    [Fact]
    public async Task Every_mistake_in_the_jobs_file_is_reported_in_one_try()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml",
            "jobs:\n  - {id: a, request: \"an 8-bit adder\", cadidates: 2}\n  - {id: b, request: \"a 4-bit counter\", rounds: lots}\n  - {id: c}\n");
        var folder = Path.Combine(_hwforge.Home, "out");

        var run = await _hwforge.RunAsync("batch", jobs, "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("3 problems in the jobs file", run.Error);
        Assert.Contains("jobs.yaml:2:40: unknown key in a job (did you mean 'candidates'?)", run.Error);
        Assert.Contains("jobs.yaml:3:49: 'rounds' must be a whole number", run.Error);
        Assert.Contains("jobs.yaml:4:5: job 'c' needs exactly one of 'request' (plain words) or 'spec'", run.Error);
        Assert.False(Directory.Exists(folder), "a job ran although the jobs file was wrong");
    }

    public void Dispose() => _hwforge.Dispose();
}
