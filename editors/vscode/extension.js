// extension.js: starts `migralint lsp` for SQL files through vscode-languageclient; diagnostics,
// the "ignore this finding" quick fix and hover come from the server.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("migralint").get("path", "migralint");
  client = new LanguageClient(
    "migralint",
    "migralint",
    // No transport given: stdio, and no --stdio argument added.
    { command, args: ["lsp"] },
    {
      documentSelector: [{ scheme: "file", language: "sql" }],
      // A config or a migration changed on disk (a checkout, another editor): lint again.
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{migralint.toml,*.sql}"),
      },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
