using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// The harness key is made on first use of a home. Judges of one process start together (test
/// fixtures, parallel candidates), so the first uses race: every one must get the same key, none an
/// exception (CI once lost a whole fixture to a temporary file another thread had moved away).
/// </summary>
public sealed class HarnessTagTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwforge-harness-key-").FullName;

    [Fact]
    public void Concurrent_first_uses_of_a_fresh_home_agree_on_one_key()
    {
        var design = new[] { SourceLoader.FromText("design.v", "module m; endmodule\n") };
        var stimulus = new Stimulus([], [[], []]);
        for (var round = 0; round < 100; round++)
        {
            var home = new HwForgeHome(Path.Combine(_root, $"home{round}"));
            const int users = 8;
            var results = new string?[users];
            var errors = new Exception?[users];
            using var start = new Barrier(users);
            // Threads of their own, not the pool's: the pool would start them one after another.
            var threads = Enumerable.Range(0, users).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try { results[i] = HarnessTag.For(home, design, stimulus); }
                catch (Exception e) { errors[i] = e; }
            })).ToArray();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();
            Assert.All(errors, Assert.Null);
            Assert.Single(results.Distinct());
            Assert.Equal(["harness.key"], Directory.GetFiles(home.Data).Select(Path.GetFileName));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
