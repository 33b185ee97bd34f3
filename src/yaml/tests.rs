//! Unit tests, and a differential test against the serde-saphyr based parser.

use super::*;

fn parse_ok(text: &str) -> Node {
    parse(FileId(0), text, 0).unwrap()
}

#[test]
fn numbers_keep_their_spelling() {
    let node = parse_ok("a: 0.1 # comment\nb: 12345678901234567.89\nc: &x 5\nd: *x\n");
    let raw = |k: &str| match &node.get(k).unwrap().value {
        Value::Number(n) => n.raw.to_string(),
        other => panic!("{other:?}"),
    };
    assert_eq!(raw("a"), "0.1");
    assert_eq!(raw("b"), "12345678901234567.89");
    assert_eq!(raw("d"), "5");
}

#[test]
fn yaml_11_words_stay_strings() {
    let node = parse_ok("a: no\nb: on\nc: 010\nd: 1_000\n");
    for key in ["a", "b", "c", "d"] {
        assert!(node.get(key).unwrap().as_str().is_some(), "{key}");
    }
}

#[test]
fn spans_are_byte_offsets_with_base() {
    let node = parse(FileId(0), "名字: 中文\n", 10).unwrap();
    let value = node.get("名字").unwrap();
    assert_eq!((value.span.start, value.span.end), (10 + 8, 10 + 14));
}

#[test]
fn duplicate_key_points_at_duplicate() {
    let err = parse(FileId(0), "a: 1\nb: 2\na: 3\n", 0).unwrap_err();
    assert_eq!(err.kind, ErrorKind::DuplicateKey);
    assert_eq!(err.span.start, 10);
}

#[test]
fn deep_nesting_and_alias_bombs_are_refused() {
    let deep = "[".repeat(10_000);
    assert_eq!(parse(FileId(0), &deep, 0).unwrap_err().kind, ErrorKind::Limit);
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (i, c) in "bcdefgh".chars().enumerate() {
        let prev = (b'a' + i as u8) as char;
        bomb += &format!("{c}: &{c} [{}]\n", vec![format!("*{prev}"); 10].join(", "));
    }
    assert_eq!(parse(FileId(0), &bomb, 0).unwrap_err().kind, ErrorKind::Limit);
}

/// A tree or error written out with every value, spelling and span, for comparison.
fn show(result: &Result<Node, Box<Error>>) -> String {
    fn node(n: &Node, out: &mut String) {
        use std::fmt::Write;
        let _ = write!(out, "@{}..{}:", n.span.start, n.span.end);
        match &n.value {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            Value::Number(x) => {
                let _ = write!(out, "num({}={:?})", x.raw, x.parsed);
            }
            Value::String(s) => {
                let _ = write!(out, "{s:?}");
            }
            Value::Seq(items) => {
                out.push('[');
                for i in items {
                    node(i, out);
                    out.push(',');
                }
                out.push(']');
            }
            Value::Map(entries) => {
                out.push('{');
                for (k, v) in entries {
                    node(k, out);
                    out.push_str(" => ");
                    node(v, out);
                    out.push(',');
                }
                out.push('}');
            }
        }
    }
    match result {
        Ok(n) => {
            let mut out = String::new();
            node(n, &mut out);
            out
        }
        Err(e) => format!(
            "ERR {:?} @{}..{} {:?} help={:?} related={:?}",
            e.kind,
            e.span.start,
            e.span.end,
            e.message.en(),
            e.help.as_ref().map(Msg::en),
            e.related.as_ref().map(|(s, m)| (s.start, s.end, m.en()))
        ),
    }
}

const EDGE_CASES: &[&str] = &[
    "",
    "# only a comment\n",
    "---\n",
    "---\n...\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "---\na: 1\n",
    "a: 1\n---\n",
    "\u{feff}a: 1\n",
    "a: [1, 2, {b: c}]\nd: {}\ne: []\n",
    "- a\n- b\n-\n- - c\n  - d\n",
    "a:\n  - x: 1\n    y: 2\n  - z\n",
    "a: |\n  line\n  two\nb: >\n  folded\n  text\n\nc: |-\n  strip\nd: |+\n  keep\n\ne: x\n",
    "a: plain\n  continued\n  lines\nb: 'single ''quoted'''\nc: \"esc\\t\\u00e9\\n\"\n",
    "名字: 中文\n列表:\n  - 一\n  - 二: 三\n",
    "a: 1\r\nb: 中文\r\nc:\r\n  - x\r\n",
    "a: 1\rb: 2\rc: 中\r",
    "a: # comment\n  b: 1 # another\n",
    "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nULL\ng: ''\n",
    "a: true\nb: True\nc: TRUE\nd: tRUE\ne: false\nf: False\ng: FALSE\n",
    "h: yes\ni: on\nj: off\nk: y\n",
    "a: 0x1F\nb: 0o17\nc: 0b101\nd: 0X1F\ne: 0O17\nf: -0x10\ng: +12\nh: -12\ni: 0\nj: -0\n",
    "a: 010\nb: -010\nc: 1_000\nd: 1_000.5\ne: 00.5\nf: 0.5\ng: .5\nh: 1.\ni: 1e3\nj: 1E+3\n",
    "a: .inf\nb: -.inf\nc: +.inf\nd: .nan\ne: -.nan\nf: .Inf\ng: .NAN\n",
    "h: 1e400\ni: -1e400\nj: inf\n",
    "a: 9223372036854775807\nb: 9223372036854775808\nc: 18446744073709551615\n",
    "d: 18446744073709551616\ne: -9223372036854775808\nf: -9223372036854775809\n",
    "a: 0xFFFFFFFFFFFFFFFFFF\nb: 1.5e-3\nc: 12345678901234567.89\nd: +.5\ne: -.5e2\n",
    "a: \"12\"\nb: '1.5'\nc: |\n  12\nd: \"true\"\ne: \"null\"\nf: ''\n",
    "a: !!str 12\nb: !!int \"12\"\nc: !!float 1\nd: !!bool true\ne: !!null x\nf: !!str\n",
    "a: !!int 1_000\nb: !!int 010\nc: !!float .nan\nd: !!float -.nan\ne: !!bool yes\n",
    "a: !!int x\n",
    "a: !!float x\n",
    "a: !foo 12\nb: !foo bar\nc: ! 12\nd: !foo\ne: !!foo 3\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!timestamp 2001-12-14\n",
    "a: !!seq x\n",
    "a: !!map {b: 1}\nc: !!seq [1]\nd: !foo {e: 1}\n",
    "a: &x 5\nb: *x\nc: &m {k: 1, l: [2, 3]}\nd: *m\n",
    "a: &s [1, &t two]\nb: *s\nc: *t\n",
    "a: *nope\n",
    "a: &a [*a]\n",
    "base: &base {x: 1, y: 2}\nother:\n  <<: *base\n  y: 3\n  z: 4\n",
    "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n",
    "a: &a {x: 1}\nc:\n  x: 5\n  <<: *a\n",
    "c:\n  <<: {p: 1}\n  <<: {p: 2, q: 3}\n",
    "c:\n  <<: 5\n",
    "c:\n  <<: [1]\n",
    "c:\n  <<: ~\n  a: 1\n",
    "c:\n  '<<': 1\n",
    "a: 1\nb: 2\na: 3\n",
    "a: 1\n\"a\": 2\n",
    "x:\n  a: 1\ny:\n  b: 1\n  b: 2\n",
    "x:\n  b: 1\ny:\n  c: 1\n  b: 2\n  b: 3\n",
    "1: a\n0x1: b\n",
    "1: a\n\"1\": b\n",
    "true: a\n\"true\": b\n",
    "~: a\nnull: b\n",
    "[1, 2]: a\n[1, 2]: b\n",
    "? complex\n: value\n? [a, b]\n: c\n",
    "名字: 1\n名字: 2\n",
    "a: 1\n a: 2\n",
    "a:\n\t- b\n",
    "a:\n  b: 1\n\tc: 2\n",
    "a: [1, 2\n",
    "a: {b: 1\n",
    "a: 'unterminated\n",
    "a: \"bad \\q escape\"\n",
    "- a\nb: 1\n",
    "a: b: c\n",
    "key: value\n  bad: indent\n",
    "@a: 1\n",
    "a: `x`\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: 1 # c\n# trailing\n",
    "[a, b]\n",
    "just a scalar\n",
    "42\n",
    "{a: 1, b: [x, {c: d}], e: }\n",
    "a: [x, y]: z\n",
    "a: -\n",
    "- - - - x\n",
    "a: \"multi\n  line\"\n",
    "a:    \n  b\n",
    "a: \"\\u4e2d\\u6587\"\nb: 中文 text\n",
    "a: |\r\n  x\r\n  中\r\nb: 1\r\nc: 'q\r\n  r'\r\n",
    "a: |\r  x\r  中\rb: 1\rc: 2.5\r",
    "名字: [1,\n名字2: 2\n",
    "中: 'x\n",
    "\u{feff}名字: 值\n名字: 2\n",
    "\"名字\": 1\n名字: 2\n",
    "a: !!int -5\nb: !!int 0x10\nc: !!float 5\nd: !!int 99999999999999999999\n",
    "&k a: 1\n*k : 2\n",
    "? &k [1]\n: a\nb: *k\n",
    "s: !!set {a, b}\no: !!omap [a: 1]\n",
    "? a\n? b\n",
    "<<: {a: 1}\na: 2\n",
    "a: 1\n<<: {a: 2, b: 3}\n",
    "a: 1.0e+10\nb: -0.0\nc: +0\nd: 0e0\ne: 1e-400\nf: 0o8\ng: 0x_1\nh: -0b1\ni: 0x1_0\n",
    "a: -1-2\nb: 1:2\nc: 2026-12\nd: 12:30\ne: 1,000\nf: 1.5%\ng: '¥100'\nh: 1 000\n",
    "a: 1\n\t b: 2\n",
    "- a\n\t- b\n",
    "a:\n  -\tb\n",
    "a: \"x\ty\"\nb: x\ty\n",
    "a: &x\n  - 1\nb:\n  <<: *x\n",
    "a: 1 #c\nb: 'it''s' #c\nc: \"a#b\"\nd: a#b\ne: a #b\n",
    "a: 1e\nb: 1.2.3\nc: 0x\nd: 0b2\ne: +\nf: -\ng: .\nh: 1__0\n",
];

/// Every edge case's tree or error, with all values, spellings and spans, against
/// `edge_cases.txt` (`SNAPSHOTS=overwrite` rewrites it). The snapshot was first checked against
/// the serde-saphyr based parser this module replaced: they differ only where the new one is
/// deliberately better (messages, duplicate keys' spans, a second document).
#[test]
fn edge_cases_match_their_snapshot() {
    let mut inputs: Vec<(String, String, usize)> = EDGE_CASES
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("edge case {i}"), (*t).to_string(), 7))
        .collect();
    let mut big = String::new();
    for i in 0..40 {
        big += &format!("k{i}: {i}\n");
    }
    inputs.push(("40 keys".into(), big.clone(), 0));
    inputs.push(("40 keys and a duplicate".into(), big.clone() + "k3: x\n", 0));
    let mut ratio = String::from("a: &a 1\nl:\n");
    for _ in 0..150 {
        ratio += "  - *a\n";
    }
    inputs.push(("150 aliases of one anchor".into(), ratio, 0));
    let mut wide = String::from("a: &a [");
    wide += &vec!["x"; 999].join(", ");
    wide += "]\nb: [";
    wide += &vec!["*a"; 99].join(", ");
    inputs.push(("aliases under the expansion limit".into(), wide.clone() + "]\n", 0));
    inputs.push(("aliases over the expansion limit".into(), wide + ", *a, *a]\n", 0));
    let mut out = String::new();
    for (name, text, base) in &inputs {
        out += &format!("== {name}: {text:?}\n{}\n", show(&parse(FileId(0), text, *base)));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/yaml/edge_cases.txt");
    if std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite") {
        std::fs::write(path, &out).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    for (line, (new, old)) in out.lines().zip(expected.lines()).enumerate() {
        assert_eq!(new, old, "edge_cases.txt line {}", line + 1);
    }
    assert_eq!(out.lines().count(), expected.lines().count(), "edge_cases.txt length");
}

#[test]
fn nesting_up_to_the_limit_is_read_and_deeper_is_refused() {
    let flow = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(parse(FileId(0), &flow(MAX_DEPTH), 0).is_ok());
    let err = parse(FileId(0), &flow(MAX_DEPTH + 1), 5).unwrap_err();
    assert_eq!((err.kind, err.span.start), (ErrorKind::Limit, 5 + MAX_DEPTH as u32));
    assert!(err.message.en().contains("nested more than 128"), "{}", err.message.en());
    let block = |n: usize| (0..n).map(|i| format!("{}k:\n", " ".repeat(i))).collect::<String>();
    assert!(parse(FileId(0), &block(MAX_DEPTH), 0).is_ok());
    assert_eq!(parse(FileId(0), &block(MAX_DEPTH + 2), 0).unwrap_err().kind, ErrorKind::Limit);
    assert_eq!(parse(FileId(0), &"[".repeat(100_000), 0).unwrap_err().kind, ErrorKind::Limit);
}

fn err(text: &str) -> Error {
    *parse(FileId(0), text, 0).unwrap_err()
}

/// The text of the file that `span` covers (base 0).
fn at(text: &str, span: Span) -> &str {
    &text[span.start as usize..span.end as usize]
}

#[test]
fn a_duplicate_key_is_related_to_the_first_key_of_its_own_mapping() {
    let text = "x:\n  b: 1\ny:\n  c: 1\n  b: 2\n  b: 3\n";
    let e = err(text);
    assert_eq!(e.kind, ErrorKind::DuplicateKey);
    assert_eq!(e.span.start as usize, text.rfind("b: 3").unwrap());
    let (related, note) = e.related.unwrap();
    assert_eq!(related.start as usize, text.find("b: 2").unwrap());
    assert_eq!(note.en(), "first defined here");
    // Quoting does not make another key; the span covers the quoted key.
    let text = "名字: 1\n\"名字\": 2\n";
    let e = err(text);
    assert_eq!((e.kind, at(text, e.span)), (ErrorKind::DuplicateKey, "\"名字\""));
    assert_eq!(e.message.en(), "duplicate key `名字`");
    assert_eq!(at(text, e.related.unwrap().0), "名字");
    // Integers compare by value, and keys planbook reads as the same text are the same key.
    assert_eq!(err("1: a\n0x1: b\n").kind, ErrorKind::DuplicateKey);
    assert_eq!(err("1: a\n\"1\": b\n").kind, ErrorKind::DuplicateKey);
    assert_eq!(err("true: a\n'true': b\n").kind, ErrorKind::DuplicateKey);
    assert!(parse(FileId(0), "[1, 2]: a\n[1, 3]: b\n1.0: c\n1.00: d\n", 0).is_ok());
}

#[test]
fn duplicates_are_found_in_large_mappings_too() {
    let mut text: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
    assert!(parse(FileId(0), &text, 0).is_ok());
    text += "k42: again\n";
    let e = err(&text);
    assert_eq!(e.kind, ErrorKind::DuplicateKey);
    assert_eq!(at(&text, e.related.unwrap().0), "k42");
    let ints: String = (0..100).map(|i| format!("{i}: x\n")).collect::<String>() + "0x2a: y\n";
    let e = err(&ints);
    assert_eq!(at(&ints, e.related.unwrap().0), "42");
    // Inside a list key, integers compare by value in a large mapping as in a small one.
    for keys in [1, 100] {
        let text: String = (0..keys).map(|i| format!("k{i}: {i}\n")).collect();
        let e = err(&(text.clone() + "[1, {a: 2}]: x\n[0x1, {a: 0x2}]: y\n"));
        assert_eq!((e.kind, e.span.start as usize), (ErrorKind::DuplicateKey, text.len() + 15));
    }
}

#[test]
fn merge_keys_bring_entries_that_explicit_keys_override() {
    let text = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 0\n";
    let node = parse_ok(text);
    let c = node.get("c").unwrap();
    let Value::Map(entries) = &c.value else { panic!("{c:?}") };
    let keys: Vec<_> = entries.iter().map(|(k, _)| k.key_text().into_owned()).collect();
    assert_eq!(keys, ["x", "y", "z"]);
    let number = |k: &str| match &c.get(k).unwrap().value {
        Value::Number(n) => n.raw.to_string(),
        other => panic!("{other:?}"),
    };
    // Explicit keys win over merged ones, and earlier merges over later ones.
    assert_eq!((number("x"), number("y"), number("z")), ("0".into(), "1".into(), "2".into()));
    // A merged value points at the alias that brought it.
    assert_eq!(at(text, c.get("z").unwrap().span), "*b");
    assert_eq!(err("c:\n  <<: 5\n").kind, ErrorKind::Syntax);
    // A quoted `<<` is an ordinary key.
    assert!(parse_ok("'<<': 1\n").get("<<").is_some());
}

#[test]
fn an_alias_copies_its_anchor_and_points_where_it_is_used() {
    let text = "a: &m {k: 0x1F, l: [2]}\nb: *m\n";
    let node = parse_ok(text);
    let b = node.get("b").unwrap();
    assert_eq!(at(text, b.span), "*m");
    assert_eq!(at(text, b.get("l").unwrap().span), "*m");
    match &b.get("k").unwrap().value {
        Value::Number(n) => assert_eq!((&*n.raw, n.parsed.to_string()), ("0x1F", "31".into())),
        other => panic!("{other:?}"),
    }
    let e = err("a: [1, 2]\nb: *nope\n");
    assert_eq!((e.kind, e.span.start), (ErrorKind::Syntax, 13));
    assert!(e.message.en().contains("`*nope`"), "{}", e.message.en());
    assert_eq!(err("a: &a [*a]\n").kind, ErrorKind::Syntax);
}

impl std::fmt::Display for Parsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Parsed::Int(i) => write!(f, "{i}"),
            Parsed::UInt(u) => write!(f, "{u}"),
            Parsed::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// The value of `v: <scalar>` as `type:value`.
fn scalar(text: &str) -> String {
    let node = parse_ok(&format!("v: {text}\n"));
    match &node.get("v").unwrap().value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("bool:{b}"),
        Value::Number(n) => format!("num:{}", n.parsed),
        Value::String(s) => format!("str:{s}"),
        other => format!("{other:?}"),
    }
}

#[test]
fn scalars_resolve_by_the_core_schema_with_planbook_s_strict_settings() {
    let cases = [
        ("true", "bool:true"),
        ("True", "bool:true"),
        ("FALSE", "bool:false"),
        ("tRUE", "str:tRUE"),
        ("yes", "str:yes"),
        ("off", "str:off"),
        ("~", "null"),
        ("", "null"),
        ("Null", "null"),
        ("nULL", "str:nULL"),
        ("'null'", "str:null"),
        ("12", "num:12"),
        ("-12", "num:-12"),
        ("+12", "num:12"),
        ("0x1f", "num:31"),
        ("0o17", "num:15"),
        ("0b101", "num:5"),
        ("0X1F", "str:0X1F"),
        ("010", "str:010"),
        ("-010", "str:-010"),
        ("1_000", "str:1_000"),
        ("9223372036854775808", "num:9223372036854775808"),
        ("18446744073709551616", "num:1.8446744073709552e19"),
        ("1.5", "num:1.5"),
        (".5", "num:0.5"),
        ("1e3", "num:1000.0"),
        (".inf", "num:inf"),
        ("-.Inf", "num:-inf"),
        (".nan", "num:NaN"),
        ("-.nan", "str:-.nan"),
        ("1e400", "num:inf"),
        ("inf", "str:inf"),
        ("2026-12", "str:2026-12"),
        ("'12'", "str:12"),
        ("\"1.5\"", "str:1.5"),
        ("|\n  12", "str:12\n"),
        ("!!str 12", "str:12"),
        ("!!str", "str:"),
        ("! 12", "str:12"),
        ("!!int '12'", "num:12"),
        ("!!int 1_000", "num:1000"),
        ("!!float 1", "num:1.0"),
        ("!!bool True", "bool:true"),
        ("!!null x", "null"),
        ("!foo 12", "num:12"),
        ("!foo bar", "str:bar"),
    ];
    for (text, expected) in cases {
        assert_eq!(scalar(text), expected, "{text}");
    }
    for bad in ["!!int x", "!!int 010", "!!bool yes", "!!float x", "!!seq x", "!!binary aGk="] {
        let e = err(&format!("v: {bad}\n"));
        assert_eq!(e.kind, ErrorKind::Syntax, "{bad}");
        assert!(e.message.en().starts_with("invalid YAML: "), "{}", e.message.en());
    }
}

#[test]
fn spans_are_byte_offsets_whatever_the_line_ends() {
    for newline in ["\n", "\r\n", "\r"] {
        let lines = ["名字: 中文", "列表:", "  - 一二", "  - 'x'", "数: 1.5", ""];
        let text = lines.join(newline);
        let node = parse(FileId(0), &text, 3).unwrap();
        let span = |n: &Node| &text[n.span.start as usize - 3..n.span.end as usize - 3];
        assert_eq!(span(node.get("名字").unwrap()), "中文");
        let Value::Seq(items) = &node.get("列表").unwrap().value else { panic!() };
        assert_eq!(span(&items[0]), "一二");
        assert_eq!(span(&items[1]), "'x'");
        assert_eq!(span(node.get("数").unwrap()), "1.5");
        let (key, _) = node.entry("数").unwrap();
        assert_eq!(span(key), "数");
        // An error after Chinese text points at the right byte.
        let bad = ["名字: 中文", "键: 'open", ""].join(newline);
        let e = parse(FileId(0), &bad, 0).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert!(bad.is_char_boundary(e.span.start as usize), "{newline:?}");
    }
}

#[test]
fn nothing_or_only_comments_is_null_and_a_second_document_is_refused() {
    for text in ["", "# comment\n", "---\n", "\u{feff}", "---\n...\n"] {
        assert!(matches!(parse_ok(text).value, Value::Null), "{text:?}");
    }
    assert!(parse_ok("\u{feff}a: 1\n").get("a").is_some());
    let e = err("a: 1\n---\nb: 2\n");
    assert_eq!((e.kind, e.span.start), (ErrorKind::Syntax, 5));
    assert!(e.message.en().contains("more than one YAML document"), "{}", e.message.en());
}

#[test]
fn a_tab_in_indentation_is_pointed_at_with_help() {
    let text = "a:\n  b: 1\n\tc: 2\n";
    let e = err(text);
    assert_eq!((e.kind, at(text, e.span)), (ErrorKind::Syntax, "\t"));
    assert!(e.help.unwrap().en().contains("indentation must use spaces"));
}

#[test]
fn alias_expansion_is_counted_in_nodes_copied() {
    let anchor = format!("a: &a [{}]\n", vec!["x"; 999].join(", "));
    let aliases = |n: usize| format!("{anchor}b: [{}]\n", vec!["*a"; n].join(", "));
    // 100 copies of a 1,000-node list is the limit; one more is refused, at that alias.
    assert!(parse(FileId(0), &aliases(100), 0).is_ok());
    let text = aliases(101);
    let e = err(&text);
    assert_eq!((e.kind, e.span.start as usize), (ErrorKind::Limit, text.len() - 4));
}

/// Parse time alone, against the bare event stream, on the YAML of a corpus made by
/// `bench/gen_corpus.py`:
/// `PARSE_BENCH=/tmp/corpus cargo test --release --lib yaml::tests::parse_speed -- --ignored`.
#[test]
#[ignore = "a measurement, run by hand"]
fn parse_speed() {
    use std::time::Instant;
    let Ok(dir) = std::env::var("PARSE_BENCH") else { return };
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                stack.push(path);
                continue;
            };
            if let Some(rest) = text.strip_prefix("---\n") {
                let end = rest.find("\n---").map_or(rest.len(), |i| i + 1);
                texts.push(rest[..end].to_string());
            } else if path.extension().is_some_and(|e| e == "yaml") {
                texts.push(text);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let time = |name: &str, f: &dyn Fn(&str) -> usize| {
        let mut best = f64::MAX;
        let mut total = 0;
        for _ in 0..7 {
            let start = Instant::now();
            total = texts.iter().map(|t| f(t)).sum::<usize>();
            best = best.min(start.elapsed().as_secs_f64());
        }
        eprintln!("{name:>12}: {:8.1} ms  ({total} items)", best * 1000.0);
    };
    eprintln!(
        "{} texts, {:.1} MB of YAML, best of 7 passes, one thread",
        texts.len(),
        bytes as f64 / 1e6
    );
    time("events only", &|t| {
        use serde_saphyr::granit_parser::Parser;
        Parser::new_from_str(t).filter_map(Result::ok).count()
    });
    time("new parse", &|t| usize::from(parse(FileId(0), t, 0).is_ok()));
}

// ---- Hostile-input probes (adversarial review of the event-based builder). ----

/// Runs `f` in a thread with a 2 MB stack, the size of a test or a rayon worker thread.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap().join().unwrap()
}

/// The depth of the deepest collection in the tree (a scalar is 0).
fn height(node: &Node) -> usize {
    match &node.value {
        Value::Seq(items) => 1 + items.iter().map(height).max().unwrap_or(0),
        Value::Map(entries) => {
            1 + entries.iter().map(|(k, v)| height(k).max(height(v))).max().unwrap_or(0)
        }
        _ => 0,
    }
}

#[test]
fn very_deep_flow_and_block_nesting_is_a_limit_error_on_a_small_stack() {
    let results = small_stack(|| {
        let flow = parse(FileId(0), &"[".repeat(100_000), 0).map(|_| ());
        let maps = parse(FileId(0), &"{a: ".repeat(100_000), 0).map(|_| ());
        let block = parse(FileId(0), &"- ".repeat(100_000), 0).map(|_| ());
        let keys: String = (0..5_000).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let keys = parse(FileId(0), &keys, 0).map(|_| ());
        [flow, maps, block, keys].map(|r| r.map_err(|e| e.kind))
    });
    for r in results {
        assert_eq!(r, Err(ErrorKind::Limit));
    }
}

/// Aliases of aliases each nest an anchor inside another: the tree they expand into must stay
/// within [`MAX_DEPTH`] too, or walking it (clone, drop, `to_json`, validation) can overflow.
#[test]
fn aliases_cannot_nest_deeper_than_the_depth_limit() {
    let mut text = String::new();
    let open = "[".repeat(100);
    let close = "]".repeat(100);
    text += &format!("a0: &a0 {open}x{close}\n");
    for i in 1..30 {
        text += &format!("a{i}: &a{i} {open}*a{}{close}\n", i - 1);
    }
    let result = small_stack(move || parse(FileId(0), &text, 0).map(|n| height(&n)));
    assert_eq!(result.map_err(|e| e.kind), Err(ErrorKind::Limit));
    // One alias at the limit is fine.
    let ok = format!("a: &a {}x{}\nb: *a\n", "[".repeat(127), "]".repeat(127));
    assert_eq!(height(&parse_ok(&ok)), MAX_DEPTH);
    let over = format!("a: &a {}x{}\nb: [*a]\n", "[".repeat(127), "]".repeat(127));
    assert_eq!(err(&over).kind, ErrorKind::Limit);
}

/// Duplicate detection must not compare every key with every other (200,000 keys parse in
/// 5.8 s in a debug build on a busy machine, about linear from 25,000; smaller here for time).
#[test]
fn many_keys_and_items_parse_in_linear_time() {
    let keys: String = (0..50_000).map(|i| format!("k{i}: {i}\n")).collect();
    let node = parse_ok(&keys);
    assert!(matches!(&node.value, Value::Map(e) if e.len() == 50_000));
    let e = err(&(keys.clone() + "k0: again\n"));
    assert_eq!((e.kind, e.span.start as usize), (ErrorKind::DuplicateKey, keys.len()));
    let ints: String = (0..50_000).map(|i| format!("{i}: x\n")).collect();
    assert_eq!(err(&(ints + "0x0: y\n")).kind, ErrorKind::DuplicateKey);
    let flow = format!("[{}]", vec!["1"; 100_000].join(", "));
    assert!(matches!(parse_ok(&flow).value, Value::Seq(items) if items.len() == 100_000));
    let flow_map =
        format!("{{{}}}", (0..20_000).map(|i| format!("k{i}: v")).collect::<Vec<_>>().join(", "));
    assert!(parse(FileId(0), &flow_map, 0).is_ok());
}

#[test]
fn merges_of_many_entries_are_fast_and_bounded() {
    // One anchor of 40,000 entries merged into a mapping that overrides many of them.
    let mut text = String::from("base: &b {");
    text += &(0..40_000).map(|i| format!("k{i}: {i}")).collect::<Vec<_>>().join(", ");
    text += "}\nuse:\n  <<: *b\n";
    text += &(0..40_000).step_by(2).map(|i| format!("  k{i}: x\n")).collect::<String>();
    let node = parse_ok(&text);
    assert!(matches!(&node.get("use").unwrap().value, Value::Map(e) if e.len() == 40_000));
    // Merging it three times over is more than the expansion limit allows.
    let thrice = text.replace("  <<: *b\n", "  <<: [*b, *b, *b]\n");
    assert_eq!(err(&thrice).kind, ErrorKind::Limit);
}

#[test]
fn many_aliases_of_a_large_anchor_stop_at_the_limit_quickly() {
    let anchor = format!("a: &a [{}]\n", vec!["x"; 50_000].join(", "));
    let text = anchor + "b: [" + &vec!["*a"; 49_000].join(", ") + "]\n";
    let start = std::time::Instant::now();
    let e = err(&text);
    assert_eq!(e.kind, ErrorKind::Limit);
    // A bound that only unbounded work can break, not a slow machine (about 0.4 s in debug).
    assert!(start.elapsed() < std::time::Duration::from_secs(30), "{:?}", start.elapsed());
}

/// An alias copies its anchor's text: an 8 MB string copied by 70 aliases would be 560 MB
/// from an 8 MB file, past the scalar bytes budget.
#[test]
fn aliases_count_the_text_they_copy() {
    let text = format!("a: &a {}\nb: [{}]\n", "x".repeat(8 << 20), vec!["*a"; 70].join(", "));
    assert_eq!(err(&text).kind, ErrorKind::Limit);
}

/// Every anchor keeps a copy of its node for its aliases, so anchors nested in anchors copy
/// the innermost node once per level.
#[test]
fn anchors_inside_anchors_count_the_copies_they_keep() {
    let n = MAX_DEPTH - 1;
    let open: String = (0..n).map(|i| format!("&a{i} [")).collect();
    let close = "]".repeat(n);
    // 127 copies of a 5 MB string would be 635 MB.
    let text = format!("{open}&s {}{close}", "x".repeat(5 << 20));
    assert_eq!(err(&text).kind, ErrorKind::Limit);
    // A node larger than any alias may copy is not kept: 127 copies of 150,000 nodes would
    // be 19 million nodes.
    let text = format!("{open}[{}]{close}", vec!["1"; 150_000].join(","));
    let start = std::time::Instant::now();
    assert!(parse(FileId(0), &text, 0).is_ok());
    // A bound that only copying every level would break, not a slow machine.
    assert!(start.elapsed() < std::time::Duration::from_secs(60), "{:?}", start.elapsed());
}

/// A key written twice is reported where it is, before anything wrong in its value (as the
/// serde-saphyr based parser did).
#[test]
fn a_duplicate_key_is_reported_before_errors_in_its_value() {
    let e = err("a: 1\na:\n\t- b\n");
    assert_eq!((e.kind, e.span.start), (ErrorKind::DuplicateKey, 5));
    let e = err("? [一, 二]\n: 1\n? [一, 二]\n: [\n");
    assert_eq!((e.kind, e.span.start), (ErrorKind::DuplicateKey, 19));
}

/// A scalar's tag on a list or mapping is refused, as the serde-saphyr based parser did;
/// `!!seq`, `!!map`, the non-specific `!`, local and unknown tags are fine.
#[test]
fn a_collection_with_a_scalar_tag_is_refused() {
    for bad in [
        "a: !!str [1]\n",
        "a: !!seq {b: 1}\n",
        "a: !!map [1]\n",
        "a: !!int\n  b: 1\n",
        "a: !!bool\n  - 1\n",
        "a: !!null {}\n",
        "a: !!timestamp []\n",
        "a: !!binary []\n",
        "a: !!merge {}\n",
        "a: !<tag:yaml.org,2002:str> [1]\n",
    ] {
        let e = err(bad);
        assert_eq!(e.kind, ErrorKind::Syntax, "{bad}");
        assert!(e.message.en().contains("cannot have the tag"), "{bad}: {}", e.message.en());
        let at_collection = bad.rfind(['[', '{']).or_else(|| bad.rfind(['b', '-'])).unwrap();
        assert_eq!(e.span.start as usize, at_collection, "{bad}");
    }
    for good in [
        "a: !!seq [1]\n",
        "a: !!map {b: 1}\n",
        "a: ! [1]\n",
        "a: !foo [1]\n",
        "a: !!set {x}\n",
        "a: !!omap [x: 1]\n",
    ] {
        assert!(parse(FileId(0), good, 0).is_ok(), "{good}");
    }
}

/// Random text from YAML's special characters, Chinese, BOMs and line ends: no panic, and
/// every error and span falls on a character boundary inside the text.
#[test]
fn random_text_never_panics_and_spans_fall_on_characters() {
    let alphabet = [
        "a", ":", " ", "\n", "\r", "\t", "-", "[", "]", "{", "}", ",", "中", "&a", "*a", "!", "'",
        "\"", "#", "|", ">", "?", "<<", "é", "\u{feff}", "%", "0", "1", ".", "  ", ": ", "\n  ",
        "---", "...", "\\", "&b ", "*b", "!!str ", "!!int ", "x", "<<: ", "\r\n",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    fn check(text: &str, base: usize, n: &Node) {
        for at in [n.span.start, n.span.end] {
            let at = at as usize - base;
            assert!(at <= text.len() && text.is_char_boundary(at), "{text:?}");
        }
        match &n.value {
            Value::Seq(items) => items.iter().for_each(|i| check(text, base, i)),
            Value::Map(entries) => entries.iter().for_each(|(k, v)| {
                check(text, base, k);
                check(text, base, v);
            }),
            _ => {}
        }
    }
    for _ in 0..20_000 {
        let n = (next() % 16 + 1) as usize;
        let text: String =
            (0..n).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
        match parse(FileId(0), &text, 3) {
            Ok(node) => check(&text, 3, &node),
            Err(e) => {
                let (start, end) = (e.span.start as usize - 3, e.span.end as usize - 3);
                assert!(end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{text:?}");
            }
        }
    }
}

/// Parse errors read as Chinese, with the parser's complaint in planbook's words.
#[test]
fn errors_read_in_chinese() {
    use crate::i18n::Locale;
    let zh = |text: &str| {
        let e = err(text);
        (e.message.text(Locale::ZhCn), e.help.map(|h| h.text(Locale::ZhCn)))
    };
    assert_eq!(zh("a: 1\na: 2\n").0, "键 `a` 重复");
    let (message, help) = zh("a:\n\t- b\n");
    assert!(message.starts_with("语法错误："), "{message}");
    assert_eq!(help.as_deref(), Some("缩进只能用空格；请把制表符换成空格"));
    assert_eq!(zh("a: [1, 2\n").0, "语法错误：括号 `[` 未闭合");
    assert_eq!(zh("a: !!int x\n").0, "语法错误：标为整数的值不是有效的整数");
    let head = "语法错误：这个值里含有 `: `，";
    let tail = "会被当成同一行的第二个键";
    assert_eq!(zh("a: b: c\n").0, format!("{head}{tail}"));
    let (message, help) = zh("kind: roster\n unit: henan\n");
    let head = "语法错误：这一行缩进了 1 个空格，";
    let tail = "但与它同级的行缩进 0 个空格";
    assert_eq!(message, format!("{head}{tail}"));
    let head = "同一组键必须从同一列开始；";
    let tail = "请删去这一行的缩进，与同级的键对齐";
    assert_eq!(help, Some(format!("{head}{tail}")));
    let (message, _) = zh("a: *nope\n");
    assert_eq!(message, "语法错误：别名 `*nope` 之前没有定义锚点 `&nope`");
}

/// Each of the parser's complaints reads in plain words in both languages: none of the
/// parser's jargon in English, Chinese in Chinese.
#[test]
fn parser_complaints_read_in_plain_words() {
    use serde_saphyr::granit_parser::ErrorKind as K;
    let kinds = [
        K::UnexpectedEofFlowSequence,
        K::UnexpectedEofFlowMapping,
        K::UnexpectedEofImplicitFlowMapping,
        K::UnexpectedEofBlockSequence,
        K::UnexpectedEofBlockMapping,
        K::UnexpectedEof,
        K::ExpectedNodeContent,
        K::ExpectedBlockMappingKey,
        K::ExpectedFlowMappingSeparator,
        K::ExpectedFlowSequenceSeparator,
        K::ExpectedBlockSequenceEntry,
        K::SimpleKeyExpected,
        K::InvalidSimpleKey,
        K::InvalidDocumentEnd,
        K::InvalidIndentation,
        K::InvalidFlowScalarIndent,
        K::BomInsideDocument,
        K::UnexpectedCharacter { character: '@' },
        K::UnexpectedCharacter { character: '\t' },
        K::TabNotAllowed,
        K::TabInBlockIndentation,
        K::TabAtBlockScalarStart,
        K::TabInIndentation,
        K::TabInPlainScalar,
        K::CommentInterceptedScalar,
        K::CommentNotSeparated,
        K::MissingAnchorOrAliasName,
        K::MisplacedFlowCollectionEnd,
        K::MismatchedFlowCollectionEnd { open: '[', close: '}' },
        K::UnclosedFlowCollection { open: '{' },
        K::BlockEntryInFlowCollection,
        K::BlockSequenceEntryNotAllowed,
        K::InvalidBlockEntryWhitespace,
        K::InvalidBlockScalarIndent,
        K::UnclosedQuotedScalar,
        K::InvalidQuotedScalarIndent,
        K::InvalidTrailingSingleQuotedScalar,
        K::InvalidTrailingDoubleQuotedScalar,
        K::UnknownQuotedScalarEscape,
        K::InvalidQuotedScalarHexEscape,
        K::InvalidLowSurrogateHexEscape,
        K::InvalidLowSurrogate,
        K::MissingLowSurrogate,
        K::UnpairedLowSurrogate,
        K::InvalidUnicodeEscape,
        K::PlainScalarStartsWithDashFlowIndicator,
        K::MappingKeyNotAllowed,
        K::InvalidMappingValueWhitespace,
        K::InvalidColonPlacement,
        K::FlowMappingValueAdjacentCollection,
        K::MappingValueNotAllowed,
        K::UndeclaredTagHandle,
    ];
    for kind in kinds {
        let message = build::scan_message(&kind, || kind.to_string());
        let en = message.en();
        let jargon = ["scalar", "indicator", "token", "simple key", "flow", "EOF", "surrogate"];
        let plain = matches!(kind, K::UndeclaredTagHandle) || en != kind.to_string();
        assert!(plain && !jargon.iter().any(|j| en.contains(j)), "{kind:?}: {en}");
        let zh = message.text(crate::i18n::Locale::ZhCn);
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{kind:?}: {zh}");
    }
}

/// `text` with the edits of every fix of `e` made (base 0).
fn fixed(text: &str, e: &Error) -> String {
    let mut edits: Vec<(usize, usize, &str)> = e
        .fixes
        .iter()
        .flat_map(|f| f.edits.iter())
        .map(|(s, t)| (s.start as usize, s.end as usize, t.as_str()))
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

/// An explained syntax error: its English message, the text it points at, the related place's
/// text and label, and the text after its fix (if it has one, which must then parse).
fn explained(text: &str) -> (String, String, Option<(String, String)>, Option<String>) {
    let e = err(text);
    assert_eq!(e.kind, ErrorKind::Syntax, "{text:?}");
    assert!(e.help.is_some(), "{text:?}: no help");
    let related = e.related.as_ref().map(|(s, m)| (at(text, *s).to_string(), m.en()));
    let after = (!e.fixes.is_empty()).then(|| fixed(text, &e));
    if let Some(after) = &after {
        assert!(e.fixes.iter().all(|f| f.safe));
        parse(FileId(0), after, 0).unwrap_or_else(|e| panic!("{after:?}: {}", e.message.en()));
    }
    (e.message.en(), at(text, e.span).to_string(), related, after)
}

#[test]
fn a_key_one_space_off_names_both_columns_points_at_a_sibling_and_is_fixed() {
    let text = "people:\n  - id: a\n    name: 张三\n     post: gm\n";
    let (message, at, related, after) = explained(text);
    assert_eq!(
        message,
        "invalid YAML: this line is indented 5 spaces, but the lines it belongs with use 4"
    );
    assert_eq!(at, "post: gm");
    assert_eq!(related, Some(("name".into(), "siblings start here".into())));
    assert_eq!(after.as_deref(), Some("people:\n  - id: a\n    name: 张三\n    post: gm\n"));
    let text = "people:\n  - id: a\n    name: 张三\n   post: gm\n";
    let (message, at, _, after) = explained(text);
    assert!(message.ends_with("indented 3 spaces, but the lines it belongs with use 4"));
    assert_eq!(at, "post: gm");
    assert_eq!(after.as_deref(), Some("people:\n  - id: a\n    name: 张三\n    post: gm\n"));
    // At the top level: one space too many.
    let (message, _, related, after) = explained("kind: roster\n unit: henan\n");
    assert!(message.ends_with("indented 1 space, but the lines it belongs with use 0"));
    assert_eq!(related.unwrap().0, "kind");
    assert_eq!(after.as_deref(), Some("kind: roster\nunit: henan\n"));
    let e = err("kind: roster\n unit: henan\n");
    assert_eq!(e.fixes[0].title.en(), "remove this line's indentation");
    // Two spaces off: said, but not fixed (the writer may have meant something else).
    let (message, _, related, after) = explained("a: 1\n  b: 2\n");
    assert!(message.ends_with("indented 2 spaces, but the lines it belongs with use 0"));
    assert_eq!((related.unwrap().0, after), ("a".into(), None));
    // A nested block one space off its own siblings, not its parent's.
    let text = "people:\n  - id: a\n    pay:\n       base: 1\n      bonus: 2\n";
    let (message, _, related, after) = explained(text);
    assert!(message.ends_with("indented 6 spaces, but the lines it belongs with use 7"));
    assert_eq!(related.unwrap().0, "base");
    assert!(after.unwrap().ends_with("\n       bonus: 2\n"));
}

#[test]
fn a_line_under_a_key_without_a_value_is_not_fixed_either_way() {
    let text = "people:\n  - id: a\n    pay:\n   base: 1\n";
    let e = err(text);
    assert!(e.message.en().ends_with("indented 3 spaces, but the lines it belongs with use 4"));
    assert_eq!(
        e.help.unwrap().en(),
        "`pay:` above has no value: to put this line under it, indent it by more than 4 \
         spaces (6, say); to put it beside `pay`, indent it by 4 spaces"
    );
    assert!(e.fixes.is_empty());
    assert_eq!(at(text, e.related.unwrap().0), "pay");
}

#[test]
fn a_list_item_off_its_list_s_column_is_named_and_one_space_is_fixed() {
    let (message, at, related, after) = explained("posts:\n  - id: gm\n   - id: y\n");
    assert_eq!(
        message,
        "invalid YAML: this list item is indented 3 spaces, but the items of its list use 2"
    );
    assert_eq!((at.as_str(), related.unwrap().0.as_str()), ("- id: y", "-"));
    assert_eq!(after.as_deref(), Some("posts:\n  - id: gm\n  - id: y\n"));
    let (message, at, _, after) = explained("posts:\n  - id: gm\n  -id: y\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("invalid YAML: a list item's `-` needs a space after it", "-")
    );
    assert_eq!(after.as_deref(), Some("posts:\n  - id: gm\n  - id: y\n"));
    let (message, ..) = explained("a: {x: 1 y: 2}\n");
    assert_eq!(message, "invalid YAML: a `,` or `}` was expected here, inside `{…}`");
    assert!(err("a: {x: 1 y: 2}\n").help.unwrap().en().starts_with("separate the items"));
    let (_, _, _, after) = explained("posts:\n  - id: gm\n - id: y\n");
    assert_eq!(after.as_deref(), Some("posts:\n  - id: gm\n  - id: y\n"));
    let (message, _, _, after) = explained("posts:\n    - id: gm\n  - id: y\n");
    assert!(message.ends_with("indented 2 spaces, but the items of its list use 4"));
    assert_eq!(after, None);
    let (message, _, _, after) = explained("posts:\n  - id: gm\n    - id: y\n");
    assert!(message.ends_with("indented 4 spaces, but the items of its list use 2"));
    assert_eq!(after, None);
}

#[test]
fn a_line_between_two_columns_and_a_list_item_in_a_mapping_are_explained_without_a_fix() {
    let (message, _, related, after) = explained("a:\n  b: 1\n c: 2\n");
    assert_eq!(
        message,
        "invalid YAML: this line is indented 1 space, which lines up with none of the lines \
         above it"
    );
    assert_eq!((related, after), (None, None));
    let (message, at, related, after) = explained("kind: roster\nunit: henan\n- id: x\n");
    assert_eq!(message, "invalid YAML: a list item (`-`) among the keys of a mapping");
    assert_eq!(at, "- id: x");
    assert_eq!(related.unwrap(), ("unit".into(), "the mapping's keys start here".into()));
    assert_eq!(after, None);
}

#[test]
fn quotes_brackets_and_colons_are_explained_where_they_are() {
    let (message, at, _, _) = explained("a: 'abc\nb: 1\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("invalid YAML: the quote `'` opened here is never closed", "'")
    );
    let (message, _, _, _) = explained("a: \"abc\nb: 1\n");
    assert_eq!(message, "invalid YAML: the quote `\"` opened here is never closed");
    for text in ["a: [1, 2\nb: 1\n", "kind: budget\nlines: [1, 2\n", "a: {x: 1\nb: 1\n"] {
        let (message, at, _, _) = explained(text);
        assert!(message.ends_with(" opened here is never closed"), "{text:?}: {message}");
        assert!(at == "[" || at == "{", "{text:?}: {at}");
    }
    // A bracket in plain text is text.
    assert!(parse(FileId(0), "a: x[1\nb: 1\n", 0).is_ok());
    let (message, at, _, _) = explained("a: 'x' y\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("invalid YAML: text follows the closing quote of a value", "y")
    );
    let (message, at, _, after) = explained("a: b: c\n");
    assert!(
        message.ends_with("this value holds `: `, which reads as a second key on the same line")
    );
    assert_eq!((at.as_str(), after), (":", None));
    let (message, _, _, after) = explained("a:b\nc: d\n");
    assert!(message.contains("`a:b` has no space after the colon"), "{message}");
    assert_eq!(after.as_deref(), Some("a: b\nc: d\n"));
}

#[test]
fn a_tab_in_the_indentation_becomes_the_spaces_of_the_lines_around_it() {
    let text = "kind: budget\nlines:\n  - id: rent\n    name: 租赁费\n\tamount: 13000\n";
    let (message, at, _, after) = explained(text);
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("invalid YAML: a tab character in the indentation", "\t")
    );
    assert!(after.unwrap().ends_with("\n    name: 租赁费\n    amount: 13000\n"));
    let (_, _, _, after) = explained("kind: roster\nposts:\n\t- id: a\n");
    assert_eq!(after.as_deref(), Some("kind: roster\nposts:\n  - id: a\n"));
}

#[test]
fn input_method_habits_are_named_and_replaced_exactly() {
    use habits::{HabitKind, scan_line};
    let h = scan_line("name：张三").unwrap();
    assert_eq!((h.kind, h.edits), (HabitKind::Colon, vec![(4..7, ": ")]));
    let h = scan_line("  post： gm").unwrap();
    assert_eq!(h.edits, vec![(6..9, ":")]);
    let h = scan_line("　　post:　gm").unwrap();
    assert_eq!(h.kind, HabitKind::Space);
    assert_eq!(h.edits, vec![(0..3, "  "), (3..6, "  "), (11..14, " ")]);
    let h = scan_line("  －　id：gm").unwrap();
    assert_eq!(h.kind, HabitKind::Dash);
    assert_eq!(h.edits, vec![(2..5, "-"), (5..8, " "), (10..13, ": ")]);
    // Text in a value or a comment is left alone.
    for line in ["note: 时间：下午", "# 说明：无", "- 第一：x"].into_iter().chain([
        "a: '：'",
        "  －5%",
        "时间：",
        "- x",
    ]) {
        assert_eq!(scan_line(line), None, "{line}");
    }
    let cases = [
        ("name：张三\nb: 1\n", "full-width colon `：` — use `:`", "name: 张三\nb: 1\n"),
        (
            "kind: roster\nposts:\n  - id：gm\n    title: x\n",
            "full-width colon `：` — use `:`",
            "kind: roster\nposts:\n  - id: gm\n    title: x\n",
        ),
        (
            "kind: roster\nposts:\n  - id: gm\n    title：x\n",
            "full-width colon `：` — use `:`",
            "kind: roster\nposts:\n  - id: gm\n    title: x\n",
        ),
        ("a:　1\nb: 2\n", "full-width space `　` — use ordinary spaces", "a: 1\nb: 2\n"),
        ("a:\n  - x\n  － y\n", "full-width dash `－` — use `-`", "a:\n  - x\n  - y\n"),
    ];
    for (text, message, after) in cases {
        let (m, at, _, fixed) = explained(text);
        assert_eq!(m, message, "{text:?}");
        assert!(["：", "　", "－"].contains(&at.as_str()), "{text:?}: {at}");
        assert_eq!(fixed.as_deref(), Some(after), "{text:?}");
    }
    // A value read as one string: the habit on the lines it spans, found by byte range.
    let text = "kind: roster\nunit：henan\n";
    let (line, h) = habits::in_range(text, 13..24).unwrap();
    assert_eq!((line, h.kind, h.edits), (13, HabitKind::Colon, vec![(4..7, ": ")]));
    assert_eq!(habits::in_range(text, 0..4), None);
    let e = err("name：张三\nb: 1\n");
    let zh = e.message.text(crate::i18n::Locale::ZhCn);
    assert_eq!(zh, "全角冒号 `：`，请改为半角 `:`");
    // A full-width colon in a block text above the error is the text's, not the cause.
    let (message, ..) = explained("a: |\n  时间：下午\nb: c: d\n");
    assert!(message.contains("second key"), "{message}");
}

#[test]
fn every_syntax_error_has_help_and_explaining_never_panics() {
    let pieces = [
        "a", ":", " ", "  ", "\n", "-", "\u{ff0d}", "\u{ff1a}", "\u{3000}", "\t", "'", "\"", "[",
        "{", "]", "#", "|", "\u{540d}",
    ];
    let mut seed = 7u64;
    for _ in 0..4000 {
        let mut text = String::new();
        for _ in 0..12 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text += pieces[(seed >> 33) as usize % pieces.len()];
        }
        if let Err(e) = parse(FileId(0), &text, 3) {
            if e.kind == ErrorKind::Syntax {
                assert!(e.help.is_some(), "{text:?}");
            }
            let spans = e.fixes.iter().flat_map(|f| &f.edits).map(|(s, _)| s);
            let related = e.related.iter().map(|(s, _)| s);
            for span in spans.chain(related).chain([&e.span]) {
                let (s, t) = (span.start as usize - 3, span.end as usize - 3);
                assert!(text.is_char_boundary(s) && text.is_char_boundary(t), "{text:?}");
            }
        }
    }
}
