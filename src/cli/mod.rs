//! The command line: argument structs (what the user typed), resolution into options, and the
//! only code in planbook that prints.

mod accept;
mod build;
mod check;
mod completions;
mod fix;
mod history;
mod hook;
mod init;
mod lsp;
mod new;
mod rollup;
mod rules;
mod schema;
mod serve;
pub mod table;
mod tables;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::{Locale, msg};

/// Check, roll up and publish plans, rosters, budgets and reviews kept in git.
#[derive(Debug, Parser)]
#[command(name = "planbook", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Options that every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Run as if planbook was started in DIR
    #[arg(short = 'C', value_name = "DIR", global = true)]
    directory: Option<PathBuf>,
    /// When to use colours
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    /// Print only diagnostics, no summary
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more about what planbook is doing
    #[arg(short, long, global = true)]
    verbose: bool,
    /// The language to write in: en or zh-CN (by default the terminal follows LC_ALL,
    /// LC_MESSAGES or LANG, else the repository's `locale`; the handbook and -o files follow
    /// the repository)
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    lang: Option<Locale>,
}

fn parse_lang(text: &str) -> Result<Locale, String> {
    // clap reports this before `--lang` is known: in the environment's language.
    let locale = env_locale().unwrap_or_default();
    Locale::parse(text).ok_or_else(|| msg!("cli-lang-unknown", lang = text).text(locale))
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the data repository and report problems
    Check(check::CheckArgs),
    /// Create a data repository with one document of each kind
    Init(init::InitArgs),
    /// Start next period's review, plan or budget, prefilled
    New(new::NewArgs),
    /// Install or remove a git pre-commit hook that runs `planbook check --staged`
    Hook(hook::HookArgs),
    /// The commits that changed documents, with their semantic changes
    Log(history::LogArgs),
    /// The semantic difference between two revisions (default: HEAD and the work tree)
    Diff(history::DiffArgs),
    /// For every field of a document, the commit that last changed it
    Blame(history::BlameArgs),
    /// Compute budgets, headcount, attainment, scores or trends
    Rollup(rollup::RollupArgs),
    /// Build the static HTML handbook
    Build(build::BuildArgs),
    /// Preview the handbook on a local address, rebuilding on change
    Serve(serve::ServeArgs),
    /// List the rules, or explain one
    Rules(rules::RulesArgs),
    /// Write the JSON Schemas of planbook.yaml and every document kind
    Schema(schema::SchemaArgs),
    /// Run the language server (stdio): the repository's rules, completion, hover, rename and
    /// fixes live in the editor
    Lsp(lsp::LspArgs),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
    /// Print the man page, or write all man pages with -o DIR
    Man(completions::ManArgs),
}

/// Resolved global options handed to commands.
#[derive(Debug)]
pub struct Global {
    /// The folder planbook runs in (after `-C`).
    pub cwd: PathBuf,
    /// The folder the user ran planbook in (before `-C`), canonical: paths are shown
    /// relative to it. Resolved once, not per path shown.
    invoked: PathBuf,
    /// Whether stderr gets colours.
    pub color_stderr: bool,
    /// Whether stdout gets colours.
    pub color_stdout: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-v`.
    pub verbose: bool,
    /// `--lang`.
    pub lang: Option<Locale>,
    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub env_lang: Option<Locale>,
}

impl Global {
    fn resolve(args: &GlobalArgs) -> anyhow::Result<Global> {
        let base = std::env::current_dir()?;
        let invoked = base.canonicalize().unwrap_or_else(|_| base.clone());
        let cwd = match &args.directory {
            Some(dir) => base.join(dir),
            None => base,
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = |terminal: bool| match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Ok(Global {
            cwd,
            invoked,
            color_stderr: color(std::io::stderr().is_terminal()),
            color_stdout: color(std::io::stdout().is_terminal()),
            quiet: args.quiet,
            verbose: args.verbose,
            lang: args.lang,
            env_lang: env_locale(),
        })
    }

    /// The language of what planbook prints for a repository whose `locale` is `repo`:
    /// `--lang`, else the environment's language, else the repository's.
    pub fn locale(&self, repo: Locale) -> Locale {
        self.lang.or(self.env_lang).unwrap_or(repo)
    }

    /// The language of what planbook prints outside a repository: `--lang`, else the
    /// environment's language, else English.
    pub fn own_locale(&self) -> Locale {
        self.locale(Locale::En)
    }

    /// The language of what a command that also runs outside a data repository prints
    /// (`planbook rules`): inside one, [`Global::locale`] of its `locale`; else
    /// [`Global::own_locale`].
    pub fn here_locale(&self) -> Locale {
        if let Some(chosen) = self.lang.or(self.env_lang) {
            return chosen;
        }
        crate::load::find_root(&self.cwd)
            .ok()
            .and_then(|root| repo_locale(&root))
            .map_or_else(|| self.own_locale(), |repo| self.locale(repo))
    }

    /// The language of what planbook writes for readers (the handbook, exported tables):
    /// `--lang`, else the repository's. The builder's own environment does not change a
    /// publication.
    pub fn publication_locale(&self, repo: Locale) -> Locale {
        self.lang.unwrap_or(repo)
    }

    /// How a repository path is shown: relative to where the user ran planbook.
    pub fn display_path(&self, root: &Path, rel: &Path) -> String {
        let full = root.join(rel);
        let shown = relative(&full, &self.invoked).unwrap_or(full);
        shown.to_string_lossy().replace('\\', "/")
    }
}

/// The language of the environment, as POSIX orders it: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty. `C`, `POSIX` and languages planbook
/// does not speak name none.
pub fn env_locale() -> Option<Locale> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Locale::parse(&v))
}

/// The `locale` of the data repository at `root`, read from its `planbook.yaml` alone (not
/// loading the repository): `None` when the file is not a small regular file or does not
/// name a language.
pub fn repo_locale(root: &Path) -> Option<Locale> {
    let path = root.join(crate::load::CONFIG_FILE);
    let meta = path.symlink_metadata().ok()?;
    if !meta.is_file() || meta.len() > 1024 * 1024 {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let node = crate::yaml::parse(crate::source::FileId(0), &text, 0).ok()?;
    let tag = node.get("locale")?.as_str()?;
    Locale::ALL.into_iter().find(|l| l.tag() == tag)
}

/// Writes a new file `path` inside the folder `within`, creating its folders: never through a
/// symbolic link (the file is created only if nothing, not even a link, has its name) and
/// never outside `within` (a folder on the way that is a link out of it is refused).
///
/// Its errors are in the environment's language, else the language of the repository around
/// `within`, else English; [`write_new_file_in`] takes the language.
pub fn write_new_file(within: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let locale = env_locale()
        .or_else(|| crate::load::find_root(within).ok().and_then(|root| repo_locale(&root)))
        .unwrap_or_default();
    write_new_file_in(within, path, bytes, locale)
}

/// [`write_new_file`], with its errors in `locale`.
pub fn write_new_file_in(
    within: &Path,
    path: &Path,
    bytes: &[u8],
    locale: Locale,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use std::io::Write as _;
    let shown = |p: &Path| p.display().to_string();
    let parent = path.parent().unwrap_or(within);
    std::fs::create_dir_all(parent)
        .with_context(|| msg!("cli-create-failed", path = shown(parent)).text(locale))?;
    let inside = |p: &Path| -> anyhow::Result<bool> {
        let base = within.canonicalize()?;
        Ok(p.canonicalize()?.starts_with(base))
    };
    if !inside(parent)
        .with_context(|| msg!("cli-resolve-failed", path = shown(parent)).text(locale))?
    {
        let refused = msg!("cli-write-link-out", path = shown(path), within = shown(within));
        anyhow::bail!(refused.text(locale));
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| msg!("cli-create-failed", path = shown(path)).text(locale))?;
    file.write_all(bytes).with_context(|| msg!("cli-write-failed", path = shown(path)).text(locale))
}

/// Whole milliseconds of `elapsed`, for `-v` lines.
pub(crate) fn millis(elapsed: std::time::Duration) -> u64 {
    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
}

fn relative(path: &Path, base: &Path) -> Option<PathBuf> {
    if let Ok(rest) = path.strip_prefix(base) {
        return Some(rest.to_path_buf());
    }
    let mut up = PathBuf::new();
    for ancestor in base.ancestors().skip(1).take(3) {
        up.push("..");
        if let Ok(rest) = path.strip_prefix(ancestor) {
            return Some(up.join(rest));
        }
    }
    None
}

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: error-severity diagnostics (or warnings with `--deny-warnings`).
    Failure,
}

impl Outcome {
    /// The process exit code.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Failure => ExitCode::from(1),
        }
    }
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let global = Global::resolve(&cli.global)?;
    match &cli.command {
        Command::Check(args) => check::run(args, &global),
        Command::Init(args) => init::run(args, &global),
        Command::New(args) => new::run(args, &global),
        Command::Hook(args) => hook::run(args, &global),
        Command::Log(args) => history::log(args, &global),
        Command::Diff(args) => history::diff(args, &global),
        Command::Blame(args) => history::blame(args, &global),
        Command::Completions(args) => completions::completions(args, &global),
        Command::Man(args) => completions::man(args, &global),
        Command::Rollup(args) => rollup::run(args, &global),
        Command::Build(args) => build::run(args, &global),
        Command::Serve(args) => serve::run(args, &global),
        Command::Rules(args) => rules::run(args, &global),
        Command::Schema(args) => schema::run(args, &global),
        Command::Lsp(args) => lsp::run(args, &global),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn new_files_are_never_written_through_links_or_outside() {
        let root = tempfile::tempdir().unwrap();
        let away = tempfile::tempdir().unwrap();
        let write =
            |rel: &str| write_new_file_in(root.path(), &root.path().join(rel), b"x", Locale::En);
        write("a/b.yaml").unwrap();
        assert_eq!(std::fs::read(root.path().join("a/b.yaml")).unwrap(), b"x");
        assert!(write("a/b.yaml").is_err(), "overwrote a file");
        std::os::unix::fs::symlink(away.path().join("gone.yaml"), root.path().join("c.yaml"))
            .unwrap();
        assert!(write("c.yaml").is_err(), "wrote through a dangling link");
        assert!(!away.path().join("gone.yaml").exists());
        std::os::unix::fs::symlink(away.path(), root.path().join("out")).unwrap();
        let refused = write("out/d.yaml").unwrap_err().to_string();
        assert!(refused.contains("link out of"), "{refused}");
        let zh =
            write_new_file_in(root.path(), &root.path().join("out/e.yaml"), b"x", Locale::ZhCn);
        assert!(zh.unwrap_err().to_string().starts_with("拒绝写入"));
        assert!(!away.path().join("d.yaml").exists());
    }
}
