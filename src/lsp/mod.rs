//! `planbook lsp`: a language server over stdio. The editor gets the whole repository's rules
//! as it types, and completion, hover, navigation, rename, inlay hints, fixes and outlines
//! read from the same loaded documents, index and reports as `check` and the handbook.
//!
//! One thread reads messages in order and answers each before the next (every answer is a
//! few milliseconds over the loaded repository). State lives in one [`Project`] per data
//! repository the editor opens files of; an edit re-parses its file and re-checks its unit
//! at once, and the whole repository once the editor is idle (see [`project`]).
//!
//! Like `cli`, this layer writes to stdout (the protocol's messages, through `lsp-server`);
//! nothing else does. What a person reads is put into words in the repository's language
//! (`--lang` overrides it).

mod actions;
mod card;
mod completion;
mod context;
mod diagnostics;
mod figures;
mod hover;
mod inlay;
mod navigate;
mod outline;
pub mod project;
mod stubs;
pub mod symbols;
pub mod text;
mod transport;
pub mod uri;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    InitializeParams, Location, Position, Range, ServerCapabilities, ServerInfo, Uri, notification,
    request,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::i18n::Locale;
use crate::index::Index;
use crate::load;
use crate::source::{FileId, Span};
use project::{Changed, Project};
use symbols::Table;
use text::{Encoding, LineIndex};

/// How long the editor must be idle before the whole repository is checked again.
const IDLE: Duration = Duration::from_millis(300);

/// How the server is started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The folder it was started in: the repository when the editor names none.
    pub cwd: PathBuf,
    /// `--lang`: the language of messages, instead of each repository's own.
    pub lang: Option<Locale>,
}

/// Serves the editor on stdin and stdout until it says `exit`; `Ok(false)` when it said so
/// without `shutdown` first (the protocol's exit code 1).
pub fn run(options: Options) -> anyhow::Result<bool> {
    let (connection, threads) = transport::stdio();
    let clean = serve(&connection, options);
    drop(connection);
    threads.join();
    clean
}

/// Serves the editor on `connection`: initialisation, then messages until `exit`. Requests
/// before `initialize` are answered "not initialised"; requests after `shutdown`, and a second
/// `initialize`, "invalid request".
pub fn serve(connection: &Connection, options: Options) -> anyhow::Result<bool> {
    let (id, params) = loop {
        match connection.receiver.recv() {
            Ok(Message::Request(req)) if req.method == request::Initialize::METHOD => {
                break (req.id, req.params);
            }
            Ok(Message::Request(req)) => {
                let code = ErrorCode::ServerNotInitialized as i32;
                let response = Response::new_err(req.id, code, "not initialised".into());
                let _ = connection.sender.send(Message::Response(response));
            }
            Ok(Message::Notification(n)) if n.method == notification::Exit::METHOD => {
                return Ok(false);
            }
            Ok(_) => {}
            Err(_) => return Ok(false),
        }
    };
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let client = ClientCaps::of(&params);
    let capabilities = capabilities(client.encoding);
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "planbook".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    let _ = connection.sender.send(Message::Response(Response::new_ok(id, result)));
    let mut server = Server {
        connection,
        options,
        client,
        projects: Vec::new(),
        tables: HashMap::new(),
        stale: HashMap::new(),
        roots: workspace_roots(&params),
        shut_down: false,
    };
    server.watch_files();
    server.open_roots();
    server.main_loop()
}

/// What the client can do that changes what the server sends.
#[derive(Debug, Clone, Default)]
pub struct ClientCaps {
    /// How columns are counted.
    pub encoding: Encoding,
    /// Hover and documentation may be Markdown.
    pub markdown: bool,
    /// Completion items may be snippets.
    pub snippets: bool,
    /// Workspace edits may carry versioned document changes (and file creation).
    pub document_changes: bool,
    /// Workspace edits may create files.
    pub create_files: bool,
    /// The client watches files for the server when asked (dynamic registration).
    pub watch_files: bool,
    /// Document symbols may be a tree (`DocumentSymbol`) rather than a flat list.
    pub hierarchical_symbols: bool,
}

impl ClientCaps {
    fn of(params: &InitializeParams) -> ClientCaps {
        let caps = &params.capabilities;
        let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_deref());
        let text = caps.text_document.as_ref();
        let markdown_in = |formats: Option<&Vec<lsp_types::MarkupKind>>| {
            formats.is_some_and(|f| f.contains(&lsp_types::MarkupKind::Markdown))
        };
        let edit = caps.workspace.as_ref().and_then(|w| w.workspace_edit.as_ref());
        ClientCaps {
            encoding: Encoding::negotiate(offered),
            markdown: markdown_in(text.and_then(|t| t.hover.as_ref()?.content_format.as_ref())),
            snippets: text
                .and_then(|t| t.completion.as_ref()?.completion_item.as_ref()?.snippet_support)
                .unwrap_or(false),
            document_changes: edit.and_then(|e| e.document_changes).unwrap_or(false),
            create_files: edit
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&lsp_types::ResourceOperationKind::Create)),
            watch_files: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref()?.dynamic_registration)
                .unwrap_or(false),
            hierarchical_symbols: text
                .and_then(|t| t.document_symbol.as_ref()?.hierarchical_document_symbol_support)
                .unwrap_or(false),
        }
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    use lsp_types::*;
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..TextDocumentSyncOptions::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(
                [":", " ", "-", "[", ",", "/"].iter().map(|s| s.to_string()).collect(),
            ),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(actions::FIX_ALL),
            ]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

/// The folders the editor opened, from the newest field it filled.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders
        && !folders.is_empty()
    {
        return folders.iter().filter_map(|f| uri::to_path(&f.uri)).collect();
    }
    #[allow(deprecated)]
    if let Some(root) = &params.root_uri {
        return uri::to_path(root).into_iter().collect();
    }
    #[allow(deprecated)]
    params.root_path.iter().map(PathBuf::from).collect()
}

struct Server<'c> {
    connection: &'c Connection,
    options: Options,
    client: ClientCaps,
    projects: Vec<Project>,
    /// Each project's table of ids, built when a request first needs it.
    tables: HashMap<usize, Table>,
    /// Per project, the files whose ids edits may have changed since its table was brought up
    /// to date (`None`: all of them).
    stale: HashMap<usize, Option<std::collections::HashSet<FileId>>>,
    roots: Vec<PathBuf>,
    /// `shutdown` was received: only `exit` is expected now.
    shut_down: bool,
}

impl Server<'_> {
    /// Loads the repositories of the editor's folders (or of the folder the server was
    /// started in) and shows their diagnostics.
    fn open_roots(&mut self) {
        let roots =
            if self.roots.is_empty() { vec![self.options.cwd.clone()] } else { self.roots.clone() };
        for root in roots {
            if let Ok(found) = load::find_root(&root) {
                self.project_at(&found);
            }
        }
    }

    /// Asks the client to say when documents, `planbook.yaml` or the baseline change on disk
    /// (a `git checkout`, another program), when it can watch files for the server.
    fn watch_files(&self) {
        if !self.client.watch_files {
            return;
        }
        let watchers: Vec<serde_json::Value> =
            ["**/*.{yaml,yml,md,markdown}", "**/.planbook-baseline.json"]
                .iter()
                .map(|glob| serde_json::json!({ "globPattern": glob }))
                .collect();
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "planbook-watch".into(),
                method: notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::json!({ "watchers": watchers })),
            }],
        };
        let req = Request::new(
            lsp_server::RequestId::from("planbook-watch".to_owned()),
            request::RegisterCapability::METHOD.into(),
            params,
        );
        let _ = self.connection.sender.send(Message::Request(req));
    }

    /// The project whose root is `root`, loaded if it is not yet.
    fn project_at(&mut self, root: &Path) -> Option<usize> {
        let root = root.canonicalize().ok()?;
        if let Some(i) = self.projects.iter().position(|p| p.root == root) {
            return Some(i);
        }
        match Project::open(&root) {
            Ok(project) => {
                self.projects.push(project);
                let p = self.projects.len() - 1;
                // What the repository already holds is shown at once, as `check` would.
                let files = self.projects[p]
                    .files()
                    .filter(|&f| !self.projects[p].diagnostics(f).is_empty())
                    .collect();
                self.publish(p, Changed { files });
                Some(p)
            }
            Err(e) => {
                self.log(&format!("{}: {e:#}", root.display()));
                None
            }
        }
    }

    /// The project a file belongs to: the open one with the deepest root holding it (a
    /// repository nested in an open one belongs to it, as `check` at the outer root reads
    /// it), else the repository around it, loaded now.
    fn project_of(&mut self, path: &Path) -> Option<usize> {
        let path = canonical_lenient(path);
        let best = self
            .projects
            .iter()
            .enumerate()
            .filter(|(_, p)| path.starts_with(&p.root))
            .max_by_key(|(_, p)| p.root.as_os_str().len())
            .map(|(i, _)| i);
        match best {
            Some(i) => Some(i),
            None => {
                let root = load::find_root(path.parent()?).ok()?;
                self.project_at(&root)
            }
        }
    }

    fn main_loop(&mut self) -> anyhow::Result<bool> {
        loop {
            let due = self.projects.iter().any(Project::full_due);
            let message = if due {
                match self.connection.receiver.recv_timeout(IDLE) {
                    Ok(message) => message,
                    Err(RecvTimeoutError::Timeout) => {
                        self.full_passes();
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(false),
                }
            } else {
                match self.connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(false),
                }
            };
            match message {
                Message::Request(req) if req.method == request::Shutdown::METHOD => {
                    self.shut_down = true;
                    let response = Response::new_ok(req.id, ());
                    let _ = self.connection.sender.send(Message::Response(response));
                }
                Message::Request(req)
                    if self.shut_down || req.method == request::Initialize::METHOD =>
                {
                    let code = ErrorCode::InvalidRequest as i32;
                    let response = Response::new_err(req.id, code, req.method);
                    let _ = self.connection.sender.send(Message::Response(response));
                }
                Message::Request(req) => self.request(req),
                Message::Notification(note) => {
                    if note.method == notification::Exit::METHOD {
                        return Ok(self.shut_down);
                    }
                    if !self.shut_down {
                        self.notification(note);
                    }
                }
                Message::Response(_) => {}
            }
        }
    }

    /// The full passes owed, each put aside as soon as the editor sends something (it runs
    /// again at the next idle moment).
    fn full_passes(&mut self) {
        let connection = self.connection;
        let stop = || !connection.receiver.is_empty();
        for p in 0..self.projects.len() {
            if self.projects[p].full_due() {
                if self.projects[p].reload_due() {
                    self.tables.remove(&p);
                    self.stale.remove(&p);
                }
                let Some(changed) = self.projects[p].check_full_until(&stop) else { return };
                self.publish(p, changed);
            }
        }
    }

    fn notification(&mut self, note: Notification) {
        use lsp_types::{
            DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
            DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
        };
        match note.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let Ok(params) = serde_json::from_value::<DidOpenTextDocumentParams>(note.params)
                else {
                    return;
                };
                let doc = params.text_document;
                self.edit(&doc.uri, |project, path| project.did_open(path, doc.version, doc.text));
            }
            notification::DidChangeTextDocument::METHOD => {
                let Ok(params) = serde_json::from_value::<DidChangeTextDocumentParams>(note.params)
                else {
                    return;
                };
                let encoding = self.client.encoding;
                let doc = params.text_document;
                self.edit(&doc.uri, |project, path| {
                    let id = project.file(path)?;
                    // A change to a document the editor never opened is not a buffer's.
                    if !project.is_open(id) {
                        return None;
                    }
                    let mut text = project.text(id).to_string();
                    text::apply_changes(&mut text, params.content_changes, encoding);
                    project.did_change(path, doc.version, text)
                });
            }
            notification::DidCloseTextDocument::METHOD => {
                let Ok(params) = serde_json::from_value::<DidCloseTextDocumentParams>(note.params)
                else {
                    return;
                };
                self.edit(&params.text_document.uri, |project, path| project.did_close(path));
            }
            notification::DidChangeWatchedFiles::METHOD => {
                let Ok(params) = serde_json::from_value::<DidChangeWatchedFilesParams>(note.params)
                else {
                    return;
                };
                for change in params.changes {
                    self.edit(&change.uri, |project, path| project.disk_changed(path));
                }
            }
            notification::DidChangeWorkspaceFolders::METHOD => {
                let Ok(params) =
                    serde_json::from_value::<DidChangeWorkspaceFoldersParams>(note.params)
                else {
                    return;
                };
                self.change_folders(params.event);
            }
            _ => {}
        }
    }

    /// Folders added to the editor's workspace are loaded; the projects of folders removed
    /// are dropped, and their diagnostics cleared.
    fn change_folders(&mut self, event: lsp_types::WorkspaceFoldersChangeEvent) {
        for folder in &event.removed {
            let Some(path) = uri::to_path(&folder.uri) else { continue };
            let path = canonical_lenient(&path);
            while let Some(p) = self.projects.iter().position(|p| p.root.starts_with(&path)) {
                for file in self.projects[p].files().collect::<Vec<_>>() {
                    if !self.projects[p].diagnostics(file).is_empty() {
                        let uri = self.world(p, None).uri(file);
                        let params = lsp_types::PublishDiagnosticsParams {
                            uri,
                            diagnostics: Vec::new(),
                            version: None,
                        };
                        self.send_notification::<notification::PublishDiagnostics>(params);
                    }
                }
                self.projects.remove(p);
                self.tables.clear();
                self.stale.clear();
            }
        }
        for folder in &event.added {
            let Some(path) = uri::to_path(&folder.uri) else { continue };
            let Ok(root) = load::find_root(&path) else { continue };
            self.project_at(&root);
        }
    }

    /// Runs an edit on the project of `uri` and tells the editor what it changed.
    fn edit(&mut self, uri: &Uri, f: impl FnOnce(&mut Project, &Path) -> Option<Changed>) {
        let Some(path) = uri::to_path(uri) else { return };
        let Some(p) = self.project_of(&path) else { return };
        let path = canonical_lenient(&path);
        let before = self.projects[p].affected(&path);
        let changed = f(&mut self.projects[p], &path);
        let after = self.projects[p].affected(&path);
        let stale = match (before, after, self.stale.remove(&p)) {
            (Some(mut a), Some(b), Some(Some(c))) => {
                a.extend(b);
                a.extend(c);
                Some(a)
            }
            (Some(mut a), Some(b), None) => {
                a.extend(b);
                Some(a)
            }
            _ => None,
        };
        self.stale.insert(p, stale);
        if let Some(changed) = changed {
            self.publish(p, changed);
        }
    }

    fn publish(&self, p: usize, changed: Changed) {
        if changed.files.is_empty() {
            return;
        }
        let world = self.world(p, None);
        for file in changed.files {
            let params = diagnostics::publish(&world, file);
            self.send_notification::<notification::PublishDiagnostics>(params);
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let method = req.method.clone();
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.answer(req)));
        let response = match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => {
                self.log(&format!("internal error answering {method}"));
                Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    format!("internal error: {method}"),
                )
            }
        };
        let _ = self.connection.sender.send(Message::Response(response));
    }

    /// Answers one request: the result as JSON, or an error code and message.
    fn answer(&mut self, req: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let uri = req.params.pointer("/textDocument/uri").and_then(|u| u.as_str());
        let p = match uri {
            Some(uri) => {
                let uri: Uri = uri.parse().map_err(|_| invalid("textDocument.uri"))?;
                uri::to_path(&uri).and_then(|path| self.project_of(&path))
            }
            None => (!self.projects.is_empty()).then_some(0),
        };
        let method = req.method.as_str();
        let Some(p) = p else {
            // A file outside every repository: nothing to say about it.
            return match method {
                request::WorkspaceSymbolRequest::METHOD => Ok(serde_json::json!([])),
                _ => Ok(serde_json::Value::Null),
            };
        };
        // The table is brought up to date only when an edit made it stale (an index costs
        // a pass over every document).
        match (self.tables.get_mut(&p), self.stale.remove(&p)) {
            (Some(_), None) => {}
            (Some(table), Some(Some(files))) => {
                table.update(&Index::new(&self.projects[p].ws), &files);
            }
            _ => {
                let table = Table::build(&Index::new(&self.projects[p].ws));
                self.tables.insert(p, table);
            }
        }
        let world = self.world(p, self.tables.get(&p));
        let params = req.params;
        match method {
            request::Completion::METHOD => reply(params, |x| completion::completion(&world, x)),
            request::HoverRequest::METHOD => reply(params, |x| hover::hover(&world, x)),
            request::InlayHintRequest::METHOD => reply(params, |x| inlay::inlay_hints(&world, x)),
            request::GotoDefinition::METHOD => reply(params, |x| navigate::definition(&world, x)),
            request::References::METHOD => reply(params, |x| navigate::references(&world, x)),
            request::DocumentHighlightRequest::METHOD => {
                reply(params, |x| navigate::highlight(&world, x))
            }
            request::PrepareRenameRequest::METHOD => {
                reply(params, |x| navigate::prepare_rename(&world, x))
            }
            request::Rename::METHOD => {
                let params = parse(params)?;
                let edit = navigate::rename(&world, params)
                    .map_err(|message| (ErrorCode::RequestFailed, message))?;
                Ok(serde_json::to_value(edit).unwrap_or_default())
            }
            request::CodeActionRequest::METHOD => {
                reply(params, |x| actions::code_actions(&world, x))
            }
            request::DocumentSymbolRequest::METHOD => {
                reply(params, |x| outline::document_symbols(&world, x))
            }
            request::WorkspaceSymbolRequest::METHOD => {
                reply(params, |x| outline::workspace_symbols(&world, x))
            }
            request::FoldingRangeRequest::METHOD => reply(params, |x| outline::folding(&world, x)),
            _ => Err((ErrorCode::MethodNotFound, format!("unknown method {method}"))),
        }
    }

    fn world<'w>(&'w self, p: usize, table: Option<&'w Table>) -> World<'w> {
        let project = &self.projects[p];
        World {
            project,
            table,
            client: &self.client,
            encoding: self.client.encoding,
            locale: self.options.lang.unwrap_or(project.ws.config.locale),
            lines: RefCell::new(HashMap::new()),
        }
    }

    fn send_notification<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let note = Notification::new(N::METHOD.to_owned(), params);
        let _ = self.connection.sender.send(Message::Notification(note));
    }

    /// A line in the editor's log (its output panel for this server).
    fn log(&self, message: &str) {
        self.send_notification::<notification::LogMessage>(lsp_types::LogMessageParams {
            typ: lsp_types::MessageType::WARNING,
            message: message.to_owned(),
        });
    }
}

fn invalid(what: &str) -> (ErrorCode, String) {
    (ErrorCode::InvalidParams, format!("invalid {what}"))
}

fn parse<P: DeserializeOwned>(params: serde_json::Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn reply<P: DeserializeOwned, R: Serialize>(
    params: serde_json::Value,
    f: impl FnOnce(P) -> R,
) -> Result<serde_json::Value, (ErrorCode, String)> {
    let params = parse(params)?;
    Ok(serde_json::to_value(f(params)).unwrap_or_default())
}

/// `path` made canonical as far as it exists (a file not yet saved keeps its name under its
/// canonical folder), so it compares with project roots.
fn canonical_lenient(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => canonical_lenient(parent).join(name),
        _ => path.to_path_buf(),
    }
}

/// What a request is answered from: one project with its index of ids, and how the editor
/// counts and shows things.
pub struct World<'w> {
    /// The repository.
    pub project: &'w Project,
    table: Option<&'w Table>,
    /// What the client can do.
    pub client: &'w ClientCaps,
    /// How the client counts columns.
    pub encoding: Encoding,
    /// The language of everything a person reads.
    pub locale: Locale,
    lines: RefCell<HashMap<FileId, LineIndex>>,
}

impl<'w> World<'w> {
    /// The index over the project's documents (cheap: built per request).
    pub fn index(&self) -> Index<'w> {
        Index::new(&self.project.ws)
    }

    /// Every id of the repository, where it is defined and named.
    pub fn table(&self) -> &'w Table {
        static EMPTY: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        self.table.unwrap_or_else(|| EMPTY.get_or_init(Table::default))
    }

    /// The file `uri` names, when it is one of the project's.
    pub fn file(&self, uri: &Uri) -> Option<FileId> {
        self.project.file(&canonical_lenient(&uri::to_path(uri)?))
    }

    /// The URI of file `file`.
    pub fn uri(&self, file: FileId) -> Uri {
        uri::from_path(&self.project.path(file))
    }

    /// The text of file `file`, as the editor holds it when it is open.
    pub fn text(&self, file: FileId) -> &'w str {
        self.project.text(file)
    }

    fn with_lines<R>(&self, file: FileId, f: impl FnOnce(&LineIndex, &str) -> R) -> R {
        let text = self.text(file);
        let mut lines = self.lines.borrow_mut();
        let index = lines.entry(file).or_insert_with(|| LineIndex::new(text));
        f(index, text)
    }

    /// The byte offset of `position` in file `file`.
    pub fn offset(&self, file: FileId, position: Position) -> usize {
        self.with_lines(file, |index, text| index.offset(text, position, self.encoding))
    }

    /// The editor's position of byte `offset` of file `file`.
    pub fn position(&self, file: FileId, offset: usize) -> Position {
        self.with_lines(file, |index, text| index.position(text, offset, self.encoding))
    }

    /// The editor's range of `span`.
    pub fn range(&self, span: Span) -> Range {
        self.with_lines(span.file, |index, text| {
            index.range(text, span.start as usize, span.end as usize, self.encoding)
        })
    }

    /// The editor's location of `span`.
    pub fn location(&self, span: Span) -> Location {
        Location { uri: self.uri(span.file), range: self.range(span) }
    }

    /// The file and byte offset a request's text document and position name.
    pub fn at(
        &self,
        doc: &lsp_types::TextDocumentIdentifier,
        position: Position,
    ) -> Option<(FileId, usize)> {
        let file = self.file(&doc.uri)?;
        Some((file, self.offset(file, position)))
    }
}
