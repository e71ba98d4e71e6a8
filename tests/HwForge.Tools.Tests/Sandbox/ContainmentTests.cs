using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Tools.Tests.Sandbox;

/// <summary>Hostile programs run in the real sandbox; each must be contained and reported as a typed result.</summary>
public sealed class ContainmentTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);
    private SandboxSelfTest SelfTest => new(_test.Host);

    private static void AssertHeld(ContainmentCheck check) => Assert.True(check.Held, $"{check.Name}: {check.Detail}");

    [Fact] public async Task A_script_cannot_reach_the_network() => AssertHeld(await SelfTest.NetworkAsync());
    [Fact] public async Task A_script_cannot_read_a_secret_outside_its_folder() => AssertHeld(await SelfTest.ReadOutsideAsync());
    [Fact] public async Task A_script_cannot_write_outside_its_folder() => AssertHeld(await SelfTest.WriteOutsideAsync());
    [Fact] public async Task No_api_key_reaches_the_sandbox() => AssertHeld(await SelfTest.SecretsAsync());
    [Fact] public async Task A_fork_bomb_is_contained() => AssertHeld(await SelfTest.ForkBombAsync());
    [Fact] public async Task A_memory_bomb_is_stopped() => AssertHeld(await SelfTest.MemoryBombAsync());
    [Fact] public async Task An_endless_loop_is_stopped_by_cpu_time() => AssertHeld(await SelfTest.EndlessLoopAsync());
    [Fact] public async Task A_hang_is_killed_at_the_timeout() => AssertHeld(await SelfTest.HangAsync());
    [Fact] public async Task An_output_flood_is_cut() => AssertHeld(await SelfTest.OutputFloodAsync());
    [Fact] public async Task A_huge_file_is_stopped() => AssertHeld(await SelfTest.FileSizeAsync());
    [Fact] public async Task A_symlink_in_the_callers_folder_changes_no_host_folders_mode() => AssertHeld(await SelfTest.SymlinkChmodAsync());
    [Fact] public async Task Memory_across_many_processes_is_bounded_in_all() => AssertHeld(await SelfTest.MemoryAcrossProcessesAsync());
    [Fact] public async Task Many_files_past_the_disk_cap_are_stopped() => AssertHeld(await SelfTest.DiskAsync());
    [Fact] public async Task A_run_cannot_make_a_user_namespace() => AssertHeld(await SelfTest.NestedNamespacesAsync());

    /// <summary>The same attacks from compiled code: a C++ testbench built and run inside the sandbox.</summary>
    [Fact]
    public async Task A_hostile_cpp_testbench_cannot_open_sockets_or_read_home()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var secretPath = Path.Combine(home, $".hwforge-test-secret-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(secretPath, "TOPSECRET");
        try
        {
            var program = $$"""
                #include <cstdio>
                #include <sys/socket.h>
                #include <netinet/in.h>
                #include <arpa/inet.h>
                #include <unistd.h>
                int main() {
                    int s = socket(AF_INET, SOCK_STREAM, 0);
                    sockaddr_in a{}; a.sin_family = AF_INET; a.sin_port = htons(53);
                    inet_pton(AF_INET, "1.1.1.1", &a.sin_addr);
                    std::printf(connect(s, (sockaddr*)&a, sizeof a) == 0 ? "NET-OPEN\n" : "net-closed\n");
                    FILE* f = std::fopen("{{secretPath}}", "r");
                    char buf[64] = {0};
                    if (f && std::fgets(buf, sizeof buf, f)) std::printf("READ %s\n", buf); else std::printf("read-denied\n");
                    FILE* w = std::fopen("/usr/pwned", "w");
                    std::printf(w ? "WROTE\n" : "write-denied\n");
                    return 0;
                }
                """;
            var step = new ToolStep("g++", "test", new ToolInvocation("sh", ["-c", "g++ -O0 -o hostile hostile.cpp && ./hostile"]))
            {
                Inputs = [InputFile.FromText("hostile.cpp", program)],
                Cacheable = false,
            };
            var run = (await _test.Host.RunAsync(step)).Run;
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("net-closed", run.StandardOutput);
            Assert.Contains("read-denied", run.StandardOutput);
            Assert.Contains("write-denied", run.StandardOutput);
            Assert.DoesNotContain("TOPSECRET", run.StandardOutput);
            Assert.False(File.Exists("/usr/pwned"));
        }
        finally { File.Delete(secretPath); }
    }

    [Fact]
    public async Task A_symlink_left_in_the_work_folder_is_not_followed_back_to_the_host()
    {
        var secret = _test.WriteFile("host-secret.txt", "HOST-ONLY");
        var step = new ToolStep("sh", "test", new ToolInvocation("sh", ["-c", $"ln -s '{secret}' out.txt; mkdir d; ln -s / d/root"]))
        {
            Outputs = ["out.txt", "d/root/etc/hostname"],
            Cacheable = false,
        };
        var result = await _test.Host.RunAsync(step);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task The_private_tmp_does_not_touch_the_hosts()
    {
        var name = $"hwforge-tmp-{Guid.NewGuid():N}";
        var run = (await _test.Host.RunAsync(new ToolStep("sh", "test", new ToolInvocation("sh", ["-c", $"echo x > /tmp/{name} && cat /tmp/{name}"])) { Cacheable = false })).Run;
        Assert.Equal("x\n", run.StandardOutput);
        Assert.False(File.Exists(Path.Combine("/tmp", name)));
    }

    public void Dispose() => _test.Dispose();
}
