using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Liberty;

/// <summary>
/// How a tool step gets its library: copied into the work folder under one fixed name.
/// </summary>
/// <remarks>
/// <see cref="ToolInvocation.ReadOnlyPaths"/> would avoid the copy, but the sandbox mounts its private
/// /tmp and the work folder (/work) after those binds, hiding any library that lives under /tmp
/// (a test's HWFORGE_HOME, say) or /work. Staging also makes the cache key follow the library's
/// bytes rather than its path, and lets scripts name it without quoting.
/// </remarks>
internal static class LibertyStaging
{
    public const string StagedName = "cells.lib";

    public static InputFile Input(LibertyLibrary library) => InputFile.FromPath(StagedName, library.Path);
}
