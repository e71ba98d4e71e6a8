namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>Do the design and the reference have the same ports, directions and widths?</summary>
internal static class InterfaceCheck
{
    /// <summary>Null when they agree; otherwise the failure and a sentence naming every difference.</summary>
    public static (FailureClass Failure, string Detail)? Compare(ModuleInterface design, ModuleInterface reference)
    {
        var problems = new List<string>();
        var failure = FailureClass.None;
        foreach (var want in reference.Ports)
        {
            var have = design.Find(want.Name);
            if (have is null)
            {
                problems.Add($"missing {want}");
                failure = FailureClass.MissingPort;
            }
            else if (have.Direction != want.Direction || have.Width != want.Width)
            {
                problems.Add($"port {want.Name} is {have} but the reference has {want}");
                if (failure == FailureClass.None) failure = FailureClass.WidthOrType;
            }
        }
        foreach (var extra in design.Ports.Where(p => reference.Find(p.Name) is null))
        {
            problems.Add($"unexpected {extra} (the reference has no such port)");
            failure = FailureClass.MissingPort;
        }
        return problems.Count == 0 ? null : (failure, string.Join("; ", problems));
    }
}
