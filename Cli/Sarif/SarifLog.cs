using System.Text.Json;
using System.Text.Json.Nodes;
using HwForge.Tools.Foundation.Diagnostics;

namespace HwForge.Cli.Sarif;

/// <summary>
/// One SARIF 2.1.0 log of one run of hwforge, for GitHub code scanning and the VS Code SARIF viewer: a rule per kind
/// of finding, each result at its file, line and column. Paths under the working folder are written relative to
/// %SRCROOT% (what code scanning matches against the repository); others as absolute file URIs.
/// </summary>
internal sealed class SarifLog(string toolVersion, string workingFolder)
{
    private const string SourceRoot = "%SRCROOT%";
    private readonly List<(string Id, string Description)> _rules = [];
    private readonly JsonArray _results = [];

    /// <summary>A finding: <paramref name="level"/> is error, warning or note.</summary>
    public void Add(string ruleId, string ruleDescription, string level, string message, string? file, int line = 0, int column = 0)
    {
        var index = _rules.FindIndex(r => r.Id == ruleId);
        if (index < 0) { _rules.Add((ruleId, ruleDescription)); index = _rules.Count - 1; }
        var result = new JsonObject
        {
            ["ruleId"] = ruleId,
            ["ruleIndex"] = index,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = message },
        };
        if (file is not null) result["locations"] = new JsonArray(Location(file, line, column));
        _results.Add(result);
    }

    public void Add(Diagnostic diagnostic)
    {
        var code = diagnostic.Code.Length > 0 ? diagnostic.Code : diagnostic.Severity == Severity.Error ? "syntax" : "other";
        var level = diagnostic.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
        Add($"verilator/{code}", $"Verilator {code}", level, diagnostic.Message, diagnostic.File, diagnostic.Line, diagnostic.Column);
    }

    public void Write(TextWriter output)
    {
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "hwforge",
                        ["version"] = toolVersion,
                        ["rules"] = new JsonArray([.. _rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r.Id,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
                        })]),
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    [SourceRoot] = new JsonObject { ["uri"] = new Uri(workingFolder.TrimEnd('/') + "/").AbsoluteUri },
                },
                ["results"] = _results,
            }),
        };
        output.WriteLine(log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private JsonObject Location(string file, int line, int column)
    {
        var full = Path.GetFullPath(file, workingFolder);
        var relative = Path.GetRelativePath(workingFolder, full);
        var artifact = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new JsonObject { ["uri"] = new Uri(full).AbsoluteUri }
            : new JsonObject { ["uri"] = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), ["uriBaseId"] = SourceRoot };
        var physical = new JsonObject { ["artifactLocation"] = artifact };
        // SARIF lines and columns start at 1; a finding about a whole file has no region.
        if (line >= 1)
        {
            var region = new JsonObject { ["startLine"] = line };
            if (column >= 1) region["startColumn"] = column;
            physical["region"] = region;
        }
        return new JsonObject { ["physicalLocation"] = physical };
    }
}
