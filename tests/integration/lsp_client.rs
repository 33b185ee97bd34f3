//! A language client for the tests: starts the real `planbook lsp` and speaks JSON-RPC to it
//! over its stdin and stdout, as an editor does (Content-Length framing, requests with ids,
//! notifications, server-to-client requests answered).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long a test waits for an answer before failing.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// A running `planbook lsp` and what it has sent.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received and not yet looked at, in order.
    pub notifications: Vec<Value>,
    /// Requests the server sent (each answered with a null result), in order.
    pub requests: Vec<Value>,
    /// The root the server was started for.
    pub root: PathBuf,
    /// The versions sent per open document.
    versions: std::collections::HashMap<String, i32>,
    /// The `initialize` result.
    pub initialized: Value,
}

/// The client capabilities an editor like VS Code sends (UTF-16 positions, Markdown hover,
/// snippets, versioned workspace edits, file creation).
pub fn vscode_capabilities() -> Value {
    json!({
        "general": { "positionEncodings": ["utf-16"] },
        "textDocument": {
            "synchronization": { "didSave": true, "dynamicRegistration": false },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
            "completion": { "completionItem": { "snippetSupport": true,
                "documentationFormat": ["markdown", "plaintext"] } },
            "publishDiagnostics": { "relatedInformation": true, "versionSupport": true },
            "rename": { "prepareSupport": true },
            "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": [
                "quickfix", "refactor", "source"] } } },
            "documentSymbol": { "hierarchicalDocumentSymbolSupport": true },
            "inlayHint": {},
            "foldingRange": { "lineFoldingOnly": true }
        },
        "workspace": {
            "workspaceEdit": { "documentChanges": true,
                "resourceOperations": ["create", "rename", "delete"] },
            "symbol": {},
            "didChangeWatchedFiles": { "dynamicRegistration": true }
        }
    })
}

impl Client {
    /// Starts `planbook lsp` in `root` and initialises it with VS Code's capabilities.
    pub fn start(root: &Path) -> Client {
        Client::start_with(root, vscode_capabilities(), &[])
    }

    /// Starts `planbook lsp ARGS` in `root` and initialises it with `capabilities`.
    pub fn start_with(root: &Path, capabilities: Value, args: &[&str]) -> Client {
        let mut client = Client::spawn(root, args);
        let uri = client.uri_of_path(&client.root.clone());
        client.initialized = client.request(
            "initialize",
            json!({
                "processId": std::process::id(),
                "rootUri": uri,
                "capabilities": capabilities,
                "workspaceFolders": [{ "uri": uri, "name": "plans" }],
            }),
        );
        client.notify("initialized", json!({}));
        client
    }

    /// Starts `planbook lsp` in `dir` and initialises it without naming any folder (no
    /// `rootUri`, no workspace folders), as an editor opening a single file does; `root` is
    /// still `dir` for the paths the helpers take.
    pub fn start_without_root(dir: &Path, root: &Path) -> Client {
        let mut client = Client::spawn(dir, &[]);
        client.root = root.canonicalize().expect("canonical root");
        client.initialized = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": vscode_capabilities() }),
        );
        client.notify("initialized", json!({}));
        client
    }

    /// Starts `planbook lsp ARGS` in `root`, not yet initialised.
    pub fn spawn(root: &Path, args: &[&str]) -> Client {
        let root = root.canonicalize().expect("canonical root");
        let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .arg("lsp")
            .args(args)
            .current_dir(&root)
            .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
            .env_remove("LC_ALL")
            .env_remove("LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start planbook lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
            notifications: Vec::new(),
            requests: Vec::new(),
            root,
            versions: Default::default(),
            initialized: Value::Null,
        }
    }

    /// Sends `body` as one message, as it is (to send what is not valid JSON).
    pub fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// Waits for the server to end (after `exit`); returns its exit code.
    pub fn wait(mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "planbook lsp did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The `file:` URI of `path` relative to the root, percent-encoded as editors do.
    pub fn uri(&self, path: &str) -> String {
        self.uri_of_path(&self.root.join(path))
    }

    /// The `file:` URI of an absolute `path`, percent-encoded as editors do.
    pub fn uri_of_path(&self, path: &Path) -> String {
        let mut out = String::from("file://");
        for &b in path.to_string_lossy().as_bytes() {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its result; panics on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        if let Some(error) = response.get("error") {
            panic!("{method} failed: {error}");
        }
        response.get("result").cloned().unwrap_or(Value::Null)
    }

    /// Sends a request and waits for the whole response (result or error).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.receive(deadline).unwrap_or_else(|| panic!("no answer to {method}"));
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
        }
    }

    /// The next message, answering the server's own requests and keeping notifications.
    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = match self.incoming.recv_timeout(left) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
        };
        match (message.get("id"), message.get("method")) {
            (Some(id), Some(_)) => {
                let id = id.clone();
                self.requests.push(message.clone());
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
            (None, Some(_)) => self.notifications.push(message.clone()),
            _ => {}
        }
        Some(message)
    }

    /// Opens `path` (relative to the root) with `text` as an unsaved buffer.
    pub fn open(&mut self, path: &str, text: &str) {
        let uri = self.uri(path);
        self.versions.insert(uri.clone(), 1);
        let language = if path.ends_with(".md") { "markdown" } else { "yaml" };
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1,
                "text": text } }),
        );
    }

    /// Opens `path` with its text on disk.
    pub fn open_from_disk(&mut self, path: &str) -> String {
        let text = std::fs::read_to_string(self.root.join(path)).expect("read file");
        self.open(path, &text);
        text
    }

    /// Replaces the whole text of the open `path` (unsaved).
    pub fn change(&mut self, path: &str, text: &str) {
        let uri = self.uri(path);
        let version = self.bump(&uri);
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }] }),
        );
    }

    /// Replaces `range` (0-based `[line, character]` pairs, UTF-16) of the open `path` with
    /// `text`, as an editor sends a keystroke.
    pub fn change_range(&mut self, path: &str, start: (u32, u32), end: (u32, u32), text: &str) {
        let uri = self.uri(path);
        let version = self.bump(&uri);
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": range(start, end), "text": text }] }),
        );
    }

    fn bump(&mut self, uri: &str) -> i32 {
        let version = self.versions.entry(uri.to_owned()).or_insert(1);
        *version += 1;
        *version
    }

    /// Closes `path`.
    pub fn close(&mut self, path: &str) {
        let uri = self.uri(path);
        self.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
    }

    /// Waits until the server publishes diagnostics for `path` for which `accept` holds, and
    /// returns them; panics after the timeout, showing the last ones published.
    pub fn diagnostics_until(
        &mut self,
        path: &str,
        accept: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let uri = self.uri(path);
        let deadline = Instant::now() + TIMEOUT;
        let mut last = None;
        loop {
            let mut found = None;
            self.notifications.retain(|n| {
                let published = n["method"] == "textDocument/publishDiagnostics"
                    && n["params"]["uri"] == uri.as_str();
                if published {
                    found =
                        Some(n["params"]["diagnostics"].as_array().cloned().unwrap_or_default());
                }
                !published
            });
            if let Some(diags) = found {
                if accept(&diags) {
                    return diags;
                }
                last = Some(diags);
            }
            if self.receive(deadline).is_none() {
                panic!("no matching diagnostics for {path}; last published: {last:?}");
            }
        }
    }

    /// The diagnostics the server publishes for `path` next.
    pub fn next_diagnostics(&mut self, path: &str) -> Vec<Value> {
        self.diagnostics_until(path, |_| true)
    }

    /// A position request (`hover`, `definition`, `references`…) at `[line, character]` of
    /// `path`, with `extra` merged into the parameters.
    pub fn at(&mut self, method: &str, path: &str, position: (u32, u32), extra: Value) -> Value {
        let mut params = json!({
            "textDocument": { "uri": self.uri(path) },
            "position": { "line": position.0, "character": position.1 },
        });
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.request(method, params)
    }

    /// Says `shutdown` and `exit`, and waits for the server to end; returns its exit code.
    pub fn shutdown(mut self) -> i32 {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A protocol range from 0-based `[line, character]` pairs.
pub fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({ "start": { "line": start.0, "character": start.1 },
        "end": { "line": end.0, "character": end.1 } })
}

/// The 0-based line and UTF-16 column of the first `needle` in `text`, plus `shift`
/// characters.
pub fn find(text: &str, needle: &str, shift: u32) -> (u32, u32) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() as u32;
    let column = text[line_start..at].encode_utf16().count() as u32;
    (line, column + shift)
}

/// The byte offset in `text` of a protocol position (`{line, character}`, UTF-16 columns); a
/// column past the line's end is the line's end.
pub fn offset_of(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let column = position["character"].as_u64().expect("character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= column || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with the protocol's text `edits` made (they never overlap), as an editor makes them.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            let start = offset_of(text, &e["range"]["start"]);
            let end = offset_of(text, &e["range"]["end"]);
            (start, end, e["newText"].as_str().expect("newText"))
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// The rule ids (codes) of `diagnostics`.
pub fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().filter_map(|d| d["code"].as_str().map(str::to_owned)).collect()
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
