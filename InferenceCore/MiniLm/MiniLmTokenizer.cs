using Microsoft.ML.Tokenizers;

namespace HwForge.InferenceCore.MiniLm;

/// <summary>
/// BERT WordPiece with the uncased vocabulary that ships beside the weights: lower-casing, accent stripping,
/// CJK characters split, [CLS] … [SEP] around the text, cut at the model's 256-token window as sentence-transformers
/// does for all-MiniLM-L6-v2 (max_seq_length = 256).
/// </summary>
public sealed class MiniLmTokenizer
{
    public const int MaxTokens = 256;
    readonly BertTokenizer _bert;

    public MiniLmTokenizer(string vocabulary)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(vocabulary));
        _bert = BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
    }

    public int[] Encode(string text) =>
        _bert.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _).ToArray();
}
