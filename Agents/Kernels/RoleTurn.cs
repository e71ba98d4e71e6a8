namespace HwForge.Agents.Kernels;

/// <summary>Who is talking to the model and in which stage: what every event of the turn is filed under.</summary>
internal sealed record RoleTurn(string Role, string Stage);
