using System.Text.Json;
using HwForge.Agents.Design;
using HwForge.Agents.Llm;

namespace HwForge.Agents.Runs;

/// <summary>
/// What to design and with which options, by their names in <see cref="RunOptionTable"/>: the one shape that a
/// command line, a jobs-file entry and an options file (<c>hwforge design --options-file</c>) all come to, so an
/// option is read in one place and no edge spells another's flags.
/// </summary>
public sealed record DesignJob
{
    /// <summary>The request in plain words; null when <see cref="SpecPath"/> is given.</summary>
    public string? Request { get; init; }

    /// <summary>A spec file, as a full path.</summary>
    public string? SpecPath { get; init; }

    /// <summary>The design target by name; null: the spec file's <c>target</c>, else <c>rtl</c>.</summary>
    public string? Target { get; init; }

    /// <summary>The options that were said, by table name; the rest take their defaults.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the job asks for the offline catalog even when an LLM is configured.</summary>
    public bool Offline => bool.TryParse(Option("offline"), out var offline) && offline;

    /// <summary>
    /// The run's options, checked. <paramref name="llm"/> is what the caller resolved from this job's
    /// <c>llm_endpoint</c> and <c>model</c> and the environment (the key never enters the options).
    /// </summary>
    public RunOptions ToRunOptions(LlmSettings llm)
    {
        var useLlm = !Offline && llm.IsConfigured;
        var options = new RunOptions
        {
            Request = Request,
            Spec = SpecPath is null ? null : SpecFile.Load(SpecPath),
            SpecPath = SpecPath is null ? null : Path.GetFullPath(SpecPath),
            Mode = useLlm ? DesignMode.Llm : DesignMode.Offline,
            LlmEndpoint = useLlm ? llm.Endpoint!.ToString() : null,
            Model = useLlm ? llm.Model : null,
        };
        if (Target is not null) options = options with { Target = Target };
        return RunOptionTable.Apply(options, Options).Validated();
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, RunJson.Options));
    }

    public static DesignJob Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<DesignJob>(File.ReadAllText(path), RunJson.Options)
                ?? throw new InvalidDataException($"{path}: an options file is one JSON object");
        }
        catch (JsonException e)
        {
            // Not the file's text: an options path can name any file.
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}: an options file is one JSON object with request or specPath, and options by name");
        }
    }
}
