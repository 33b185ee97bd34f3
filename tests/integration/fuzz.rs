//! Fuzzing: arbitrary bytes, YAML generated from a grammar and mutations of the sample
//! documents in `plans/` (extreme numbers, NaN spellings, impossible dates and periods, long
//! durations, empty strings, deep nesting, lists of 10,000 items, truncation, stray bytes).
//!
//! Most cases run in process, through the library the way `check` and `rollup` use it: load,
//! validate, every rollup, each diagnostic rendered in both languages. A few run the real
//! binary (`check`, every `rollup`, `build --no-history`, `diff`). Whatever the input, nothing
//! panics, every run exits 0, 1 or 2 without "panicked" on stderr, and each case finishes in
//! bounded time.
//!
//! `cargo test --test integration fuzz` runs a small fixed-seed budget. The long run:
//! `FUZZ_CASES=5000 cargo test --test integration fuzz -- --ignored --nocapture`
//! (or `scripts/fuzz`); `FUZZ_SEED` picks another seed. A failure prints the seed and case, and
//! writes the failing repository to `target/tmp/fuzz-failure/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use planbook::index::Index;
use planbook::rollup::{self, Options};

use crate::support::{project_root, test_cache};

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Scalars at and past every edge: numbers beyond exact range and beyond `f64`, NaN and
/// infinity spellings, impossible and extreme dates and periods, durations, empty and odd text.
const EXTREMES: &[&str] = &[
    "1e400",
    "-1e400",
    "-0",
    "-0.0",
    "99999999999999999999999",
    "0.0000000000000000000000001",
    "79228162514264337593543950335",
    "-79228162514264337593543950336",
    "7.9228162514264337593543950335",
    "999999999999999.999999",
    "-999999999999999",
    "999999999999999",
    "1e15",
    "1e14",
    "12e-7",
    "0.000001",
    ".nan",
    ".NaN",
    "NaN",
    ".inf",
    "-.inf",
    "+.Inf",
    "0x1F",
    "0o17",
    "+12",
    "1_000",
    "１２０００",
    "12,000",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "-9223372036854775809",
    "-1",
    "0",
    "0000-01-01",
    "9999-12-31",
    "2026-02-30",
    "2024-02-29",
    "2100-02-29",
    "0000-02-29",
    "2026-13",
    "2026-00",
    "9999-Q4",
    "0000-Q1",
    "2026-Q5",
    "0000",
    "9999",
    "0000-01",
    "9999-12",
    "36500d",
    "36501d",
    "5214w",
    "99999999999d",
    "0d",
    "1w",
    "\"\"",
    "''",
    "~",
    "null",
    "true",
    "yes",
    "[]",
    "{}",
    "\"\\u202e\\u0000\\t\"",
    "\"\\x1b[31m\"",
    "中文",
    "ａｂｃ",
    "👩‍👩‍👧‍👦",
    "\u{301}",
    "!!binary aGVsbG8=",
    "!!str 12",
    "!!int 1e3",
    "&a 1",
    "*a",
    "*nope",
    "p001",
    "henan",
    "power",
    "zx",
    "gm",
    "rep",
    "units",
    "2026-12",
    "2026-12-01",
    "2026",
    "2026-Q4",
];

/// Keys that are not field names, or barely.
const WEIRD_KEYS: &[&str] = &[
    "\"\"",
    "<<",
    "? a",
    "中文键",
    "\" id\"",
    "ID",
    "Kind",
    "\"\\u202e\"",
    "1",
    "null",
    "~",
    "kind：",
    "amount ",
    "-",
    "&k key",
];

/// The field names used in `plans/`, so generated documents reach past the schema.
fn field_names(samples: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, text) in samples {
        let text = String::from_utf8_lossy(text);
        for line in text.lines() {
            let line = line.trim_start().trim_start_matches(['-', ' ', '{']);
            for part in line.split([',', '{']) {
                let part = part.trim();
                if let Some((key, _)) = part.split_once(':')
                    && !key.is_empty()
                    && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && !names.iter().any(|n| n == key)
                {
                    names.push(key.to_string());
                }
            }
        }
    }
    names
}

/// Every file of `plans/`, relative path and bytes.
fn samples() -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("plans/").flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under plans/").to_path_buf();
                out.push((rel, std::fs::read(&path).expect("read sample")));
            }
        }
    }
    let root = project_root().join("plans");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

/// A generator of documents and mutations, over the field names of the samples.
struct Gen {
    rng: Rng,
    keys: Vec<String>,
}

impl Gen {
    fn scalar(&mut self) -> String {
        if self.rng.chance(70) {
            self.rng.pick(EXTREMES).to_string()
        } else {
            let n = self.rng.next() % 100_000;
            match self.rng.below(3) {
                0 => n.to_string(),
                1 => format!("{}.{}", n, self.rng.below(100)),
                _ => format!("x{n}"),
            }
        }
    }

    fn key(&mut self) -> String {
        if self.rng.chance(85) && !self.keys.is_empty() {
            self.rng.pick(&self.keys).clone()
        } else {
            self.rng.pick(WEIRD_KEYS).to_string()
        }
    }

    /// A flow collection or scalar, nested at most `depth` deep.
    fn flow(&mut self, depth: usize) -> String {
        if depth == 0 || self.rng.chance(50) {
            return self.scalar();
        }
        let n = self.rng.below(5);
        let items: Vec<String> = (0..n)
            .map(|_| {
                if self.rng.chance(50) {
                    format!("{}: {}", self.key(), self.flow(depth - 1))
                } else {
                    self.flow(depth - 1)
                }
            })
            .collect();
        if self.rng.chance(50) {
            format!("{{ {} }}", items.join(", "))
        } else {
            format!("[{}]", items.join(", "))
        }
    }

    /// A block mapping at `indent`, its values scalars, flow collections or nested blocks.
    fn block_map(&mut self, depth: usize, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        for _ in 0..1 + self.rng.below(6) {
            let key = self.key();
            match self.rng.below(4) {
                0 if depth > 0 => {
                    out.push_str(&format!("{pad}{key}:\n"));
                    self.block_map(depth - 1, indent + 2, out);
                }
                1 if depth > 0 => {
                    out.push_str(&format!("{pad}{key}:\n"));
                    for _ in 0..self.rng.below(5) {
                        if self.rng.chance(50) {
                            out.push_str(&format!("{pad}  - {}\n", self.flow(depth - 1)));
                        } else {
                            let first = self.key();
                            out.push_str(&format!("{pad}  - {first}: {}\n", self.scalar()));
                            self.block_map(depth - 1, indent + 4, out);
                        }
                    }
                }
                _ => out.push_str(&format!("{pad}{key}: {}\n", self.flow(depth.min(3)))),
            }
        }
    }

    /// A whole document from the grammar, YAML or Markdown with front matter.
    fn document(&mut self) -> (PathBuf, Vec<u8>) {
        let kind = *self.rng.pick(&["budget", "roster", "plan", "review", "page", "bugdet"]);
        let mut head = String::new();
        if self.rng.chance(90) {
            head.push_str(&format!("kind: {kind}\n"));
        }
        if self.rng.chance(85) {
            let unit = self.rng.pick(&["henan", "power", "zx", "nowhere", "\"\""]);
            head.push_str(&format!("unit: {unit}\n"));
        }
        if self.rng.chance(80) {
            let period = self.scalar();
            let period = if self.rng.chance(60) { "2026-12".to_string() } else { period };
            head.push_str(&format!("period: {period}\n"));
        }
        self.block_map(4, 0, &mut head);
        let n = self.rng.next() % 1000;
        if matches!(kind, "plan" | "review" | "page") && self.rng.chance(70) {
            let body =
                "# 标题\n\n正文 | 表格 |\n|---|---|\n| [链接](../henan/2026-12.budget.yaml) |\n";
            (PathBuf::from(format!("gen/{n}.md")), format!("---\n{head}---\n{body}").into_bytes())
        } else {
            (PathBuf::from(format!("gen/{n}.{kind}.yaml")), head.into_bytes())
        }
    }

    /// `text` changed in one to three places.
    fn mutate(&mut self, text: &mut Vec<u8>) {
        for _ in 0..1 + self.rng.below(3) {
            self.mutate_once(text);
        }
    }

    fn mutate_once(&mut self, text: &mut Vec<u8>) {
        let at = |rng: &mut Rng, text: &Vec<u8>| rng.below(text.len() + 1);
        match self.rng.below(12) {
            // A word (a key or scalar between delimiters) replaced by an extreme value.
            0..=4 => {
                let words = words(text);
                if words.is_empty() {
                    return;
                }
                let (start, end) = *self.rng.pick(&words);
                let new = if self.rng.chance(80) { self.scalar() } else { self.key() };
                text.splice(start..end, new.into_bytes());
            }
            // A line repeated: a long list, or a duplicate key.
            5 => {
                let lines = line_ranges(text);
                let (start, end) = *self.rng.pick(&lines);
                let times = *self.rng.pick(&[2, 3, 50, 1000, 10_000]);
                let line = text[start..end].to_vec();
                let repeated: Vec<u8> = line.repeat(times);
                text.splice(start..end, repeated);
            }
            6 => {
                let cut = at(&mut self.rng, text);
                text.truncate(cut);
            }
            // Stray bytes or characters: full-width colon, tab, BOM, CR, NUL, bidi override,
            // invalid UTF-8.
            7 => {
                let junk: &[&[u8]] = &[
                    "：".as_bytes(),
                    b"\t",
                    "\u{feff}".as_bytes(),
                    b"\r",
                    b"\0",
                    "\u{202e}".as_bytes(),
                    b"\xff\xfe",
                    b"\xe4\xb8",
                    b"---\n",
                    b"\n  ",
                    b": ",
                    b"- ",
                    b"#",
                    b"'",
                    b"\"",
                    b"{",
                    b"]",
                    b"&x ",
                    b"*x",
                    b"<<: *x\n",
                ];
                let pos = at(&mut self.rng, text);
                let junk = self.rng.pick(junk).to_vec();
                text.splice(pos..pos, junk);
            }
            // A value nested deep.
            8 => {
                let words = words(text);
                if words.is_empty() {
                    return;
                }
                let (start, end) = *self.rng.pick(&words);
                let depth = *self.rng.pick(&[10, 127, 129, 1000, 20_000]);
                let (open, close) = if self.rng.chance(50) { ("[", "]") } else { ("{a: ", "}") };
                let nested = format!("{}x{}", open.repeat(depth), close.repeat(depth));
                text.splice(start..end, nested.into_bytes());
            }
            // Two lines swapped, or a line indented more or less.
            9 => {
                let lines = line_ranges(text);
                let (start, _) = *self.rng.pick(&lines);
                if self.rng.chance(50) {
                    text.splice(start..start, b"  ".to_vec());
                } else if text.get(start..start + 2) == Some(b"  ") {
                    text.drain(start..start + 2);
                }
            }
            10 => {
                let n = self.rng.below(300);
                let bytes: Vec<u8> = (0..n).map(|_| self.rng.next() as u8).collect();
                let pos = at(&mut self.rng, text);
                text.splice(pos..pos, bytes);
            }
            _ => {
                let kind = *self.rng.pick(&["budget", "roster", "plan", "review", "page", ""]);
                if let Some(i) = text.windows(6).position(|w| w == b"kind: ") {
                    let end =
                        text[i..].iter().position(|&b| b == b'\n').map_or(text.len(), |e| i + e);
                    text.splice(i..end, format!("kind: {kind}").into_bytes());
                }
            }
        }
    }

    /// A repository: `plans/` with some files mutated, some generated, some random bytes.
    fn repository(&mut self, samples: &[(PathBuf, Vec<u8>)]) -> (Vec<u8>, Vec<(PathBuf, Vec<u8>)>) {
        let config_at = samples.iter().position(|(p, _)| p == Path::new("planbook.yaml"));
        let mut config = config_at.map(|i| samples[i].1.clone()).unwrap_or_default();
        let mut files: Vec<(PathBuf, Vec<u8>)> =
            samples.iter().filter(|(p, _)| p != Path::new("planbook.yaml")).cloned().collect();
        if self.rng.chance(20) {
            self.mutate(&mut config);
        }
        for _ in 0..self.rng.below(4) {
            let i = self.rng.below(files.len());
            self.mutate(&mut files[i].1);
        }
        for _ in 0..self.rng.below(3) {
            let doc = self.document();
            files.push(doc);
        }
        if self.rng.chance(10) {
            let n = self.rng.below(2000);
            let bytes: Vec<u8> = (0..n).map(|_| self.rng.next() as u8).collect();
            let name = *self.rng.pick(&["noise.yaml", "noise.md", "noise.budget.yaml"]);
            files.push((PathBuf::from(name), bytes));
        }
        (config, files)
    }
}

/// Byte ranges of the words of `text`: runs between YAML's delimiters (ASCII, so always on
/// character boundaries).
fn words(text: &[u8]) -> Vec<(usize, usize)> {
    let delimiter = |b: u8| b.is_ascii_whitespace() || b":,{}[]#-'\"|>".contains(&b);
    let mut out = Vec::new();
    let mut start = None;
    for (i, &b) in text.iter().enumerate() {
        match (delimiter(b), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Byte ranges of the lines of `text`, each with its line ending.
fn line_ranges(text: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

/// The library's pipeline over one repository, the way `check` and `rollup` run it: load,
/// validate, each diagnostic in both languages (human and JSON), every rollup by itself and
/// for a unit and a period, each report as JSON.
fn pipeline(config: Vec<u8>, files: Vec<(PathBuf, Vec<u8>)>) {
    pipeline_and_handbook(config, files, None);
}

/// [`pipeline`], then the handbook (without history) built into `out` when given.
fn pipeline_and_handbook(config: Vec<u8>, files: Vec<(PathBuf, Vec<u8>)>, out: Option<&Path>) {
    let root = Path::new("/repo");
    let loaded = planbook::load::load_files(root, config, files);
    let ws = &loaded.workspace;
    let diagnostics = planbook::validate::all(ws, loaded.diagnostics);
    pipeline_over(ws, &diagnostics);
    if let Some(out) = out {
        let locale = ws.config.locale;
        let history = planbook::render::history::HistoryIndex::disabled(locale);
        let handbook =
            planbook::render::Handbook { workspace: loaded.workspace, diagnostics, history };
        // An error (a folder that cannot be written) is no panic; this checks panics only.
        let _ = handbook.build(&planbook::render::Options { out: out.to_path_buf() });
    }
}

fn pipeline_over(ws: &planbook::model::Workspace, diagnostics: &[planbook::diag::Diagnostic]) {
    let path = |p: &Path| p.display().to_string();
    for d in diagnostics {
        for locale in planbook::i18n::Locale::ALL {
            let styles = planbook::diag::human::Styles::new(false);
            planbook::diag::human::render(d, &ws.sources, &path, styles, locale);
            planbook::diag::json::render(d, &ws.sources, &path, locale);
        }
    }
    let index = Index::new(ws);
    let period = "2026-12".parse().ok();
    let choices = [
        Options::default(),
        Options { unit: Some("henan".into()), period },
        Options { unit: Some("zx".into()), period: "2026".parse().ok() },
    ];
    for options in &choices {
        let json = |value: serde_json::Result<String>| value.expect("reports serialise");
        json(serde_json::to_string(&rollup::budget::rollup(&index, options)));
        json(serde_json::to_string(&rollup::headcount::rollup(&index, options)));
        json(serde_json::to_string(&rollup::attainment::rollup(&index, options)));
        json(serde_json::to_string(&rollup::scores::rollup(&index, options)));
        json(serde_json::to_string(&rollup::trends::rollup(&index, options)));
    }
}

/// How long one case may take, in process or one binary run (debug build, a busy machine).
const CASE_LIMIT: Duration = Duration::from_secs(60);

/// Writes a repository to `dir`.
fn write_repo(dir: &Path, config: &[u8], files: &[(PathBuf, Vec<u8>)]) {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::write(dir.join("planbook.yaml"), config).expect("write planbook.yaml");
    for (path, bytes) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().expect("a parent")).expect("mkdir");
        std::fs::write(full, bytes).expect("write file");
    }
}

/// Keeps a failing repository for a person to look at, and says where.
fn keep_failure(seed: u64, case: usize, config: &[u8], files: &[(PathBuf, Vec<u8>)]) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-failure/{seed}-{case}"));
    let _ = std::fs::remove_dir_all(&dir);
    write_repo(&dir, config, files);
    format!("seed {seed}, case {case}; the repository is kept in {}", dir.display())
}

/// Runs `cases` generated repositories through the library, catching panics.
fn in_process(seed: u64, cases: usize) {
    let samples = samples();
    let mut generator = Gen { rng: Rng(seed), keys: field_names(&samples) };
    for case in 0..cases {
        if case % 500 == 499 {
            eprintln!("fuzz: {} cases in process", case + 1);
        }
        let (config, files) = generator.repository(&samples);
        let (c, f) = (config.clone(), files.clone());
        let started = Instant::now();
        // Every tenth case also builds the handbook, in process.
        let site = (case % 10 == 0).then(|| tempfile::tempdir().expect("temporary folder"));
        let out = site.as_ref().map(|s| s.path().join("site"));
        let outcome = std::panic::catch_unwind(move || pipeline_and_handbook(c, f, out.as_deref()));
        let took = started.elapsed();
        if outcome.is_err() || took > CASE_LIMIT {
            let kept = keep_failure(seed, case, &config, &files);
            panic!("the pipeline panicked or took {took:?}: {kept}");
        }
    }
}

/// The byte ranges of the values of `key` in `text`: after `key:` at the start of a line, a
/// list item or a flow entry, up to the end of the line, `,`, `}` or `]` (a `#` comment
/// excluded).
fn values_of(text: &[u8], key: &str) -> Vec<(usize, usize)> {
    let pattern = format!("{key}: ");
    let pattern = pattern.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = text[i..].windows(pattern.len()).position(|w| w == pattern) {
        let start = i + at;
        i = start + pattern.len();
        if start > 0 && !b" \t{,-\n".contains(&text[start - 1]) {
            continue;
        }
        let rest = &text[i..];
        let end = rest.iter().position(|&b| b"\n,}]#".contains(&b)).unwrap_or(rest.len());
        let value = &rest[..end];
        let trimmed = value.iter().rposition(|&b| b != b' ' && b != b'\r').map_or(0, |p| p + 1);
        if trimmed > 0 {
            out.push((i, i + trimmed));
        }
    }
    out
}

/// `plans/` with every value of `key` in every file (the configuration too) set to `value`.
fn with_every(samples: &[(PathBuf, Vec<u8>)], key: &str, value: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = samples.to_vec();
    for (_, text) in &mut out {
        for (start, end) in values_of(text, key).into_iter().rev() {
            text.splice(start..end, value.bytes());
        }
    }
    out
}

/// Every field of `plans/` whose name is in `keys` (all fields when empty), set in every file at
/// once to each of `values`: an extreme amount in every budget line, an impossible date in
/// every task, a century-long duration everywhere…
fn sweep(keys: &[&str], values: &[&str]) {
    let samples = samples();
    let all = field_names(&samples);
    // Named keys must each be found; of all keys, some hold only blocks.
    let named = !keys.is_empty();
    let keys: Vec<&str> =
        if named { keys.to_vec() } else { all.iter().map(String::as_str).collect() };
    for key in keys {
        for value in values {
            let value: &str = value;
            let mut files = with_every(&samples, key, value);
            assert!(files != samples || !named, "no `{key}` in plans/ to set to `{value}`");
            let at = files.iter().position(|(p, _)| p == Path::new("planbook.yaml"));
            let config = at.map(|i| files.remove(i).1).unwrap_or_default();
            let (c, f) = (config.clone(), files.clone());
            let outcome = std::panic::catch_unwind(move || pipeline(c, f));
            if outcome.is_err() {
                let kept = keep_failure(0, 0, &config, &files);
                panic!("every `{key}` set to `{value}` panics: {kept}");
            }
        }
    }
}

/// What one run of the binary did.
struct Ran {
    code: Option<i32>,
    stderr: String,
    took: Duration,
}

/// Runs `planbook ARGS` in `dir`, killed after [`CASE_LIMIT`].
fn run_bounded(dir: &Path, args: &[&str]) -> Ran {
    run_cached(dir, args, &test_cache())
}

/// [`run_bounded`] with the parse cache in `cache`.
fn run_cached(dir: &Path, args: &[&str], cache: &Path) -> Ran {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .env("PLANBOOK_CACHE_DIR", cache)
        .env_remove("LC_ALL")
        .env_remove("PLANBOOK_TEST_PANIC")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planbook");
    // Read stderr on a thread so a long message cannot fill the pipe and stall the child.
    let mut pipe = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = std::io::Read::read_to_end(&mut pipe, &mut text);
        String::from_utf8_lossy(&text).into_owned()
    });
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if started.elapsed() > CASE_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ran { code, stderr: reader.join().unwrap_or_default(), took: started.elapsed() }
}

/// The commands a binary case runs: `check` (human and JSON), every rollup, and the handbook
/// when `build` is set.
fn commands(build: bool) -> Vec<Vec<&'static str>> {
    let mut out = vec![vec!["check"], vec!["check", "--format", "json", "--lang", "zh-CN"]];
    for what in ["budget", "headcount", "attainment", "scores", "trends"] {
        out.push(vec!["rollup", what]);
    }
    out.push(vec!["rollup", "budget", "--format", "csv", "--period", "2026-12"]);
    out.push(vec!["rollup", "attainment", "--format", "json", "--unit", "zx"]);
    out.push(vec!["rollup", "headcount", "--format", "markdown", "--lang", "zh-CN"]);
    out.push(vec!["rollup", "budget", "--format", "xlsx", "-o", "_fuzz.xlsx"]);
    if build {
        out.push(vec!["build", "--no-history", "-o", "_fuzz_site"]);
    }
    out
}

fn assert_ran_well(ran: &Ran, args: &[&str], kept: impl Fn() -> String) {
    let ok = matches!(ran.code, Some(0..=2))
        && !ran.stderr.contains("panicked")
        && !ran.stderr.contains("internal error")
        && ran.took <= CASE_LIMIT;
    assert!(
        ok,
        "`planbook {}` exited {:?} after {:?}: {}\nstderr:\n{}",
        args.join(" "),
        ran.code,
        ran.took,
        kept(),
        ran.stderr.chars().take(4000).collect::<String>()
    );
}

/// Runs `cases` generated repositories through the binary.
fn through_binary(seed: u64, cases: usize) {
    let samples = samples();
    let mut generator = Gen { rng: Rng(seed ^ 0x5eed), keys: field_names(&samples) };
    for case in 0..cases {
        if case % 10 == 9 {
            eprintln!("fuzz: {} cases through the binary", case + 1);
        }
        let (config, files) = generator.repository(&samples);
        let dir = tempfile::tempdir().expect("temporary folder");
        write_repo(dir.path(), &config, &files);
        // Each case's parse cache is its own, and goes with it.
        let cache = tempfile::tempdir().expect("temporary folder");
        for args in commands(case % 3 == 0) {
            let ran = run_cached(dir.path(), &args, cache.path());
            assert_ran_well(&ran, &args, || keep_failure(seed, case, &config, &files));
        }
    }
}

/// The seed: `FUZZ_SEED`, else a fixed one (so `cargo test` is repeatable).
fn seed() -> u64 {
    std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_201)
}

fn cases(default: usize) -> usize {
    std::env::var("FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

#[test]
fn the_library_survives_generated_and_mutated_repositories() {
    in_process(seed(), 40);
}

#[test]
fn extreme_figures_dates_and_durations_in_every_document_never_panic() {
    let figures = [
        "amount",
        "quantity",
        "unit_price",
        "subtotal",
        "total",
        "max",
        "target",
        "floor",
        "actual",
        "weight",
    ];
    sweep(&figures, &["-999999999999999", "999999999999999.999999", "1e400", ".nan"]);
    sweep(&["start", "due", "as_of", "since"], &["0000-01-01", "9999-12-31", "2026-02-30"]);
    sweep(&["period"], &["0000-01", "9999-12", "9999-Q4", "0000", "2026-13"]);
    sweep(&["duration"], &["36500d", "5214w", "99999999999d"]);
    sweep(&["establishment"], &["4294967295", "-1", "0"]);
    sweep(&["fiscal_year_start", "max_management_levels"], &["0", "13", "4294967295"]);
}

#[test]
fn the_binary_survives_generated_and_mutated_repositories() {
    through_binary(seed(), 3);
}

#[test]
fn arbitrary_bytes_in_every_kind_of_file_never_panic() {
    let mut rng = Rng(seed() ^ 0xb17e5);
    for case in 0..200 {
        let n = rng.below(400);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        let path = *rng.pick(&["a.yaml", "a.budget.yaml", "a.md", "a.markdown", "roster.yaml"]);
        let files = vec![(PathBuf::from(path), bytes.clone())];
        let config = if case % 10 == 0 { bytes.clone() } else { b"name: x\n".to_vec() };
        let run = std::panic::catch_unwind(move || pipeline(config, files));
        assert!(run.is_ok(), "case {case}: {path} of bytes {bytes:?}");
    }
}

/// The long run, by hand or from `scripts/fuzz`: every field of `plans/` set to each extreme
/// value, then `FUZZ_CASES` generated repositories in process, and a twentieth of that (at
/// least 5) through the binary.
#[test]
#[ignore = "long: FUZZ_CASES=5000 cargo test --test integration fuzz -- --ignored"]
fn fuzz_long() {
    let cases = cases(2000);
    sweep(&[], EXTREMES);
    in_process(seed(), cases);
    through_binary(seed(), (cases / 20).max(5));
}

/// The sample repository under `git`, then changed: `diff` and `log` over mutated documents.
#[test]
fn diff_and_log_survive_mutated_documents() {
    let samples = samples();
    let mut generator = Gen { rng: Rng(seed() ^ 0xd1ff), keys: field_names(&samples) };
    let dir = tempfile::tempdir().expect("temporary folder");
    let config = samples.iter().find(|(p, _)| p == Path::new("planbook.yaml")).expect("config");
    write_repo(dir.path(), &config.1, &samples);
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("git");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "samples"]);
    for round in 0..2 {
        let (config, files) = generator.repository(&samples);
        write_repo(dir.path(), &config, &files);
        git(&["add", "-A"]);
        git(&["commit", "-q", "--allow-empty", "-m", &format!("round {round}")]);
        for args in [&["diff", "HEAD~1", "HEAD"][..], &["log"], &["diff"]] {
            let ran = run_bounded(dir.path(), args);
            assert_ran_well(&ran, args, || keep_failure(seed(), round, &config, &files));
        }
    }
}

/// A panic anywhere is an internal error: a short message in the user's language naming where,
/// exit code 2, never Rust's 101 and "panicked at". The switch exists in debug builds only.
#[test]
fn a_panic_exits_2_with_a_short_message_in_the_users_language() {
    if !cfg!(debug_assertions) {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let run = |how: &str, lang: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .args(["--lang", lang, "rules"])
            .current_dir(dir.path())
            .env("PLANBOOK_TEST_PANIC", how)
            .env_remove("RUST_BACKTRACE")
            .output()
            .expect("run planbook");
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, stderr) = run("main", "en");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.starts_with("planbook hit an internal error — please report it"), "{stderr}");
    assert!(stderr.contains("(at src/main.rs:"), "{stderr}");
    // The panic's own words follow, control characters escaped.
    assert!(stderr.contains("detail: PLANBOOK_TEST_PANIC: a panic on request"), "{stderr}");
    assert!(!stderr.contains('\u{7}'), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let (code, stderr) = run("thread", "zh-CN");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.starts_with("planbook 遇到内部错误，请报告此问题"), "{stderr}");
    assert!(stderr.contains("位置：src/main.rs:"), "{stderr}");
    assert!(stderr.contains("详情：PLANBOOK_TEST_PANIC: on a thread"), "{stderr}");
    // Any other value does nothing.
    let (code, stderr) = run("no", "en");
    assert_eq!(code, Some(0), "{stderr}");
}

/// clap's usage errors exit 2, `--help` and `--version` 0: the three codes and no others.
#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (args, code) in [
        (&["--no-such-flag"][..], 2),
        (&["rollup", "budgets"], 2),
        (&["rollup", "budget", "--period", "2026-13"], 2),
        (&[], 2),
        (&["--help"], 0),
        (&["--version"], 0),
        (&["check"], 2),
    ] {
        let ran = run_bounded(dir.path(), args);
        assert_eq!(ran.code, Some(code), "planbook {args:?}\n{}", ran.stderr);
        assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    }
}

/// Found by the sweep: an amount ending in 25 zeros after the point once made every sum it
/// entered "beyond exact range" (two `number.out-of-range` errors on other lines, the budget
/// left out of the rollup). The zeros carry no value; the budget checks and rolls up as if
/// they were not there.
#[test]
fn zeros_after_the_last_decimal_place_are_not_out_of_range() {
    let repo = crate::support::Repo::fixture("../../plans");
    let path = repo.path().join("henan/2026-12.budget.yaml");
    let text = std::fs::read_to_string(&path).expect("the sample budget");
    let zeros = text.replacen("amount: 5000\n", "amount: 5000.0000000000000000000000000\n", 1);
    assert_ne!(zeros, text);
    std::fs::write(&path, zeros).expect("write");
    // The sample's own warnings and notes, nothing more; the amount shown as 5,000.
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(!run.rules().iter().any(|r| r == "number.out-of-range"), "{:?}", run.rules());
    assert!(run.stdout.contains("line `office` is 5,000 but"), "{}", run.stdout);
    let run = repo.run(["rollup", "budget", "--format", "json"]).code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["out_of_range"], serde_json::json!([]), "{}", run.stdout);
    let office = &report["budgets"][0]["lines"][0];
    assert_eq!((&office["id"], &office["amount"]), (&"office".into(), &"5000".into()), "{office}");
}

/// A commit whose author date is the largest a commit can state (`9223372036854775807 +9959`,
/// written with `git hash-object --literally`): adding the time zone to it overflowed in
/// `history::walk::CommitInfo::date`, an internal error from `log` and `build`; it now adds
/// with `saturating_add`.
#[test]
fn a_commit_dated_at_the_end_of_time_is_no_internal_error() {
    let repo = crate::support::Repo::fixture("../../plans");
    let git = |args: &[&str], input: Option<&str>| -> String {
        let mut child = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(repo.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("git");
        if let Some(text) = input {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("write");
        }
        let output = child.wait_with_output().expect("git");
        assert!(output.status.success(), "git {args:?}");
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    git(&["init", "-q"], None);
    git(&["add", "-A"], None);
    git(&["commit", "-q", "-m", "samples"], None);
    let parent = git(&["rev-parse", "HEAD"], None);
    std::fs::write(repo.path().join("drafts/idea.md"), "---\nkind: page\ntitle: x\n---\n")
        .expect("write");
    git(&["add", "-A"], None);
    let tree = git(&["write-tree"], None);
    let when = "9223372036854775807 +9959";
    let commit = format!(
        "tree {tree}\nparent {parent}\nauthor A <a@b> {when}\ncommitter A <a@b> {when}\n\nlate\n"
    );
    let id = git(&["hash-object", "-t", "commit", "--literally", "-w", "--stdin"], Some(&commit));
    git(&["update-ref", "HEAD", &id], None);
    for args in [&["log"][..], &["build", "-o", "_site"]] {
        let ran = run_bounded(repo.path(), args);
        assert_ran_well(&ran, args, String::new);
        assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    }
}

/// Found by probing: `print!` (in `new --stdout`) and clap_complete (in `completions`) panic
/// when standard output fails. A closed pipe (`planbook completions bash | head -1`) is no
/// failure, exit 0 and nothing said; a full disk is an error that says so, exit 2; neither is
/// an internal error.
#[test]
fn output_to_a_closed_pipe_or_a_full_disk_is_no_internal_error() {
    let repo = crate::support::Repo::fixture("../../plans");
    let commands: [&[&str]; 4] = [
        &["completions", "bash"],
        &["new", "plan", "--unit", "henan", "--period", "2027-01", "--stdout"],
        &["rollup", "budget"],
        &["check", "--format", "json"],
    ];
    let run = |args: &[&str], stdout: Stdio| {
        let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .args(args)
            .current_dir(repo.path())
            .env("LANG", "en_US.UTF-8")
            .env("PLANBOOK_CACHE_DIR", test_cache())
            .env_remove("RUST_BACKTRACE")
            .stdout(stdout)
            .output()
            .expect("run planbook");
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    for args in commands {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let (code, stderr) = run(args, writer.into());
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "{args:?} into a closed pipe");
    }
    let Ok(full) = std::fs::File::create("/dev/full") else { return };
    for args in &commands[..2] {
        let (code, stderr) = run(args, full.try_clone().expect("/dev/full").into());
        assert_eq!(code, Some(2), "{args:?} into a full disk: {stderr}");
        let said = "error: could not write the output: the disk is full\n";
        assert_eq!(stderr, said, "{args:?} into a full disk");
        assert!(!stderr.contains("internal error") && !stderr.contains("panicked"), "{stderr}");
    }
}
