namespace HwForge.Tools.Targets;

/// <summary>One part of a source file that answers one question: a module, a function; titled for a reader.</summary>
public readonly record struct SourceSection(string Title, string Body);

/// <summary>
/// Cuts a file kind's source into sections, each a unit a person looks up on its own (the knowledge base indexes a
/// file of this kind section by section). A target owns the splitter of each of its file kinds; joining the bodies
/// gives the input back.
/// </summary>
public interface ISourceSections
{
    IReadOnlyList<SourceSection> Split(string text, string fileName);
}
