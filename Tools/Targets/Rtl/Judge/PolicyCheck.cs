using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>Applies <see cref="DesignPolicy"/> to the canonical text of a design (<see cref="CanonicalSource"/>), which is all any tool reads.</summary>
internal static class PolicyCheck
{
    public static (FailureClass Failure, string Detail) Check(IReadOnlyList<SourceFile> canonical)
    {
        var violations = canonical.SelectMany(DesignPolicy.Violations).ToList();
        return violations.Count == 0 ? (FailureClass.None, "") : (FailureClass.ForbiddenConstruct, DesignPolicy.Explain(violations));
    }
}
