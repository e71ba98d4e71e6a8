using System.CommandLine;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge sandbox exec</c> runs any command in exactly the sandbox the tools use;
/// <c>hwforge sandbox check</c> runs the containment self-test.
/// </summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var command = new Command("sandbox", "Run commands in HwForge's sandbox, or check that it contains hostile code");
        command.Subcommands.Add(CreateExec());
        command.Subcommands.Add(CreateCheck());
        return command;
    }

    private static Command CreateExec()
    {
        var workdir = new Option<string?>("--workdir") { Description = "Folder whose files the command finds in /work, and gets back what it made or changed there (default: an empty /work, gone afterwards)" };
        var timeout = new Option<double>("--timeout") { Description = "Wall-clock limit in seconds; the whole process tree is killed after it (exit 124)", DefaultValueFactory = _ => 300 };
        var commandLine = new Argument<string[]>("command") { Description = "The command and its arguments (after --)", Arity = ArgumentArity.OneOrMore };
        var exec = new Command("exec", "Run a command inside the sandbox: exit code is the command's own, 124 on timeout") { workdir, timeout, commandLine };
        exec.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0 || double.IsNaN(seconds)) throw new ArgumentException("--timeout must be a positive number of seconds");
            var words = parse.GetValue(commandLine)!;
            using var host = await CommonOptions.CreateHostAsync(parse);
            CommonOptions.WarnIfUnconfined(host, error);

            var limits = ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(seconds));
            // The folder's files are copied into the run's own /work and its changes copied back; the
            // command never sees the folder itself, so nothing in it is opened up to the run's user.
            var folder = parse.GetValue(workdir) is { } named ? Path.GetFullPath(named) : null;
            if (folder is not null && !Directory.Exists(folder)) throw new IOException($"--workdir {folder}: no such folder");

            var invocation = new ToolInvocation(words[0], words[1..]) { WorkingDirectory = folder, Limits = limits };
            ToolRunResult? result = null;
            var lines = new BatchedLines(output);
            await foreach (var e in host.StreamAsync(invocation, cancellation))
            {
                // Anything written to stderr goes after the stdout lines that came before it.
                if (e is not OutputLine { IsError: false }) lines.Flush();
                switch (e)
                {
                    case OutputLine { IsError: false } line: lines.WriteLine(line.Text); break;
                    case OutputLine line: error.WriteLine(line.Text); break;
                    case WorkFolderCopiedBack { Report.NotCopied: var left } when left.Count > 0:
                        error.WriteLine($"hwforge: sandbox: not copied back into {folder}: {string.Join(", ", left)}");
                        break;
                    case ProcessExited exited: result = exited.Result; break;
                }
            }
            lines.Flush();

            if (result!.Limit != LimitHit.None)
            {
                error.WriteLine($"hwforge: sandbox: the command {result.Describe(limits)}");
                return result.TimedOut ? ToolRunResult.TimeoutExitCode : result.ExitCode != 0 ? result.ExitCode : 125;
            }
            return result.ExitCode;
        });
        return exec;
    }

    private static Command CreateCheck()
    {
        var check = new Command("check", "Run hostile programs in the sandbox and report whether each was contained") { CommonOptions.Json };
        check.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var json = parse.GetValue(CommonOptions.Json);
            // Pooled, so that the check covers the warm sandboxes that verifications use.
            using var host = await CommonOptions.CreateHostAsync(parse, pooled: true);
            CommonOptions.WarnIfUnconfined(host, parse.InvocationConfiguration.Error);
            var checks = new List<ContainmentCheck>();
            var bounds = (host.Sandbox as BubblewrapSandbox)?.Control.Describe(ResourceLimits.Default);
            if (!json)
            {
                output.WriteLine($"Checking the {host.Sandbox.Name} sandbox with hostile programs:");
                if (bounds is not null) output.WriteLine($"  limits across a run's processes: {bounds}");
            }
            await foreach (var result in new SandboxSelfTest(host).RunAllAsync(cancellation))
            {
                checks.Add(result);
                if (!json) output.WriteLine($"  {(result.Held ? "held  " : "FAILED")}  {result.Name,-24}  {result.Detail}");
            }
            var allHeld = checks.All(c => c.Held);
            if (json) JsonOutput.Write(output, new { sandbox = host.Sandbox.Name, limits = bounds, allHeld, checks });
            else output.WriteLine(allHeld ? "All checks held." : "Some checks FAILED: do not run untrusted designs on this machine until they hold.");
            return allHeld ? ExitCodes.Ok : ExitCodes.DesignFailed;
        });
        return check;
    }
}
