using System.ClientModel.Primitives;

namespace HwForge.Agents.Llm;

/// <summary>
/// Sends no Authorization header at all when there is no key for the endpoint: a server that was not given a
/// key learns nothing, not even a placeholder, and a request can never carry a key meant for another one.
/// </summary>
internal sealed class NoKeyPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Remove("Authorization");
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Remove("Authorization");
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
