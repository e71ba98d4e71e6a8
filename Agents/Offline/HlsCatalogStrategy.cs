using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation;
using HwForge.Tools.Targets.Hls;
using HwForge.Tools.Targets.Hls.Catalog;

namespace HwForge.Agents.Offline;

/// <summary>
/// Designs HLS kernels without an LLM, from the HLS target's own catalog (<see cref="HlsCatalog"/>): the request
/// picks a family, the candidates are its pragma variants (pipeline, unroll, partition), each carrying the family's
/// RTL, so every candidate is C-simulated against the plain reference, co-simulated against its RTL and measured on
/// that RTL. The spaces are small (at most a dozen points), so the optimizer tries the variants not yet judged, in order.
/// </summary>
public sealed class HlsCatalogStrategy : IDesignStrategy
{
    public string Description => "the offline HLS catalog (no LLM)";

    /// <summary>Whether runs of this target are this strategy's rather than the RTL catalog's.</summary>
    public static bool Serves(string target) => string.Equals(target, HlsTarget.TargetName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws the refusal <see cref="CreateSpecAsync"/> would, before any run folder exists.</summary>
    public static void Check(RunOptions options) => Resolve(options.Request, options.Spec);

    public Task<DesignSpec> CreateSpecAsync(RunContext context, CancellationToken cancellation)
    {
        var (family, choices, assumptions) = Resolve(context.Options.Request, context.Options.Spec);
        var kernel = family.Generate(choices);
        return Task.FromResult(new DesignSpec
        {
            Top = kernel.Top,
            Description = kernel.Description,
            Target = context.Target.Name,
            ReferenceOrigin = ReferenceOrigin.Catalog,
            Reference = kernel.ReferenceDesign,
            Family = family.Family,
            Parameters = kernel.Choices,
            PinnedParameters = [.. choices.Keys],
            Assumptions = assumptions,
        });
    }

    public async Task<IReadOnlyList<CandidateProposal>> ProposeAsync(RunContext context, DesignSpec spec, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var variants = Untried(spec, []).Take(ids.Count).ToList();
        await context.SayAsync("catalog", "generate",
            $"{spec.Family}: {variants.Count} of its {Space(spec).Count} pragma variant(s), each with the family's RTL");
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
        var best = history.Where(h => h.Outcome.Passed).MaxBy(h => h.Outcome.Reward);
        if (next.Count > 0)
            await context.SayAsync("optimizer", "optimize", $"round {round}: {next.Count} pragma variant(s) not yet judged (best so far {best?.Proposal.Id})");
        return [.. next.Select((k, i) => Proposal(k, ids[i], "search", best?.Proposal.Id))];
    }

    private static (IHlsKernelFamily Family, IReadOnlyDictionary<string, string> Choices, IReadOnlyList<string> Assumptions) Resolve(string? request, SpecInput? spec)
    {
        var families = string.Join(", ", HlsCatalog.All.Select(f => f.Family));
        if (spec?.Family is { } name)
        {
            var family = HlsCatalog.Find(name)
                ?? throw new HwForgeException(ProblemKind.InvalidInput, $"the HLS catalog has no family '{name}'; it has {families}");
            var given = spec.Parameters ?? new Dictionary<string, string>();
            try { family.Generate(given); }
            catch (ArgumentException e) { throw new HwForgeException(ProblemKind.InvalidInput, e.Message); }
            return (family, given, []);
        }
        if (spec is { HasUserReference: true })
            throw new OfflineCatalogException("a spec with your own reference needs an LLM to write the HLS kernel; " + Tools.Targets.Rtl.Catalog.RequestMatcher.NeedsModel);
        var text = request ?? spec?.Request ?? throw new HwForgeException(ProblemKind.InvalidInput, "nothing to design: give a request or a spec file");
        var match = HlsCatalog.Match(text)
            ?? throw new OfflineCatalogException($"the offline HLS catalog holds {families}; '{text}' names none of them, so designing it {Tools.Targets.Rtl.Catalog.RequestMatcher.NeedsModel}");
        // A width or length the request states in words is pinned; the pragmas are searched.
        IReadOnlyDictionary<string, string> stated;
        try { stated = match.ParametersIn(text); }
        catch (ArgumentException e) { throw new HwForgeException(ProblemKind.InvalidInput, e.Message); }
        var generated = match.Generate(stated);
        return (match, stated, [$"{match.Family}: {generated.Description} (the catalog's function{(stated.Count > 0 ? $", {string.Join(", ", stated.Select(p => $"{p.Key} {p.Value}"))} from the request" : "")}; its pragmas are searched)"]);
    }

    private static IReadOnlyList<HlsKernel> Space(DesignSpec spec) => [.. HlsCatalog.Variants(Family(spec), spec.Parameters)];

    // Variants that keep the pinned choices and were not proposed before, the default first.
    private static IEnumerable<HlsKernel> Untried(DesignSpec spec, IReadOnlyList<IReadOnlyDictionary<string, string>> tried) =>
        Space(spec).Where(k => spec.PinnedParameters.All(p => spec.Parameters is null || k.Choices[p] == spec.Parameters[p])
            && !tried.Any(t => t.Count == k.Choices.Count && t.All(c => k.Choices.TryGetValue(c.Key, out var v) && v == c.Value)));

    private static IHlsKernelFamily Family(DesignSpec spec) =>
        HlsCatalog.Find(spec.Family!) ?? throw new InvalidOperationException($"HLS catalog family {spec.Family} disappeared");

    private static CandidateProposal Proposal(HlsKernel kernel, string id, string origin, string? parent) => new()
    {
        Id = id,
        Origin = origin,
        Design = kernel.Design,
        Reference = kernel.ReferenceDesign,
        Parameters = kernel.Choices,
        ParentId = parent,
        Notes = $"{kernel.Id}: {string.Join(", ", kernel.Choices.Select(c => $"{c.Key}={c.Value}"))}",
    };
}
