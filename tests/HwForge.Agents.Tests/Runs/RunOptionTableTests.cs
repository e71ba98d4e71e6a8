using System.Text.Json;
using HwForge.Agents.Batch;
using HwForge.Agents.Llm;
using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Runs;

public sealed class RunOptionTableTests
{
    private static readonly LlmSettings NoLlm = new();

    [Fact]
    public void Every_option_of_the_table_is_a_jobs_file_key_and_the_batch_adds_only_its_timeout()
    {
        Assert.Equal([.. RunOptionTable.Shipped.Select(o => o.Name), "timeout"], JobsFile.OptionKeys);
        Assert.Contains(RunOptionTable.Shipped, o => o.Name == "clock_period" && o.Flag == "--clock-period" && o.IsTargetOption);
    }

    [Fact]
    public void Each_default_is_the_one_a_fresh_run_has_so_the_cli_the_jobs_file_and_the_web_form_cannot_disagree()
    {
        var fresh = new RunOptions();
        foreach (var row in RunOptionTable.Run.Where(r => r.Read is not null))
            Assert.Equal(row.Default, row.Read!(fresh));

        // A job that says nothing runs with exactly the table's defaults, the target's included.
        var run = new DesignJob { Request = "an 8-bit adder" }.ToRunOptions(NoLlm);
        foreach (var row in RunOptionTable.Run.Where(r => r.Read is not null)) Assert.Equal(row.Default, row.Read!(run));
        Assert.Equal(TargetRegistry.ShippedOptions["rtl"].ToDictionary(o => o.Name, o => o.Default), run.TargetOptions);
    }

    [Fact]
    public void A_value_said_by_name_reaches_the_run_and_the_target_job()
    {
        var run = new DesignJob
        {
            Request = "an 8-bit adder",
            Options = new Dictionary<string, string> { ["candidates"] = "5", ["clock_period"] = "2.5", ["weights"] = "1,0,0", ["accept"] = "bounded", ["time_limit"] = "60" },
        }.ToRunOptions(NoLlm);

        Assert.Equal(5, run.Candidates);
        Assert.Equal(1, run.Objectives.Area);
        Assert.Equal(0, run.Objectives.Delay);
        Assert.Equal(HwForge.Tools.Targets.Assurance.Bounded, run.Accept);
        Assert.Equal(TimeSpan.FromMinutes(1), run.Budget.MaxWallTime);
        Assert.Equal("2.5", run.TargetJob().Option("clock_period"));
        Assert.Equal("1000", run.TargetJob().Option("cycles"));
    }

    [Fact]
    public void An_option_the_target_does_not_have_is_refused_naming_the_target_and_its_options()
    {
        var options = new RunOptions { Request = "an 8-bit adder", TargetOptions = new Dictionary<string, string> { ["foo"] = "1" } };

        var error = Assert.Throws<HwForgeException>(() => options.Validated());

        Assert.Equal(ProblemKind.UnsupportedOption, error.Kind);
        Assert.Equal("the rtl target has no option 'foo'; its options are cycles, formal, liberty, clock_period", error.Message);
    }

    [Theory]
    [InlineData("candidates", "0", "candidates must be a whole number between 1 and 64")]
    [InlineData("cycles", "5", "cycles must be a whole number between 10 and 1000000")]
    [InlineData("max_llm_calls", "-1", "max_llm_calls must be a whole number, 0 (no limit) or more")]
    public void A_bad_value_is_a_problem_in_the_options_own_name_which_each_edge_words_itself(string name, string value, string expected)
    {
        var row = RunOptionTable.Shipped.Single(r => r.Name == name);

        var problem = new OptionProblem(name, row.Check(value)!);

        Assert.Equal(expected, problem.Message);
        Assert.StartsWith(row.Flag + " must be", problem.Worded(row.Flag));
        Assert.Throws<HwForgeException>(() => RunOptionTable.Apply(new RunOptions { Request = "x" }, new Dictionary<string, string> { [name] = value }));
    }

    [Fact]
    public void A_run_json_of_the_new_form_reads_back_exactly_and_one_of_the_old_form_keeps_its_target_options()
    {
        var options = new DesignJob { Request = "an 8-bit adder", Options = new Dictionary<string, string> { ["liberty"] = "sky130" } }.ToRunOptions(NoLlm);
        var again = JsonSerializer.Deserialize<RunOptions>(JsonSerializer.Serialize(options, RunJson.Options), RunJson.Options)!;
        Assert.Equal(options.TargetOptions, again.TargetOptions);
        Assert.Equal(options.Candidates, again.Candidates);
        Assert.DoesNotContain("clockPeriodNs", JsonSerializer.Serialize(options, RunJson.Options));

        var old = JsonSerializer.Deserialize<RunOptions>("""
            {"request": "an 8-bit adder", "clockPeriodNs": 5, "liberty": "sky130", "cycles": 200, "formal": "off", "seed": 3}
            """, RunJson.Options)!;
        Assert.Equal(new Dictionary<string, string> { ["clock_period"] = "5", ["liberty"] = "sky130", ["cycles"] = "200", ["formal"] = "off" }, old.TargetOptions);
        Assert.Equal(3, old.TargetJob().Seed);
    }
}
