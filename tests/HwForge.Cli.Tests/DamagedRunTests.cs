using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HwForge.Cli.Tests;

/// <summary>
/// A run folder whose <c>run.json</c> was cut short or edited by hand: <c>--resume</c> says in one line which file is
/// damaged and where, never repeats what it holds or how .NET's parser put it, and leaves the run as it was.
/// </summary>
public sealed class DamagedRunTests : IDisposable
{
    private const string Secret = "sk-live-PLANTED0123456789";

    private readonly HwForgeProcess _hwforge = new();

    public static TheoryData<string, string, string> Damage => new()
    {
        { "cut short", $"{{\n  \"request\": \"an 8-bit adder {Secret}\",\n  \"candidates\": 2,\n  \"repai", "4:" },
        { "a wrong kind of value", $"{{\n  \"request\": \"x\",\n  \"candidates\": \"{Secret}\"\n}}\n", "3:" },
        { "not JSON at all", $"{Secret} = 1\n", "1:1" },
        { "empty", "", "1:1" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task Resuming_a_run_with_a_damaged_run_json_names_the_file_and_place_in_one_line(string shape, string text, string where)
    {
        var folder = Path.Combine(_hwforge.Home, "run-" + shape.Replace(' ', '-'));
        Directory.CreateDirectory(Path.Combine(folder, "candidates", "c001"));
        File.WriteAllText(Path.Combine(folder, "run.json"), text);
        File.WriteAllText(Path.Combine(folder, "events.jsonl"), "{\"seq\":1,\"type\":\"run-started\"}\n");
        File.WriteAllText(Path.Combine(folder, "candidates", "c001", "design.v"), "module adder; endmodule\n");
        var before = Fingerprint(folder);

        var run = await _hwforge.RunAsync("design", "--resume", folder);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"hwforge: {Path.Combine(folder, "run.json")}:{where}", line);
        Assert.Matches(new Regex(@"run\.json:\d+:\d+: "), line);
        Assert.Contains("cannot be resumed", line);
        Assert.DoesNotContain("PLANTED", run.Output + run.Error);
        foreach (var internals in new[] { "LineNumber", "BytePositionInLine", "Path: $", "System.", "JsonException", "   at " })
            Assert.DoesNotContain(internals, run.Error);
        Assert.Equal(before, Fingerprint(folder));
    }

    [Fact]
    public async Task A_run_whose_run_json_was_damaged_and_repaired_resumes_with_nothing_lost()
    {
        var folder = Path.Combine(_hwforge.Home, "repaired");
        var first = await _hwforge.RunAsync("design", "an 8-bit adder", "--candidates", "1", "--optimize", "0", "--out", folder);
        Assert.True(first.ExitCode == 0, first.Error);
        var options = Path.Combine(folder, "run.json");
        var good = File.ReadAllText(options);
        File.WriteAllText(options, good[..(good.Length / 2)]);
        var before = Fingerprint(folder);

        var refused = await _hwforge.RunAsync("design", "--resume", folder);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(before, Fingerprint(folder));

        File.WriteAllText(options, good);
        var resumed = await _hwforge.RunAsync("design", "--resume", folder, "--json");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var judged = File.ReadAllLines(Path.Combine(folder, "events.jsonl"))
            .Count(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString() == "candidate-judged");
        Assert.Equal(1, judged); // the judgement made before the damage was kept, not made again
    }

    // Every file of the run and its content; the lock file is the one thing a refused resume may leave.
    private static string Fingerprint(string folder) => string.Join('\n', Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != ".lock")
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    public void Dispose() => _hwforge.Dispose();
}
