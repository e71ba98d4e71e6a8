namespace HwForge.InferenceCore.Kernels.Native;

/// <summary>
/// What <c>-march=native</c> compiles for: the CPU's model name and feature flags as /proc/cpuinfo reports them
/// (a virtual machine may hide some, e.g. AVX-512 on a Zen 4 host that reports only AVX2).
/// </summary>
public static class CpuIdentity
{
    static readonly Lazy<(string Model, string[] Flags)> Info = new(Read);

    public static string Model => Info.Value.Model;

    public static bool Has(string flag) => Info.Value.Flags.Contains(flag);

    /// <summary>The widest vector the CPU reports: 512 with avx512f, else 256.</summary>
    public static int WidestVectorBits => Has("avx512f") ? 512 : 256;

    internal static string Value => $"{Model}|{string.Join(' ', Info.Value.Flags)}";

    static (string, string[]) Read()
    {
        try
        {
            var lines = File.ReadLines("/proc/cpuinfo").Take(64).ToList();
            string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
            return (Field("model name"), Field("flags").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        catch (IOException)
        {
            return (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString(), []);
        }
    }
}
