using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Targets.Rtl.Catalog;
using HwForge.Tools.Foundation;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Offline;

/// <summary>
/// Designs without an LLM: the request is matched to a catalog generator, the first candidates are the
/// generator's default and variants spread over its architecture parameters, and the optimizer is an
/// <see cref="EvolutionarySearch"/> steered by the judge's reward. Generated code is judged like any other:
/// a variant that fails is reported and never counted.
/// </summary>
public sealed class OfflineCatalogStrategy : IDesignStrategy
{
    public string Description => "the offline catalog (no LLM)";

    /// <summary>
    /// Throws the refusal <see cref="CreateSpecAsync"/> would, without a run: a caller checks a request this way
    /// before it creates a run folder, so nothing is written for a request the catalog cannot serve.
    /// </summary>
    public static void Check(RunOptions options)
    {
        // HLS and CUDA runs have their own catalogs (DesignStrategies picks them).
        if (HlsCatalogStrategy.Serves(options.Target)) { HlsCatalogStrategy.Check(options); return; }
        if (CudaCatalogStrategy.Serves(options.Target)) { CudaCatalogStrategy.Check(options); return; }
        RefuseOtherTargets(options.Target);
        Resolve(options.Request, options.Spec);
    }

    public Task<DesignSpec> CreateSpecAsync(RunContext context, CancellationToken cancellation)
    {
        RefuseOtherTargets(context.Target.Name);
        var (generator, parameters, assumptions, pinned) = Resolve(context.Options.Request, context.Options.Spec);
        var design = generator.Generate(parameters);
        var spec = new DesignSpec
        {
            Top = design.Top,
            Description = design.Description,
            Target = context.Target.Name,
            ReferenceOrigin = ReferenceOrigin.Catalog,
            Reference = Reference(design),
            // Variants differ in ports (a pipelined adder has a clock, the default may not); the judge finds
            // each one's clock and reset by use and name.
            Family = generator.Family,
            Parameters = design.Parameters.Values,
            PinnedParameters = pinned,
            Assumptions = assumptions,
        };
        return Task.FromResult(spec);
    }

    public async Task<IReadOnlyList<CandidateProposal>> ProposeAsync(RunContext context, DesignSpec spec, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var search = Search(spec, context.Options.Seed);
        var points = search.InitialBatch(ids.Count);
        await context.SayAsync("catalog", "generate",
            $"{spec.Family}: the default and {points.Count - 1} other variant(s) of its {search.Space.Size}-point architecture space");
        return [.. points.Select((point, i) => Proposal(search.Space, point, ids[i], "catalog", null))];
    }

    /// <summary>A catalog variant that fails is a generator bug to report, not something to patch blindly.</summary>
    public Task<CandidateProposal?> RepairAsync(RunContext context, DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation) =>
        Task.FromResult<CandidateProposal?>(null);

    public async Task<IReadOnlyList<CandidateProposal>> OptimizeAsync(RunContext context, DesignSpec spec, IReadOnlyList<JudgedCandidate> history,
        int round, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var search = Search(spec, context.Options.Seed);
        var seen = history.Where(h => h.Proposal.Parameters is not null)
            .Select(h => new SearchObservation(new KernelParameters(h.Proposal.Parameters!), h.Outcome.Reward, h.Outcome.Passed)).ToList();
        var points = search.NextBatch(seen, ids.Count, round);
        // The reward ranks every proven design above every unproven one, so the best by reward prefers a proof.
        var best = history.Where(h => h.Outcome.Passed).MaxBy(h => h.Outcome.Reward);
        if (points.Count > 0)
            await context.SayAsync("optimizer", "optimize",
                $"round {round}: {points.Count} new variant(s) near the best so far ({best?.Proposal.Id}, reward {best?.Outcome.Reward:0.###})");
        return [.. points.Select((point, i) => Proposal(search.Space, point, ids[i], "search", best?.Proposal.Id))];
    }

    private static void RefuseOtherTargets(string target)
    {
        if (!string.Equals(target, KernelCatalog.Target, StringComparison.OrdinalIgnoreCase))
            throw new OfflineCatalogException($"the offline catalog holds {KernelCatalog.Target} designs only; a {target} design needs an LLM endpoint");
    }

    private static (IKernelGenerator Generator, KernelParameters Parameters, IReadOnlyList<string> Assumptions, IReadOnlyList<string> Pinned) Resolve(string? request, SpecInput? spec)
    {
        if (spec?.Family is { } family)
        {
            var generator = KernelCatalog.Find(family)
                ?? throw new HwForgeException(ProblemKind.InvalidInput, $"the catalog has no family '{family}'; it has {string.Join(", ", KernelCatalog.All.Select(g => g.Family))}");
            var given = new KernelParameters(spec.Parameters ?? new Dictionary<string, string>());
            var resolved = KernelParameters.Resolve(generator, given);
            var defaults = generator.Parameters.Where(p => !given.Has(p.Name) && p.Role == ParameterRole.Function)
                .Select(p => $"{p.Name} not given: {p.Default} (default)").ToList();
            return (generator, resolved, defaults, [.. given.Values.Keys]);
        }
        if (spec is { HasUserReference: true })
            throw new OfflineCatalogException("a spec with your own reference needs an LLM to write the design; " + RequestMatcher.NeedsModel);
        var text = request ?? spec?.Request ?? throw new HwForgeException(ProblemKind.InvalidInput, "nothing to design: give a request or a spec file");
        var match = RequestMatcher.Match(text);
        if (!match.Matched) throw new OfflineCatalogException(match.Refusal ?? RequestMatcher.NeedsModel);
        return (match.Generator!, KernelParameters.Resolve(match.Generator!, match.Parameters), match.Assumptions, match.Given);
    }

    private static EvolutionarySearch Search(DesignSpec spec, int seed)
    {
        var generator = KernelCatalog.Find(spec.Family!) ?? throw new InvalidOperationException($"catalog family {spec.Family} disappeared");
        return new EvolutionarySearch(new ParameterSpace(generator, new KernelParameters(spec.Parameters!), spec.PinnedParameters), seed);
    }

    // The catalog's designs come with a behavioural reference, both of its target.
    private static DesignReference Reference(GeneratedDesign design) =>
        DesignReference.Of(DesignArtifact.Single(KernelCatalog.Target, design.ReferenceTop, design.ReferenceSource.FileName, design.ReferenceSource.Text));

    private static CandidateProposal Proposal(ParameterSpace space, KernelParameters point, string id, string origin, string? parent)
    {
        var design = space.Generator.Generate(point);
        var changed = space.Dimensions.Select(d => $"{d.Name}={point.Text(d.Name)}");
        return new CandidateProposal
        {
            Id = id,
            Origin = origin,
            Design = DesignArtifact.Single(KernelCatalog.Target, design.Top, design.DesignSource.FileName, design.DesignSource.Text),
            Reference = Reference(design),
            Parameters = design.Parameters.Values,
            ParentId = parent,
            Notes = $"{space.Generator.Family} with {string.Join(", ", changed)} (latency {design.LatencyCycles} cycle(s))",
        };
    }
}

/// <summary>The catalog cannot serve this request; the message says what can (an LLM endpoint, and how to set one).</summary>
public sealed class OfflineCatalogException(string message) : Exception(message);
