namespace HwForge.Tools.Targets;

/// <summary>
/// How strongly a "no difference found" was shown, weakest first. Only <see cref="Proven"/> is
/// "verified": a full proof (SAT or exhaustive enumeration for combinational logic; an unbounded
/// proof such as IC3/PDR, induction or register correspondence that closes for sequential logic).
/// <see cref="Bounded"/> is a formal check to a stated depth from reset plus simulation;
/// <see cref="Simulated"/> is simulation alone, with the reason no formal result exists.
/// </summary>
public enum Assurance
{
    /// <summary>Nothing was shown: the design failed, or could not be judged.</summary>
    None,

    Simulated,

    Bounded,

    Proven,
}

/// <summary>Reading an assurance the way people and scripts use it.</summary>
public static class AssuranceText
{
    /// <summary>The word a report uses: only a proof is "verified".</summary>
    public static string Word(Assurance assurance) => assurance switch
    {
        Assurance.Proven => "verified",
        Assurance.Bounded => "bounded",
        Assurance.Simulated => "simulated",
        _ => "not verified",
    };

    /// <summary>Parses <c>proven|bounded|simulated</c> (the values of <c>--accept</c>); null when it is none of them.</summary>
    public static Assurance? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "proven" or "verified" => Assurance.Proven,
        "bounded" => Assurance.Bounded,
        "simulated" => Assurance.Simulated,
        _ => null,
    };
}
