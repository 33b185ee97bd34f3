//! Code actions: the fixes of `check` (safe and unsafe, each as a quick fix), "write the id
//! meant" for an unknown id with a suggestion, "fix all safe problems in this file" (the fixes
//! `check --fix` would make, chosen the same way), and stubs for what is missing (see
//! [`stubs`](super::stubs)).

use std::collections::{BTreeMap, HashMap};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit,
    WorkspaceEdit,
};

use crate::diag::fix::{self, Mode};
use crate::diag::{Applicability, Diagnostic, Edit, Fix};
use crate::i18n::{Arg, Msg, msg};
use crate::index::Index;
use crate::lsp::World;
use crate::lsp::diagnostics::to_lsp;
use crate::lsp::stubs;
use crate::scaffold::yaml::scalar;
use crate::source::FileId;

/// The kind of the "fix all safe problems in this file" action.
pub const FIX_ALL: &str = "source.fixAll.planbook";

/// The most ids offered for one unknown id when the help lists the known ones.
const OFFERED: usize = 12;

/// The actions for a range of a document.
pub fn code_actions(world: &World, params: CodeActionParams) -> Option<CodeActionResponse> {
    let file = world.file(&params.text_document.uri)?;
    let start = world.offset(file, params.range.start);
    let end = world.offset(file, params.range.end).max(start);
    let only = params.context.only.as_deref();
    let wants = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let diags = world.project.diagnostics(file);
    let mut out = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        let chosen: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| {
                let span = d.primary.span;
                let overlaps = span.start as usize <= end && start <= span.end as usize;
                span.file == file
                    && (overlaps || asked_about(world, d, &params.context.diagnostics))
            })
            .collect();
        // The index, for stubs, only when one may be offered.
        let ix = chosen.iter().any(|d| stubs::applies(d)).then(|| world.index());
        for d in chosen {
            quick_fixes(world, ix.as_ref(), d, &mut out);
        }
    }
    let fix_all = CodeActionKind::from(FIX_ALL);
    if wants(&fix_all)
        && let Some(action) = fix_all_action(world, diags)
    {
        out.push(action);
    }
    Some(out.into_iter().map(CodeActionOrCommand::CodeAction).collect())
}

/// Whether the client's context names `d`: the same rule id at the same range.
fn asked_about(world: &World, d: &Diagnostic, asked: &[lsp_types::Diagnostic]) -> bool {
    let code = NumberOrString::String(d.rule.id.to_owned());
    let range = world.range(d.primary.span);
    asked.iter().any(|a| a.code.as_ref() == Some(&code) && a.range == range)
}

/// The quick fixes of one diagnostic: its own fixes, the ids it suggests, the stubs.
fn quick_fixes(world: &World, ix: Option<&Index>, d: &Diagnostic, out: &mut Vec<CodeAction>) {
    let mut fixes: Vec<Fix> = d.fixes.clone();
    for fix in suggested(world, d) {
        if !fixes.iter().any(|f| f.edits == fix.edits) {
            fixes.push(fix);
        }
    }
    let lsp = to_lsp(world, d);
    // The editor's "auto fix": the one safe fix, when there is only one.
    let safe = |f: &&Fix| f.applicability == Applicability::Safe;
    let preferred = fixes.iter().filter(safe).count() == 1;
    for fix in &fixes {
        let Some(edit) = workspace_edit(world, &fix.edits) else { continue };
        out.push(CodeAction {
            title: fix.title.text(world.locale),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp.clone()]),
            edit: Some(edit),
            is_preferred: Some(preferred && fix.applicability == Applicability::Safe),
            ..CodeAction::default()
        });
    }
    for stub in ix.map(|ix| stubs::stubs(world, ix, d)).unwrap_or_default() {
        let Some(edit) = workspace_edit(world, std::slice::from_ref(&stub.edit)) else {
            continue;
        };
        out.push(CodeAction {
            title: stub.title.text(world.locale),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp.clone()]),
            edit: Some(edit),
            is_preferred: Some(false),
            ..CodeAction::default()
        });
    }
}

/// "Write `p001`" for an unknown id whose help suggests the id meant or lists the few known
/// ones: unsafe (the reference changes), as `check` marks a changed reference.
fn suggested(world: &World, d: &Diagnostic) -> Vec<Fix> {
    if !d.rule.id.contains(".unknown-") {
        return Vec::new();
    }
    let Some(help) = &d.help else { return Vec::new() };
    let span = d.primary.span;
    let Some(written) = world.text(span.file).get(span.start as usize..span.end as usize) else {
        return Vec::new();
    };
    let written = written.trim().trim_matches(|c| c == '"' || c == '\'');
    if written.is_empty() || written.contains(['\n', '\r', ':', '{', '[', ',']) {
        return Vec::new();
    }
    candidates(help)
        .into_iter()
        .filter(|c| c != written && !c.is_empty())
        .take(OFFERED)
        .map(|c| {
            let title = msg!("habit-fix-write", text = c.as_str());
            Fix::replace(title, Applicability::Unsafe, span, scalar(&c))
        })
        .collect()
}

/// The ids a help message offers: `suggest-did-you-mean`'s best, or `known-ids`'s list.
fn candidates(help: &Msg) -> Vec<String> {
    let arg = |m: &Msg, name: &str| m.args().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
    match help.id() {
        "suggest-did-you-mean" => match arg(help, "best") {
            Some(Arg::Text(best)) => vec![best],
            _ => Vec::new(),
        },
        "known-ids" => match arg(help, "items") {
            Some(Arg::Msg(list)) => match arg(&list, "items") {
                Some(Arg::List(items)) => {
                    items.iter().map(|i| i.trim_matches('`').to_owned()).collect()
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Every safe fix of the file's diagnostics that `check --fix` would make, as one action;
/// none when there is nothing to fix.
fn fix_all_action(world: &World, diags: &[Diagnostic]) -> Option<CodeAction> {
    let chosen = fix::choose(diags, Mode::Safe, |f| Some(world.text(f)));
    let count = chosen.count();
    if count == 0 {
        return None;
    }
    let edits: Vec<Edit> = chosen.edits.into_values().flatten().collect();
    let edit = workspace_edit(world, &edits)?;
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    Some(CodeAction {
        title: msg!("lsp-action-fix-all", count = count).text(world.locale),
        kind: Some(CodeActionKind::from(FIX_ALL)),
        edit: Some(edit),
        ..CodeAction::default()
    })
}

/// `edits` (in any files) as a workspace edit: versioned document changes when the client
/// takes them (with the open buffer's version), else plain changes by URI. `None` when an
/// edit lies outside its file's text.
// `Uri` caches its parts inside; the protocol's type keys its changes by it all the same.
#[allow(clippy::mutable_key_type)]
pub fn workspace_edit(world: &World, edits: &[Edit]) -> Option<WorkspaceEdit> {
    let mut by_file: BTreeMap<FileId, Vec<&Edit>> = BTreeMap::new();
    for edit in edits {
        let text = world.text(edit.span.file);
        let (start, end) = (edit.span.start as usize, edit.span.end as usize);
        if start > end || text.get(start..end).is_none() {
            return None;
        }
        by_file.entry(edit.span.file).or_default().push(edit);
    }
    if by_file.is_empty() {
        return None;
    }
    let text_edits = |edits: &mut Vec<&Edit>| -> Vec<TextEdit> {
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        edits
            .iter()
            .map(|e| TextEdit { range: world.range(e.span), new_text: e.text.clone() })
            .collect()
    };
    if world.client.document_changes {
        let changes = by_file
            .into_iter()
            .map(|(file, mut edits)| TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: world.uri(file),
                    version: world.project.version(file),
                },
                edits: text_edits(&mut edits).into_iter().map(OneOf::Left).collect(),
            })
            .collect();
        Some(WorkspaceEdit {
            document_changes: Some(lsp_types::DocumentChanges::Edits(changes)),
            ..WorkspaceEdit::default()
        })
    } else {
        let changes: HashMap<_, _> = by_file
            .into_iter()
            .map(|(file, mut edits)| (world.uri(file), text_edits(&mut edits)))
            .collect();
        Some(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ids_a_help_offers() {
        let best = msg!("suggest-did-you-mean", best = "p001");
        assert_eq!(candidates(&best), vec!["p001".to_owned()]);
        let list = crate::diag::suggest::one_of(&["p001", "p002"]);
        let known = msg!("known-ids", what = msg!("noun-person"), items = list);
        assert_eq!(candidates(&known), vec!["p001".to_owned(), "p002".to_owned()]);
        assert!(candidates(&msg!("noun-person")).is_empty());
    }
}
