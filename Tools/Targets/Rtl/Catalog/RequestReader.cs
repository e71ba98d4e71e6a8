using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>The parameters a normalized request states for a family, by name; what it does not state is left out.</summary>
internal static class RequestReader
{
    public static Dictionary<string, string> Read(string family, string text)
    {
        var values = new Dictionary<string, string>();
        void Set(string name, string? value)
        {
            if (value is not null && !values.ContainsKey(name)) values[name] = value;
        }

        // int8 / uint16 say width and signedness at once.
        var intType = Regex.Match(text, @"\b(u?)int(\d+)\b");
        var signedness = intType.Success ? (intType.Groups[1].Value == "u" ? "false" : "true")
            : Regex.IsMatch(text, @"\bunsigned\b") ? "false"
            : Regex.IsMatch(text, @"\b(signed|two'?s[- ]complement)\b") ? "true" : null;
        var width = First(text, @"\b(\d+)[- ]?bits?\b(?! ?(accumulator|acc)s?)", @"\b(\d+)[- ]?b\b") ?? (intType.Success ? intType.Groups[2].Value : null);
        var pipeline = First(text, @"\b(\d+)[- ](pipeline[- ]|pipelined[- ]|register[- ]|pipe[- ])?stages?\b", @"\bpipeline[- ]depth (?:of )?(\d+)\b", @"\b(\d+)[- ]cycles? latency\b")
            ?? (Regex.IsMatch(text, @"\b(unpipelined|not pipelined|combinational)\b") ? "0"
            : Regex.IsMatch(text, @"\bpipelined\b") ? "1" : null);

        switch (family)
        {
            case "adder":
                Set("width", width);
                Set("signed", signedness);
                Set("pipeline", pipeline);
                Set("architecture", Architecture(text,
                    ("kogge_stone", @"kogge[- ]?stone"), ("brent_kung", @"brent[- ]?kung"), ("ripple", @"ripple"),
                    ("carry_lookahead", @"carry[- ]look[- ]?ahead|\bcla\b|look[- ]?ahead")));
                break;
            case "multiplier":
                Set("width", width ?? First(text, @"\b(\d+) ?x ?\1\b"));
                Set("signed", signedness);
                Set("pipeline", pipeline);
                Set("architecture", Architecture(text,
                    ("booth_radix4", @"booth"), ("wallace", @"wallace"), ("dadda", @"dadda"), ("array", @"\barray\b")));
                break;
            case "mac":
                Set("width", width);
                Set("signed", signedness);
                Set("pipeline", pipeline);
                Set("multiplier", Architecture(text,
                    ("booth_radix4", @"booth"), ("wallace", @"wallace"), ("dadda", @"dadda"), ("array", @"\barray\b")));
                break;
            case "dot_product":
                Set("width", width);
                Set("signed", signedness);
                Set("pipeline", pipeline);
                Set("lanes", First(text, @"\b(\d+)[- ]?(elements?|lanes?|entries|dimensional|d)\b", @"\bof (\d+)\b", @"\blength[- ](\d+)\b", @"\b(\d+)[- ]wide\b"));
                Set("reduction", Architecture(text, ("tree", @"\btree\b"), ("chain", @"\b(chain|linear|serial)\b")));
                break;
            case "fir":
                Set("width", First(text, @"\b(\d+)[- ]?bits? (samples?|inputs?|data)\b") ?? width);
                Set("signed", signedness);
                Set("pipeline", pipeline);
                Set("taps", First(text, @"\b(\d+)[- ]?taps?\b", @"\b(\d+)(st|nd|rd|th)?[- ]order\b") is { } taps && Regex.IsMatch(text, @"order\b") && !Regex.IsMatch(text, @"taps?\b")
                    ? (int.Parse(taps) + 1).ToString() : First(text, @"\b(\d+)[- ]?taps?\b"));
                Set("coefficients", Coefficients(text));
                Set("architecture", Architecture(text, ("transposed", @"transpos"), ("direct", @"\bdirect")));
                break;
            case "fifo":
                Set("depth", First(text, @"\b(\d+)[- ]?(deep|entries|entry|words?|slots?)\b", @"\bdepth (?:of )?(\d+)\b"));
                Set("width", First(text, @"\b(\d+)[- ]?bits?[- ]wide\b", @"\bwidth (?:of )?(\d+)\b", @"\b(\d+)[- ]?bits?\b") ?? (intType.Success ? intType.Groups[2].Value : null));
                Set("architecture", Architecture(text, ("wrap_pointers", @"pointer"), ("count_register", @"\bcount(er)? register\b")));
                break;
            case "counter":
                Set("modulus", First(text, @"\bmod(?:ulo)?[- ]?(\d+)\b", @"\bdivide[- ]by[- ](\d+)\b")
                    ?? (First(text, @"\b(?:counts? )?(?:from )?0 to (\d+)\b", @"\bcounts? to (\d+)\b") is { } last ? (long.Parse(last) + 1).ToString() : null)
                    ?? (width is not null && int.TryParse(width, out var bits) ? (bits <= 30 ? (1L << bits).ToString() : "too wide: " + width + " bits") : null));
                Set("architecture", Architecture(text, ("one_hot", @"\b(one[- ]hot|1[- ]hot|ring)\b"), ("toggle_chain", @"\b(binary|toggle)\b")));
                break;
            case "fsm":
                Set("pattern", First(text, @"\b(?:for|detects?|detecting|pattern|sequence)\s+(?:the\s+)?(?:pattern\s+|sequence\s+|bits?\s+)?""?([01]+)""?", @"\b([01]{2,})\b"));
                Set("overlapping", Regex.IsMatch(text, @"\bnon[- ]?overlapping\b") ? "false" : Regex.IsMatch(text, @"\boverlapping\b") ? "true" : null);
                Set("encoding", Architecture(text, ("one_hot", @"\b(one[- ]hot|1[- ]hot)\b"), ("gray", @"\bgray\b"), ("binary", @"\bbinary\b")));
                break;
            case "gemm_tile":
                var shape = Regex.Match(text, @"\b(\d+) ?x ?(\d+)\b");
                if (shape.Success)
                {
                    Set("rows", shape.Groups[1].Value);
                    Set("cols", shape.Groups[2].Value);
                }
                Set("width", intType.Success ? intType.Groups[2].Value : First(text, @"\b(\d+)[- ]?bits? (inputs?|operands?|elements?)\b") ?? width);
                Set("signed", signedness);
                Set("acc_width", First(text, @"\b(\d+)[- ]?bits? ?(accumulators?|acc)\b", @"\baccumulators? of (\d+) bits\b"));
                Set("multiplier", Architecture(text,
                    ("booth_radix4", @"booth"), ("wallace", @"wallace"), ("dadda", @"dadda"), ("array", @"\barray multipl")));
                break;
        }
        return values;
    }

    private static string? First(string text, params string[] patterns)
    {
        foreach (var pattern in patterns)
            if (Regex.Match(text, pattern) is { Success: true } match) return match.Groups[1].Value;
        return null;
    }

    private static string? Architecture(string text, params (string Value, string Pattern)[] choices) =>
        choices.FirstOrDefault(c => Regex.IsMatch(text, c.Pattern)).Value;

    private static string? Coefficients(string text)
    {
        var match = Regex.Match(text, @"coeff\w*\s*(?:of|=|:|are)?\s*[\[({]?\s*(-?\d+(?:\s*,\s*-?\d+)+)");
        return match.Success ? Regex.Replace(match.Groups[1].Value, @"\s+", "") : null;
    }
}
