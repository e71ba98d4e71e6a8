using System.Text.Json;
using HwForge.ScriptedLlm;

// Standalone: dotnet HwForge.ScriptedLlm.dll --script FILE.json [--port N] [--log FILE.jsonl]
// The first line on stdout is the API base URL; the server runs until SIGTERM or Ctrl+C.
string? scriptPath = null, logPath = null;
var port = 0;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--script" when i + 1 < args.Length: scriptPath = args[++i]; break;
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p): port = p; i++; break;
        case "--log" when i + 1 < args.Length: logPath = args[++i]; break;
        default:
            Console.Error.WriteLine($"scripted-llm: unexpected argument '{args[i]}'.");
            Console.Error.WriteLine("usage: HwForge.ScriptedLlm --script FILE.json [--port N] [--log FILE.jsonl]");
            return 2;
    }
}
if (scriptPath is null)
{
    Console.Error.WriteLine("usage: HwForge.ScriptedLlm --script FILE.json [--port N] [--log FILE.jsonl]");
    return 2;
}

LlmScript script;
try { script = LlmScript.Load(scriptPath); }
catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"scripted-llm: cannot read script {scriptPath}: {e.Message}");
    return 2;
}

var log = logPath is null ? null : new StreamWriter(logPath, append: true) { AutoFlush = true };
var logLock = new Lock();
void Log(RecordedRequest request)
{
    if (log is null) return;
    lock (logLock) log.WriteLine(JsonSerializer.Serialize(request));
}

await using var server = await ScriptedLlmServer.StartAsync(script, port, Log);
Console.Out.WriteLine(server.BaseUrl);
Console.Out.Flush();
await server.WaitForShutdownAsync();
log?.Dispose();
return 0;
