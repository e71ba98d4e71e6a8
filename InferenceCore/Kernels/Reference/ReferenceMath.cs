namespace HwForge.InferenceCore.Kernels.Reference;

/// <summary>
/// Double-precision special functions for the reference set. .NET has no erf, and the reference must be far more
/// accurate than the float kernels it judges, so this is exact to ~1e-13 rather than a float approximation.
/// </summary>
public static class ReferenceMath
{
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        var a = Math.Abs(x);
        // The Maclaurin series converges for all x but loses digits to cancellation past ~3; the continued
        // fraction for erfc converges fast exactly there.
        var r = a < 3 ? Series(a) : 1 - ErfcContinuedFraction(a);
        return x < 0 ? -r : r;
    }

    static double Series(double x)
    {
        // erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
        double term = x, sum = x, x2 = x * x;
        for (var n = 1; n < 200; n++)
        {
            term *= -x2 / n;
            var add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    static double ErfcContinuedFraction(double x)
    {
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the tail.
        var f = x;
        for (var n = 60; n >= 1; n--) f = x + n / 2.0 / f;
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }

    public static double Gelu(double x) => 0.5 * x * (1 + Erf(x / Math.Sqrt(2)));

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
