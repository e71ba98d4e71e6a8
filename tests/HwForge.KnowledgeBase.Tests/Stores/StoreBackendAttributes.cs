using System.Reflection;
using Xunit.Sdk;

namespace HwForge.KnowledgeBase.Tests.Stores;

/// <summary>Runs a store-contract theory on the embedded SQLite store, always.</summary>
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["sqlite"]];
}

/// <summary>
/// Runs a store-contract theory on the Qdrant server named by <c>HWFORGE_TEST_QDRANT_URL</c>
/// (e.g. qdrant://localhost:6334); without it the row is reported skipped, by name, with how to run it.
/// No Qdrant server is faked: a contract passed against a fake would say nothing about the real one.
/// </summary>
public sealed class OnQdrantAttribute : DataAttribute
{
    public const string Variable = "HWFORGE_TEST_QDRANT_URL";

    public OnQdrantAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"needs a Qdrant server: docker run -p 6334:6334 qdrant/qdrant, then {Variable}=qdrant://localhost:6334 (docs/KNOWLEDGE_BASE.md)";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["qdrant"]];
}
