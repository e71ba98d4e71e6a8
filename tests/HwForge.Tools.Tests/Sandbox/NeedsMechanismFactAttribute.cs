using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Tools.Tests.Sandbox;

/// <summary>
/// A test of one way of bounding runs (<see cref="LimitMechanism"/>): it runs where this machine
/// uses that mechanism and is reported skipped, by name and with the reason, everywhere else.
/// </summary>
public sealed class NeedsMechanismFactAttribute : FactAttribute
{
    public NeedsMechanismFactAttribute(LimitMechanism mechanism)
    {
        var control = ResourceControl.ForThisMachine();
        if (control.Mechanism != mechanism)
            Skip = $"needs {mechanism}; this machine bounds runs with {control.Mechanism}: {control.Detail}";
    }
}
