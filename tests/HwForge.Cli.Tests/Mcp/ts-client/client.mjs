// Drives `hwforge mcp` over stdio with the official TypeScript SDK, as an editor's agent would, and prints what it
// saw as one JSON object for McpTypeScriptClientTests to check.
// Usage: node client.mjs HWFORGE_DLL WORKSPACE
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [dll, workspace] = process.argv.slice(2);
const transport = new StdioClientTransport({
  command: "dotnet",
  args: [dll, "mcp"],
  cwd: workspace,
  env: { ...process.env },
  stderr: "inherit",
});
const client = new Client({ name: "hwforge-ts-test", version: "1.0.0" });
await client.connect(transport);

const tools = await client.listTools();
const lint = await client.callTool({ name: "lint", arguments: { files: ["broken.v"] } });
const outside = await client.callTool({ name: "lint", arguments: { files: ["/etc/passwd"] } });
const targets = await client.callTool({ name: "targets", arguments: {} });
const verify = await client.callTool({ name: "verify", arguments: { design: ["wrong_operator.v"], top: "counter8", reference: ["ref.v"] } });

console.log(JSON.stringify({
  server: client.getServerVersion(),
  tools: tools.tools.map(t => ({ name: t.name, hasOutputSchema: t.outputSchema !== undefined })),
  lint: lint.structuredContent,
  outside: { isError: outside.isError === true, text: outside.content.map(c => c.text).join("\n") },
  targets: targets.structuredContent,
  verify: verify.structuredContent,
}));
await client.close();
