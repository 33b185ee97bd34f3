//! Go to definition, find references, highlights and rename, all read from the table of ids
//! ([`Table`](crate::lsp::symbols::Table)); a document link (a plan's `budget:`, a review's
//! `plan:`) leads to the file it names.

use std::collections::BTreeMap;

use lsp_types::{
    DocumentChanges, DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams,
    GotoDefinitionParams, GotoDefinitionResponse, Location, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, PrepareRenameResponse, Range,
    ReferenceParams, RenameParams, TextDocumentEdit, TextDocumentIdentifier,
    TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use crate::i18n::{msg, t};
use crate::lsp::World;
use crate::lsp::symbols::{Key, Occurrence, Sym};
use crate::model::Content;
use crate::scaffold::id::{BadId, check_id};
use crate::source::{FileId, Span};

/// The id written under the cursor.
fn occurrence<'w>(
    world: &World<'w>,
    doc: &TextDocumentIdentifier,
    position: Position,
) -> Option<&'w Occurrence> {
    let (file, offset) = world.at(doc, position)?;
    world.table().at(file, offset)
}

/// The file a document link under the cursor names (`plan:`, `budget:`).
fn link_target(world: &World, doc: &TextDocumentIdentifier, position: Position) -> Option<FileId> {
    let (file, offset) = world.at(doc, position)?;
    let document = world.project.document(file)?;
    let link = match &document.content {
        Content::Plan(plan, _) => plan.budget.as_ref(),
        Content::Review(review, _) => review.plan.as_ref(),
        _ => None,
    }?;
    let inside = link.span.start as usize <= offset && offset <= link.span.end as usize;
    if !inside {
        return None;
    }
    let index = world.index();
    Some(index.linked(document, &link.value)?.meta.file)
}

/// Where the id under the cursor is defined.
pub fn definition(world: &World, params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let at = params.text_document_position_params;
    if let Some(o) = occurrence(world, &at.text_document, at.position) {
        let def = world.table().definition(&o.key)?;
        return Some(GotoDefinitionResponse::Scalar(world.location(def.span)));
    }
    let file = link_target(world, &at.text_document, at.position)?;
    let start = Range::default();
    Some(GotoDefinitionResponse::Scalar(Location { uri: world.uri(file), range: start }))
}

/// Every place the id under the cursor is named, by file and position.
pub fn references(world: &World, params: ReferenceParams) -> Option<Vec<Location>> {
    let at = params.text_document_position;
    let o = occurrence(world, &at.text_document, at.position)?;
    let declarations = params.context.include_declaration;
    let mut spans: Vec<Span> =
        world.table().all(&o.key).filter(|o| declarations || !o.def).map(|o| o.span).collect();
    spans.sort_by_key(|s| (world.project.path(s.file), s.start, s.end));
    Some(spans.into_iter().map(|s| world.location(s)).collect())
}

/// The id under the cursor's occurrences in this document: its definition written, its
/// references read.
pub fn highlight(world: &World, params: DocumentHighlightParams) -> Option<Vec<DocumentHighlight>> {
    let at = params.text_document_position_params;
    let o = occurrence(world, &at.text_document, at.position)?;
    let file = o.span.file;
    let here = world.table().all(&o.key).filter(|x| x.span.file == file);
    let highlights = here.map(|x| DocumentHighlight {
        range: world.range(x.span),
        kind: Some(if x.def { DocumentHighlightKind::WRITE } else { DocumentHighlightKind::READ }),
    });
    Some(highlights.collect())
}

/// Whether the id under the cursor can be renamed: its range and the id; null elsewhere.
pub fn prepare_rename(
    world: &World,
    params: TextDocumentPositionParams,
) -> Option<PrepareRenameResponse> {
    let o = occurrence(world, &params.text_document, params.position)?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: world.range(o.span),
        placeholder: o.key.id.clone(),
    })
}

/// The edit that renames the id under the cursor everywhere it is named, as one workspace
/// edit; a message in the repository's language when the new id cannot be used.
#[allow(clippy::mutable_key_type)] // `WorkspaceEdit::changes` is keyed by `Uri`.
pub fn rename(world: &World, params: RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    let at = params.text_document_position;
    let locale = world.locale;
    let Some(o) = occurrence(world, &at.text_document, at.position) else {
        return Err(t(locale, "lsp-rename-nothing"));
    };
    let new = params.new_name.trim();
    if let Err(bad) = check_id(new) {
        return Err(match bad {
            BadId::Empty => t(locale, "lsp-rename-empty"),
            BadId::Character(c) => {
                let shown = if c.is_whitespace() || c.is_control() {
                    format!("{c:?}")
                } else {
                    format!("“{c}”")
                };
                msg!("lsp-rename-character", char = shown).text(locale)
            }
            BadId::Dots => t(locale, "lsp-rename-dots"),
        });
    }
    if new == o.key.id {
        return Ok(None);
    }
    let target = Key { id: new.to_owned(), ..o.key.clone() };
    let table = world.table();
    let taken = match target.sym {
        // Categories are defined by no document: any use of the new id is one.
        Sym::Category => table.all(&target).next().is_some(),
        _ => table.definition(&target).is_some(),
    };
    if taken {
        let kind = sym_name(world, target.sym);
        return Err(msg!("lsp-rename-taken", id = new, kind = kind).text(locale));
    }
    let mut by_file: BTreeMap<FileId, Vec<TextEdit>> = BTreeMap::new();
    for x in table.all(&o.key) {
        let text = world.text(x.span.file);
        let edit = TextEdit { range: world.range(x.span), new_text: written(text, x.span, new) };
        by_file.entry(x.span.file).or_default().push(edit);
    }
    let mut files: Vec<(FileId, Vec<TextEdit>)> = by_file.into_iter().collect();
    files.sort_by_key(|(f, _)| world.project.path(*f));
    if world.client.document_changes {
        let edits = files.into_iter().map(|(file, edits)| TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: world.uri(file),
                version: world.project.version(file),
            },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        });
        let changes = DocumentChanges::Edits(edits.collect());
        return Ok(Some(WorkspaceEdit { document_changes: Some(changes), ..Default::default() }));
    }
    let changes = files.into_iter().map(|(file, edits)| (world.uri(file), edits)).collect();
    Ok(Some(WorkspaceEdit { changes: Some(changes), ..Default::default() }))
}

/// What a kind of id is called, in the repository's language.
pub fn sym_name(world: &World, sym: Sym) -> String {
    let id = match sym {
        Sym::Unit => "lsp-sym-unit",
        Sym::Kpi => "lsp-sym-kpi",
        Sym::Table => "lsp-sym-table",
        Sym::Person => "lsp-sym-person",
        Sym::Post => "lsp-sym-post",
        Sym::Region => "lsp-sym-region",
        Sym::Section => "lsp-sym-section",
        Sym::Line => "lsp-sym-line",
        Sym::Category => "lsp-sym-category",
        Sym::Limit => "lsp-sym-limit",
        Sym::Problem => "lsp-sym-problem",
        Sym::Measure => "lsp-sym-measure",
        Sym::Area => "lsp-sym-area",
        Sym::Task => "lsp-sym-task",
        Sym::Component => "lsp-sym-component",
        Sym::ComponentGroup => "lsp-sym-component-group",
    };
    t(world.locale, id)
}

/// `id` as it must be written in place of `span` of `text`: inside the quotes that are
/// there, escaped for them; bare, quoted when YAML would read it as something else.
fn written(text: &str, span: Span, id: &str) -> String {
    let before = text.get(..span.start as usize).and_then(|t| t.chars().next_back());
    let after = text.get(span.end as usize..).and_then(|t| t.chars().next());
    match (before, after) {
        (Some('"'), Some('"')) => escape_double(id),
        (Some('\''), Some('\'')) => id.replace('\'', "''"),
        _ if plain_safe(id) => id.to_owned(),
        _ => format!("\"{}\"", escape_double(id)),
    }
}

fn escape_double(id: &str) -> String {
    id.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Whether `id` written bare reads back as the same string, in a block or a flow collection.
fn plain_safe(id: &str) -> bool {
    let Some(first) = id.chars().next() else { return false };
    let ordinary = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || c == '.';
    let words = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"];
    id.chars().all(ordinary)
        && (first.is_alphabetic() || first == '_' || !first.is_ascii())
        && !words.contains(&id.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str) -> Span {
        let at = text.find(needle).unwrap();
        Span::new(FileId(0), at, at + needle.len())
    }

    #[test]
    fn a_new_id_keeps_the_quotes_that_are_there_and_adds_them_where_needed() {
        let text = "a: \"p001\"\nb: 'p001'\nc: p001\n";
        let quoted = Span::new(FileId(0), 4, 8);
        assert_eq!(written(text, quoted, "p\"1"), "p\\\"1");
        let single = span(text, "'p001'");
        let inner = Span { start: single.start + 1, end: single.end - 1, ..single };
        assert_eq!(written(text, inner, "o'k"), "o''k");
        let bare = span(text, "c: p001");
        let bare = Span { start: bare.start + 3, ..bare };
        assert_eq!(written(text, bare, "p100"), "p100");
        assert_eq!(written(text, bare, "张三"), "张三");
        assert_eq!(written(text, bare, "a:b"), "\"a:b\"");
        assert_eq!(written(text, bare, "100"), "\"100\"");
        assert_eq!(written(text, bare, "yes"), "\"yes\"");
        assert_eq!(written(text, bare, "#x"), "\"#x\"");
    }
}
