using System.Text.Json;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Tests.Design;

/// <summary>A spec file names its target and gives its reference as a map or as the flat keys of earlier files.</summary>
public sealed class SpecFileFormsTests : IDisposable
{
    private const string Ref = "module mac_ref(input clk, output y);\nendmodule\n";
    private const string Helper = "module helper(input a, output b);\nassign b = a;\nendmodule";
    private const string Model = "struct Model {};\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-spec-").FullName;

    public SpecFileFormsTests()
    {
        File.WriteAllText(Path.Combine(_folder, "mac_ref.v"), Ref);
        Directory.CreateDirectory(Path.Combine(_folder, "lib"));
        File.WriteAllText(Path.Combine(_folder, "lib", "helper.v"), Helper);
        File.WriteAllText(Path.Combine(_folder, "mac.cpp"), Model);
    }

    private string SpecPath => Path.Combine(_folder, "spec.yaml");

    private SpecInput Parse(string text) => SpecFile.Parse(text, SpecPath);

    private string Error(string text) => Assert.Throws<Tools.Foundation.HwForgeException>(() => Parse(text)).Message;

    [Fact]
    public void A_spec_names_itself_its_target_and_a_reference_map_of_several_verilog_files()
    {
        var spec = Parse("""
            name: mac16
            target: rtl
            request: a 16-bit MAC
            top: mac
            reference: {rtl: [mac_ref.v, lib/helper.v], top: mac_ref}
            """);

        Assert.Equal(("mac16", "rtl", "a 16-bit MAC", "mac", "mac_ref"), (spec.Name, spec.Target, spec.Request, spec.Top, spec.ReferenceTop));
        Assert.Equal(["mac_ref.v", "helper.v"], spec.ReferenceFiles!.Select(f => f.FileName));
        Assert.Equal(Ref + Helper + "\n", spec.ReferenceText);
        Assert.Equal(["mac_ref.v", "helper.v"], spec.ToUserSpec().Reference.Design!.Files.Select(f => f.FileName));
        Assert.Null(spec.ReferenceModel);
    }

    [Fact]
    public void A_reference_map_may_give_one_verilog_file_or_a_cpp_model()
    {
        var one = Parse("top: mac\nreference:\n  rtl: mac_ref.v\n");
        Assert.Equal(Ref, one.ReferenceText);
        Assert.Equal("mac", one.ToUserSpec().Reference.Top);

        var model = Parse("top: mac\nreference: {model: mac.cpp}\n");
        Assert.Equal(Model, model.ReferenceModel);
        Assert.Null(model.ReferenceText);
        Assert.True(model.HasUserReference);
    }

    [Fact]
    public void The_flat_reference_keys_of_earlier_spec_files_still_work()
    {
        var verilog = Parse("top: mac\nreference: mac_ref.v\nreference_top: mac_ref\n");
        Assert.Equal((Ref, "mac_ref", "rtl"), (verilog.ReferenceText, verilog.ReferenceTop, verilog.Target));

        var model = Parse("top: mac\nreference_model: mac.cpp\n");
        Assert.Equal(Model, model.ReferenceModel);
    }

    [Theory]
    [InlineData("request: |\n\n  build a counter\n  that wraps at 9\n")]
    [InlineData("request: |\n  \n  build a counter\n  that wraps at 9\n")]
    [InlineData("request: |\r\n   \r\n  build a counter\r\n  that wraps at 9\r\n")]
    [InlineData("request: >-\n\t\n  build a counter\n\n  that wraps at 9\n")]
    public void A_pasted_prompt_whose_first_line_is_blank_is_read(string text)
    {
        var request = Parse(text).Request!;
        Assert.StartsWith("build a counter", request);
        Assert.EndsWith("that wraps at 9", request);
    }

    [Fact]
    public void A_target_it_does_not_know_is_refused_at_its_line_naming_the_known_ones_but_not_the_value()
    {
        var message = Error("request: a counter\ntarget: s3cret-target\n");
        Assert.Contains($"{SpecPath}:2:9: unknown target; HwForge knows rtl", message);
        Assert.DoesNotContain("s3cret", message);
    }

    [Theory]
    [InlineData("top: mac\nreference: {rtl: mac_ref.v}\nreference_top: mac_ref\n", ":3:1: 'reference_top' cannot stand beside a 'reference' map")]
    [InlineData("top: mac\nreference_model: mac.cpp\nreference: {rtl: mac_ref.v}\n", ":2:1: 'reference_model' cannot stand beside a 'reference' map")]
    [InlineData("top: mac\nreference: mac_ref.v\nreference_model: mac.cpp\n", ":3:1: give one reference: 'reference' (the design's sources) or 'reference_model' (a C++ model), not both")]
    [InlineData("top: mac\nreference: {rtl: mac_ref.v, model: mac.cpp}\n", ":2:29: a reference is RTL files ('rtl') or a C++ model ('model'), not both")]
    [InlineData("top: mac\nreference: {top: mac_ref}\n", ":2:12: the 'reference' map names its files")]
    [InlineData("top: mac\nreference: {rtl: mac_ref.v, tp: x}\n", ":2:29: unknown key in the 'reference' map (did you mean 'top'?); it knows rtl, top, model")]
    [InlineData("top: mac\nreference: {rtl: []}\n", ":2:18: 'rtl' is an RTL file or a list of them")]
    [InlineData("top: mac\nreference: {rtl: [mac_ref.v, [x.v]]}\n", ":2:30: a reference file is one file name")]
    [InlineData("top: mac\nreference: {rtl: [mac_ref.v, mac_ref.v]}\n", ":2:30: this file has the name of one listed before it")]
    [InlineData("top: mac\nreference: {model: [mac.cpp]}\n", ":2:20: a reference file is one file name")]
    [InlineData("top: mac\nreference: [mac_ref.v]\n", ":2:12: 'reference' is a file of the design's sources, or a map such as {rtl: [a.v, b.v], top: NAME} or {model: file.cpp}")]
    [InlineData("top: mac\nreference: {rtl: mac_ref.v, top: [a, b]}\n", ":2:34: 'top' must be a single value")]
    [InlineData("top: mac\nreference:\n  rtl:\n    - mac_ref.v\n    - missing.v\n", ":5:7: ")]
    public void A_reference_given_wrongly_is_an_error_at_its_line_and_column(string text, string expected)
    {
        Assert.Contains(SpecPath + expected, Error(text));
    }

    [Fact]
    public void A_missing_reference_file_is_named_with_the_line_that_names_it()
    {
        var message = Error("top: mac\nreference: {rtl: [mac_ref.v, gone.v]}\n");
        Assert.Contains($"{SpecPath}:2:30: {Path.Combine(_folder, "gone.v")}: no such file", message);
    }

    [Fact]
    public void A_spec_with_several_reference_files_survives_run_json_and_an_older_run_json_keeps_its_reference()
    {
        var spec = Parse("top: mac\nreference: {rtl: [mac_ref.v, lib/helper.v]}\n");
        var saved = JsonSerializer.Serialize(spec, RunJson.Options);
        Assert.DoesNotContain("referenceVerilog", saved); // the files are saved once, as files
        var restored = JsonSerializer.Deserialize<SpecInput>(saved, RunJson.Options)!;
        Assert.Equal(spec.ReferenceText, restored.ReferenceText);
        Assert.Equal(spec.ReferenceFiles!.Select(f => f.Path), restored.ReferenceFiles!.Select(f => f.Path));

        // run.json as runs started before references were lists saved it.
        var older = JsonSerializer.Deserialize<SpecInput>("""{"top":"mac","referenceTop":"mac_ref","referenceVerilog":"module mac_ref; endmodule\n"}""", RunJson.Options)!;
        Assert.True(older.HasUserReference);
        Assert.Equal(("module mac_ref; endmodule\n", "rtl"), (older.ReferenceText, older.Target));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
