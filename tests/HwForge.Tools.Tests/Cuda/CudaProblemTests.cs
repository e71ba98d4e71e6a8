using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>problem.yaml as its author writes it, and the mistakes an author makes, each refused in words.</summary>
public sealed class CudaProblemTests
{
    [Fact]
    public void The_issue_example_reads_with_its_shapes_sizes_and_tolerance()
    {
        var (problem, error) = CudaProblem.Parse("""
            entry: solve
            reference: solve_ref
            args:
              - {name: A, shape: [M, K]}
              - {name: C, shape: [M, N], out: true}
              - {name: M}
              - {name: N}
              - {name: K}
            sizes: [{M: 1, N: 1, K: 1}, {M: 33, N: 47, K: 65}]
            tolerance: {abs: 1.0e-4, rel: 1.0e-3}
            inputs: {low: -2.0, high: 2.0}
            """);

        Assert.Null(error);
        Assert.Equal("solve", problem!.Entry);
        Assert.Equal(5, problem.Arguments.Count);
        Assert.True(problem.Arguments[1].Out);
        Assert.Equal("float", problem.Arguments[0].Type);
        Assert.Equal("int", problem.Arguments[2].Type);
        Assert.Equal(33 * 65, CudaProblem.Evaluate(problem.Arguments[0].Shape, problem.Sizes[1]));
        Assert.Equal(1e-3, problem.RelativeTolerance);
        Assert.Equal(-2.0, problem.Low);
    }

    [Fact]
    public void Shapes_are_integer_arithmetic_over_the_sizes()
    {
        Assert.Equal(3, CudaProblem.Evaluate(["(N + 31) / 32"], new Dictionary<string, long> { ["N"] = 65 }));
        Assert.Equal(130, CudaProblem.Evaluate(["2 * N"], new Dictionary<string, long> { ["N"] = 65 }));
    }

    [Theory]
    [InlineData("args: [{name: A, shape: [N]}, {name: N}]\nsizes: [{N: 4}]", "no argument is an output")]
    [InlineData("args: [{name: C, shape: [N], out: true}, {name: N}]\nsizes: [{M: 4}]", "no value for N")]
    [InlineData("args: [{name: C, shape: [Q], out: true}, {name: N}]\nsizes: [{N: 4}]", "shape Q")]
    [InlineData("args: [{name: C, shape: [N], out: true, type: half}, {name: N}]\nsizes: [{N: 4}]", "type half")]
    [InlineData("args: [{name: C, shape: [N], out: true}, {name: N}]\nsizes: [{N: 100000000}]", "elements")]
    [InlineData("args: [{name: C, shape: [N], out: true}, {name: N}]", "sizes")]
    [InlineData("entry: [", "not valid YAML")]
    public void A_problem_with_a_mistake_is_refused_saying_which(string yaml, string words)
    {
        var (problem, error) = CudaProblem.Parse(yaml);

        Assert.Null(problem);
        Assert.Contains(words, error);
    }
}
