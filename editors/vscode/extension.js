// A minimal client for `argmap lsp`: VS Code has no built-in way to start a
// language server from settings, so this is the whole of the extension.
// The server decides which YAML files are maps (it ignores the others).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("argmap").get("server.command");
  client = new LanguageClient(
    "argmap", "argmap",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "yaml" }] },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
