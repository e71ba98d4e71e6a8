using HwForge.Agents.Llm;
using HwForge.Examples.SkPlugin;
using HwForge.Tools.Programs;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Targets;

// dotnet run --project examples/sk-plugin -- --llm-endpoint http://localhost:11434/v1 --model qwen2.5-coder:7b "Write an 8-bit adder and verify it"
// The endpoint, model and key resolve as for hwforge design (flags, HWFORGE_LLM_*, $HWFORGE_HOME/config.json).
string? Flag(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var question = args.Length > 0 && !args[^1].StartsWith("--", StringComparison.Ordinal) ? args[^1] : "Write an 8-bit adder module named add8, lint it and measure it.";
var llm = LlmSettings.Resolve(Flag("--llm-endpoint"), Flag("--model")).RequireConfigured();
var host = await ToolHost.CreateAsync();
var target = TargetRegistry.Create(host, new ToolVersions(host)).Get("rtl");
Console.WriteLine(await JudgeInYourKernel.AskAsync(llm, target, question));
