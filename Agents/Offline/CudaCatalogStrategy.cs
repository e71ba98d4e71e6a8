using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation;
using HwForge.Tools.Targets.Cuda;
using HwForge.Tools.Targets.Cuda.Catalog;

namespace HwForge.Agents.Offline;

/// <summary>
/// Designs CUDA kernels without an LLM, from the CUDA target's own catalog (<see cref="CudaCatalog"/>): the spec's
/// family (or a request naming one) picks a problem, the candidates are its kernel variants, each judged by the CUDA
/// target on its CPU emulation like any candidate. Nothing is timed, so no variant is better than another by a
/// figure: the spaces are small (at most five points), and the optimizer tries the variants not yet judged, in order.
/// </summary>
public sealed class CudaCatalogStrategy : IDesignStrategy
{
    public string Description => "the offline CUDA catalog (no LLM)";

    /// <summary>Whether runs of this target are this strategy's rather than the RTL catalog's.</summary>
    public static bool Serves(string target) => string.Equals(target, CudaTarget.TargetName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws the refusal <see cref="CreateSpecAsync"/> would, before any run folder exists.</summary>
    public static void Check(RunOptions options) => Resolve(options.Request, options.Spec);

    public Task<DesignSpec> CreateSpecAsync(RunContext context, CancellationToken cancellation)
    {
        var (family, choices, assumptions) = Resolve(context.Options.Request, context.Options.Spec);
        var kernel = family.Generate(choices);
        return Task.FromResult(new DesignSpec
        {
            Top = "solve",
            Description = $"{family.Summary} ({kernel.Description})",
            Target = context.Target.Name,
            ReferenceOrigin = ReferenceOrigin.Catalog,
            Reference = kernel.ReferenceDesign,
            Family = family.Family,
            Parameters = kernel.Choices,
            PinnedParameters = [.. choices.Keys],
            Assumptions = [.. assumptions, "not timed: without a GPU the CUDA target measures no speed, so variants are judged for correctness only"],
        });
    }

    public async Task<IReadOnlyList<CandidateProposal>> ProposeAsync(RunContext context, DesignSpec spec, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var variants = Untried(spec, []).Take(ids.Count).ToList();
        await context.SayAsync("catalog", "generate", $"{spec.Family}: {variants.Count} of its {Space(spec).Count} kernel variant(s)");
        return [.. variants.Select((k, i) => Proposal(k, ids[i], "catalog", null))];
    }

    /// <summary>A catalog variant that fails is a catalog bug to report, not something to patch blindly.</summary>
    public Task<CandidateProposal?> RepairAsync(RunContext context, DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation) =>
        Task.FromResult<CandidateProposal?>(null);

    public async Task<IReadOnlyList<CandidateProposal>> OptimizeAsync(RunContext context, DesignSpec spec, IReadOnlyList<JudgedCandidate> history,
        int round, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var tried = history.Select(h => h.Proposal.Parameters).OfType<IReadOnlyDictionary<string, string>>().ToList();
        var next = Untried(spec, tried).Take(ids.Count).ToList();
        var first = history.FirstOrDefault(h => h.Outcome.Passed);
        if (next.Count > 0)
            await context.SayAsync("optimizer", "optimize", $"round {round}: {next.Count} kernel variant(s) not yet judged (no speed is measured, so none is ranked by it)");
        return [.. next.Select((k, i) => Proposal(k, ids[i], "search", first?.Proposal.Id))];
    }

    private static (ICudaKernelFamily Family, IReadOnlyDictionary<string, string> Choices, IReadOnlyList<string> Assumptions) Resolve(string? request, SpecInput? spec)
    {
        var families = string.Join(", ", CudaCatalog.All.Select(f => f.Family));
        if (spec?.Family is { } name)
        {
            var family = CudaCatalog.Find(name)
                ?? throw new HwForgeException(ProblemKind.InvalidInput, $"the CUDA catalog has no family '{name}'; it has {families}");
            var given = spec.Parameters ?? new Dictionary<string, string>();
            try { family.Generate(given); }
            catch (ArgumentException e) { throw new HwForgeException(ProblemKind.InvalidInput, e.Message); }
            return (family, given, []);
        }
        if (spec is { HasUserReference: true })
            throw new OfflineCatalogException("a spec with your own reference needs an LLM to write the CUDA kernel; " + Tools.Targets.Rtl.Catalog.RequestMatcher.NeedsModel);
        var text = request ?? spec?.Request ?? throw new HwForgeException(ProblemKind.InvalidInput, "nothing to design: give a request or a spec file");
        var match = CudaCatalog.Match(text)
            ?? throw new OfflineCatalogException($"the offline CUDA catalog holds {families}; '{text}' names none of them, so designing it {Tools.Targets.Rtl.Catalog.RequestMatcher.NeedsModel}");
        return (match, new Dictionary<string, string>(), [$"{match.Family}: {match.Summary} (the catalog's problem and reference; its kernel variants are tried)"]);
    }

    private static IReadOnlyList<CudaKernel> Space(DesignSpec spec) => [.. CudaCatalog.Variants(Family(spec))];

    // Variants that keep the pinned choices and were not proposed before, the default first.
    private static IEnumerable<CudaKernel> Untried(DesignSpec spec, IReadOnlyList<IReadOnlyDictionary<string, string>> tried) =>
        Space(spec).Where(k => spec.PinnedParameters.All(p => spec.Parameters is null || k.Choices[p] == spec.Parameters[p])
            && !tried.Any(t => t.Count == k.Choices.Count && t.All(c => k.Choices.TryGetValue(c.Key, out var v) && v == c.Value)));

    private static ICudaKernelFamily Family(DesignSpec spec) =>
        CudaCatalog.Find(spec.Family!) ?? throw new InvalidOperationException($"CUDA catalog family {spec.Family} disappeared");

    private static CandidateProposal Proposal(CudaKernel kernel, string id, string origin, string? parent) => new()
    {
        Id = id,
        Origin = origin,
        Design = kernel.Design,
        Reference = kernel.ReferenceDesign,
        Parameters = kernel.Choices,
        ParentId = parent,
        Notes = $"{kernel.Id}: {kernel.Description}",
    };
}
