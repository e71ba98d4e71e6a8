using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace HwForge.Cli.Tests.Sarif;

/// <summary>lint and verify with --format sarif, as GitHub code scanning and the VS Code SARIF viewer read them.</summary>
public sealed class SarifOutputTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json")));

    [Fact]
    public async Task A_lint_as_SARIF_validates_against_the_schema_with_each_finding_at_its_line_and_column()
    {
        _hwforge.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        _hwforge.WriteFile("narrow.v", "module narrow(input [7:0] a, output [3:0] y);\n  assign y = a;\nendmodule\n");
        // The schema does reject what is not SARIF 2.1.0, so a pass below means something.
        Assert.False(Schema.Evaluate(JsonDocument.Parse("""{"version": "9", "runs": []}""").RootElement).IsValid);
        var run = await _hwforge.RunAsync("lint", "broken.v", "--format", "sarif");
        Assert.Equal(1, run.ExitCode);
        var log = Validated(run.Output);
        var result = log["runs"]![0]!["results"]![0]!;
        Assert.Equal("error", result["level"]!.GetValue<string>());
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("broken.v", location["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("%SRCROOT%", location["artifactLocation"]!["uriBaseId"]!.GetValue<string>());
        Assert.Equal(2, location["region"]!["startLine"]!.GetValue<int>());
        Assert.Equal(3, location["region"]!["startColumn"]!.GetValue<int>());

        var warnings = Validated((await _hwforge.RunAsync("lint", "narrow.v", "--format", "sarif")).Output);
        var warning = warnings["runs"]![0]!["results"]![0]!;
        Assert.Equal("warning", warning["level"]!.GetValue<string>());
        Assert.StartsWith("verilator/WIDTH", warning["ruleId"]!.GetValue<string>());
        Assert.Contains(warnings["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray(), r => r!["id"]!.GetValue<string>() == warning["ruleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_faulty_design_verified_as_SARIF_names_the_failing_stage_and_the_first_mismatch()
    {
        var design = Copy("counter8", "faults/wrong_operator.v");
        var reference = Copy("counter8", "ref.v");
        var run = await _hwforge.RunAsync("verify", design, "--top", "counter8", "--ref", reference, "--format", "sarif");
        Assert.Equal(1, run.ExitCode);
        var result = Validated(run.Output)["runs"]![0]!["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>().StartsWith("verify/"))!;
        Assert.Equal("verify/simulation", result["ruleId"]!.GetValue<string>());
        Assert.Contains("first mismatch", result["message"]!["text"]!.GetValue<string>());
        Assert.True(result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>() >= 1);
    }

    private string Copy(string example, string file)
    {
        var target = Path.Combine(_hwforge.Files, Path.GetFileName(file));
        File.Copy(Path.Combine(Mcp.Repository.Root, "examples", "rtl", example, file), target, overwrite: true);
        return Path.GetFileName(file);
    }

    private static JsonNode Validated(string sarif)
    {
        var result = Schema.Evaluate(JsonDocument.Parse(sarif).RootElement, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        return JsonNode.Parse(sarif)!;
    }

    public void Dispose() => _hwforge.Dispose();
}
