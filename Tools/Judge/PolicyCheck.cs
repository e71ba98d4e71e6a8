using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;
using HwForge.Tools.Icarus;
using HwForge.Tools.Sources;

namespace HwForge.Tools.Judge;

/// <summary>Preprocesses the design with <c>iverilog -E</c> (confined) and applies <see cref="DesignPolicy"/> to the result.</summary>
public static class PolicyCheck
{
    private const string Preprocessed = "hwforge-preprocessed.v";

    public static async Task<(FailureClass Failure, string Detail)> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> design, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(IcarusTool.Descriptor, cancellation).ConfigureAwait(false);
        var step = new ToolStep("iverilog-preprocess", version,
            new ToolInvocation("iverilog", ["-E", "-o", Preprocessed, .. design.Select(s => s.StagedName)])
                .WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(30))))
        {
            Inputs = [.. design.Select(s => InputFile.FromText(s.StagedName, s.Text))],
            Outputs = [Preprocessed],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        if (result.OutputText(Preprocessed) is not { } text)
            return (FailureClass.Syntax, $"the preprocessor rejected the design: {result.Run.StandardError.Trim()}");
        var violations = DesignPolicy.Violations(text);
        return violations.Count == 0 ? (FailureClass.None, "") : (FailureClass.ForbiddenConstruct, DesignPolicy.Explain(violations));
    }
}
