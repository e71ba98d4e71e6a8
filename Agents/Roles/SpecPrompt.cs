using HwForge.Agents.Design;

namespace HwForge.Agents.Roles;

/// <summary>The part of every Coder and Optimizer prompt that states what to build: behaviour and exact interface.</summary>
public static class SpecPrompt
{
    public static string Describe(DesignSpec spec)
    {
        var text = $"Module: {spec.Top}\nBehaviour: {spec.Description}\n";
        if (spec.Clock is not null) text += $"Clock: {spec.Clock}" + (spec.Reset is null ? "\n" : $", reset: {spec.Reset} ({(spec.ResetActiveLow == true ? "active low" : "active high")})\n");
        if (spec.ReferenceVerilog is { } reference)
            text += $"\nThe reference your design must match cycle for cycle (same ports; you may restructure the logic):\n```verilog\n{reference.TrimEnd()}\n```\n";
        else if (spec.ReferenceModel is { } model)
            text += $"\nThe C++ golden model your design must match cycle for cycle:\n```cpp\n{model.TrimEnd()}\n```\n";
        return text;
    }
}
