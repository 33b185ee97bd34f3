// planbook's language server in VS Code: starts `planbook lsp` over stdio for the YAML and
// Markdown files of a folder that holds a planbook.yaml, and tells it when files change on disk.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** The files planbook reads: the documents, and the baseline of accepted findings. */
const WATCHED = ['**/*.{yaml,yml,md,markdown}', '**/.planbook-baseline.json'];

let client;

/** The command that runs the server: `planbook.path lsp [--lang planbook.lang]`. */
function serverOptions() {
  const settings = vscode.workspace.getConfiguration('planbook');
  const command = settings.get('path', 'planbook') || 'planbook';
  const args = ['lsp'];
  const lang = settings.get('lang', '');
  if (lang) {
    args.push('--lang', lang);
  }
  // No `transport`: the client would add `--stdio`; planbook speaks over stdio anyway.
  return { command, args };
}

/** What the client sends the server: open documents, and changes to files on disk. */
function clientOptions(outputChannel) {
  return {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'markdown' },
    ],
    synchronize: {
      // So that `workspace/didChangeWatchedFiles` arrives when a file changes outside the
      // editor (a `git pull`, another program, a file that is not open).
      fileEvents: WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    outputChannel,
  };
}

/** A client for the current settings; the output channel outlives restarts. */
function makeClient(outputChannel) {
  // The id `planbook` makes the client read the `planbook.trace.server` setting.
  return new LanguageClient('planbook', 'planbook', serverOptions(), clientOptions(outputChannel));
}

async function activate(context) {
  const outputChannel = vscode.window.createOutputChannel('planbook');
  context.subscriptions.push(outputChannel);
  client = makeClient(outputChannel);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('planbook.path') || event.affectsConfiguration('planbook.lang')) {
        // Start the server again with the new settings.
        const old = client;
        client = makeClient(outputChannel);
        await old.stop();
        for (const watcher of old.clientOptions.synchronize.fileEvents) {
          watcher.dispose();
        }
        await client.start();
      }
    }),
  );
  await client.start();
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
