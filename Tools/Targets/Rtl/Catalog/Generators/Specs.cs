namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>Parameter specs several families share, so they read the same everywhere.</summary>
internal static class Specs
{
    public static ParameterSpec Width(int defaultValue, int min, int max, string what = "operand width in bits", params int[] domain) =>
        ParameterSpec.Integer("width", what, ParameterRole.Function, defaultValue, min, max, domain.Length > 0 ? domain : [8, 16, 32]);

    public static ParameterSpec Signed(bool defaultValue) =>
        ParameterSpec.Boolean("signed", "two's-complement operands (false: unsigned)", ParameterRole.Function, defaultValue);

    public static ParameterSpec Pipeline(int defaultValue, string meaning) =>
        ParameterSpec.Integer("pipeline", meaning, ParameterRole.Architecture, defaultValue, 0, 2, 0, 1, 2);

    public static readonly string[] MultiplierArchitectures = ["array", "booth_radix4", "wallace", "dadda"];
}
