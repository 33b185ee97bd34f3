// Drives yaml-language-server over stdio as an editor does: initialize, configure the schemas,
// open each document, and collect the diagnostics it publishes.
//
//   node yls.mjs [KIND=]FILE...
//
// A FILE given as KIND=FILE is validated against SCHEMA_DIR/KIND.schema.json through the
// `yaml.schemas` setting (SCHEMA_DIR from the environment variable of that name); a bare FILE
// relies on its own `# yaml-language-server: $schema=` modeline or on the settings.
// Prints one JSON array: [{ file, diagnostics: [{ line, severity, message }], hover? }].
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
const schemaDir = process.env.SCHEMA_DIR ? resolve(process.env.SCHEMA_DIR) : null;

const documents = process.argv.slice(2).map((argument) => {
  const at = argument.indexOf("=");
  const [kind, file] = at > 0 ? [argument.slice(0, at), argument.slice(at + 1)] : [null, argument];
  const path = resolve(file);
  return { kind, file, uri: pathToFileURL(path).href, text: readFileSync(path, "utf8") };
});

const schemas = {};
for (const { kind, uri } of documents) {
  if (!kind || !schemaDir) continue;
  const schema = pathToFileURL(join(schemaDir, `${kind}.schema.json`)).href;
  (schemas[schema] ??= []).push(uri);
}
const settings = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    schemas,
    yamlVersion: "1.2",
  },
};

const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let nextId = 1;
const pending = new Map();
const published = new Map();

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((ok) => pending.set(id, ok));
}

let buffer = Buffer.alloc(0);
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString("utf8"));
    buffer = buffer.slice(end + 4 + length);
    receive(message);
  }
});

function receive(message) {
  if (message.id !== undefined && message.method) {
    // A request from the server: configuration gets the settings, anything else a null.
    let result = null;
    if (message.method === "workspace/configuration") {
      result = message.params.items.map((item) => settings[item.section] ?? null);
    }
    send({ id: message.id, result });
  } else if (message.id !== undefined) {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  } else if (message.method === "textDocument/publishDiagnostics") {
    published.set(message.params.uri, message.params.diagnostics);
  }
}

const timeout = setTimeout(() => {
  console.error("yaml-language-server did not publish diagnostics for every document in time");
  process.exit(2);
}, 60_000);

await request("initialize", {
  processId: process.pid,
  rootUri: pathToFileURL(process.cwd()).href,
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: { publishDiagnostics: {}, hover: { contentFormat: ["markdown", "plaintext"] } },
  },
});
send({ method: "initialized", params: {} });
send({ method: "workspace/didChangeConfiguration", params: { settings } });
for (const { uri, text } of documents) {
  send({
    method: "textDocument/didOpen",
    params: { textDocument: { uri, languageId: "yaml", version: 1, text } },
  });
}
// Diagnostics are published after each validation; wait until every document has some, then
// for the server to go quiet (a schema loaded late triggers a second validation).
let quiet = 0;
let seen = -1;
while (quiet < 5) {
  await new Promise((ok) => setTimeout(ok, 200));
  const count = [...published.values()].reduce((n, d) => n + d.length + 1, 0);
  const all = documents.every(({ uri }) => published.has(uri));
  quiet = all && count === seen ? quiet + 1 : 0;
  seen = count;
}
clearTimeout(timeout);
// With YLS_HOVER=LINE:COLUMN (1-based), what an editor shows on hover there in each document.
const [hoverLine, hoverColumn] = (process.env.YLS_HOVER ?? "").split(":").map(Number);
const out = [];
for (const { file, uri } of documents) {
  const entry = {
    file,
    diagnostics: published.get(uri).map((d) => ({
      line: d.range.start.line + 1,
      severity: d.severity,
      message: d.message,
    })),
  };
  if (hoverLine > 0) {
    const position = { line: hoverLine - 1, character: hoverColumn - 1 };
    const hover = await request("textDocument/hover", { textDocument: { uri }, position });
    const contents = hover?.contents;
    entry.hover = typeof contents === "string" ? contents : contents?.value ?? "";
  }
  out.push(entry);
}
console.log(JSON.stringify(out, null, 1));
await request("shutdown", null);
send({ method: "exit" });
child.kill();
process.exit(0);
