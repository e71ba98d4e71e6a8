using System.Numerics;

namespace HwForge.Tools.Judge;

/// <summary>
/// Random stimulus with the values bugs hide behind: zero, all ones, one, the sign bit, and
/// alternating patterns; the reset held for the first cycles and pulsed now and then.
/// Seeded, so the same request always gives the same stimulus (and so the same cached result).
/// </summary>
public static class StimulusGenerator
{
    /// <summary>Cycles the reset is held at the start.</summary>
    public const int InitialResetCycles = 2;

    private const double CornerShare = 0.25;
    private const double ResetPulseChance = 0.02;

    public static Stimulus Generate(ModuleInterface module, int cycles, int seed)
    {
        var random = new Random(seed);
        var inputs = module.DrivenInputs;
        var resetIndex = module.Reset is null ? -1 : inputs.ToList().FindIndex(p => p.Name == module.Reset);
        var result = new List<string[]>(cycles);
        var resetLeft = module.IsSequential && resetIndex >= 0 ? InitialResetCycles : 0;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            var values = new string[inputs.Count];
            for (var i = 0; i < inputs.Count; i++) values[i] = i == resetIndex ? "" : Value(inputs[i].Width, random);
            if (resetIndex >= 0)
            {
                if (resetLeft == 0 && cycle > InitialResetCycles && random.NextDouble() < ResetPulseChance) resetLeft = 1 + random.Next(2);
                var active = resetLeft > 0;
                if (resetLeft > 0) resetLeft--;
                values[resetIndex] = active != module.ResetActiveLow ? "1" : "0";
            }
            result.Add(values);
        }
        return new Stimulus(inputs, result);
    }

    private static string Value(int width, Random random)
    {
        if (random.NextDouble() >= CornerShare) return BitStrings.FromValue(RandomBits(width, random), width);
        return random.Next(6) switch
        {
            0 => BitStrings.Zeros(width),
            1 => BitStrings.Ones(width),
            2 => BitStrings.FromValue(BigInteger.One, width),
            3 => BitStrings.FromValue(BigInteger.One << (width - 1), width),
            4 => string.Concat(Enumerable.Range(0, width).Select(i => i % 2 == 0 ? '1' : '0')),
            _ => "0" + BitStrings.Ones(width - 1)[..(width - 1)],
        };
    }

    private static BigInteger RandomBits(int width, Random random)
    {
        var bytes = new byte[(width + 7) / 8 + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0; // keep it positive
        return new BigInteger(bytes) & ((BigInteger.One << width) - 1);
    }
}
