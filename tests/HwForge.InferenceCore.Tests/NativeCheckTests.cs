using System.Diagnostics;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Conformance;
using HwForge.InferenceCore.Kernels.Native;

namespace HwForge.InferenceCore.Tests;

/// <summary>
/// The judge's sandboxed check on real libraries that are wrong in the ways kernels go wrong: a ragged edge that
/// loses the bias, a crash partway through, a loop that never ends. Each is the shipped source with one line
/// changed, compiled by the real g++.
/// </summary>
public class NativeCheckTests(NativeFixture native) : IClassFixture<NativeFixture>
{
    [Fact]
    public async Task The_shipped_library_passes_every_case_of_every_op_in_the_sandboxed_harness()
    {
        foreach (var op in new[] { Op.MatMul, Op.Attention, Op.Softmax, Op.Rope })
        {
            var cases = ConformanceCases.For(op).ToList();
            var check = await NativeCheck.RunAsync(native.Host, native.Kernels.LibraryPath, cases);
            Assert.Null(check.Failure);
            Assert.Empty(Mismatches(cases, check.Answers));
        }
    }

    [Fact]
    public async Task A_GEMM_that_drops_the_bias_on_ragged_edges_is_caught_on_the_odd_shapes()
    {
        var library = Broken("gemm.cpp", "*dst = (first ? (bias ? bias[j] : 0.f) : *dst) + local[i * NR + j];", "*dst = (first ? 0.f : *dst) + local[i * NR + j];");
        var cases = ConformanceCases.For(Op.MatMul).ToList();
        var check = await NativeCheck.RunAsync(native.Host, library, cases);

        Assert.Null(check.Failure); // it runs to the end: only its answers are wrong
        var wrong = Mismatches(cases, check.Answers);
        Assert.Contains("9×31×257", wrong); // a ragged tile with a bias
        Assert.DoesNotContain("6×16×1", wrong); // one whole tile: the fast path still adds the bias
    }

    [Fact]
    public async Task A_kernel_that_crashes_is_a_verdict_that_keeps_the_cases_it_finished()
    {
        var library = Broken("rows.cpp", "HWF_EXPORT void hwf_gelu(const float* x, float* y, long count)\n{",
            "HWF_EXPORT void hwf_gelu(const float* x, float* y, long count)\n{\n    if (count == 513) __builtin_trap();");
        var cases = ConformanceCases.For(Op.Gelu).ToList();
        var check = await NativeCheck.RunAsync(native.Host, library, cases);

        Assert.NotNull(check.Failure);
        Assert.Contains("after 7 of 10 cases", check.Failure);
        Assert.All(check.Answers.Take(7), Assert.NotNull);
        Assert.Null(check.Answers[7]);
    }

    [Fact]
    public async Task A_kernel_that_never_returns_is_stopped_by_the_time_limit()
    {
        var library = Broken("rows.cpp", "HWF_EXPORT void hwf_silu(const float* x, float* y, long count)\n{",
            "HWF_EXPORT void hwf_silu(const float* x, float* y, long count)\n{\n    volatile int spin = count == 1000;\n    while (spin) {}");
        var watch = Stopwatch.StartNew();
        var check = await NativeCheck.RunAsync(native.Host, library, ConformanceCases.For(Op.Silu).ToList(), TimeSpan.FromSeconds(3));

        Assert.Contains("timed out", check.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the hang was stopped after {watch.Elapsed}");
    }

    static List<string> Mismatches(List<ConformanceCase> cases, IReadOnlyList<float[]?> answers) =>
        [.. cases.Where((c, i) => !Tolerance.Within(c.RunOn(KernelSets.Reference), answers[i] ?? [], c.Tolerance).Ok).Select(c => c.Shape.ToString())];

    /// <summary>The shipped sources with one exact line changed, built as the shipped library is (the real g++).</summary>
    string Broken(string file, string from, string to)
    {
        var folder = Directory.CreateDirectory(Path.Combine(native.Home.Root, "broken-" + Guid.NewGuid().ToString("n")[..8])).FullName;
        foreach (var source in NativeSources.ForLibrary())
        {
            var text = System.Text.Encoding.UTF8.GetString(source.Content);
            if (source.Name == file)
            {
                Assert.Contains(from, text); // the sabotage must land, or the test proves nothing
                text = text.Replace(from, to);
            }
            File.WriteAllText(Path.Combine(folder, source.Name), text);
        }
        var g = new ProcessStartInfo("g++") { WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var a in NativeBuild.Flags.Where(f => f != "-Werror").Concat(["-shared", "-o", NativeBuild.LibraryFile]).Concat(NativeSources.LibraryUnits)) g.ArgumentList.Add(a);
        using var process = Process.Start(g)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return Path.Combine(folder, NativeBuild.LibraryFile);
    }
}
