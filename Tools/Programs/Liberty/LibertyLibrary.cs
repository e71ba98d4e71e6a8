namespace HwForge.Tools.Programs.Liberty;

/// <summary>
/// A standard-cell library ready for the tools: an unpacked Liberty (<c>.lib</c>) file on the host.
/// Synthesis reads its cells and areas, timing and power analysis its delays and energies.
/// </summary>
/// <param name="Name">What the user asked for: <c>osu018</c>, <c>sky130</c>, or the file name.</param>
/// <param name="Path">Absolute path of the unpacked <c>.lib</c> (a <c>.lib.gz</c> is unpacked into the cache first).</param>
/// <param name="Description">One line for reports and prompts.</param>
public sealed record LibertyLibrary(string Name, string Path, string Description);

/// <summary>Why a library could not be had; the message says what to do about it.</summary>
public sealed class LibertyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
