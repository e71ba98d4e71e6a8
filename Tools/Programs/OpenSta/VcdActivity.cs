using System.Globalization;

namespace HwForge.Tools.Programs.OpenSta;

/// <summary>One signal bit's measured activity: toggles per clock period, and the fraction of time it was 1.</summary>
internal sealed record SignalActivity(string Name, double TogglesPerPeriod, double Duty);

/// <summary>The activities read from a trace, or why there are none.</summary>
internal sealed record VcdActivities(IReadOnlyList<SignalActivity> Signals, string Scope, string? Problem);

/// <summary>
/// Measures switching activity from a VCD. OpenSTA 2.0.17 has no <c>read_vcd</c> or <c>read_saif</c>,
/// and its <c>set_power_activity -pins</c> is broken, so HwForge reads the trace itself and annotates
/// input ports; OpenSTA propagates activity through the logic from there.
/// </summary>
internal static class VcdActivity
{
    private sealed class Bit(string name)
    {
        public string Name { get; } = name;
        public char Value = 'x';
        public long Since;
        public long HighTime;
        public long Toggles;
    }

    /// <param name="scope">Dotted instance path (<c>tb.dut</c>); null picks the first scope that declares signals.</param>
    public static VcdActivities Read(string vcdText, string? scope, double clockPeriodNs)
    {
        using var tokens = Tokens(vcdText).GetEnumerator();
        var path = new List<string>();
        var bitsById = new Dictionary<string, List<Bit>>();
        string? chosen = scope;
        double secondsPerUnit = 1e-9;
        long first = -1, now = 0;

        string Next() => tokens.MoveNext() ? tokens.Current : "$end";
        while (tokens.MoveNext())
        {
            var token = tokens.Current;
            switch (token)
            {
                case "$timescale":
                    var text = "";
                    for (var t = Next(); t != "$end"; t = Next()) text += t;
                    secondsPerUnit = ParseTimescale(text);
                    break;
                case "$scope":
                    Next();
                    path.Add(Next());
                    SkipToEnd(Next);
                    break;
                case "$upscope":
                    if (path.Count > 0) path.RemoveAt(path.Count - 1);
                    SkipToEnd(Next);
                    break;
                case "$var":
                    List<string> words = [];
                    for (var t = Next(); t != "$end"; t = Next()) words.Add(t);
                    var here = string.Join('.', path);
                    chosen ??= here;
                    if (words.Count >= 4 && here == chosen)
                        Declare(bitsById, words[2], int.Parse(words[1], CultureInfo.InvariantCulture), words[3], words.Count > 4 ? words[4] : null);
                    break;
                case "$comment" or "$date" or "$version":
                    SkipToEnd(Next);
                    break;
                default:
                    if (token[0] == '#')
                    {
                        now = long.Parse(token.AsSpan(1), CultureInfo.InvariantCulture);
                        if (first < 0) { first = now; foreach (var bit in bitsById.Values.SelectMany(b => b)) bit.Since = now; }
                    }
                    else if (token[0] is 'b' or 'B') Change(bitsById, Next(), token[1..], now);
                    else if (token[0] is 'r' or 'R') Next();
                    else if (token[0] is '0' or '1' or 'x' or 'X' or 'z' or 'Z') Change(bitsById, token[1..], token[..1], now);
                    break;
            }
        }

        var bits = bitsById.Values.SelectMany(b => b).Distinct().ToList();
        if (bits.Count == 0) return new([], chosen ?? "", chosen is null ? "the VCD declares no signals" : $"the VCD has no signals in scope '{chosen}'");
        var duration = now - Math.Max(first, 0);
        if (duration <= 0) return new([], chosen!, "the VCD covers no simulated time");
        foreach (var bit in bits) Settle(bit, now);

        var periods = duration * secondsPerUnit * 1e9 / clockPeriodNs;
        return new([.. bits.Select(b => new SignalActivity(b.Name, b.Toggles / periods, (double)b.HighTime / duration))], chosen!, null);
    }

    private static void Declare(Dictionary<string, List<Bit>> bitsById, string id, int width, string name, string? range)
    {
        var list = bitsById.TryGetValue(id, out var known) ? known : bitsById[id] = [];
        if (width == 1 && (range is null || !range.Contains(':'))) { list.Add(new Bit(name)); return; }
        // Bits are listed most significant first, as vector values are written.
        var (msb, lsb) = (width - 1, 0);
        if (range is not null && range.Trim('[', ']').Split(':') is [var m, var l] && int.TryParse(m, out var mi) && int.TryParse(l, out var li))
            (msb, lsb) = (mi, li);
        var step = msb >= lsb ? -1 : 1;
        for (int i = 0, index = msb; i < width; i++, index += step) list.Add(new Bit($"{name}[{index}]"));
    }

    private static void Change(Dictionary<string, List<Bit>> bitsById, string id, string value, long now)
    {
        if (!bitsById.TryGetValue(id, out var bits)) return;
        // A short vector value is extended on the left with 0, or with x or z when it starts with one.
        var pad = value.Length > 0 && value[0] is 'x' or 'X' or 'z' or 'Z' ? char.ToLowerInvariant(value[0]) : '0';
        var full = value.Length >= bits.Count ? value[^bits.Count..] : new string(pad, bits.Count - value.Length) + value;
        for (var i = 0; i < bits.Count; i++)
        {
            var bit = bits[i];
            var next = char.ToLowerInvariant(full[i]);
            Settle(bit, now);
            // Only 0↔1 changes are toggles; leaving x at reset costs nothing in a real circuit.
            if ((bit.Value, next) is ('0', '1') or ('1', '0')) bit.Toggles++;
            bit.Value = next;
        }
    }

    private static void Settle(Bit bit, long now)
    {
        if (bit.Value == '1') bit.HighTime += now - bit.Since;
        bit.Since = now;
    }

    private static void SkipToEnd(Func<string> next)
    {
        while (next() != "$end") { }
    }

    private static double ParseTimescale(string text)
    {
        var digits = new string([.. text.TakeWhile(char.IsAsciiDigit)]);
        var factor = digits.Length > 0 ? double.Parse(digits, CultureInfo.InvariantCulture) : 1;
        return factor * text[digits.Length..] switch
        {
            "s" => 1, "ms" => 1e-3, "us" => 1e-6, "ns" => 1e-9, "ps" => 1e-12, "fs" => 1e-15, _ => 1e-9,
        };
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var space = i == text.Length || char.IsWhiteSpace(text[i]);
            if (space && start >= 0) { yield return text[start..i]; start = -1; }
            else if (!space && start < 0) start = i;
        }
    }
}
