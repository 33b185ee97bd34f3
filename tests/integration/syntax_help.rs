//! YAML syntax errors read as help: for each mistake a manager makes in a roster (a line one
//! space off, a full-width colon, a tab, a quote never closed…), `check` gives exactly one
//! diagnostic, in English and Chinese, at the right line and column, and where the help is a
//! sure edit, `--format json` carries it; making that edit leaves the repository clean.

use serde_json::Value;

use crate::support::{Repo, english_words, has_chinese};

/// A roster that checks clean.
const ROSTER: &str = "\
kind: roster
unit: henan
title: 河南分公司名册
as_of: 2026-12-01

posts:
  - id: gm
    title: 总经理
    class: management
    establishment: 1
  - id: rep
    title: 业务员
    class: sales
    establishment: 2
    reports_to: gm

people:
  - id: p001
    name: 周明远
    post: gm
    since: 2026-12-01
  - id: p002
    name: 李志强
    post: rep
    reports_to: p001
  - id: p003
    name: 王芳
    post: rep
    reports_to: p001
";

/// One mistake: the first `find` in the roster replaced by `with`, and what `check` says.
struct Case {
    name: &'static str,
    find: &'static str,
    with: &'static str,
    rule: &'static str,
    /// Line and column (1-based) of the diagnostic.
    at: (u64, u64),
    en: (&'static str, &'static str),
    zh: (&'static str, &'static str),
    /// Line and column of the related place, and its label in English.
    related: Option<(u64, u64, &'static str)>,
    /// Whether the fix's edits give back the clean roster.
    fixed: bool,
}

const KEY_HELP: (&str, &str) = (
    "the keys of one mapping must start in the same column; indent this line by 4 spaces, \
     like its siblings",
    "同一组键必须从同一列开始；请把这一行缩进改为 4 个空格，与同级的键对齐",
);
const ITEM_HELP: (&str, &str) = (
    "the `-` of one list must start in the same column; indent this line by 2 spaces, like \
     the other items",
    "同一列表的 `-` 必须从同一列开始；请把这一行缩进改为 2 个空格，与其他项对齐",
);
const COLON: (&str, &str) = (
    "full-width colon `：` — use `:`",
    "YAML separates a key from its value only with the half-width `:` and a space; switch the \
     input method to half-width punctuation when typing keys",
);
const COLON_ZH: (&str, &str) = (
    "全角冒号 `：`，请改为半角 `:`",
    "键和值之间只能用半角 `:` 加空格分隔；输入键名时请把输入法切换到半角标点",
);
const SPACE: (&str, &str) = (
    "full-width space `　` — use ordinary spaces",
    "YAML's indentation and the space after `:` must be half-width spaces; the full-width \
     space (U+3000) looks the same but is read as text",
);
const SPACE_ZH: (&str, &str) = (
    "全角空格 `　`，请改为半角空格",
    "缩进和 `:` 后的空格都必须是半角空格；全角空格（U+3000）看起来一样，但会被当成文字",
);

const CASES: &[Case] = &[
    Case {
        name: "a key one space too deep",
        find: "    post: gm\n",
        with: "     post: gm\n",
        rule: "yaml.syntax",
        at: (20, 6),
        en: (
            "invalid YAML: this line is indented 5 spaces, but the lines it belongs with use 4",
            KEY_HELP.0,
        ),
        zh: ("语法错误：这一行缩进了 5 个空格，但与它同级的行缩进 4 个空格", KEY_HELP.1),
        related: Some((19, 5, "siblings start here")),
        fixed: true,
    },
    Case {
        name: "a key one space short",
        find: "    post: gm\n",
        with: "   post: gm\n",
        rule: "yaml.syntax",
        at: (20, 4),
        en: (
            "invalid YAML: this line is indented 3 spaces, but the lines it belongs with use 4",
            KEY_HELP.0,
        ),
        zh: ("语法错误：这一行缩进了 3 个空格，但与它同级的行缩进 4 个空格", KEY_HELP.1),
        related: Some((19, 5, "siblings start here")),
        fixed: true,
    },
    Case {
        name: "a list item one space too deep",
        find: "  - id: p002\n",
        with: "   - id: p002\n",
        rule: "yaml.syntax",
        at: (22, 4),
        en: (
            "invalid YAML: this list item is indented 3 spaces, but the items of its list use 2",
            ITEM_HELP.0,
        ),
        zh: ("语法错误：这个列表项缩进了 3 个空格，但同一列表的其他项缩进 2 个空格", ITEM_HELP.1),
        related: Some((18, 3, "siblings start here")),
        fixed: true,
    },
    Case {
        name: "a list item one space short",
        find: "  - id: p002\n",
        with: " - id: p002\n",
        rule: "yaml.syntax",
        at: (22, 2),
        en: (
            "invalid YAML: this list item is indented 1 space, but the items of its list use 2",
            ITEM_HELP.0,
        ),
        zh: ("语法错误：这个列表项缩进了 1 个空格，但同一列表的其他项缩进 2 个空格", ITEM_HELP.1),
        related: Some((18, 3, "siblings start here")),
        fixed: true,
    },
    Case {
        name: "a list item two spaces too deep: said, not fixed",
        find: "  - id: p002\n",
        with: "    - id: p002\n",
        rule: "yaml.syntax",
        at: (22, 5),
        en: (
            "invalid YAML: this list item is indented 4 spaces, but the items of its list use 2",
            ITEM_HELP.0,
        ),
        zh: ("语法错误：这个列表项缩进了 4 个空格，但同一列表的其他项缩进 2 个空格", ITEM_HELP.1),
        related: Some((18, 3, "siblings start here")),
        fixed: false,
    },
    Case {
        name: "a full-width colon in a person",
        find: "    post: gm\n",
        with: "    post：gm\n",
        rule: "yaml.syntax",
        at: (20, 9),
        en: COLON,
        zh: COLON_ZH,
        related: None,
        fixed: true,
    },
    Case {
        name: "a full-width colon at the top",
        find: "unit: henan\n",
        with: "unit：henan\n",
        rule: "yaml.syntax",
        at: (2, 5),
        en: COLON,
        zh: COLON_ZH,
        related: None,
        fixed: true,
    },
    Case {
        name: "full-width spaces as indentation",
        find: "    post: gm\n",
        with: "\u{3000}\u{3000}post: gm\n",
        rule: "yaml.syntax",
        at: (20, 1),
        en: SPACE,
        zh: SPACE_ZH,
        related: None,
        fixed: true,
    },
    Case {
        name: "a full-width space after the colon",
        find: "    post: gm\n",
        with: "    post:\u{3000}gm\n",
        rule: "yaml.syntax",
        at: (20, 10),
        en: SPACE,
        zh: SPACE_ZH,
        related: None,
        fixed: true,
    },
    Case {
        name: "a full-width dash",
        find: "  - id: p002\n",
        with: "  － id: p002\n",
        rule: "yaml.syntax",
        at: (22, 3),
        en: (
            "full-width dash `－` — use `-`",
            "a list item starts with the half-width `-` and a space; the full-width `－` is \
             read as text",
        ),
        zh: (
            "全角横线 `－`，请改为半角 `-`",
            "列表项以半角 `-` 加空格开头；全角 `－` 会被当成文字",
        ),
        related: None,
        fixed: true,
    },
    Case {
        name: "no space after the colon",
        find: "    post: gm\n",
        with: "    post:gm\n",
        rule: "yaml.syntax",
        at: (20, 9),
        en: (
            "invalid YAML: `post:gm` has no space after the colon, so it reads as one piece of \
             text, not as the key `post` and its value",
            "put a space after the colon: `post: gm`",
        ),
        zh: (
            "语法错误：`post:gm` 的冒号后没有空格，会被当成一整段文字，而不是键 `post` 和它的值",
            "请在冒号后加一个空格：`post: gm`",
        ),
        related: None,
        fixed: true,
    },
    Case {
        name: "a dash without its space",
        find: "  - id: p002\n",
        with: "  -id: p002\n",
        rule: "yaml.syntax",
        at: (22, 3),
        en: (
            "invalid YAML: a list item's `-` needs a space after it",
            "without the space, the `-` is read as part of the text; write `- ` like the other \
             items of the list",
        ),
        zh: (
            "语法错误：列表项的 `-` 后面需要一个空格",
            "没有空格时，`-` 会被当成文字的一部分；请像同一列表的其他项一样写成 `- `",
        ),
        related: None,
        fixed: true,
    },
    Case {
        name: "a tab as indentation",
        find: "    post: gm\n",
        with: "\tpost: gm\n",
        rule: "yaml.syntax",
        at: (20, 1),
        en: (
            "invalid YAML: a tab character in the indentation",
            "YAML indentation must use spaces; replace the tab with spaces",
        ),
        zh: ("语法错误：缩进里有制表符", "缩进只能用空格；请把制表符换成空格"),
        related: None,
        fixed: true,
    },
    Case {
        name: "a quote never closed",
        find: "    name: 周明远\n",
        with: "    name: '周明远\n",
        rule: "yaml.syntax",
        at: (19, 11),
        en: (
            "invalid YAML: the quote `'` opened here is never closed",
            "end the value with a closing `'` on the same line, or remove the opening one",
        ),
        zh: (
            "语法错误：这里开始的引号 `'` 没有结束引号",
            "请在同一行的值末尾补上 `'`，或删掉开头的引号",
        ),
        related: None,
        fixed: false,
    },
    Case {
        name: "text after a quoted value",
        find: "    name: 周明远\n",
        with: "    name: '周明远' 经理\n",
        rule: "yaml.syntax",
        at: (19, 17),
        en: (
            "invalid YAML: text follows the closing quote of a value",
            "a quoted value ends at its closing quote; put the whole value inside the quotes, \
             or remove the quotes",
        ),
        zh: (
            "语法错误：值的结束引号后面还有文字",
            "加引号的值到结束引号为止；请把整个值都放进引号里，或去掉引号",
        ),
        related: None,
        fixed: false,
    },
    Case {
        name: "a bracket never closed",
        find: "    post: gm\n",
        with: "    post: [gm, rep\n",
        rule: "yaml.syntax",
        at: (20, 11),
        en: (
            "invalid YAML: the `[` opened here is never closed",
            "close it with `]` after the last item, on the same line (`[a, b]`); or write the \
             items one per line, each after `- ` or as `key: value`",
        ),
        zh: (
            "语法错误：括号 `[` 未闭合",
            "请在同一行最后一项之后用 `]` 闭合（如 `[a, b]`）；\
             或改为每行写一项，以 `- ` 或 `键: 值` 开头",
        ),
        related: None,
        fixed: false,
    },
    Case {
        name: "a list item among a mapping's keys",
        find: "unit: henan\n",
        with: "unit: henan\n- henan\n",
        rule: "yaml.syntax",
        at: (3, 1),
        en: (
            "invalid YAML: a list item (`-`) among the keys of a mapping",
            "the lines around it are `key: value` pairs, so this line needs a key too; remove \
             the `- `, or move the item under the key whose list it belongs to, indented \
             further than that key",
        ),
        zh: (
            "语法错误：一组“键: 值”中间出现了列表项（`-`）",
            "周围的行都是 `键: 值`，这一行也需要一个键；请删掉 `- `，\
             或把这一项移到它所属列表的键下面，并比那个键缩进更多",
        ),
        related: Some((2, 1, "the mapping's keys start here")),
        fixed: false,
    },
    Case {
        name: "a duplicate key whose name an earlier person has too",
        find: "    name: 李志强\n",
        with: "    name: 李志强\n    post: gm\n",
        rule: "yaml.duplicate-key",
        at: (25, 5),
        en: (
            "duplicate key `post`",
            "a key may appear once in a mapping; remove one of them or merge them",
        ),
        zh: ("键 `post` 重复", "同一映射中每个键只能出现一次；请删除其中一个，或将二者合并"),
        // The first `post` of the same person (line 24), not p001's (line 20).
        related: Some((24, 5, "first defined here")),
        fixed: false,
    },
];

fn repo(roster: &str) -> Repo {
    Repo::new().file("roster.yaml", roster)
}

fn check(repo: &Repo, lang: &str) -> Vec<Value> {
    repo.run(["check", "--lang", lang, "--format", "json"]).json()
}

/// `text` with the edits of every fix of `diag` made, by byte offsets.
fn apply(text: &str, diag: &Value) -> String {
    let mut edits: Vec<(usize, usize, String)> = diag["fixes"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["edits"].as_array().cloned().unwrap_or_default())
        .map(|e| {
            assert_eq!(e["file"], "roster.yaml");
            let byte = |k: &str| e[k].as_u64().expect("byte offset") as usize;
            (byte("start_byte"), byte("end_byte"), e["text"].as_str().unwrap_or("").to_string())
        })
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, &new);
    }
    out
}

#[test]
fn the_clean_roster_is_clean() {
    let repo = repo(ROSTER);
    repo.run(["check"]).code(0);
}

#[test]
fn each_syntax_mistake_gives_one_diagnostic_with_help_in_both_languages_and_its_fix() {
    for case in CASES {
        let name = case.name;
        assert!(ROSTER.contains(case.find), "{name}");
        let broken = ROSTER.replacen(case.find, case.with, 1);
        let repo = repo(&broken);
        let en = check(&repo, "en");
        assert_eq!(en.len(), 1, "{name}: {en:#?}");
        let d = &en[0];
        assert_eq!(d["rule"], case.rule, "{name}");
        assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(case.at.0), Some(case.at.1)));
        assert_eq!((d["message"].as_str(), d["help"].as_str()), (Some(case.en.0), Some(case.en.1)));
        match case.related {
            Some((line, column, note)) => {
                let r = &d["related"][0];
                assert_eq!((r["line"].as_u64(), r["column"].as_u64()), (Some(line), Some(column)));
                assert_eq!(r["note"], note, "{name}");
            }
            None => assert_eq!(d["related"], serde_json::json!([]), "{name}"),
        }
        let zh = check(&repo, "zh-CN");
        assert_eq!(zh.len(), 1, "{name}: {zh:#?}");
        let z = &zh[0];
        assert_eq!((z["message"].as_str(), z["help"].as_str()), (Some(case.zh.0), Some(case.zh.1)));
        for text in [case.zh.0, case.zh.1] {
            assert!(has_chinese(text) && english_words(text).is_empty(), "{name}: {text}");
        }
        let fixes = d["fixes"].as_array().cloned().unwrap_or_default();
        if !case.fixed {
            assert!(fixes.is_empty(), "{name}: {fixes:?}");
            continue;
        }
        assert_eq!(fixes.len(), 1, "{name}");
        assert_eq!(fixes[0]["applicability"], "safe", "{name}");
        let fixed = apply(&broken, d);
        assert_eq!(fixed, ROSTER, "{name}");
        let repo = repo.file("roster.yaml", &fixed);
        repo.run(["check"]).code(0);
    }
}

#[test]
fn a_fix_s_edit_replaces_exactly_the_full_width_characters() {
    let broken = ROSTER.replacen("    post: gm\n", "    post：gm\n", 1);
    let repo = repo(&broken);
    let d = &check(&repo, "en")[0];
    let edit = &d["fixes"][0]["edits"][0];
    let start = broken.find('：').unwrap();
    assert_eq!(edit["start_byte"].as_u64(), Some(start as u64));
    assert_eq!(edit["end_byte"].as_u64(), Some((start + '：'.len_utf8()) as u64));
    assert_eq!(edit["text"], ": ");
    assert_eq!((edit["line"].as_u64(), edit["column"].as_u64()), (Some(20), Some(9)));
    assert_eq!(d["fixes"][0]["title"], "replace the full-width characters with half-width ones");
    let zh = &check(&repo, "zh-CN")[0];
    assert_eq!(zh["fixes"][0]["title"], "把全角字符改为半角");
}

#[test]
fn a_colon_inside_a_value_is_not_a_habit() {
    // `：` in a value is text: the roster stays clean.
    let repo = repo(&ROSTER.replacen("    name: 周明远\n", "    name: 周明远（备注：新任）\n", 1));
    repo.run(["check"]).code(0);
}

#[test]
fn in_front_matter_the_fix_s_edits_are_offsets_in_the_whole_file() {
    let page = "---\ntitle: 说明\n description: 各项制度\n---\n\n正文\n";
    let repo = Repo::new().file("page.md", page);
    let diags = check(&repo, "en");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("page.md"), Some(3), Some(2))
    );
    let edit = &d["fixes"][0]["edits"][0];
    let start = page.find(" description").unwrap() as u64;
    assert_eq!(
        (edit["start_byte"].as_u64(), edit["end_byte"].as_u64()),
        (Some(start), Some(start + 1))
    );
    let fixed = page.replacen(" description", "description", 1);
    repo.file("page.md", &fixed).run(["check"]).code(0);
}
