using HwForge.Agents.Batch;

namespace HwForge.Cli.Tests.Batch;

public sealed class SacctLinesTests
{
    [Fact]
    public void Sacct_lines_give_each_task_its_state_also_for_tasks_that_share_one_line()
    {
        // As sacct -X printed it on the test cluster after scancel of a throttled array, plus a FAILED and an OOM task.
        var states = SacctLines.Parse("71", """
            71_0|CANCELLED by 0|0:0
            71_[1-3%1]|CANCELLED by 0|0:0
            71_4|FAILED|3:0
            71_5|OUT_OF_MEMORY|0:125
            71_5.batch|OUT_OF_MEMORY|0:125
            710_0|COMPLETED|0:0
            """);

        Assert.Equal([0, 1, 2, 3, 4, 5], states.Select(s => s.Index));
        Assert.All(states.Take(4), s => Assert.Equal(new TaskState("CANCELLED", "0:0", "sacct"), s.State));
        Assert.Equal(new TaskState("FAILED", "3:0", "sacct"), states[4].State);
        Assert.Equal("OUT_OF_MEMORY", states[5].State.State);
    }
}
