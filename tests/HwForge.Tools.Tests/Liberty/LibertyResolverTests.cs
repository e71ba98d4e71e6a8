using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Tests.Liberty;

public class LibertyResolverTests
{
    private static readonly string Sky130Gz = Path.Combine(Repository.SharedPdk, "sky130hd_tt.lib.gz");

    [Fact]
    public void I_get_the_osu018_library_by_name_and_generic_means_no_library()
    {
        using var test = new TestHost();
        var resolver = new LibertyResolver(test.Home);
        var osu = resolver.Resolve("osu018");
        Assert.NotNull(osu);
        Assert.Equal(LibertyResolver.Osu018Path, osu.Path);
        Assert.Contains("library(osu018_stdcells)", File.ReadAllText(osu.Path));
        Assert.Null(resolver.Resolve("generic"));
    }

    [Fact]
    public void A_gzipped_library_is_unpacked_once_into_the_cache_and_reused()
    {
        using var test = new TestHost();
        var first = new LibertyResolver(test.Home).Resolve(Sky130Gz)!;
        Assert.StartsWith(Path.Combine(test.Home.Cache, "liberty"), first.Path);
        Assert.EndsWith(".lib", first.Path);
        Assert.True(new FileInfo(first.Path).Length > new FileInfo(Sky130Gz).Length * 3, "the unpacked library should be several times the archive");
        Assert.Contains("sky130_fd_sc_hd__nand2_1", File.ReadAllText(first.Path));
        var written = File.GetLastWriteTimeUtc(first.Path);

        var again = new LibertyResolver(test.Home).Resolve(Sky130Gz)!;
        Assert.Equal(first.Path, again.Path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.Path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(first.Path)!, "*.tmp"));
    }

    [Fact]
    public void Sky130_comes_from_the_variable_I_set()
    {
        using var test = new TestHost();
        var resolver = new LibertyResolver(test.Home, name => name == LibertyResolver.Sky130Variable ? Sky130Gz : null);
        var sky = resolver.Resolve("sky130")!;
        Assert.Equal("sky130", sky.Name);
        Assert.Contains("sky130_fd_sc_hd__", File.ReadAllText(sky.Path)[..200_000]);
    }

    [Fact]
    public void Asking_for_sky130_without_the_variable_tells_me_which_variable_to_set()
    {
        using var test = new TestHost();
        var resolver = new LibertyResolver(test.Home, _ => null);
        var error = Assert.Throws<LibertyUnavailableException>(() => resolver.Resolve("sky130"));
        Assert.Contains(LibertyResolver.Sky130Variable, error.Message);
    }

    [Fact]
    public void A_missing_or_foreign_file_is_refused_with_a_clear_message()
    {
        using var test = new TestHost();
        var resolver = new LibertyResolver(test.Home);
        var missing = Assert.Throws<LibertyUnavailableException>(() => resolver.Resolve("/nonexistent/cells.lib"));
        Assert.Contains("no such Liberty file", missing.Message);

        var text = test.WriteFile("cells.txt", "not a library");
        Assert.Contains(".lib or .lib.gz", Assert.Throws<LibertyUnavailableException>(() => resolver.Resolve(text)).Message);

        var fakeGz = test.WriteFile("cells.lib.gz", "not gzip");
        Assert.Contains("not a readable gzip file", Assert.Throws<LibertyUnavailableException>(() => resolver.Resolve(fakeGz)).Message);
    }
}
