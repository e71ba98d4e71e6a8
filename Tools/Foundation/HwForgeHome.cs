namespace HwForge.Tools.Foundation;

/// <summary>
/// Where HwForge keeps its cache, runs and data: <c>$HWFORGE_HOME</c>, or <c>~/.hwforge</c>.
/// Nothing is written anywhere else unless the user names the place.
/// </summary>
public sealed record HwForgeHome(string Root)
{
    public const string EnvironmentVariable = "HWFORGE_HOME";

    public static HwForgeHome FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hwforge")
            : configured;
        return new HwForgeHome(Path.GetFullPath(root));
    }

    public string Cache => Ensure("cache");

    public string Runs => Ensure("runs");

    /// <summary>Scratch folders for single tool runs; each is deleted when its run ends.</summary>
    public string Work => Ensure("work");

    public string Data => Ensure("data");

    private string Ensure(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
