using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// Tasks in the LeetGPU style (an <c>extern "C" solve</c> on device pointers), each problem written inline: integer
/// histograms with unsigned atomics, an in-place reversal (an inout buffer), ReLU with CUDA's min/max, an RGBA
/// image of unsigned chars, a sum with a memset and float atomics. Each correct kernel passes; each has a twin with
/// one realistic mistake that fails.
/// </summary>
public sealed class LeetGpuStyleTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    private async Task<CudaReport> RunAsync(string yaml, string reference, string kernel)
    {
        var (problem, error) = CudaProblem.Parse(yaml);
        Assert.True(problem is not null, error);
        var emulation = new CudaEmulation(cuda.Test.Host, cuda.Test.Versions);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await emulation.RunAsync(new CudaRequest(SourceLoader.FromText("kernel.cu", kernel), SourceLoader.FromText("golden.cpp", reference), problem!) { Trials = 2 }, limit.Token);
    }

    private const string HistogramProblem = """
        args:
          - {name: input, shape: [N], type: int}
          - {name: histogram, shape: [B], type: unsigned, out: true}
          - {name: N}
          - {name: B}
        sizes: [{N: 1, B: 4}, {N: 1000, B: 16}]
        inputs: {low: 0, high: 3}
        distributions: [range, constant]
        """;

    private const string HistogramReference = """
        void solve_ref(const int* input, unsigned* histogram, int N, int B) {
            for (int b = 0; b < B; ++b) histogram[b] = 0;
            for (int i = 0; i < N; ++i) histogram[input[i]]++;
        }
        """;

    private const string Histogram = """
        #include <cuda_runtime.h>
        __global__ void count(const int* input, unsigned int* histogram, int N) {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < N) atomicAdd(&histogram[input[i]], 1);
        }
        extern "C" void solve(const int* input, unsigned int* histogram, int N, int B) {
            cudaMemset(histogram, 0, B * sizeof(unsigned int));
            count<<<(N + 255) / 256, 256>>>(input, histogram, N);
        }
        """;

    [Fact]
    public async Task A_histogram_with_unsigned_atomics_passes_and_without_them_races()
    {
        var good = await RunAsync(HistogramProblem, HistogramReference, Histogram);
        var racy = await RunAsync(HistogramProblem, HistogramReference, Histogram.Replace("atomicAdd(&histogram[input[i]], 1)", "histogram[input[i]]++"));

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(Verdict.Fail, racy.Verdict);
        Assert.Equal(CudaCheck.Race, racy.Check);
    }

    [Fact]
    public async Task An_in_place_reversal_passes_and_one_that_swaps_every_pair_twice_fails()
    {
        const string problem = """
            args:
              - {name: data, shape: [N], inout: true}
              - {name: N}
            sizes: [{N: 1}, {N: 2}, {N: 1001}]
            """;
        const string reference = "void solve_ref(float* data, int N) { for (int i = 0; i < N / 2; ++i) { float t = data[i]; data[i] = data[N - 1 - i]; data[N - 1 - i] = t; } }";
        const string kernel = """
            __global__ void reverse(float* data, int N) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N / 2) { float t = data[i]; data[i] = data[N - 1 - i]; data[N - 1 - i] = t; }
            }
            extern "C" void solve(float* data, int N) { reverse<<<(N / 2 + 255) / 256 + 1, 256>>>(data, N); }
            """;

        var good = await RunAsync(problem, reference, kernel);
        var twice = await RunAsync(problem, reference, kernel.Replace("if (i < N / 2)", "if (i < N)"));

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(Verdict.Fail, twice.Verdict);
    }

    [Fact]
    public async Task Relu_with_cuda_max_on_floats_passes_and_an_integer_max_fails()
    {
        const string problem = """
            args:
              - {name: x, shape: [N]}
              - {name: y, shape: [N], out: true}
              - {name: N}
            sizes: [{N: 5}, {N: 700}]
            """;
        const string reference = "void solve_ref(const float* x, float* y, int N) { for (int i = 0; i < N; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f; }";
        const string kernel = """
            __global__ void relu(const float* x, float* y, int N) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N) y[i] = max(x[i], 0.0f);
            }
            extern "C" void solve(const float* x, float* y, int N) { relu<<<(N + 127) / 128, 128>>>(x, y, N); }
            """;

        var good = await RunAsync(problem, reference, kernel);
        var truncated = await RunAsync(problem, reference, kernel.Replace("max(x[i], 0.0f)", "max((int)x[i], 0)"));

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(CudaCheck.Mismatch, truncated.Check);
    }

    [Fact]
    public async Task Inverting_an_rgba_image_of_bytes_passes_and_inverting_alpha_too_fails()
    {
        const string problem = """
            args:
              - {name: image, shape: [W * H * 4], type: unsigned char, inout: true}
              - {name: W}
              - {name: H}
            sizes: [{W: 1, H: 1}, {W: 17, H: 9}]
            inputs: {low: 0, high: 255}
            distributions: [range]
            """;
        const string reference = "void solve_ref(unsigned char* image, int W, int H) { for (int p = 0; p < W * H; ++p) for (int c = 0; c < 3; ++c) image[4 * p + c] = 255 - image[4 * p + c]; }";
        const string kernel = """
            __global__ void invert(unsigned char* image, int pixels) {
                int p = blockIdx.x * blockDim.x + threadIdx.x;
                if (p < pixels) { image[4 * p] = 255 - image[4 * p]; image[4 * p + 1] = 255 - image[4 * p + 1]; image[4 * p + 2] = 255 - image[4 * p + 2]; }
            }
            extern "C" void solve(unsigned char* image, int width, int height) { invert<<<(width * height + 255) / 256, 256>>>(image, width * height); }
            """;

        var good = await RunAsync(problem, reference, kernel);
        var alpha = await RunAsync(problem, reference, kernel.Replace("image[4 * p + 2] = 255 - image[4 * p + 2];", "image[4 * p + 2] = 255 - image[4 * p + 2]; image[4 * p + 3] = 255 - image[4 * p + 3];"));

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(CudaCheck.Mismatch, alpha.Check);
        Assert.Equal(3, alpha.FirstMismatch!.Index);
    }

    [Fact]
    public async Task A_sum_with_a_memset_and_float_atomics_passes_and_one_that_forgets_the_memset_fails()
    {
        const string problem = """
            args:
              - {name: x, shape: [N]}
              - {name: out, shape: [1], out: true}
              - {name: N}
            sizes: [{N: 1}, {N: 5000}]
            tolerance: {abs: 1.0e-3, rel: 1.0e-4}
            """;
        const string reference = "void solve_ref(const float* x, float* out, int N) { double s = 0; for (int i = 0; i < N; ++i) s += x[i]; out[0] = (float)s; }";
        const string kernel = """
            #include <cuda_runtime.h>
            __global__ void sum(const float* x, float* out, int N) {
                __shared__ float part[256];
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                part[threadIdx.x] = i < N ? x[i] : 0.0f;
                __syncthreads();
                for (int s = blockDim.x / 2; s > 0; s >>= 1) {
                    if (threadIdx.x < s) part[threadIdx.x] += part[threadIdx.x + s];
                    __syncthreads();
                }
                if (threadIdx.x == 0) atomicAdd(out, part[0]);
            }
            extern "C" void solve(const float* x, float* out, int N) {
                cudaMemset(out, 0, sizeof(float));
                sum<<<(N + 255) / 256, 256>>>(x, out, N);
            }
            """;

        var good = await RunAsync(problem, reference, kernel);
        var noMemset = await RunAsync(problem, reference, kernel.Replace("cudaMemset(out, 0, sizeof(float));", ""));

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(CudaCheck.Unwritten, noMemset.Check);   // NaN + partial sums stays NaN
    }
}
