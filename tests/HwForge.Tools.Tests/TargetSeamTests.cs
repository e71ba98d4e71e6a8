using System.Text.RegularExpressions;

namespace HwForge.Tools.Tests;

/// <summary>
/// Everything that knows the RTL language or its tools lives in the RTL target or in a program's folder: the
/// supervisor, roles, run folder, reports, web UI and CLI carry artifacts and verdicts, not Verilog.
/// </summary>
public sealed partial class TargetSeamTests
{
    // Where the RTL language and its tools belong. Test projects are not scanned: they exercise the RTL target through every layer.
    private static readonly string[] Owners =
    [
        "Tools/Targets/Rtl/", // the RTL target: its judge, PPA, syntax, prompts
        "Tools/Targets/Hls/", // the HLS target: a kernel's RTL implementation is Verilog behind ap_ctrl_hs, co-simulated and measured as RTL
        "Tools/Programs/", // one folder per program; Liberty and VerilogNames are read by the Yosys, OpenSTA, Icarus and nextpnr adapters
    ];

    // Files that name the RTL language outside its owners, each for a reason of its own. None now; a new entry needs one.
    private static readonly Dictionary<string, string> NotYet = new();

    [Fact]
    public void No_file_outside_the_RTL_target_and_the_program_folders_names_Verilog_Yosys_or_Icarus()
    {
        var offenders = new List<string>();
        foreach (var project in new[] { "Tools", "Agents", "Cli", "WebUI", "KnowledgeBase" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, project), "*", SearchOption.AllDirectories))
            {
                if (Path.GetExtension(file) is not (".cs" or ".razor")) continue;
                var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/") || relative.Contains("/bin/") || Owners.Any(relative.StartsWith) || NotYet.ContainsKey(relative)) continue;
                var text = File.ReadAllText(file);
                foreach (Match word in RtlWords().Matches(text))
                    offenders.Add($"{relative}:{text[..word.Index].Count(c => c == '\n') + 1}: {word.Value}");
            }
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_file_allowed_to_name_Verilog_still_exists()
    {
        // A stale entry would let a new file of that name through unnoticed.
        Assert.All(NotYet.Keys, relative => Assert.True(File.Exists(Path.Combine(Repository.Root, relative)), relative));
    }

    [GeneratedRegex(@"yosys|icarus|iverilog|verilog|endmodule", RegexOptions.IgnoreCase)]
    private static partial Regex RtlWords();
}
