using HwForge.WebUI;

// `dotnet run --project WebUI [-- --host ADDR --port P]`: the same server as `hwforge serve`, token from HWFORGE_TOKEN.
var options = new WebUiOptions { Token = Environment.GetEnvironmentVariable(WebUiOptions.TokenVariable) is { Length: > 0 } t ? t : null };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options = args[i] switch
    {
        "--host" => options with { Host = args[i + 1] },
        "--port" => options with { Port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
        "--token" => options with { Token = args[i + 1] },
        "--max-runs" => options with { MaxRunsPerServer = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
        "--max-runs-per-session" => options with { MaxRunsPerSession = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"unknown option {args[i]}; use --host ADDR, --port P, --token T, --max-runs N, --max-runs-per-session N"),
    };
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await WebUiApp.RunAsync(options, Console.Out, stop.Token);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"hwforge-webui: {e.Message}");
    return 2;
}
