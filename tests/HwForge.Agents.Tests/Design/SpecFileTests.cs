using HwForge.Agents.Design;

namespace HwForge.Agents.Tests.Design;

public sealed class SpecFileTests
{
    [Fact]
    public void A_misspelt_key_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<Tools.Foundation.HwForgeException>(() => SpecFile.Parse("family: adder\nparamters: {width: 8}\n", "/tmp/spec.yaml"));
        Assert.Contains("/tmp/spec.yaml:2:1", error.Message);
        Assert.Contains("did you mean 'parameters'?", error.Message);
    }

    [Fact]
    public void A_reset_polarity_that_is_not_true_or_false_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<Tools.Foundation.HwForgeException>(() => SpecFile.Parse("request: a counter\nreset_active_low: maybe\n", "/tmp/spec.yaml"));
        Assert.Contains("/tmp/spec.yaml:2", error.Message);
    }

    [Fact]
    public void A_catalog_spec_gives_its_family_and_parameters()
    {
        var spec = SpecFile.Parse("family: mac\nparameters: {width: 16, signed: true}\n", "/tmp/spec.yaml");
        Assert.Equal("mac", spec.Family);
        Assert.Equal("16", spec.Parameters!["width"]);
    }
}
