using HwForge.Agents.Runs;
using HwForge.Tools.Targets;
using HwForge.WebUI.Runs;

namespace HwForge.WebUI.Tests;

/// <summary>The page's state is a reducer over run events: a snapshot and a stream end in the same place.</summary>
public sealed class RunStateTests
{
    [Fact]
    public void A_finished_run_shows_its_candidates_verdicts_and_best_design()
    {
        var state = RunState.From(SampleRun.Events());

        Assert.Equal(RunPhase.Finished, state.Phase);
        Assert.True(state.Verified);
        Assert.Equal("c001", state.BestId);
        Assert.Equal("an 8-bit adder", state.Request);
        Assert.Equal("the offline catalog (no LLM)", state.Strategy);
        Assert.Equal(["c001", "c002"], state.Candidates.Select(c => c.Id));
        Assert.Equal("width=8, architecture=ripple", state.Candidates[0].Parameters);
        Assert.Equal(Verdict.Fail, state.Candidates[1].Outcome!.Verdict);
        Assert.StartsWith("cycle 3", state.Candidates[1].Outcome!.FirstMismatch);
        Assert.DoesNotContain(state.Steps, s => s.Type == RunEventTypes.StepCompleted); // journal bookkeeping stays hidden
    }

    [Fact]
    public void A_snapshot_then_an_overlapping_stream_gives_the_same_state_as_the_whole_log()
    {
        var events = SampleRun.Events();
        var whole = RunState.From(events);

        // The live stream may repeat events the snapshot already had; they change nothing.
        var pieced = events.Skip(4).Aggregate(RunState.From(events.Take(6)), (s, e) => s.Apply(e));

        Assert.Equal(whole.Steps, pieced.Steps);
        Assert.Equal(whole.Candidates, pieced.Candidates);
        Assert.Equal(whole.Headline, pieced.Headline);
    }

    [Fact]
    public void While_running_the_state_follows_the_current_stage_and_a_failure_is_kept_with_its_reason()
    {
        var events = SampleRun.Events();
        var running = RunState.From(events.Take(5));
        Assert.Equal(RunPhase.Running, running.Phase);
        Assert.Equal("generate", running.Stage);
        Assert.False(running.Candidates[0].Judged);

        var failed = running.Apply(new RunFailedEvent { Seq = 99, Message = "the LLM at http://x/v1 is unreachable" });
        Assert.Equal(RunPhase.Failed, failed.Phase);
        Assert.Equal("the LLM at http://x/v1 is unreachable", failed.Headline);
    }
}
