using HwForge.InferenceCore.Kernels.Conformance;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.InferenceCore.Kernels.Native;

/// <summary>A candidate's answers to the conformance cases, or why it gave none: it crashed, hung or was refused.</summary>
internal sealed record NativeCheckResult(IReadOnlyList<float[]?> Answers, string? Failure);

/// <summary>
/// Runs a candidate library on conformance cases inside the sandbox, in the harness check_main.cpp, so that a
/// kernel that crashes, hangs or scribbles over memory does so in a confined process with a time limit, never in
/// HwForge's own. The caller judges the answers against the reference.
/// </summary>
internal static class NativeCheck
{
    const string Cases = "cases.bin", Answers = "answers.bin";
    static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static async Task<NativeCheckResult> RunAsync(ToolHost host, string libraryPath, IReadOnlyList<ConformanceCase> cases,
        TimeSpan? timeout = null, CancellationToken cancellation = default)
    {
        var checker = await NativeBuild.BuildCheckerAsync(host, cancellation).ConfigureAwait(false);
        // Staged files lose their mode bits, so the harness is made executable inside the run.
        var script = $"chmod +x {NativeBuild.CheckerFile} && exec ./{NativeBuild.CheckerFile} ./{NativeBuild.LibraryFile} {Cases} {Answers}";
        var step = new ToolStep("native-kernel-check", "1", new ToolInvocation("sh", ["-c", script]).WithLimits(ResourceLimits.Default.WithTimeout(timeout ?? DefaultTimeout)))
        {
            Inputs =
            [
                InputFile.FromPath(NativeBuild.CheckerFile, checker),
                InputFile.FromPath(NativeBuild.LibraryFile, libraryPath),
                new InputFile(Cases, CaseFile.Write(cases)),
            ],
            Outputs = [Answers],
            Cacheable = false,
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var answers = CaseFile.ReadAnswers(result.Outputs.GetValueOrDefault(Answers), cases.Count);
        if (result.Run.Succeeded) return new(answers, null);
        var done = answers.TakeWhile(a => a is not null).Count();
        var said = NativeBuild.FirstLines(result.Run.StandardError, 5);
        return new(answers, $"the harness {result.Run.Describe(step.Invocation.Limits)} after {done} of {cases.Count} cases" + (said.Length > 0 ? $": {said}" : ""));
    }
}
