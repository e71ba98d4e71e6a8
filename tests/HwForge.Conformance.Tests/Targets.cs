using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace HwForge.Conformance.Tests;

/// <summary>
/// Every shipped target, from <see cref="TargetRegistry.Create"/>, with a real tool host: bubblewrap and a private
/// HWFORGE_HOME in a temporary folder, deleted afterwards. Warm sandboxes only when HWFORGE_SANDBOX_POOL asks.
/// </summary>
public sealed class Targets : IDisposable
{
    private readonly HwForgeHome _home;
    private readonly ToolHost _host;

    public Targets()
    {
        _home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-conformance-").FullName);
        var poolSize = Environment.GetEnvironmentVariable(SandboxPool.SizeVariable) is null ? 0 : SandboxPool.ConfiguredSize();
        _host = new ToolHost(new BubblewrapSandbox(), _home, new ContentCache(_home.Cache), poolSize);
        Registry = TargetRegistry.Create(_host, new ToolVersions(_host));
    }

    public TargetRegistry Registry { get; }

    public ITarget this[string name] => Registry.Get(name);

    /// <summary>
    /// Why a target's tests cannot run here: the tools it names that are not installed (null when all are).
    /// A tool that is installed but fails in the sandbox is not a reason to skip; its tests fail and say so.
    /// </summary>
    public static string? MissingTools(string target)
    {
        var missing = Names.Value.TryGetValue(target, out var tools)
            ? tools.Where(t => ToolVersions.FindOnPath(t.Executable) is null).ToList()
            : [];
        return missing.Count == 0 ? null
            : $"target {target} needs {string.Join(", ", missing.Select(t => t.Executable))}, not found on PATH: run sandbox/install-toolchain.sh "
              + $"(Debian packages {string.Join(" ", missing.Select(t => t.DebianPackage).Distinct())})";
    }

    /// <summary>The targets' names and tools, for building test data before any test runs (nothing is run to get them).</summary>
    public static IReadOnlyList<ITarget> Shipped => Discovered.Value;

    private static readonly Lazy<IReadOnlyList<ITarget>> Discovered = new(() =>
    {
        // A host that is never run on: its home is only a name, so nothing is written.
        using var host = new ToolHost(new BubblewrapSandbox(), new HwForgeHome(Path.Combine(Path.GetTempPath(), "hwforge-conformance-discovery")), null);
        return TargetRegistry.Create(host, new ToolVersions(host)).All;
    });

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ToolDescriptor>>> Names =
        new(() => Shipped.ToDictionary(t => t.Name, t => t.Tools));

    public void Dispose()
    {
        _host.Dispose();
        try { Directory.Delete(_home.Root, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>
/// A theory whose first argument names a target: each row runs where that target's tools are installed and is
/// reported skipped, by its own name and with the missing tools, everywhere else.
/// </summary>
[XunitTestCaseDiscoverer("HwForge.Conformance.Tests.TargetTheoryDiscoverer", "HwForge.Conformance.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class TargetTheoryAttribute : TheoryAttribute;

public sealed class TargetTheoryDiscoverer(IMessageSink diagnostics) : TheoryDiscoverer(diagnostics)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo theory, object[] row) =>
        row.Length > 0 && row[0] is string target && Targets.MissingTools(target) is { } reason
            ? CreateTestCasesForSkippedDataRow(options, method, theory, row, reason)
            : base.CreateTestCasesForDataRow(options, method, theory, row);
}
