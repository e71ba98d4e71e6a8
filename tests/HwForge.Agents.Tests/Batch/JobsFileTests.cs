using HwForge.Tools.Foundation;
using HwForge.Agents.Batch;

namespace HwForge.Agents.Tests.Batch;

public sealed class JobsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-jobs-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Defaults_fill_what_a_job_leaves_unsaid_and_spec_paths_are_relative_to_the_jobs_file()
    {
        Write("specs/add.yaml", "family: adder\nparameters: {width: 8}\n");
        var path = Write("jobs.yaml", """
            defaults: {offline: true, rounds: 3, weights: [1, 1, 0]}
            jobs:
              - {id: mac8, request: "an 8-bit MAC", rounds: 1, timeout: 90}
              - {id: add, spec: specs/add.yaml, formal: OFF}
            """);

        var jobs = JobsFile.Load(path);

        Assert.Equal(["mac8", "add"], jobs.Select(j => j.Id));
        Assert.Equal(Options(("offline", "true"), ("rounds", "1"), ("weights", "1,1,0")), jobs[0].Options.Values);
        Assert.Equal(TimeSpan.FromSeconds(90), jobs[0].Options.TimeoutOrDefault);
        Assert.Equal(Path.Combine(_folder, "specs", "add.yaml"), jobs[1].SpecPath);
        Assert.Equal(Options(("offline", "true"), ("rounds", "3"), ("weights", "1,1,0"), ("formal", "OFF")), jobs[1].Options.Values);
        Assert.Equal(JobOptions.DefaultTimeout, jobs[1].Options.TimeoutOrDefault);
    }

    [Fact]
    public void A_request_pasted_as_a_block_whose_first_line_is_blank_is_read()
    {
        var path = Write("pasted.yaml", "jobs:\n  - id: fifo\n    request: |\n      \n      a 4-deep FIFO\n      of bytes\n");

        Assert.Equal("\na 4-deep FIFO\nof bytes\n", Assert.Single(JobsFile.Load(path)).Request);
    }

    [Theory]
    [InlineData("jobs:\n  - {id: a, request: x, round: 2}\n", ":2:25: unknown key in a job (did you mean 'rounds'?)")]
    [InlineData("defualts: {}\njobs:\n  - {id: a, request: x}\n", ":1:1: unknown key in a jobs file (did you mean 'defaults'?)")]
    [InlineData("jobs:\n  - {id: a, request: x}\n  - {id: a, request: y}\n", ":3: duplicate job id 'a' (first used on line 2)")]
    [InlineData("jobs:\n  - {id: a, spec: nowhere.yaml}\n", ":2:19: job 'a': spec file")]
    [InlineData("jobs:\n  - {id: a, request: x, spec: s.yaml}\n", ":2:5: job 'a' needs exactly one of")]
    [InlineData("jobs:\n  - {id: a, request: x, candidates: many}\n", ":2:37: 'candidates' must be a whole number")]
    [InlineData("jobs:\n  - {id: ../a, request: x}\n", ":2:10: a job id may use")]
    [InlineData("defaults: {offline: true}\n", ":1:1: 'jobs' must be a list")]
    [InlineData("jobs:\n  - {id: a, request: x, accept: maybe}\n", ":2:33: 'accept' takes bounded or simulated (or proven, the default)")]
    public void Bad_input_is_an_error_naming_its_line_and_column(string text, string expected)
    {
        var path = Write("jobs.yaml", text);

        var error = Assert.Throws<HwForgeException>(() => JobsFile.Load(path));

        Assert.Contains(path + expected, error.Message);
    }

    [Fact]
    public void Every_problem_of_a_jobs_file_is_reported_at_once_each_with_its_line()
    {
        var path = Write("jobs.yaml", "defaults: {rounds: lots}\njobs:\n  - {id: a, request: x, round: 2, accept: maybe}\n  - {id: b}\n  - {id: c, request: y}\n");

        var error = Assert.Throws<HwForgeException>(() => JobsFile.Load(path));

        Assert.StartsWith("4 problems in the jobs file", error.Message);
        Assert.Contains(path + ":1:20: 'rounds' must be a whole number", error.Message);
        Assert.Contains(path + ":3:25: unknown key in a job (did you mean 'rounds'?)", error.Message);
        Assert.Contains(path + ":3:43: 'accept' takes bounded or simulated", error.Message);
        Assert.Contains(path + ":4:5: job 'b' needs exactly one of", error.Message);
    }

    [Fact]
    public void Accept_in_defaults_or_a_job_lowers_the_bar_of_that_jobs_design_run_explicitly()
    {
        var path = Write("jobs.yaml", """
            defaults: {accept: Bounded}
            jobs:
              - {id: mac8, request: "an 8-bit MAC"}
              - {id: add, request: "an 8-bit adder", accept: simulated}
            """);

        var jobs = JobsFile.Load(path);

        Assert.Equal(Options(("accept", "Bounded")), jobs[0].Options.Values);
        Assert.Equal(Options(("accept", "simulated")), jobs[1].Options.Values);
        Assert.Equal(HwForge.Tools.Targets.Assurance.Bounded, jobs[0].ToDesignJob().ToRunOptions(new HwForge.Agents.Llm.LlmSettings()).Accept);
    }

    private static IReadOnlyDictionary<string, string> Options(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
