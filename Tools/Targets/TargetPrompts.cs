namespace HwForge.Tools.Targets;

/// <summary>
/// What a target tells the models: each role's system prompt, and how a task is put into words. The roles
/// assemble prompts from these; they never write a language's name or syntax themselves.
/// </summary>
public interface ITargetPrompts
{
    /// <summary>The system prompt of a role ("architect", "coder", "repair", "optimizer").</summary>
    string System(string role);

    /// <summary>What to build: the top, its behaviour, its interface and the reference it must match.</summary>
    string Task(string top, string description, DesignHints hints, DesignReference? reference);

    /// <summary>The closing instruction of a coder prompt ("Write the module mac16.").</summary>
    string Ask(string top);

    /// <summary>The words a knowledge-base query adds so it finds this target's material (the name of its language).</summary>
    string SearchTerms { get; }
}
