using System.Text.Json;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Batch;

/// <summary>
/// The file an array's tasks read: the batch folder, the flags for each child, and the jobs in task order,
/// so task N runs <c>Jobs[N]</c>. It holds no secret: the LLM key reaches each task through the environment
/// that sbatch exports.
/// </summary>
internal sealed record SlurmJobList(string Root, IReadOnlyList<string> GlobalArguments, IReadOnlyList<BatchJob> Jobs)
{
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, RunJson.Options));

    public static SlurmJobList Load(string path) =>
        JsonSerializer.Deserialize<SlurmJobList>(File.ReadAllText(path), RunJson.Options)
        ?? throw new InvalidDataException($"{path} is empty");
}
