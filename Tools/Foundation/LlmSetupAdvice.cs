namespace HwForge.Tools.Foundation;

/// <summary>
/// Where an LLM is configured, in words that hold for every way HwForge runs (the CLI, a batch, <c>hwforge serve</c>):
/// the environment variables and the home's config file. A library's message ends with <see cref="Where"/> and
/// names no front end's controls; the CLI adds its flags to such a message and the web page says who can set them.
/// </summary>
public static class LlmSetupAdvice
{
    public const string EndpointVariable = "HWFORGE_LLM_ENDPOINT";
    public const string ModelVariable = "HWFORGE_LLM_MODEL";
    public const string ApiKeyVariable = "HWFORGE_LLM_API_KEY";

    /// <summary>The sentence's end that says where an endpoint and a model are set; front ends look for it.</summary>
    public const string Where =
        "set " + EndpointVariable + " and " + ModelVariable + ", or \"endpoint\" and \"model\" under \"llm\" in $HWFORGE_HOME/config.json";

    /// <summary>True when the message tells its reader to configure an LLM (a front end adds its own ways to do so).</summary>
    public static bool Advises(string? message) => message?.Contains(Where, StringComparison.Ordinal) == true;
}
