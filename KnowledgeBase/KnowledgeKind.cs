namespace HwForge.KnowledgeBase;

/// <summary>What a piece of knowledge is, so a prompt can ask for only the kinds it needs.</summary>
public enum KnowledgeKind
{
    /// <summary>Documentation: manuals, notes, user-added files.</summary>
    Doc,

    /// <summary>What a tool's error or warning means and how to fix it.</summary>
    ErrorKnowledge,

    /// <summary>An RTL coding idiom or pitfall.</summary>
    Idiom,

    /// <summary>A power, performance or area technique and when it pays.</summary>
    PpaTechnique,

    /// <summary>A design that passed verification in some run: spec, code and PPA.</summary>
    VerifiedDesign,

    /// <summary>A failure seen in some run and the change that fixed it.</summary>
    Repair,
}

/// <summary>The spelling of kinds in files, the database and JSON: <c>error-knowledge</c>, not <c>ErrorKnowledge</c>.</summary>
public static class KnowledgeKinds
{
    public static string Name(this KnowledgeKind kind) => kind switch
    {
        KnowledgeKind.Doc => "doc",
        KnowledgeKind.ErrorKnowledge => "error-knowledge",
        KnowledgeKind.Idiom => "idiom",
        KnowledgeKind.PpaTechnique => "ppa-technique",
        KnowledgeKind.VerifiedDesign => "verified-design",
        KnowledgeKind.Repair => "repair",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IReadOnlyList<KnowledgeKind> All { get; } = Enum.GetValues<KnowledgeKind>();

    public static bool TryParse(string name, out KnowledgeKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = KnowledgeKind.Doc;
        return false;
    }

    public static KnowledgeKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"unknown knowledge kind '{name}': use one of {string.Join(", ", All.Select(k => k.Name()))}");
}
