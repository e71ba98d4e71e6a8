using HwForge.Tools.Foundation;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;
using HwForge.Tools.Targets.Cuda.Catalog;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// The offline CUDA catalog: every family is judged on its example's own problem.yaml and golden.cpp, every variant
/// of every family passes the CUDA judge on every size of that problem (on the real g++ and clang-19, under both
/// sanitizers), and a variant broken the way people break them fails.
/// </summary>
public sealed class CudaCatalogTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var family in CudaCatalog.All)
            foreach (var kernel in CudaCatalog.Variants(family))
                data.Add(family.Family, string.Join(",", kernel.Choices.Select(c => $"{c.Key}={c.Value}")));
        return data;
    }

    public static TheoryData<string> Families() => [.. CudaCatalog.All.Select(f => f.Family)];

    private static CudaKernel Generate(string family, string choices) => CudaCatalog.Find(family)!.Generate(
        choices.Split(',').Select(c => c.Split('=')).ToDictionary(p => p[0], p => p[1]));

    private async Task<TargetVerdict> JudgeAsync(CudaKernel kernel, string? text = null)
    {
        var design = text is null ? kernel.Design : DesignArtifact.Single(CudaTarget.TargetName, "solve", "kernel.cu", text);
        var job = new TargetJob { Options = new Dictionary<string, string> { ["trials"] = "1" } };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await cuda.Target.VerifyAsync(design, kernel.ReferenceDesign, DesignHints.None, job, limit.Token);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_catalog_variant_passes_the_judge_on_its_problem(string family, string choices)
    {
        var verdict = await JudgeAsync(Generate(family, choices));

        Assert.True(verdict.Passed, $"{family}({choices}): {verdict.Summary}");
        Assert.Equal(Assurance.Simulated, verdict.Assurance);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_family_is_judged_on_its_examples_own_problem_and_golden_model(string name)
    {
        var family = CudaCatalog.Find(name)!;
        var folder = CudaHost.Example(family.Example);
        var problem = File.ReadAllText(Path.Combine(folder, CudaProblem.FileName));
        var golden = File.ReadAllText(Path.Combine(folder, "golden.cpp"));

        // Byte for byte: the same sizes, tolerance, inputs, flops and bytes, and the same golden model.
        Assert.All(CudaCatalog.Variants(family), kernel =>
        {
            Assert.Equal(problem, kernel.Problem);
            Assert.Equal(golden, kernel.Reference);
            Assert.Equal(problem, kernel.Design.Files.Single(f => f.FileName == CudaProblem.FileName).Text);
        });
        var (parsed, error) = CudaProblem.Parse(problem);
        Assert.True(parsed is not null, error);
        Assert.True(parsed.Sizes.Count >= 3, $"{family.Example}: {parsed.Sizes.Count} sizes");
        Assert.NotNull(CudaRoofline.Estimate(parsed));   // every example gives its flops and bytes
    }

    [Fact]
    public async Task A_catalog_variant_with_a_barrier_removed_fails_as_a_race()
    {
        var kernel = Generate("softmax_rows", "variant=block-shared");
        var marker = "    red[threadIdx.x] = m;\n    __syncthreads();\n";
        Assert.Contains(marker, kernel.Kernel);

        var verdict = await JudgeAsync(kernel, kernel.Kernel.Replace(marker, "    red[threadIdx.x] = m;\n"));

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Race, ((CudaReport)verdict.Report).Check);
    }

    [Fact]
    public async Task A_catalog_variant_whose_grid_is_rounded_down_fails_on_the_elements_it_never_writes()
    {
        var kernel = Generate("vector_add", "variant=plain");
        Assert.Contains("(N + 255) / 256", kernel.Kernel);

        var verdict = await JudgeAsync(kernel, kernel.Kernel.Replace("(N + 255) / 256", "N / 256"));

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Contains(((CudaReport)verdict.Report).Check, new[] { CudaCheck.Unwritten, CudaCheck.Launch });
    }

    [Theory]
    [InlineData("a tiled matmul for float32", "gemm")]
    [InlineData("row-wise softmax of logits", "softmax_rows")]
    [InlineData("RMSNorm over the hidden dimension", "rmsnorm")]
    [InlineData("vector add of two arrays", "vector_add")]
    public void A_request_in_plain_words_reaches_its_family(string request, string family) =>
        Assert.Equal(family, CudaCatalog.Match(request)?.Family);

    [Fact]
    public void A_choice_that_is_not_one_of_the_values_is_refused_naming_the_values()
    {
        var error = Assert.Throws<HwForgeException>(() => CudaCatalog.Find("gemm")!.Generate(new Dictionary<string, string> { ["kernel"] = "tiled-64" }));
        Assert.Contains("tiled-16, naive, tiled-8, tiled-32, register-2x2", error.Message);
    }
}
