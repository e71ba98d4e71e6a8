using System.Text;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Tests.Runs;

public sealed class EventLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-events-").FullName;

    [Fact]
    public async Task Events_survive_a_torn_last_line_and_the_log_continues_after_it()
    {
        var path = Path.Combine(_folder, "events.jsonl");
        await using (var log = EventLog.Open(path))
        {
            await log.AppendAsync(new StageEvent { Stage = "spec" });
            await log.AppendAsync(new MessageEvent { Message = "hello" });
        }
        // A process killed mid-write leaves half a line behind.
        await File.AppendAllTextAsync(path, "{\"seq\":3,\"type\":\"candid", Encoding.UTF8);

        Assert.Equal(2, EventLog.Read(path).Count);
        await using (var log = EventLog.Open(path))
        {
            var next = await log.AppendAsync(new MessageEvent { Message = "after" });
            Assert.Equal(3, next.Seq);
        }
        var events = EventLog.Read(path);
        Assert.Equal(["spec", null, null], events.Select(e => e.Stage));
        Assert.Equal("after", events[^1].Message);
        // The torn fragment was trimmed away: three whole lines, no fourth half one.
        Assert.Equal(3, (await File.ReadAllLinesAsync(path)).Length);
    }

    [Fact]
    public async Task A_finished_step_is_replayed_from_the_log_instead_of_run_again()
    {
        var path = Path.Combine(_folder, "steps.jsonl");
        var runs = 0;
        await using (var log = EventLog.Open(path))
        {
            var journal = new StepJournal(log);
            Assert.Equal(42, await journal.RunAsync("answer", _ => { runs++; return Task.FromResult(42); }, default));
        }
        await using (var log = EventLog.Open(path))
        {
            var journal = new StepJournal(log);
            Assert.Equal(42, await journal.RunAsync("answer", _ => { runs++; return Task.FromResult(7); }, default));
            Assert.Equal(1, journal.Replayed);
        }
        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_log_that_is_not_a_run_log_is_reported_with_its_line()
    {
        var path = Path.Combine(_folder, "garbage.jsonl");
        File.WriteAllText(path, "{\"type\":\"stage\"}\nnot json at all\n");
        var error = Assert.Throws<InvalidDataException>(() => EventLog.Read(path));
        Assert.Contains("line 2", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
