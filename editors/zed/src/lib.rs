//! planbook's language server in Zed: the command that starts it for a worktree.
//!
//! `planbook lsp`, found on the worktree's PATH; the `lsp.planbook.binary` setting
//! (`path`, `arguments`) overrides the program and its arguments, e.g. to add `--lang en`.

use zed_extension_api::{self as zed, settings::LspSettings};

struct Planbook;

impl zed::Extension for Planbook {
    fn new() -> Self {
        Planbook
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let binary = LspSettings::for_worktree("planbook", worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let path = binary.as_ref().and_then(|b| b.path.clone());
        let args = binary
            .and_then(|b| b.arguments)
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        let command = match path {
            Some(path) => path,
            None => worktree
                .which("planbook")
                .ok_or("planbook is not on PATH: install it or set lsp.planbook.binary.path")?,
        };
        Ok(zed::Command { command, args, env: worktree.shell_env() })
    }
}

zed::register_extension!(Planbook);
