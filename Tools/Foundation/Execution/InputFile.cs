using System.Text;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>A file a tool step needs, staged into its work folder under <see cref="Name"/>.</summary>
public sealed record InputFile(string Name, byte[] Content)
{
    public static InputFile FromText(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    public static InputFile FromPath(string name, string hostPath) => new(name, File.ReadAllBytes(hostPath));
}
