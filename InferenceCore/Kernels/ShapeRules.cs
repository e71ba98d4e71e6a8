namespace HwForge.InferenceCore.Kernels;

/// <summary>What makes a shape well formed for an op, shared by every set so that Supports only adds its own limits.</summary>
public static class ShapeRules
{
    public static bool IsWellFormed(Op op, OpShape shape)
    {
        var d = shape.Dims;
        if (d.Length == 0 || d.Any(x => x <= 0)) return false;
        return op switch
        {
            Op.MatMul => d.Length == 3,
            Op.Add or Op.Gelu or Op.Silu or Op.SwiGlu => d.Length == 1,
            Op.LayerNorm or Op.RmsNorm or Op.Softmax => d.Length == 2,
            // Rotation works on pairs, so a head needs an even width.
            Op.Rope => d.Length == 3 && d[2] % 2 == 0,
            Op.Attention => d.Length == 5 && d[2] % d[3] == 0,
            Op.Embedding => d.Length == 3,
            _ => false,
        };
    }

    internal static void Require(bool condition, string what)
    {
        if (!condition) throw new ArgumentException(what);
    }
}
