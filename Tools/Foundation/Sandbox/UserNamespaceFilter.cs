using System.Runtime.InteropServices;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// The seccomp filter bubblewrap loads for every sandboxed program (<c>--seccomp</c>): making a user
/// namespace fails with EPERM, so code in the sandbox can never become root of a namespace of its
/// own (and reach the kernel interfaces that opens). <c>clone3</c> answers ENOSYS, since its flags
/// sit in memory a filter cannot read; libc then falls back to <c>clone</c>, whose flags it can.
/// </summary>
/// <remarks>
/// A filter rather than bubblewrap's <c>--disable-userns</c>: that needs a user namespace around the
/// sandbox, which a root HwForge does not use (its runs drop to unused user ids instead), and a
/// second bubblewrap to make one cost about 10 ms per cold start. A filter costs nothing measurable
/// and works with bubblewrap before 0.8. Written for x86-64 and arm64; elsewhere the sandbox refuses
/// to start rather than run without it.
/// </remarks>
internal static class UserNamespaceFilter
{
    private const uint CloneNewUser = 0x10000000;
    private const uint Allow = 0x7fff0000;
    private const uint KillProcess = 0x80000000;
    private const uint ErrnoPermission = 0x00050000 | 1;
    private const uint ErrnoNoSystemCall = 0x00050000 | 38;

    // Classic BPF opcodes: load a word at a fixed offset of seccomp_data; jumps; return.
    private const ushort LoadWord = 0x20;
    private const ushort JumpIfEqual = 0x15;
    private const ushort JumpIfAtLeast = 0x35;
    private const ushort JumpIfAnyBit = 0x45;
    private const ushort Return = 0x06;

    // struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6] (little-endian: args[0]'s low word at 16).
    private const uint NumberOffset = 0;
    private const uint ArchOffset = 4;
    private const uint FirstArgumentOffset = 16;

    private sealed record Target(uint AuditArch, uint Unshare, uint CloneCall, uint Clone3, bool HasX32);

    private static Target ForThisMachine() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => new(0xC000003E, 272, 56, 435, HasX32: true),
        Architecture.Arm64 => new(0xC00000B7, 97, 220, 435, HasX32: false),
        var other => throw new PlatformNotSupportedException($"HwForge has no seccomp filter for {other}, so it cannot stop nested user namespaces there"),
    };

    /// <summary>The filter, as the bytes of an array of <c>struct sock_filter</c>.</summary>
    public static byte[] Program()
    {
        var target = ForThisMachine();
        // Instructions as (code, jump-if-true label, jump-if-false label, k); labels resolve to offsets below.
        var code = new List<(ushort Code, string? True, string? False, uint K)>
        {
            (LoadWord, null, null, ArchOffset),
            (JumpIfEqual, null, "kill", target.AuditArch),
            (LoadWord, null, null, NumberOffset),
        };
        // x32 system calls share x86-64's architecture value, flagged in the number; none is needed.
        if (target.HasX32) code.Add((JumpIfAtLeast, "eperm", null, 0x40000000));
        code.Add((JumpIfEqual, "flags", null, target.Unshare));
        code.Add((JumpIfEqual, "flags", null, target.CloneCall));
        code.Add((JumpIfEqual, "enosys", null, target.Clone3));
        code.Add((Return, null, null, Allow));
        var labels = new Dictionary<string, int> { ["flags"] = code.Count };
        code.Add((LoadWord, null, null, FirstArgumentOffset));
        code.Add((JumpIfAnyBit, "eperm", null, CloneNewUser));
        code.Add((Return, null, null, Allow));
        labels["eperm"] = code.Count;
        code.Add((Return, null, null, ErrnoPermission));
        labels["enosys"] = code.Count;
        code.Add((Return, null, null, ErrnoNoSystemCall));
        labels["kill"] = code.Count;
        code.Add((Return, null, null, KillProcess));

        var bytes = new byte[code.Count * 8];
        for (var i = 0; i < code.Count; i++)
        {
            var (op, jumpTrue, jumpFalse, k) = code[i];
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), op);
            bytes[i * 8 + 2] = Offset(jumpTrue);
            bytes[i * 8 + 3] = Offset(jumpFalse);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8 + 4), k);

            byte Offset(string? label) => label is null ? (byte)0 : checked((byte)(labels[label] - i - 1));
        }
        return bytes;
    }

    /// <summary>
    /// The filter's file in <paramref name="home"/>, written when missing or different. Bubblewrap reads
    /// it from a descriptor the start's shell opens; anyone who could change it could change HwForge too.
    /// </summary>
    public static string File(HwForgeHome home) => Written.GetOrAdd(home.Root, _ => Write(home));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Written = new();

    private static string Write(HwForgeHome home)
    {
        var path = Path.Combine(home.Data, "no-user-namespaces.bpf");
        var program = Program();
        if (System.IO.File.Exists(path) && System.IO.File.ReadAllBytes(path).AsSpan().SequenceEqual(program)) return path;
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}";
        System.IO.File.WriteAllBytes(temporary, program);
        System.IO.File.Move(temporary, path, overwrite: true);
        return path;
    }
}
