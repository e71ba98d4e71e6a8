namespace HwForge.Conformance.Tests;

/// <summary>
/// The test data: every target × every example of <c>examples/&lt;target&gt;/</c>, as plain names so each case
/// shows (and can be filtered) by target, example and file. The faults are many; by default the first listed fault
/// of each example runs, and all of them with <see cref="AllVariable"/>=all.
/// </summary>
public static class Cases
{
    public const string AllVariable = "HWFORGE_CONFORMANCE";

    public static bool All => string.Equals(Environment.GetEnvironmentVariable(AllVariable), "all", StringComparison.OrdinalIgnoreCase);

    public static TheoryData<string, string> Examples => Rows(e => [e.Name]);

    public static TheoryData<string, string, string> Equivalents => Rows3(e => e.Equivalents);

    public static TheoryData<string, string, string> Faults =>
        Rows3(e => e.Faults.Select(f => f.File).Take(All ? int.MaxValue : 1));

    private static TheoryData<string, string> Rows(Func<Example, IEnumerable<string>> pick)
    {
        var data = new TheoryData<string, string>();
        foreach (var target in Targets.Shipped)
            foreach (var example in Example.Of(target))
                foreach (var name in pick(example)) data.Add(target.Name, name);
        return data;
    }

    private static TheoryData<string, string, string> Rows3(Func<Example, IEnumerable<string>> pick)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var target in Targets.Shipped)
            foreach (var example in Example.Of(target))
                foreach (var file in pick(example)) data.Add(target.Name, example.Name, file);
        return data;
    }
}
