using System.Runtime.InteropServices;

namespace HwForge.Benchmarks;

/// <summary>
/// OpenBLAS's cblas_sgemm, loaded at run time when Debian's libopenblas0 is installed (sandbox/install-toolchain.sh
/// lists it); absent, the benchmark says so and measures the rest.
/// </summary>
public sealed unsafe class OpenBlas
{
    delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    delegate* unmanaged<int, void> _setThreads;

    static readonly string[] Candidates =
    [
        "libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "libopenblas.so",
    ];

    public string Path { get; }

    OpenBlas(nint lib, string path)
    {
        Path = path;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(lib, "cblas_sgemm");
        _setThreads = (delegate* unmanaged<int, void>)NativeLibrary.GetExport(lib, "openblas_set_num_threads");
    }

    public static OpenBlas? TryLoad()
    {
        foreach (var path in Candidates)
            if (NativeLibrary.TryLoad(path, out var lib) && NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out _))
                return new OpenBlas(lib, path);
        return null;
    }

    public void SetThreads(int threads) => _setThreads(threads);

    /// <summary>C = A·B, row-major, no transposes (CblasRowMajor = 101, CblasNoTrans = 111).</summary>
    public void Sgemm(float[] a, float[] b, float[] c, int m, int n, int k)
    {
        fixed (float* ap = a, bp = b, cp = c) _sgemm(101, 111, 111, m, n, k, 1f, ap, k, bp, n, 0f, cp, n);
    }
}
