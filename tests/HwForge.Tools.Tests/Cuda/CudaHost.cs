using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>One tool host for a class (a reference built once is answered from the cache afterwards), and the examples.</summary>
public sealed class CudaHost : IDisposable
{
    public TestHost Test { get; } = new();

    public CudaTarget Target => new(Test.Host, Test.Versions);

    public static string Example(string name) => Path.Combine(Repository.Root, "examples", "cuda", name);

    /// <summary>Verifies <paramref name="file"/> of an example against the example's C++ reference (golden.cpp) and problem.yaml.</summary>
    public Task<TargetVerdict> VerifyAsync(string example, string file, string reference = "golden.cpp", int trials = 2) =>
        VerifyTextAsync(example, File.ReadAllText(Path.Combine(Example(example), file)), file, reference, trials);

    public Task<TargetVerdict> VerifyTextAsync(string example, string kernel, string name = "kernel.cu", string reference = "golden.cpp", int trials = 2)
    {
        var folder = Example(example);
        var design = DesignArtifact.Single(CudaTarget.TargetName, "solve", name, kernel);
        var referenceArtifact = new DesignArtifact(CudaTarget.TargetName, "solve_ref",
            [SourceLoader.LoadOne(Path.Combine(folder, reference)), SourceLoader.LoadOne(Path.Combine(folder, CudaProblem.FileName))]);
        var job = new TargetJob { Options = new Dictionary<string, string> { ["trials"] = trials.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return Target.VerifyAsync(design, DesignReference.Of(referenceArtifact), DesignHints.None, job, limit.Token);
    }

    public void Dispose() => Test.Dispose();
}
