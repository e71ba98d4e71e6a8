using System.Numerics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Random stimulus with the values bugs hide behind: zero, all ones, one, the sign bit, and
/// alternating patterns; the reset held for the first cycles and pulsed now and then in the first
/// half only, so the second half is one long stretch without reset where late bugs (a counter that
/// goes wrong after thousands of steps) are reached. One-bit inputs (enables, loads, clears) are
/// biased per segment, mostly on or mostly off for a while, so state runs deep instead of being
/// cleared every other cycle.
/// Seeded, so the same request always gives the same stimulus (and so the same cached result).
/// </summary>
internal static class StimulusGenerator
{
    /// <summary>Cycles the reset is held at the start.</summary>
    public const int InitialResetCycles = 2;

    private const double CornerShare = 0.25;
    private const double ResetPulseChance = 0.02;

    /// <summary>Chances of a one-bit input being 1 within a segment: fair, mostly on, mostly off, nearly always, nearly never.</summary>
    private static readonly double[] Biases = [0.5, 0.9, 0.1, 0.99, 0.01];

    public static Stimulus Generate(ModuleInterface module, int cycles, int seed)
    {
        var random = new Random(seed);
        var inputs = module.DrivenInputs;
        var resetIndex = module.Reset is null ? -1 : inputs.ToList().FindIndex(p => p.Name == module.Reset);
        var result = new List<string[]>(cycles);
        var resetLeft = module.IsSequential && resetIndex >= 0 ? InitialResetCycles : 0;
        var bias = new double[inputs.Count];
        var segmentLeft = 0;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            if (module.IsSequential && segmentLeft-- <= 0)
            {
                segmentLeft = 50 + random.Next(350);
                for (var i = 0; i < bias.Length; i++) bias[i] = Biases[random.Next(Biases.Length)];
            }
            var values = new string[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
                values[i] = i == resetIndex ? ""
                    : module.IsSequential && inputs[i].Width == 1 ? (random.NextDouble() < bias[i] ? "1" : "0")
                    : Value(inputs[i].Width, random);
            if (resetIndex >= 0)
            {
                if (resetLeft == 0 && cycle > InitialResetCycles && cycle < cycles / 2 && random.NextDouble() < ResetPulseChance) resetLeft = 1 + random.Next(2);
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
