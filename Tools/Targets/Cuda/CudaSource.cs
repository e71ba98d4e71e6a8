using System.Text;
using System.Text.RegularExpressions;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>Why a candidate's source was refused before anything ran, and the words that say so.</summary>
internal sealed record CudaSourceProblem(FailureClass FailureClass, string Message);

/// <summary>
/// What HwForge does to a candidate's .cu text before g++ sees it: the checks that refuse a source outright (no
/// kernel, no launch, includes or calls outside the CUDA surface the emulation offers, reaching for the judge), and
/// the two rewrites the emulation needs, done in place so every line keeps its number: each
/// <c>k&lt;&lt;&lt;g, b&gt;&gt;&gt;(args)</c> becomes <c>::hwforge::launch(k, g, b)(args)</c>, and each
/// <c>__shared__</c> declaration a reference to the current block's storage.
/// </summary>
internal static partial class CudaSource
{
    /// <summary>Headers a kernel may include: the CUDA runtime's (the emulation stands in for them) and C's numeric ones.</summary>
    public static readonly IReadOnlyList<string> AllowedIncludes =
    [
        "cuda_runtime.h", "cuda.h", "cuda_runtime_api.h", "device_launch_parameters.h",
        "cmath", "math.h", "cstdint", "stdint.h", "cfloat", "float.h", "climits", "limits.h", "cstddef", "stddef.h",
    ];

    // What a kernel never needs and a hack does: processes, files, the clock, host memory the judge cannot see,
    // moving data between host and device (the judge does that). Names are refused wherever they appear; functions
    // only where they are called, so a variable may still be called "time".
    private static readonly HashSet<string> ForbiddenNames = new(StringComparer.Ordinal)
    {
        "asm", "__asm", "__asm__", "__attribute__", "environ", "chrono", "jthread", "__rdtsc",
        "cudaMallocHost", "cudaHostAlloc", "cudaMallocManaged", "cudaHostRegister", "cudaHostGetDevicePointer",
        "cudaMemcpyHostToDevice", "cudaMemcpyDeviceToHost", "cudaMemcpyHostToHost", "cudaMemcpyDefault", "cudaMemcpyToSymbol",
        "cudaMemcpyFromSymbol", "cudaEventCreate", "cudaEventRecord", "cudaEventElapsedTime", "cudaStreamCreate",
    };

    private static readonly HashSet<string> ForbiddenCalls = new(StringComparer.Ordinal)
    {
        "syscall", "mprotect", "mmap", "munmap", "dlopen", "dlsym", "fopen", "freopen", "open", "openat", "popen", "system",
        "fork", "vfork", "execve", "execl", "execlp", "execv", "execvp", "exit", "_Exit", "quick_exit", "atexit", "at_quick_exit",
        "getenv", "signal", "sigaction", "raise", "setjmp", "longjmp", "clock", "clock_gettime", "gettimeofday", "time", "async", "thread",
    };

    /// <summary>The first reason the source cannot be judged, or null.</summary>
    public static CudaSourceProblem? Check(string source, string entry)
    {
        foreach (Match include in Include().Matches(source))
        {
            var name = include.Groups["name"].Value.Trim();
            if (!AllowedIncludes.Contains(name))
                return new(FailureClass.ForbiddenConstruct,
                    $"#include <{name}> is outside the CUDA surface a kernel may use here (allowed: {string.Join(", ", AllowedIncludes)})");
        }
        foreach (Match pragma in Pragma().Matches(source))
            if (pragma.Groups["what"].Value is not ("unroll" or "once"))
                return new(FailureClass.ForbiddenConstruct, $"#pragma {pragma.Groups["what"].Value} is not allowed (only #pragma unroll)");
        var code = CppText.Strip(source);
        foreach (Match word in Word().Matches(code))
        {
            if (word.Value.Contains("hwforge", StringComparison.OrdinalIgnoreCase))
                return new(FailureClass.ForbiddenConstruct, $"the name {word.Value} belongs to HwForge's judge; a kernel may not use it");
            var called = IsCalled(code, word.Index + word.Length);
            if (ForbiddenNames.Contains(word.Value) || word.Value.StartsWith("pthread_", StringComparison.Ordinal) || (called && ForbiddenCalls.Contains(word.Value)))
                return new(FailureClass.ForbiddenConstruct, ForbiddenWhy(word.Value));
        }
        if (!Regex.IsMatch(code, @"\b__global__\b"))
            return new(FailureClass.Compile, "no __global__ kernel is defined: the work must be done on the device");
        if (!Regex.IsMatch(code, $@"\b{Regex.Escape(entry)}\s*\([^;{{}}]*\)\s*\{{"))
            return new(FailureClass.MissingPort, $"the entry {entry}(...) is not defined: it receives device pointers and sizes and launches the kernels");
        if (!code.Contains("<<<", StringComparison.Ordinal))
            return new(FailureClass.Compile, "no kernel is launched (no kernel<<<grid, block>>>(...)): the work must be done on the device");
        return null;
    }

    private static string ForbiddenWhy(string word) => word switch
    {
        "cudaMemcpyHostToDevice" or "cudaMemcpyDeviceToHost" or "cudaMemcpyHostToHost" or "cudaMemcpyDefault" or "cudaMemcpyToSymbol" or "cudaMemcpyFromSymbol" =>
            $"{word}: the judge copies the data to and from the device; the entry works on the device pointers it is given",
        "cudaMallocHost" or "cudaHostAlloc" or "cudaMallocManaged" or "cudaHostRegister" or "cudaHostGetDevicePointer" =>
            $"{word}: memory the host can read is not allowed; allocate scratch space with cudaMalloc",
        "cudaEventCreate" or "cudaEventRecord" or "cudaEventElapsedTime" or "cudaStreamCreate" or "chrono" or "clock" or "clock_gettime" or "gettimeofday" or "time" or "__rdtsc" =>
            $"{word}: timing (and streams) belong to the judge, not the kernel",
        _ => $"{word} is not allowed in a kernel's source (no processes, files, environment, threads, inline assembly or attributes)",
    };

    /// <summary>The source as the emulation compiles it, or why a construct cannot be emulated.</summary>
    public static (string? Text, string? Problem) ForEmulation(string source)
    {
        var code = CppText.Strip(source);
        var edits = new List<(int At, int Length, string With)>();
        var id = 0;
        foreach (Match shared in Shared().Matches(code))
        {
            if (CppText.Depth(code, shared.Index) == 0)
                return (null, $"line {Line(code, shared.Index)}: a __shared__ variable outside a kernel is not emulated; declare it inside the kernel");
            var rewritten = SharedDeclaration(shared.Groups["decl"].Value, shared.Groups["extern"].Success, ref id);
            if (rewritten is null) return (null, $"line {Line(code, shared.Index)}: cannot read the __shared__ declaration '{shared.Value.Trim()}'");
            var newlines = shared.Value.Count(c => c == '\n');
            edits.Add((shared.Index, shared.Length, rewritten + new string('\n', newlines)));
        }
        for (var at = code.IndexOf("<<<", StringComparison.Ordinal); at >= 0; at = code.IndexOf("<<<", at + 3, StringComparison.Ordinal))
        {
            var close = code.IndexOf(">>>", at + 3, StringComparison.Ordinal);
            var start = CalleeStart(code, at);
            if (close < 0 || start < 0) return (null, $"line {Line(code, at)}: cannot read the launch");
            edits.Add((start, 0, "::hwforge::launch("));
            edits.Add((at, 3, ", "));
            edits.Add((close, 3, ")"));
        }
        var text = new StringBuilder(source);
        foreach (var (at, length, with) in edits.OrderByDescending(e => e.At))
            text.Remove(at, length).Insert(at, with);
        return (text.ToString(), null);
    }

    // "float tile[16][16]", "float a[8], b[8]", "float s[]" (extern): references to the block's storage.
    private static string? SharedDeclaration(string declaration, bool isExtern, ref int id)
    {
        var decl = Alignment().Replace(declaration, " ").Trim();
        var parts = SplitTopLevel(decl);
        var first = Declarator().Match(parts[0].Trim());
        if (!first.Success) return null;
        var type = first.Groups["type"].Value.Trim();
        var s = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var m = i == 0 ? first : NameAndDims().Match(parts[i].Trim());
            if (!m.Success) return null;
            var name = m.Groups["name"].Value;
            var dims = Regex.Replace(m.Groups["dims"].Value, @"\s+", "");
            if (isExtern)
                s.Append($"{type}* {name} = ::hwforge::dynamic_shared<{type}>(); ");
            else
                s.Append($"auto& {name} = ::hwforge::shared<{type}{dims}>({++id}); ");
        }
        return s.ToString().TrimEnd();
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '[' or '(' or '<' ? 1 : text[i] is ']' or ')' or '>' ? -1 : 0;
            if (text[i] == ',' && depth == 0) { parts.Add(text[start..i]); start = i + 1; }
        }
        parts.Add(text[start..]);
        return parts;
    }

    // From "<<<" back over "kernel", "ns::kernel" or "kernel<T, 64>".
    private static int CalleeStart(string code, int launch)
    {
        var i = launch - 1;
        while (i >= 0 && char.IsWhiteSpace(code[i])) i--;
        var start = -1;
        while (i >= 0)
        {
            if (code[i] == '>')
            {
                var depth = 0;
                for (; i >= 0; i--)
                {
                    depth += code[i] == '>' ? 1 : code[i] == '<' ? -1 : 0;
                    if (depth == 0) break;
                }
                i--;
                while (i >= 0 && char.IsWhiteSpace(code[i])) i--;
            }
            var end = i;
            while (i >= 0 && (char.IsLetterOrDigit(code[i]) || code[i] == '_')) i--;
            if (i == end) break;
            start = i + 1;
            if (i >= 1 && code[i] == ':' && code[i - 1] == ':') { i -= 2; continue; }
            break;
        }
        return start;
    }

    private static bool IsCalled(string code, int after)
    {
        while (after < code.Length && char.IsWhiteSpace(code[after])) after++;
        return after < code.Length && code[after] == '(';
    }

    private static int Line(string code, int at) => code.Take(at).Count(c => c == '\n') + 1;

    [GeneratedRegex(@"^[ \t]*#[ \t]*include[ \t]*[<""](?<name>[^>""]+)[>""]", RegexOptions.Multiline)]
    private static partial Regex Include();

    [GeneratedRegex(@"^[ \t]*#[ \t]*pragma[ \t]+(?<what>\w+)", RegexOptions.Multiline)]
    private static partial Regex Pragma();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<extern>\bextern\s+)?\b__shared__\b(?<decl>[^;{}]*);")]
    private static partial Regex Shared();

    [GeneratedRegex(@"\b__align__\s*\(\s*\d+\s*\)|\balignas\s*\(\s*\d+\s*\)")]
    private static partial Regex Alignment();

    [GeneratedRegex(@"^(?<type>.*[>*&\s])(?<name>[A-Za-z_]\w*)\s*(?<dims>(\[[^\]]*\]\s*)*)$", RegexOptions.Singleline)]
    private static partial Regex Declarator();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*(?<dims>(\[[^\]]*\]\s*)*)$")]
    private static partial Regex NameAndDims();
}
