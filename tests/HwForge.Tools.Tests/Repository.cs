namespace HwForge.Tools.Tests;

/// <summary>Paths in the checkout and beside it (../shared holds the SKY130 liberty).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples", "rtl");

    public static string SharedPdk => Path.GetFullPath(Path.Combine(Root, "..", "shared", "pdk"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found above " + AppContext.BaseDirectory);
    }
}
