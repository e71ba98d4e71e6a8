namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>Turns texts into vectors; one call may carry many texts.</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model, so vectors of another model are never compared with these.</summary>
    string Model { get; }

    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default);
}
