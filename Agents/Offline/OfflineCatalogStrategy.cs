using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Offline;

/// <summary>
/// Designs without an LLM, for any target, from the run target's own <see cref="ITarget.Catalog"/>: the request (or
/// the spec's family) picks a family, the first candidates are its default and variants spread over its dimensions,
/// and the optimizer is an <see cref="EvolutionarySearch"/> steered by the judge's reward (a small space is simply
/// swept). Generated code is judged like any other: a variant that fails is reported and never counted.
/// </summary>
/// <param name="catalogName">What the run's catalog is called (<see cref="IOfflineCatalog.Name"/>), for <see cref="Description"/>,
/// which is read before the run's target is known.</param>
/// <param name="meaning">Reads a request whose words name no family by its meaning; null reads by keywords alone.</param>
public sealed class OfflineCatalogStrategy(string? catalogName = null, RequestByMeaning? meaning = null) : IDesignStrategy
{
    public string Description => $"the offline {catalogName ?? "catalog"} (no LLM)";

    /// <summary>
    /// Throws the refusal <see cref="CreateSpecAsync"/> would, without a run: a caller checks a request this way
    /// before it creates a run folder, so nothing is written for a request the catalog cannot serve.
    /// </summary>
    public static void Check(RunOptions options, IOfflineCatalog? catalog, RequestByMeaning? meaning = null) =>
        ResolveAsync(Required(catalog, options.Target), options.Request, options.Spec, meaning, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<DesignSpec> CreateSpecAsync(RunContext context, CancellationToken cancellation)
    {
        var pick = await ResolveAsync(Required(context.Target.Catalog, context.Target.Name), context.Options.Request, context.Options.Spec, meaning, cancellation);
        if (pick.ByMeaning is { } how) await context.SayAsync("catalog", "spec", how);
        return new DesignSpec
        {
            Top = pick.Design.Top,
            Description = pick.Design.Description,
            Target = context.Target.Name,
            ReferenceOrigin = ReferenceOrigin.Catalog,
            Reference = pick.Design.Reference,
            // Variants may differ in ports (a pipelined adder has a clock, the default may not); the target's judge
            // finds what it needs in each.
            Family = pick.Family.Name,
            Parameters = pick.Design.Values,
            PinnedParameters = pick.Pinned,
            Assumptions = pick.Assumptions,
        };
    }

    public async Task<IReadOnlyList<CandidateProposal>> ProposeAsync(RunContext context, DesignSpec spec, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var search = Search(context, spec);
        var points = search.InitialBatch(ids.Count);
        await context.SayAsync("catalog", "generate",
            $"{spec.Family}: the default and {points.Count - 1} other variant(s) of its {search.Space.Size}-point search space");
        return [.. points.Select((point, i) => Proposal(search.Space, point, ids[i], "catalog", null))];
    }

    /// <summary>A catalog variant that fails is a generator bug to report, not something to patch blindly.</summary>
    public Task<CandidateProposal?> RepairAsync(RunContext context, DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation) =>
        Task.FromResult<CandidateProposal?>(null);

    public async Task<IReadOnlyList<CandidateProposal>> OptimizeAsync(RunContext context, DesignSpec spec, IReadOnlyList<JudgedCandidate> history,
        int round, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var search = Search(context, spec);
        var seen = history.Where(h => h.Proposal.Parameters is not null)
            .Select(h => new SearchObservation(new SearchPoint(h.Proposal.Parameters!), h.Outcome.Reward, h.Outcome.Passed)).ToList();
        var points = search.NextBatch(seen, ids.Count, round);
        // The reward ranks every proven design above every unproven one, so the best by reward prefers a proof.
        var best = history.Where(h => h.Outcome.Passed).MaxBy(h => h.Outcome.Reward);
        if (points.Count > 0)
            await context.SayAsync("optimizer", "optimize",
                $"round {round}: {points.Count} new variant(s) near the best so far ({best?.Proposal.Id}, reward {best?.Outcome.Reward:0.###})");
        return [.. points.Select((point, i) => Proposal(search.Space, point, ids[i], "search", best?.Proposal.Id))];
    }

    private sealed record Pick(ICatalogFamily Family, CatalogDesign Design, IReadOnlyList<string> Assumptions, IReadOnlyList<string> Pinned)
    {
        /// <summary>How the family was chosen when the words did not name it, for the run's steps.</summary>
        public string? ByMeaning { get; init; }
    }

    private static IOfflineCatalog Required(IOfflineCatalog? catalog, string target) =>
        catalog ?? throw new OfflineCatalogException($"the {target} target has no offline catalog; a {target} design {CatalogRequest.NeedsModel}");

    private static async Task<Pick> ResolveAsync(IOfflineCatalog catalog, string? request, SpecInput? spec, RequestByMeaning? meaning, CancellationToken cancellation)
    {
        if (spec?.Family is { } name)
        {
            var family = catalog.Find(name)
                ?? throw new HwForgeException(ProblemKind.InvalidInput, $"the {catalog.Name} has no family '{name}'; it has {catalog.FamilyList}");
            var given = spec.Parameters ?? new Dictionary<string, string>();
            var choice = Checked(() => family.Resolve(given));
            return new(family, Checked(() => family.Generate(choice.Values)), choice.Assumptions, [.. given.Keys]);
        }
        if (spec is { HasUserReference: true })
            throw new OfflineCatalogException("a spec with your own reference needs an LLM to write the design; " + CatalogRequest.NeedsModel);
        var text = request ?? spec?.Request ?? throw new HwForgeException(ProblemKind.InvalidInput, "nothing to design: give a request or a spec file");
        var read = meaning is null ? catalog.Read(text) : await meaning.ReadAsync(catalog, text, cancellation);
        if (read.Family is not { } matched) throw new OfflineCatalogException(read.Refusal ?? $"designing '{text}' {CatalogRequest.NeedsModel}");
        var values = Checked(() => matched.Resolve(read.Stated)).Values;
        return new(matched, Checked(() => matched.Generate(values)), read.Assumptions, [.. read.Stated.Keys])
        {
            ByMeaning = read.Assumptions.FirstOrDefault(a => a.StartsWith(RequestByMeaning.Prefix, StringComparison.Ordinal)),
        };
    }

    // A family refuses a value it cannot build with an exception naming it (an ArgumentException from an RTL family,
    // which the HLS and CUDA families throw as invalid input already): the user's error, in the family's words.
    private static T Checked<T>(Func<T> make)
    {
        try { return make(); }
        catch (ArgumentException e) { throw new HwForgeException(ProblemKind.InvalidInput, e.Message); }
    }

    private static EvolutionarySearch Search(RunContext context, DesignSpec spec)
    {
        var catalog = Required(context.Target.Catalog, context.Target.Name);
        var family = catalog.Find(spec.Family!) ?? throw new InvalidOperationException($"{catalog.Name} family {spec.Family} disappeared");
        return new EvolutionarySearch(new ParameterSpace(family, spec.Parameters!, spec.PinnedParameters), context.Options.Seed);
    }

    private static CandidateProposal Proposal(ParameterSpace space, SearchPoint point, string id, string origin, string? parent)
    {
        var design = space.Family.Generate(point.Values);
        return new CandidateProposal
        {
            Id = id,
            Origin = origin,
            Design = design.Design,
            Reference = design.Reference,
            Parameters = design.Values,
            ParentId = parent,
            Notes = design.Notes,
        };
    }
}

/// <summary>The catalog cannot serve this request; the message says what can (an LLM endpoint, and how to set one).</summary>
public sealed class OfflineCatalogException(string message) : Exception(message);
