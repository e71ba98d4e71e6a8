namespace HwForge.Cli.Tests;

/// <summary>A request that is refused is refused before anything is written: no run folder is left behind.</summary>
public sealed class RefusedRequestTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Theory]
    [InlineData("", "nothing to design")]
    [InlineData("   ", "nothing to design")]
    [InlineData("a UART receiver", "is outside the offline catalog")]
    public async Task A_refused_request_says_why_and_leaves_no_run_folder(string request, string expected)
    {
        var run = await _hwforge.RunAsync(["design", request]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("run folder:", run.Error);
        Assert.Empty(RunFolders());
    }

    [Fact]
    public async Task A_spec_naming_a_family_the_catalog_lacks_leaves_no_run_folder()
    {
        var spec = _hwforge.WriteFile("typo.yaml", "family: addr\nparameters:\n  width: 8\n");

        var run = await _hwforge.RunAsync(["design", "--spec", spec]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the catalog has no family 'addr'", run.Error);
        Assert.Empty(RunFolders());
    }

    private string[] RunFolders()
    {
        var runs = Path.Combine(_hwforge.Home, "runs");
        return Directory.Exists(runs) ? Directory.GetDirectories(runs) : [];
    }

    public void Dispose() => _hwforge.Dispose();
}
