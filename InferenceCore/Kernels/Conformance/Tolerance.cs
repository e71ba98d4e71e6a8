namespace HwForge.InferenceCore.Kernels.Conformance;

/// <summary>
/// got matches want when every |got − want| ≤ tol · (1 + |want|): absolute near zero, relative for large values.
/// The report names the worst element so that a failing conformance case says where to look.
/// </summary>
internal static class Tolerance
{
    public static (bool Ok, string Worst) Within(ReadOnlySpan<float> want, ReadOnlySpan<float> got, double tol)
    {
        if (want.Length != got.Length) return (false, $"lengths differ: {want.Length} vs {got.Length}");
        double worst = -1; var at = -1;
        for (var i = 0; i < want.Length; i++)
        {
            var excess = Math.Abs((double)got[i] - want[i]) / (1 + Math.Abs((double)want[i]));
            if (double.IsNaN(excess)) excess = double.PositiveInfinity;
            if (excess > worst) { worst = excess; at = i; }
        }
        return (worst <= tol, at < 0 ? "empty" : $"worst at [{at}]: want {want[at]:R}, got {got[at]:R} (scaled error {worst:E2} vs {tol:E1})");
    }

    public static float[] Random(int n, int seed, float lo = -1, float hi = 1)
    {
        var r = new Random(seed);
        var x = new float[n];
        for (var i = 0; i < n; i++) x[i] = lo + (float)r.NextDouble() * (hi - lo);
        return x;
    }
}
