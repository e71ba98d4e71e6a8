using System.Globalization;

namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>
/// The shared half of every generator: defaults filled in and each value checked against its spec in one
/// place, then <see cref="Build"/> with values it can trust. Family-specific checks go in <see cref="Validate"/>.
/// </summary>
internal abstract class KernelGenerator : IKernelGenerator
{
    public abstract string Family { get; }

    public abstract string Summary { get; }

    public abstract IReadOnlyList<ParameterSpec> Parameters { get; }

    public GeneratedDesign Generate(KernelParameters parameters)
    {
        var resolved = KernelParameters.Resolve(this, parameters);
        foreach (var spec in Parameters) CheckAgainstSpec(spec, resolved.Text(spec.Name));
        Validate(resolved);
        return Build(resolved);
    }

    /// <summary>Checks beyond one parameter's spec (a power of two, a pattern's characters, two parameters together).</summary>
    protected virtual void Validate(KernelParameters p)
    {
    }

    protected abstract GeneratedDesign Build(KernelParameters p);

    protected CatalogParameterException Invalid(string parameter, string value, string allowed) => new(Family, parameter, value, allowed);

    protected ParameterSpec Spec(string name) => Parameters.First(p => p.Name == name);

    private void CheckAgainstSpec(ParameterSpec spec, string value)
    {
        switch (spec.Kind)
        {
            case ParameterKind.Integer:
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ||
                    (spec.Min is { } min && number < min) || (spec.Max is { } max && number > max))
                    throw Invalid(spec.Name, value, $"a whole number in {spec.AllowedRange}");
                break;
            case ParameterKind.Boolean:
                if (value is not ("true" or "false"))
                    throw Invalid(spec.Name, value, "true or false");
                break;
            case ParameterKind.Choice:
                if (!spec.SearchDomain.Contains(value))
                    throw Invalid(spec.Name, value, $"one of {spec.AllowedRange}");
                break;
        }
    }
}
