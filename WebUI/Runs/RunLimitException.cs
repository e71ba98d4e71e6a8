namespace HwForge.WebUI.Runs;

/// <summary>A run was not started: its session or the server already has as many going as it may. The message is for the page.</summary>
public sealed class RunLimitException(string message) : InvalidOperationException(message);
