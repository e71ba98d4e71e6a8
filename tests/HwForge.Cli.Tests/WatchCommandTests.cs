using System.Diagnostics;
using System.Threading.Channels;

namespace HwForge.Cli.Tests;

/// <summary><c>hwforge watch</c> as an editor's background task runs it: a check per save, lines a problem matcher reads.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private const string Good = "module pass(input a, output y);\n  assign y = a;\nendmodule\n";
    private const string Broken = "module pass(input a, output y)\n  assign y = a;\nendmodule\n";

    [Fact]
    public async Task A_save_is_linted_again_and_a_state_already_checked_is_answered_from_the_cache()
    {
        var path = _hwforge.WriteFile("pass.v", Good);
        using var watch = new WatchProcess(_hwforge, "watch", path, "--top", "pass", "--debounce", "100");
        Assert.StartsWith("hwforge watch: checking 1 file(s)", await watch.NextAsync());
        Assert.StartsWith("hwforge watch: lint clean: 0 error(s)", await watch.NextAsync());

        File.WriteAllText(path, Broken);
        Assert.StartsWith("hwforge watch: checking", await watch.NextAsync());
        Assert.Matches(@"pass\.v:2:3: error: ", await watch.NextAsync());
        var verdict = await watch.NextAsync(l => l.StartsWith("hwforge watch: "));
        Assert.StartsWith("hwforge watch: lint failed: 1 error(s)", verdict);

        File.WriteAllText(path, Broken); // saved again, unchanged
        File.WriteAllText(path, Good);   // back to a state already checked: the cache answers
        Assert.StartsWith("hwforge watch: checking", await watch.NextAsync());
        Assert.Equal("hwforge watch: lint clean: 0 error(s), 0 warning(s) (cached)", await watch.NextAsync());
    }

    [Fact]
    public async Task A_burst_of_saves_makes_one_check_of_the_last_state()
    {
        var path = _hwforge.WriteFile("pass.v", Good);
        using var watch = new WatchProcess(_hwforge, "watch", path, "--top", "pass", "--debounce", "700");
        await watch.NextAsync(l => l.StartsWith("hwforge watch: lint clean"));

        // An editor saving as one types: five different states within the debounce time, the last one broken.
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(path, Good.Replace("endmodule", $"// edit {i}\nendmodule"));
            await Task.Delay(50);
        }
        File.WriteAllText(path, Broken);
        Assert.StartsWith("hwforge watch: checking", await watch.NextAsync());
        Assert.Matches(@"pass\.v:2:3: error: ", await watch.NextAsync());
        Assert.StartsWith("hwforge watch: lint failed: 1 error(s)", await watch.NextAsync(l => l.StartsWith("hwforge watch: ")));
        Assert.Null(await watch.NextWithinAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_save_that_changed_nothing_costs_nothing_and_a_restarted_watch_is_answered_from_the_cache()
    {
        var path = _hwforge.WriteFile("pass.v", Broken);
        using (var watch = new WatchProcess(_hwforge, "watch", path, "--top", "pass", "--debounce", "100"))
        {
            Assert.StartsWith("hwforge watch: lint failed", await watch.NextAsync(l => l.StartsWith("hwforge watch: ") && !l.Contains("checking")));
            // Saved again with the same bytes, and touched: no check starts, not even one answered by the cache.
            File.WriteAllText(path, Broken);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            Assert.Null(await watch.NextWithinAsync(TimeSpan.FromSeconds(2)));
            // The watch is alive: a real change is checked.
            File.WriteAllText(path, Good);
            Assert.StartsWith("hwforge watch: checking", await watch.NextAsync());
            Assert.StartsWith("hwforge watch: lint clean", await watch.NextAsync());
        }

        // A new watch over files already checked costs no tool run: the cache answers its first check.
        using var again = new WatchProcess(_hwforge, "watch", path, "--top", "pass");
        Assert.Equal("hwforge watch: lint clean: 0 error(s), 0 warning(s) (cached)", await again.NextAsync(l => l.StartsWith("hwforge watch: ") && !l.Contains("checking")));
    }

    [Fact]
    public async Task With_a_reference_each_save_is_verified_and_a_fault_names_its_first_mismatch()
    {
        var root = Mcp.Repository.Root;
        var design = _hwforge.WriteFile("counter8.v", File.ReadAllText(Path.Combine(root, "examples/rtl/counter8/equiv.v")));
        var reference = _hwforge.WriteFile("ref.v", File.ReadAllText(Path.Combine(root, "examples/rtl/counter8/ref.v")));
        using var watch = new WatchProcess(_hwforge, "watch", design, "--top", "counter8", "--ref", reference, "--debounce", "100");
        Assert.StartsWith("hwforge watch: verified", await watch.NextAsync(l => l.StartsWith("hwforge watch: ") && !l.Contains("checking")));

        File.WriteAllText(design, File.ReadAllText(Path.Combine(root, "examples/rtl/counter8/faults/wrong_operator.v")));
        var verdict = await watch.NextAsync(l => l.StartsWith("hwforge watch: ") && !l.Contains("checking"));
        Assert.StartsWith("hwforge watch: FAIL", verdict);
        Assert.Contains("first mismatch", verdict);
    }

    public void Dispose() => _hwforge.Dispose();

    /// <summary>The watch as a child process, its stdout a queue of lines; killed at the end.</summary>
    private sealed class WatchProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        public WatchProcess(HwForgeProcess hwforge, params string[] args)
        {
            _process = hwforge.StartWithOutput(args, line => _lines.Writer.TryWrite(line));
        }

        public async Task<string> NextAsync(Func<string, bool>? wanted = null)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(limit.Token);
                if (wanted is null || wanted(line)) return line;
            }
        }

        /// <summary>The next line if one comes within <paramref name="quiet"/>, else null.</summary>
        public async Task<string?> NextWithinAsync(TimeSpan quiet)
        {
            using var limit = new CancellationTokenSource(quiet);
            try { return await _lines.Reader.ReadAsync(limit.Token); }
            catch (OperationCanceledException) { return null; }
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
