using System.Text;
using System.Text.Json;

namespace HwForge.Agents.Runs;

/// <summary>
/// Reads a run's <c>run.json</c> back. A damaged file is an <see cref="InvalidDataException"/> that names the file,
/// line and column and says what is wrong in HwForge's words: the parser's own message quotes the text it choked
/// on and the .NET types it wanted, and run.json may hold a request or a spec a user would not want echoed.
/// </summary>
internal static class RunOptionsFile
{
    public static RunOptions Read(string path)
    {
        var text = File.ReadAllText(path);
        // Syntax first, shape second: the two faults want different repairs.
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Damaged(path, text, e, "not valid JSON (cut short, or edited by hand?)");
        }
        RunOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<RunOptions>(text, RunJson.Options);
        }
        catch (JsonException e)
        {
            throw Damaged(path, text, e, "a value of the wrong kind for the run options HwForge writes");
        }
        // A resumed run is not validated again: it was when it started, and tests or older versions may have
        // written values the flags of today would refuse; the run should continue as it began.
        return options ?? throw Damaged(path, "no run options in it");
    }

    private static InvalidDataException Damaged(string path, string text, JsonException e, string what) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } bytes
            ? new InvalidDataException($"{path}:{line + 1}:{Column(text, (int)line, (int)bytes)}: {what}. {Consequence}")
            : Damaged(path, what);

    private static InvalidDataException Damaged(string path, string what) => new($"{path}: {what}. {Consequence}");

    private const string Consequence = "The run cannot be resumed until the file is repaired; nothing in the run folder was changed.";

    // The reader counts bytes; a person's editor counts characters.
    private static int Column(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length) return bytes + 1;
        var encoded = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(encoded, 0, Math.Min(bytes, encoded.Length)) + 1;
    }
}
