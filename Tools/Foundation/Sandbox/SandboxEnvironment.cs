using System.Text.RegularExpressions;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// The environment a confined program sees: a fixed base plus what the invocation names, never a
/// variable that looks like a secret. Fails closed: an unknown variable is simply not there.
/// </summary>
internal static partial class SandboxEnvironment
{
    public const string WorkPath = "/work";

    public static IReadOnlyDictionary<string, string> Base { get; } = new Dictionary<string, string>
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = WorkPath,
        ["TMPDIR"] = "/tmp",
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
    };

    /// <summary>Base plus the invocation's variables, less anything secret-looking.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyDictionary<string, string> requested)
    {
        var result = new Dictionary<string, string>(Base);
        foreach (var (name, value) in requested)
            if (!LooksSecret(name)) result[name] = value;
        return result;
    }

    public static bool LooksSecret(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|COOKIE|SESSION", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
