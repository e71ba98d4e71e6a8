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
}
