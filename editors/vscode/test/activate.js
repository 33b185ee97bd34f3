// Loads extension.js in node with a stand-in for the `vscode` module and the REAL
// vscode-languageclient, activates it, and prints what it did as JSON: the LanguageClient it
// constructed, the file watchers, and, after `planbook.path` changes to the planbook binary,
// the diagnostics the server the client launches publishes for a document.
// Run by tests/integration/lsp_editors.rs: node test/activate.js ROOT BINARY DOCUMENT
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');

const [root, binary, document] = process.argv.slice(2);
const extension = path.join(__dirname, '..', 'extension.js');
const report = { constructed: [], watchers: [], channels: [], started: 0, stopped: 0 };

// The settings the stand-in answers `getConfiguration('planbook')` with.
const settings = {};
const configListeners = [];
const disposable = { dispose() {} };
const event = () => () => disposable;
const uri = (fsPath) => ({ scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` });

// Anything the extension or the client touches that this stand-in does not spell out.
function anything(name) {
  const f = function () { return anything(name); };
  return new Proxy(f, {
    get(target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      return anything(`${name}.${String(key)}`);
    },
    construct() { return anything(`new ${name}`); },
  });
}

const vscode = {
  version: '1.95.0',
  Disposable: class { constructor(f) { this.dispose = f; } static from() { return disposable; } },
  EventEmitter: class { constructor() { this.event = event(); } fire() {} dispose() {} },
  workspace: {
    workspaceFolders: [{ uri: uri(root), name: 'plans', index: 0 }],
    getConfiguration(section) {
      return {
        get(key, fallback) {
          const value = settings[`${section}.${key}`];
          return value === undefined ? fallback : value;
        },
      };
    },
    createFileSystemWatcher(glob) {
      report.watchers.push(glob);
      return { onDidCreate: event(), onDidChange: event(), onDidDelete: event(), dispose() {} };
    },
    onDidChangeConfiguration(listener) {
      configListeners.push(listener);
      return disposable;
    },
  },
  window: {
    createOutputChannel(name) {
      report.channels.push(name);
      return { name, append() {}, appendLine() {}, show() {}, dispose() {} };
    },
  },
};
const stand_in = path.join(__dirname, 'vscode.stand-in.js');
const spelled = (object, name) => new Proxy(object, {
  get(target, key) { return key in target ? target[key] : anything(`${name}.${String(key)}`); },
});
vscode.workspace = spelled(vscode.workspace, 'vscode.workspace');
vscode.window = spelled(vscode.window, 'vscode.window');
const standIn = spelled(vscode, 'vscode');
require.cache[stand_in] = { id: stand_in, filename: stand_in, loaded: true, exports: standIn };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stand_in : resolve.call(this, request, ...rest);
};

// The real client, recorded: its constructor runs as in VS Code; start and stop are counted.
const fromExtension = Module.createRequire(extension);
const node = fromExtension('vscode-languageclient/node');
const Real = node.LanguageClient;
const clients = [];
node.LanguageClient = class extends Real {
  constructor(id, name, server, options) {
    super(id, name, server, options);
    clients.push(this);
    report.constructed.push({
      id,
      name,
      server,
      documentSelector: options.documentSelector,
      fileEvents: (options.synchronize.fileEvents || []).length,
      outputChannel: options.outputChannel && options.outputChannel.name,
    });
  }
  async start() { report.started += 1; }
  async stop() { report.stopped += 1; }
};

async function main() {
  const context = { subscriptions: [] };
  await fromExtension('./extension.js').activate(context);
  report.subscriptions = context.subscriptions.length;
  // The person points `planbook.path` at a binary and asks for English messages.
  settings['planbook.path'] = binary;
  settings['planbook.lang'] = 'en';
  const change = { affectsConfiguration: (s) => s === 'planbook.path' || s === 'planbook.lang' };
  for (const listener of configListeners) await listener(change);
  // The restarted client's own transport: the process it launches must be a language server.
  const client = clients[clients.length - 1];
  const { reader, writer } = await client.createMessageTransports('utf-8');
  const rpc = fromExtension('vscode-jsonrpc/node');
  const connection = rpc.createMessageConnection(reader, writer);
  const published = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no diagnostics within 20 s')), 20000);
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri(document).toString() && params.diagnostics.length > 0) {
        clearTimeout(timer);
        resolve(params.diagnostics);
      }
    });
  });
  connection.listen();
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri(root).toString(),
    workspaceFolders: [{ uri: uri(root).toString(), name: 'plans' }],
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
  });
  report.serverName = init.serverInfo && init.serverInfo.name;
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri: uri(document).toString(),
      languageId: document.endsWith('.md') ? 'markdown' : 'yaml',
      version: 1,
      text: fs.readFileSync(document, 'utf8'),
    },
  });
  report.diagnostics = await published;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  process.stdout.write(JSON.stringify(report));
}

main().then(() => process.exit(0), (error) => {
  process.stdout.write(JSON.stringify(report));
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
