using System.Text.Json;

namespace HwForge.Cli.Tests;

public sealed class KbCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task I_can_add_my_notes_and_designs_and_find_them_with_their_source()
    {
        var notes = _hwforge.WriteFile("team-notes.md", "# Team notes\n\n## Reset polarity\n\nOur SoC uses an active-low reset called por_n everywhere.\n");
        var design = _hwforge.WriteFile("gray.v", "// Gray counter used by the async FIFO\nmodule gray_counter(input clk, output reg [3:0] g); endmodule\n");

        var add = await _hwforge.RunAsync("kb", "add", notes, design, "--json");
        Assert.Equal(0, add.ExitCode);
        using (var report = JsonDocument.Parse(add.Output))
        {
            Assert.Equal(2, report.RootElement.GetProperty("files").GetInt32());
            Assert.Equal(2, report.RootElement.GetProperty("chunks").GetInt32());
        }

        var search = await _hwforge.RunAsync("kb", "search", "which reset polarity does our SoC use?", "--top", "3", "--json");
        Assert.Equal(0, search.ExitCode);
        using var json = JsonDocument.Parse(search.Output);
        var first = json.RootElement.GetProperty("results")[0];
        Assert.Equal("Team notes > Reset polarity", first.GetProperty("title").GetString());
        Assert.Equal(notes, first.GetProperty("source").GetString());
        Assert.Equal("doc", first.GetProperty("kind").GetString());

        var module = await _hwforge.RunAsync("kb", "search", "gray counter module");
        Assert.Contains("module gray_counter (gray.v)", module.Output);
        Assert.Contains($"source: {design}", module.Output);
    }

    [Fact]
    public async Task a_pasted_verilator_warning_finds_what_it_means_in_the_shipped_corpus()
    {
        var run = await _hwforge.RunAsync("kb", "search", "%Warning-BLKSEQ: shift.v:10:12: Blocking assignment '=' in sequential logic process");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("1. Verilator lint warnings > BLKSEQ", run.Output);
        Assert.Contains("source: corpus/verilator-lint.md", run.Output);
    }

    [Fact]
    public async Task a_search_that_finds_nothing_exits_1_and_says_so()
    {
        var run = await _hwforge.RunAsync("kb", "search", "xyzzyplugh");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing found", run.Output);
    }

    [Fact]
    public async Task add_skips_a_binary_file_with_a_reason_adds_the_rest_and_exits_1()
    {
        var folder = Path.Combine(_hwforge.Files, "mixed");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ok.txt"), "The blorptastic FIFO is four entries deep.");
        File.WriteAllBytes(Path.Combine(folder, "dump.v"), [0x00, 0x01, 0x02, 0xff]);

        var run = await _hwforge.RunAsync("kb", "add", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"skipped {Path.Combine(folder, "dump.v")}: binary", run.Error);
        Assert.Contains("added 1 chunks from 1 files", run.Output);
        Assert.Equal(0, (await _hwforge.RunAsync("kb", "search", "blorptastic")).ExitCode);
    }

    [Fact]
    public async Task a_corrupt_database_is_reported_by_path_with_exit_2_and_never_replaced()
    {
        var database = Path.Combine(_hwforge.Home, "data", "knowledge.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray();
        File.WriteAllBytes(database, garbage);

        var run = await _hwforge.RunAsync("kb", "stats");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(database, run.Error);
        Assert.Contains("move it aside", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(garbage, File.ReadAllBytes(database));
    }

    [Fact]
    public async Task stats_counts_the_shipped_corpus_by_kind()
    {
        var run = await _hwforge.RunAsync("kb", "stats", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("chunks").GetInt32() >= 60);
        Assert.True(json.RootElement.GetProperty("chunksByKind").GetProperty("error-knowledge").GetInt32() >= 30);
        // With no endpoint configured the shipped corpus is embedded locally (issue 17), every chunk of it.
        Assert.Equal("hwforge-core/all-MiniLM-L6-v2", json.RootElement.GetProperty("embeddingModel").GetString());
        Assert.Equal(json.RootElement.GetProperty("chunks").GetInt32(), json.RootElement.GetProperty("chunksWithVectors").GetInt32());
    }

    [Fact]
    public async Task stats_names_the_store_in_use_sqlite_by_default()
    {
        var run = await _hwforge.RunAsync("kb", "stats");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"store:   sqlite, {Path.Combine(_hwforge.Home, "data", "knowledge.db")}", run.Output);
    }

    [Fact]
    public async Task stats_on_a_qdrant_server_that_is_not_there_exits_2_with_what_to_do_and_creates_no_local_store()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await _hwforge.RunAsync(["kb", "stats"], new Dictionary<string, string> { ["HWFORGE_KB"] = $"qdrant://127.0.0.1:{port}" }, TimeSpan.FromSeconds(30));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"qdrant://127.0.0.1:{port}/hwforge did not answer", run.Error);
        Assert.Contains("unset HWFORGE_KB to use the local store", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Path.Combine(_hwforge.Home, "data", "knowledge.db")));
    }

    [Fact]
    public async Task a_bad_top_is_a_usage_error()
    {
        var run = await _hwforge.RunAsync("kb", "search", "latch", "--top", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--top must be between 1 and 100", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
