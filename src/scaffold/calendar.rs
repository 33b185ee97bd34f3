//! Last period's text made this period's: a title and the narrative's headings with every
//! period named in them (in whatever form, [`crate::model::calendar`]) moved on to the new
//! period, and the prose under the headings left out.

use crate::model::calendar;
use crate::model::period::Period;

/// `title` with every mention of `from` written for `to`, in the same form.
pub fn title(title: &str, from: Period, to: Period) -> String {
    calendar::rewrite(title, from, to)
}

/// The skeleton of a narrative from last period's `markdown`: every heading (all levels, each
/// followed by a blank line and nothing else) with `from` rewritten to `to`. `# {title}` comes
/// first when `markdown` has no `#` heading of its own.
pub fn skeleton(markdown: &str, from: Period, to: Period, title: &str) -> String {
    let headings = calendar::headings(markdown);
    let mut out = String::new();
    if !headings.iter().any(|(level, _)| *level == 1) {
        out.push_str(&format!("# {title}\n\n"));
    }
    for (level, range) in headings {
        let Some(text) = markdown.get(range) else { continue };
        out.push_str(&format!("{} {}\n\n", "#".repeat(level), calendar::rewrite(text, from, to)));
    }
    out
}

/// A YAML document's `source` with the value of its top-level `title:` rewritten from `from`
/// to `to` (unchanged when it has none): the byte range replaced and its new text.
pub fn title_edit(
    source: &str,
    from: Period,
    to: Period,
) -> Option<(std::ops::Range<usize>, String)> {
    let range = calendar::title_value(source)?;
    let old = source.get(range.clone())?;
    let new = calendar::rewrite(old, from, to);
    (new != old).then_some((range, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_carried_without_their_prose_or_lists() {
        let (oct, nov) = (Period::Month(2026, 10), Period::Month(2026, 11));
        let body = concat!(
            "\n## 一、10月工作回顾\n\n销量完成。\n\n- 一条\n- 两条\n\n",
            "### 1. 销售\n\n```\n# 代码\n```\n## 二、下月计划\n"
        );
        let out = skeleton(body, oct, nov, "标题");
        let head = "# 标题\n\n## 一、11月工作回顾\n\n";
        let tail = "### 1. 销售\n\n## 二、下月计划\n\n";
        assert_eq!(out, format!("{head}{tail}"));
        let out = skeleton("# October 2026\n\ntext\n", oct, nov, "unused");
        assert_eq!(out, "# November 2026\n\n");
    }

    #[test]
    fn a_budget_title_is_rewritten_in_place() {
        let (oct, nov) = (Period::Month(2026, 10), Period::Month(2026, 11));
        let source = "kind: budget\ntitle: \"2026年10月预算\"   # 注释\nperiod: 2026-10\n";
        let (range, text) = title_edit(source, oct, nov).unwrap();
        assert_eq!(&source[range], "\"2026年10月预算\"");
        assert_eq!(text, "\"2026年11月预算\"");
        assert!(title_edit("kind: budget\ntitle: 预算\n", oct, nov).is_none());
    }
}
