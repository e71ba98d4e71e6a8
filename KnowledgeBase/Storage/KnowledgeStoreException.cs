namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// The store cannot be used as it is (a corrupt file, an endpoint that fails). An IOException, so
/// the CLI reports its message as an infrastructure error instead of a stack trace.
/// </summary>
public sealed class KnowledgeStoreException(string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The sentence for a database file that is not SQLite or is damaged; the file is left as it is.</summary>
    public static KnowledgeStoreException Corrupt(string path, Exception inner) => new(
        $"the knowledge base '{path}' is not a usable SQLite database ({inner.Message.TrimEnd('.')}). " +
        $"HwForge does not replace it by itself: move it aside (mv '{path}' '{path}.broken') and run again to start a new one " +
        "(the shipped corpus is re-indexed; 'hwforge kb add' your own files again).", inner);

    /// <summary>The sentence for a Qdrant server that did not answer; nothing local was read or changed.</summary>
    public static KnowledgeStoreException Unreachable(string location, Exception inner) => new(
        $"the Qdrant knowledge store {location} did not answer ({Reason(inner)}). Start it (docker run -p 6334:6334 qdrant/qdrant), " +
        $"check HWFORGE_KB, or unset HWFORGE_KB to use the local store; the local store was not touched.", inner);

    /// <summary>The sentence for a collection whose vectors come from another embedding model than the one configured.</summary>
    public static KnowledgeStoreException OtherModel(string location, string? stored, string configured) => new(
        $"the Qdrant collection {location} holds {(stored is null ? "no dense vectors" : $"vectors of '{stored}'")}, not of '{configured}'; " +
        "vectors of two models cannot be ranked together: name another collection (qdrant://host:6334/NAME) or set HWFORGE_EMBEDDINGS_MODEL back.", inner: null);

    private static string Reason(Exception e) => e is Grpc.Core.RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : "no answer within seconds";
}
