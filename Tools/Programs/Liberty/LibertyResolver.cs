using HwForge.Tools.Foundation;

namespace HwForge.Tools.Programs.Liberty;

/// <summary>
/// Turns what a user names (<c>generic</c>, <c>osu018</c>, <c>sky130</c>, or a path to a <c>.lib</c> or
/// <c>.lib.gz</c>) into a library the tools can read, or a message saying how to get one.
/// </summary>
public sealed class LibertyResolver(HwForgeHome home, Func<string, string?>? environment = null)
{
    public const string Generic = "generic";
    public const string Osu018 = "osu018";
    public const string Sky130 = "sky130";

    /// <summary>Debian's qflow-tech-osu018: installable anywhere, so it is the default library.</summary>
    public const string Osu018Path = "/usr/share/qflow/tech/osu018/osu018_stdcells.lib";

    /// <summary>SKY130 is not packaged; users point this variable at their <c>.lib</c> or <c>.lib.gz</c>.</summary>
    public const string Sky130Variable = "HWFORGE_SKY130_LIBERTY";

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>The library, or null for <c>generic</c> (Yosys' internal gates, no area or timing).</summary>
    /// <exception cref="LibertyUnavailableException">The library is missing or unreadable.</exception>
    public LibertyLibrary? Resolve(string nameOrPath)
    {
        switch (nameOrPath.Trim().ToLowerInvariant())
        {
            case Generic:
                return null;
            case Osu018:
                if (!File.Exists(Osu018Path))
                    throw new LibertyUnavailableException(
                        $"the osu018 library is not installed ({Osu018Path} is missing): run sandbox/install-toolchain.sh (Debian package qflow-tech-osu018)");
                return new LibertyLibrary(Osu018, Osu018Path, "OSU 0.18 µm standard cells (qflow osu018), typical corner");
            case Sky130:
                var configured = _environment(Sky130Variable);
                if (string.IsNullOrWhiteSpace(configured))
                    throw new LibertyUnavailableException(
                        $"sky130 needs a Liberty file: set {Sky130Variable} to the path of sky130_fd_sc_hd__tt_025C_1v80.lib (or its .lib.gz)");
                return FromFile(configured, Sky130, $"SkyWater SKY130 high-density cells ({System.IO.Path.GetFileName(configured)})");
            default:
                return FromFile(nameOrPath, System.IO.Path.GetFileName(nameOrPath), $"Liberty file {nameOrPath}");
        }
    }

    private LibertyLibrary FromFile(string path, string name, string description)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new LibertyUnavailableException($"{path}: no such Liberty file (give osu018, sky130, generic, or the path of a .lib or .lib.gz)");
        if (full.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            return new LibertyLibrary(name, LibertyUnpacker.Unpack(full, home.Cache), description);
        if (!full.EndsWith(".lib", StringComparison.OrdinalIgnoreCase))
            throw new LibertyUnavailableException($"{path}: expected a Liberty file ending in .lib or .lib.gz");
        return new LibertyLibrary(name, full, description);
    }
}
