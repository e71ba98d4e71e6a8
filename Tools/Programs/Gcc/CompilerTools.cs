using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Gcc;

/// <summary>Helpers that other flows call: the C++ compiler behind Verilator models, and z3 for SMT proofs.</summary>
public static partial class CompilerTools
{
    public static ToolDescriptor Gxx { get; } = new(
        Name: "g++",
        Executable: "g++",
        Purpose: "C++ testbenches and Verilator models",
        VersionArguments: ["--version"],
        VersionPattern: GccVersionRegex(),
        DebianPackage: "g++");

    /// <summary>
    /// The shell words that compile <paramref name="main"/> and <paramref name="source"/> as C++17 into <paramref name="binary"/>,
    /// headers found in the work folder. <c>-x c++</c> so a <c>.c</c> or <c>.cc</c> name still compiles as C++.
    /// </summary>
    public static string CompileCxx17Command(string binary, string main, string source) =>
        $"{Gxx.Executable} -std=c++17 -O1 -fmax-errors=10 -I. -o {binary} {main} -x c++ {ShellWords.Quote(source)}";

    /// <summary>
    /// g++ building a C++17 program whose first sanitizer fault stops it (the HLS C simulation): warnings off, the
    /// candidate's errors capped, libstdc++'s own assertions on.
    /// </summary>
    public static string SanitizedCxx17Command(string binary, string main, string sanitizers) =>
        $"{Gxx.Executable} -std=c++17 -O1 -fsanitize={sanitizers} -fno-sanitize-recover=all -D_GLIBCXX_ASSERTIONS -w -fmax-errors=10 -I. -o {binary} {main}";

    public static ToolDescriptor Z3 { get; } = new(
        Name: "z3",
        Executable: "z3",
        Purpose: "SMT solver for bounded and inductive proofs",
        VersionArguments: ["--version"],
        VersionPattern: Z3VersionRegex(),
        DebianPackage: "z3");

    [GeneratedRegex(@"\) (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex GccVersionRegex();

    [GeneratedRegex(@"Z3 version (?<version>\S+)")]
    private static partial Regex Z3VersionRegex();
}
