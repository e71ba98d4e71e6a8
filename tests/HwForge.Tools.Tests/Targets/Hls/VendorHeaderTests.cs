using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>
/// <c>hls_include</c> (<c>--hls-include DIR</c>): both sides are built with the headers of the folder given instead of
/// HwForge's. Vendor headers cannot be shipped, so the folders here are made for the test: a copy of HwForge's own
/// (the kernel passes), and one whose ap_int.h refuses to compile (so a pass could not have used HwForge's).
/// </summary>
public sealed class VendorHeaderTests(HlsHost fixture) : IClassFixture<HlsHost>
{
    private static string Example(string file) => File.ReadAllText(Path.Combine(Repository.Root, "examples", "hls", "mac8", file));

    private Task<TargetVerdict> VerifyAsync(string include) =>
        new HlsTarget(fixture.Test.Host, fixture.Test.Versions).VerifyAsync(
            DesignArtifact.Single(HlsTarget.TargetName, "mac8", "kernel.cpp", Example("equiv.cpp")),
            DesignReference.Of(DesignArtifact.Single(HlsTarget.TargetName, "mac8", "ref.cpp", Example("ref.cpp"))), DesignHints.None,
            new TargetJob { Options = new Dictionary<string, string> { ["calls"] = "50", ["hls_include"] = include } }, CancellationToken.None);

    [Fact]
    public async Task The_headers_of_the_folder_given_are_the_ones_both_sides_are_built_with()
    {
        var copy = fixture.Test.NewFolder();
        foreach (var name in new[] { "ap_int.h", "ap_fixed.h" }) File.WriteAllText(Path.Combine(copy, name), CSimHarness.Header(name));
        var refusing = fixture.Test.NewFolder();
        File.WriteAllText(Path.Combine(refusing, "ap_int.h"), "#error \"the vendor folder's ap_int.h is in use\"\n");
        File.WriteAllText(Path.Combine(refusing, "ap_fixed.h"), "#include \"ap_int.h\"\n");

        var withCopy = await VerifyAsync(copy);
        var withRefusing = await VerifyAsync(refusing);
        var missing = await VerifyAsync(Path.Combine(copy, "no-such-folder"));

        Assert.True(withCopy.Passed, withCopy.Summary);
        Assert.Equal(Verdict.Error, withRefusing.Verdict);   // the reference cannot be built with those headers
        Assert.Contains("the vendor folder's ap_int.h is in use", withRefusing.Summary);
        Assert.Equal(Verdict.Error, missing.Verdict);
        Assert.Contains("does not exist", missing.Summary);
    }
}
