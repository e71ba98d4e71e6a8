namespace HwForge.InferenceCore.Kernels.Conformance;

/// <summary>
/// The files the sandboxed native harness (Native/Cpp/check_main.cpp) reads and writes, little-endian:
/// cases = int32 count, then per case int32 op, int32 nargs, int32 args[], int32 nscalars, float scalars[],
/// int32 ninputs, then per input int64 length and float data[]; answers = per case int64 length and float data[].
/// </summary>
internal static class CaseFile
{
    public static byte[] Write(IReadOnlyList<ConformanceCase> cases)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write(cases.Count);
        foreach (var c in cases)
        {
            w.Write((int)c.Op);
            w.Write(c.Args.Length);
            foreach (var a in c.Args) w.Write(a);
            w.Write(c.Scalars.Length);
            foreach (var s in c.Scalars) w.Write(s);
            w.Write(c.Inputs.Length);
            foreach (var input in c.Inputs)
            {
                w.Write((long)input.Length);
                foreach (var x in input) w.Write(x);
            }
        }
        w.Flush();
        return stream.ToArray();
    }

    /// <summary>The answers, or null where the file stops early (the harness crashed or was stopped midway).</summary>
    public static IReadOnlyList<float[]?> ReadAnswers(byte[]? bytes, int count)
    {
        var answers = new float[]?[count];
        if (bytes is null) return answers;
        using var r = new BinaryReader(new MemoryStream(bytes));
        for (var i = 0; i < count; i++)
        {
            if (r.BaseStream.Length - r.BaseStream.Position < 8) break;
            var length = r.ReadInt64();
            if (length < 0 || r.BaseStream.Length - r.BaseStream.Position < length * 4) break;
            var data = new float[length];
            for (var j = 0; j < length; j++) data[j] = r.ReadSingle();
            answers[i] = data;
        }
        return answers;
    }
}
