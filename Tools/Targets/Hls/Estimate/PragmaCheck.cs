using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Hls.Estimate;

/// <summary>
/// Checks the <c>#pragma HLS</c> lines of a kernel's top function for what Vitis HLS would reject and g++ ignores:
/// an unknown directive, an array directive naming a variable the function does not have, a <c>PIPELINE II</c> or
/// <c>UNROLL factor</c> that is not a positive integer. Each problem names the line and what to write instead.
/// </summary>
internal static partial class PragmaCheck
{
    private static readonly HashSet<string> Directives =
    [
        "PIPELINE", "UNROLL", "ARRAY_PARTITION", "ARRAY_RESHAPE", "INLINE", "INTERFACE", "DATAFLOW", "LOOP_TRIPCOUNT",
        "LOOP_FLATTEN", "LOOP_MERGE", "DEPENDENCE", "BIND_OP", "BIND_STORAGE", "RESOURCE", "STREAM", "LATENCY",
        "ALLOCATION", "EXPRESSION_BALANCE", "OCCURRENCE", "PROTOCOL", "RESET", "STABLE", "STABLE_CONTENT", "TOP",
        "AGGREGATE", "DISAGGREGATE", "FUNCTION_INSTANTIATE", "SHARED", "CACHE", "ALIAS", "PERFORMANCE",
    ];

    /// <summary>The problems of the pragmas inside <paramref name="top"/>'s body; empty when there are none (or no body).</summary>
    public static IReadOnlyList<string> Problems(string source, string top)
    {
        if (SourceLoops.Body(source, top) is not { } body) return [];
        var problems = new List<string>();
        var code = CppText.Strip(source);
        // The names the function can mean: its parameters and everything declared in its body or at file scope.
        var names = new HashSet<string>(Identifier().Matches(code).Select(m => m.Value), StringComparer.Ordinal);
        foreach (var pragma in SourceLoops.Pragmas(source, body.Start, body.End))
        {
            var at = $"line {pragma.Line}: #pragma HLS {pragma.Directive}";
            if (!Directives.Contains(pragma.Directive))
            {
                problems.Add($"{at}: not an HLS directive (PIPELINE, UNROLL, ARRAY_PARTITION, INLINE, INTERFACE, DATAFLOW, …)");
                continue;
            }
            if (pragma.Directive is "ARRAY_PARTITION" or "ARRAY_RESHAPE")
            {
                var variable = pragma.Option("variable");
                if (string.IsNullOrEmpty(variable)) problems.Add($"{at}: names no array (write variable=NAME)");
                else if (!names.Contains(variable)) problems.Add($"{at}: variable={variable} is not an array of {top}");
                if (pragma.Option("factor") is { } f && !(int.TryParse(f, out var factor) && factor > 0))
                    problems.Add($"{at}: factor={f} is not a positive integer");
            }
            if (pragma.Directive == "PIPELINE" && pragma.Option("II") is { } ii && !(int.TryParse(ii, out var interval) && interval > 0))
                problems.Add($"{at}: II={ii} is not a positive integer (II=1 starts a new iteration every cycle)");
            if (pragma.Directive == "UNROLL" && pragma.Option("factor") is { } u && !(int.TryParse(u, out var unroll) && unroll > 0))
                problems.Add($"{at}: factor={u} is not a positive integer (leave it out to unroll fully)");
        }
        return problems;
    }

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();
}
