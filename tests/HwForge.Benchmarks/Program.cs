using HwForge.Benchmarks;
using HwForge.Tools.Foundation;

// dotnet run -c Release --project tests/HwForge.Benchmarks -- [sandbox|overhead|verify [NAME]|ppa [NAME]|catalog-ppa [FAMILY]|proof [FILTER]|search|kb|kb-recall|batch|core] [--runs N] [--warmup N (verify)]
var home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-bench-").FullName);
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(15);
var warmup = args.SkipWhile(a => a != "--warmup").Skip(1).Select(int.Parse).FirstOrDefault(1);
var what = args.FirstOrDefault() ?? "sandbox";
var examples = Path.Combine(FindRoot(), "examples", "rtl");
try
{
    Console.WriteLine(what switch
    {
        "sandbox" => await SandboxStartup.RunAsync(home, runs * 5),
        "overhead" => await ToolOverhead.RunAsync(home, Path.Combine(examples, "mult16x12", "ref.v"), "mult16x12", runs),
        "ppa" => await PpaTimes.RunAsync(home, examples, runs, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--") && !int.TryParse(a, out _))),
        "verify" => await VerifyTimes.RunAsync(home, examples, runs, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--") && !int.TryParse(a, out _)), warmup),
        "proof" => await ProofStrength.RunAsync(home, FindRoot(), args.Skip(1).FirstOrDefault(a => !a.StartsWith("--"))),
        "catalog-ppa" => await CatalogPpa.RunAsync(home, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--"))),
        "search" => await SearchRegret.RunAsync(home, ["a 16-bit adder", "a 16-bit signed MAC", "dot product of 4 int8 vectors"]),
        "kb" => await KbSearch.RunAsync(home, FindRoot(), runs),
        "kb-recall" => await KbRecall.RunAsync(home, FindRoot()),
        "batch" => await BatchThroughput.RunAsync(home, FindRoot(), args.Contains("--runs") ? runs : 8),
        "core" => await CoreInference.RunAsync(home, args.Contains("--threads") ? [args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).First()] : [1, 2]),
        _ => $"unknown benchmark '{what}': sandbox | overhead | verify [NAME] | ppa [NAME] | catalog-ppa [FAMILY] | proof [FILTER] | search | kb | kb-recall | batch | core [--threads N]",
    });
}
finally
{
    Directory.Delete(home.Root, recursive: true);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the checkout");
}
