using System.Globalization;
using System.Text.RegularExpressions;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HwForge.Agents.Batch;

/// <summary>
/// Reads a jobs file: <c>defaults:</c> (design options shared by every job) and <c>jobs:</c> (each an
/// <c>id</c> with a <c>request</c> or a <c>spec</c>, and options of its own). Everything is checked before a
/// job runs (unknown keys, wrong types, missing or broken spec files, duplicate ids), each error naming its
/// line, so a typo found at 3 a.m. does not cost the night's sweep. Errors say where and what was expected but
/// never quote the file: a jobs path can name any file, and its text must not reach the terminal.
/// </summary>
public static partial class JobsFile
{
    private static readonly string[] TopKeys = ["defaults", "jobs"];
    private static readonly string[] JobKeys = ["id", "request", "spec"];

    /// <summary>The batch's own option: seconds a job may take before its process tree is killed.</summary>
    private const string TimeoutKey = "timeout";

    /// <summary>Option keys: every design option of the table (the <c>hwforge design</c> flags' names), and <c>timeout</c>.</summary>
    public static readonly string[] OptionKeys = [.. RunOptionTable.Shipped.Select(o => o.Name), TimeoutKey];

    public static IReadOnlyList<BatchJob> Load(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) throw new HwForgeException(ProblemKind.InvalidInput, $"{path}: no such jobs file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// The jobs of a jobs file, or one <see cref="HwForgeException"/> listing every problem found in it (each job's,
    /// each key's), so a user fixes them all in one edit instead of one per try.
    /// </summary>
    public static IReadOnlyList<BatchJob> Parse(string text, string path)
    {
        var problems = new List<string>();
        var root = Root(text, path);
        var top = Mapping(root, path, TopKeys, "a jobs file", problems);
        var defaults = top.TryGetValue("defaults", out var d) ? ReadOptions(Mapping(d, path, OptionKeys, "'defaults'", problems), path, problems) : new JobOptions();
        if (!top.TryGetValue("jobs", out var jobsNode) || jobsNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            problems.Add($"{At(jobsNode ?? root, path)}: 'jobs' must be a list of jobs such as '- {{id: add8, request: \"an 8-bit adder\"}}'");
            throw Problems(problems);
        }

        var baseFolder = Path.GetDirectoryName(path)!;
        var jobs = new List<BatchJob>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in sequence.Children)
        {
            // A job's own first fault stops that job only; the next job is still read and its faults reported.
            BatchJob job;
            try { job = ReadJob(node, path, baseFolder, defaults, problems); }
            catch (Exception e) when (e is HwForgeException or ArgumentException) { problems.Add(e.Message); continue; }
            if (seen.TryGetValue(job.Id, out var first))
            {
                problems.Add($"{path}:{job.Line}: duplicate job id '{job.Id}' (first used on line {first}); every job needs its own id, it names its run folder");
                continue;
            }
            seen[job.Id] = job.Line;
            jobs.Add(job);
        }
        if (problems.Count > 0) throw Problems(problems);
        return jobs;
    }

    private static HwForgeException Problems(IReadOnlyList<string> problems) => new(ProblemKind.InvalidInput, problems.Count == 1
        ? problems[0]
        : $"{problems.Count} problems in the jobs file, each to fix before anything runs:\n  " + string.Join("\n  ", problems));

    private static BatchJob ReadJob(YamlNode node, string path, string baseFolder, JobOptions defaults, List<string> problems)
    {
        var keys = Mapping(node, path, [.. JobKeys, .. OptionKeys], "a job", problems);
        var line = Line(node);
        var id = Scalar(keys, "id", path) ?? throw new HwForgeException(ProblemKind.InvalidInput, $"{At(node, path)}: a job needs an 'id' (it names the job's run folder)");
        if (!IdPattern().IsMatch(id))
            throw new HwForgeException(ProblemKind.InvalidInput, $"{At(keys["id"], path)}: a job id may use letters, digits, '.', '_' and '-' only, up to 100 characters (it names a folder)");
        var request = Scalar(keys, "request", path);
        var spec = Scalar(keys, "spec", path);
        if ((request is null) == (spec is null))
            throw new HwForgeException(ProblemKind.InvalidInput, $"{At(node, path)}: job '{id}' needs exactly one of 'request' (plain words) or 'spec' (a spec file)");
        string? specPath = null;
        if (spec is not null)
        {
            specPath = Path.GetFullPath(Path.Combine(baseFolder, spec));
            var specAt = At(keys["spec"], path);
            if (!File.Exists(specPath))
                throw new HwForgeException(ProblemKind.InvalidInput, $"{specAt}: job '{id}': spec file {specPath} does not exist (paths are relative to the jobs file)");
            try { SpecFile.Load(specPath); }
            catch (Exception e) when (e is ArgumentException or HwForgeException or IOException or InvalidDataException)
            {
                throw new HwForgeException(ProblemKind.InvalidInput, $"{specAt}: job '{id}': {e.Message}");
            }
        }
        return new BatchJob(id, request, specPath, ReadOptions(keys, path, problems).Over(defaults), line);
    }

    // Each value is checked by the table's own check, so a jobs file refuses what hwforge design would, and says
    // so before anything runs, naming the key and its line.
    // Every bad value is added to problems, not just the first.
    private static JobOptions ReadOptions(IReadOnlyDictionary<string, YamlNode> keys, string path, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in RunOptionTable.Shipped)
        {
            if (!keys.TryGetValue(row.Name, out var node)) continue;
            string value;
            try { value = row.Name == "weights" ? Weights(node) : Scalar(keys, row.Name, path)!; }
            catch (Exception e) when (e is HwForgeException or ArgumentException) { problems.Add(e.Message); continue; }
            if (row.Check(value) is { } problem)
            {
                problems.Add($"{At(node, path)}: {new OptionProblem(row.Name, problem).Worded($"'{row.Name}'")}");
                continue;
            }
            values[row.Name] = row.IsSwitch ? value.ToLowerInvariant() : value;
        }
        double? timeout = null;
        try { timeout = Parse<double>(keys, TimeoutKey, path, TryPositive, "a positive number of seconds"); }
        catch (Exception e) when (e is HwForgeException or ArgumentException) { problems.Add(e.Message); }
        return new JobOptions { Values = values, Timeout = timeout };
    }

    // Weights read as "1,1,0" or as a list [1, 1, 0]; either way the run gets "1,1,0".
    private static string Weights(YamlNode node)
    {
        var parts = node is YamlSequenceNode list
            ? list.Children.Select(c => (c as YamlScalarNode)?.Value ?? "").ToArray()
            : ((node as YamlScalarNode)?.Value ?? "").Split(',');
        return string.Join(',', parts.Select(p => p.Trim()));
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static T? Parse<T>(IReadOnlyDictionary<string, YamlNode> keys, string key, string path, TryParser<T> parse, string expected) where T : struct =>
        Scalar(keys, key, path) is { } text
            ? parse(text, out var value) ? value : throw new HwForgeException(ProblemKind.InvalidInput, $"{At(keys[key], path)}: '{key}' must be {expected}")
            : null;

    private static bool TryPositive(string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0;

    private static YamlNode Root(string text, string path)
    {
        try
        {
            var stream = YamlText.Load(text);
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode
                : throw new HwForgeException(ProblemKind.InvalidInput, $"{path}: a jobs file is one mapping with 'defaults' and 'jobs'");
        }
        catch (YamlException e)
        {
            throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, e.Start)}: {YamlProblems.Describe(e)}; a jobs file is one mapping with 'defaults' and 'jobs'");
        }
    }

    // An unknown or repeated key is added to problems and skipped, so the keys after it are still checked.
    private static Dictionary<string, YamlNode> Mapping(YamlNode node, string path, string[] allowed, string what, List<string> problems)
    {
        if (node is not YamlMappingNode map)
            throw new HwForgeException(ProblemKind.InvalidInput, $"{At(node, path)}: {what} is a mapping of keys ({string.Join(", ", allowed)})");
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                problems.Add(YamlProblems.UnknownKey(path, keyNode.Start, key, what, allowed));
            else if (!keys.TryAdd(key, value))
                problems.Add($"{At(keyNode, path)}: '{key}' is given twice in {what}");
        }
        return keys;
    }

    private static string? Scalar(IReadOnlyDictionary<string, YamlNode> keys, string key, string path) =>
        keys.TryGetValue(key, out var node)
            ? (node as YamlScalarNode)?.Value ?? throw new HwForgeException(ProblemKind.InvalidInput, $"{At(node, path)}: '{key}' must be a single value")
            : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string At(YamlNode node, string path) => YamlProblems.At(path, node.Start);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();
}
