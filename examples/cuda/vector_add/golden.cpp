// The reference: plain C++ on host memory, the same arguments as solve.
void solve_ref(const float* A, const float* B, float* C, int N) {
    for (int i = 0; i < N; ++i) C[i] = A[i] + B[i];
}
