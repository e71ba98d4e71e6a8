using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Tests.Runs;

public sealed class RunFolderErrorTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task Starting_a_run_where_one_already_is_says_which_folder_in_words_without_flags()
    {
        var path = _host.NewRunPath();
        await using (RunFolder.Create(path, new RunOptions { Request = "an 8-bit adder" }.Validated())) { }

        var error = Assert.Throws<HwForgeException>(() => RunFolder.Create(path, new RunOptions { Request = "an 8-bit adder" }.Validated()));

        Assert.Equal(ProblemKind.RunExists, error.Kind);
        Assert.Equal(Path.GetFullPath(path), error.Subject);
        Assert.DoesNotContain("--", error.Message); // the CLI adds how to continue it
    }

    public void Dispose() => _host.Dispose();
}
