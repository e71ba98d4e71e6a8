using System.Text.RegularExpressions;

namespace HwForge.Tools.Tests;

/// <summary>Only the CLI knows flags: an exception thrown by library code never tells the user to type one.</summary>
public sealed partial class LibraryMessageTests
{
    // Files still naming flags, each for a reason of its own: the run options and batch are being rebuilt on one
    // option table (their messages move with it); the LLM settings' advice is yet to move to the CLI.
    private static readonly string[] NotYet = ["Agents/Batch/", "Agents/Runs/RunOptions.cs", "Agents/Llm/"];

    [Fact]
    public void No_exception_message_in_Tools_Agents_or_KnowledgeBase_names_a_CLI_flag()
    {
        var offenders = new List<string>();
        foreach (var project in new[] { "Tools", "Agents", "KnowledgeBase" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, project), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/") || relative.Contains("/bin/") || NotYet.Any(relative.StartsWith)) continue;
                var text = File.ReadAllText(file);
                foreach (Match thrown in ExceptionArguments().Matches(text))
                    if (FlagInLiteral().IsMatch(thrown.Value))
                        offenders.Add($"{relative}:{text[..thrown.Index].Count(c => c == '\n') + 1}");
            }
        Assert.Empty(offenders);
    }

    // The arguments of "new SomethingException(" up to the end of the statement or expression.
    [GeneratedRegex(@"new\s+\w*Exception\s*\([^;]*", RegexOptions.Singleline)]
    private static partial Regex ExceptionArguments();

    // "--word" inside a string literal (a flag), not the "--" of a sandbox's command line outside any message.
    [GeneratedRegex("\"[^\"\\n]*--[a-z]")]
    private static partial Regex FlagInLiteral();
}
