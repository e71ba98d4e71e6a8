namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>Where a run's cgroups are made: one parent (v2), or a memory parent and maybe a pids parent (v1).</summary>
internal sealed record CgroupLayout(LimitMechanism Mechanism, string MemoryParent, string? PidsParent);

/// <summary>
/// Finds a cgroup parent HwForge may create run cgroups under: always below HwForge's own cgroup,
/// so runs stay inside whatever contains HwForge, and only after creating a test child there.
/// </summary>
internal static class CgroupDiscovery
{
    private const string ProbePrefix = "hwforge-probe-";

    /// <summary>The layout, or null with the reason there is none.</summary>
    public static (CgroupLayout? Layout, string Detail) Find()
    {
        List<MountLine> mounts;
        Dictionary<string, string> membership;
        try
        {
            mounts = ReadMounts();
            membership = ReadMembership();
        }
        catch (IOException e) { return (null, e.Message); }

        var reasons = new List<string>();
        if (FindV2(mounts, membership, reasons) is { } v2) return (v2, $"under {v2.MemoryParent}");
        if (FindV1(mounts, membership, reasons) is { } v1)
            return (v1, v1.PidsParent is null ? $"memory under {v1.MemoryParent}; pids not writable, processes bounded by rlimit" : $"memory and pids under {v1.MemoryParent} and {v1.PidsParent}");
        return (null, string.Join("; ", reasons));
    }

    private static CgroupLayout? FindV2(List<MountLine> mounts, Dictionary<string, string> membership, List<string> reasons)
    {
        var mount = mounts.FirstOrDefault(m => m.Type == "cgroup2");
        if (mount is null || !membership.TryGetValue("", out var path) || Under(mount, path) is not { } own)
        {
            reasons.Add("no cgroup v2");
            return null;
        }
        if (!Words(Path.Combine(own, "cgroup.controllers")).IsSupersetOf(["memory", "pids"]))
        {
            reasons.Add($"cgroup v2 at {own} offers no memory and pids controllers");
            return null;
        }
        // A cgroup with processes in it cannot hand controllers to children (no internal processes), so a
        // delegated cgroup that holds HwForge alone is split: HwForge moves to a leaf, runs go beside it.
        if (!Words(Path.Combine(own, "cgroup.subtree_control")).IsSupersetOf(["memory", "pids"]))
        {
            try
            {
                var processes = File.ReadAllLines(Path.Combine(own, "cgroup.procs")).Where(l => l.Length > 0).ToList();
                if (processes.Count != 1 || processes[0] != Environment.ProcessId.ToString())
                {
                    reasons.Add($"cgroup v2 at {own} holds other processes and has no memory and pids for its children");
                    return null;
                }
                var self = Path.Combine(own, "hwforge-self");
                Directory.CreateDirectory(self);
                File.WriteAllText(Path.Combine(self, "cgroup.procs"), Environment.ProcessId.ToString());
                File.WriteAllText(Path.Combine(own, "cgroup.subtree_control"), "+memory +pids");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reasons.Add($"cgroup v2 at {own} is not delegated to HwForge ({e.Message})");
                return null;
            }
        }
        return Probe(own, "memory.max", reasons) && Probe(own, "pids.max", reasons) ? new CgroupLayout(LimitMechanism.CgroupV2, own, own) : null;
    }

    private static CgroupLayout? FindV1(List<MountLine> mounts, Dictionary<string, string> membership, List<string> reasons)
    {
        var memory = V1Folder("memory", mounts, membership);
        if (memory is null || !Probe(memory, "memory.limit_in_bytes", reasons))
        {
            if (memory is null) reasons.Add("no cgroup v1 memory hierarchy");
            return null;
        }
        var pids = V1Folder("pids", mounts, membership);
        var quiet = new List<string>();
        return new CgroupLayout(LimitMechanism.CgroupV1, memory, pids is not null && Probe(pids, "pids.max", quiet) ? pids : null);
    }

    private static string? V1Folder(string controller, List<MountLine> mounts, Dictionary<string, string> membership)
    {
        var mount = mounts.FirstOrDefault(m => m.Type == "cgroup" && m.Options.Split(',').Contains(controller));
        return mount is not null && membership.TryGetValue(controller, out var path) ? Under(mount, path) : null;
    }

    /// <summary>Whether a child can be made under <paramref name="parent"/> and has <paramref name="file"/>; also clears children left by HwForge processes that died.</summary>
    private static bool Probe(string parent, string file, List<string> reasons)
    {
        RunCgroup.RemoveStale(parent);
        var child = Path.Combine(parent, ProbePrefix + Environment.ProcessId);
        try
        {
            Directory.CreateDirectory(child);
            var ok = File.Exists(Path.Combine(child, file));
            if (!ok) reasons.Add($"{parent} gives its children no {file}");
            return ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reasons.Add($"{parent} is not writable ({e.Message})");
            return false;
        }
        finally
        {
            try { Directory.Delete(child); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The folder of cgroup <paramref name="path"/> under a mount whose root may itself be a sub-cgroup (containers).</summary>
    private static string? Under(MountLine mount, string path)
    {
        if (mount.Root == "/") return mount.Point + (path == "/" ? "" : path);
        return path == mount.Root || path.StartsWith(mount.Root + "/", StringComparison.Ordinal) ? mount.Point + path[mount.Root.Length..] : null;
    }

    private static HashSet<string> Words(string file)
    {
        try { return [.. File.ReadAllText(file).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    private sealed record MountLine(string Root, string Point, string Type, string Options);

    private static List<MountLine> ReadMounts()
    {
        var lines = new List<MountLine>();
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // "36 35 98:0 ROOT POINT OPTIONS [TAGS...] - TYPE SOURCE SUPER-OPTIONS"
            var halves = line.Split(" - ", 2);
            var before = halves[0].Split(' ');
            var after = halves.Length == 2 ? halves[1].Split(' ') : [];
            if (before.Length >= 5 && after.Length >= 3) lines.Add(new MountLine(before[3], before[4], after[0], after[2]));
        }
        return lines;
    }

    /// <summary>Controller name to cgroup path; "" for the v2 hierarchy.</summary>
    private static Dictionary<string, string> ReadMembership()
    {
        var membership = new Dictionary<string, string>();
        foreach (var line in File.ReadLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            if (parts[0] == "0" && parts[1] == "") membership[""] = parts[2];
            else foreach (var controller in parts[1].Split(',')) membership[controller] = parts[2];
        }
        return membership;
    }
}
