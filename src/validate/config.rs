//! Rules about `planbook.yaml` itself: rule overrides, the unit hierarchy, the KPI catalogue.

use std::collections::HashMap;

use crate::diag::suggest;
use crate::diag::{Diagnostic, rules};
use crate::i18n::msg;
use crate::index::Index;
use crate::model::Kind;

/// `config.unknown-rule`: a severity override for a rule id that does not exist.
pub fn check_unknown_rules(ix: &Index, out: &mut Vec<Diagnostic>) {
    for id in ix.ws.config.rules.keys() {
        if rules::find(id).is_some() {
            continue;
        }
        let diag = Diagnostic::new(
            &rules::CONFIG_UNKNOWN_RULE,
            msg!("config-unknown-rule", id = id.value.as_str()),
            id.span,
        );
        let ids = rules::ALL.iter().map(|r| r.id);
        let hint = suggest::hint(id, ids, None);
        out.push(diag.help(hint.unwrap_or_else(|| msg!("config-unknown-rule-help"))));
    }
}

/// `config.duplicate-unit` and `config.duplicate-kpi`.
pub fn check_duplicate_ids(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut units = HashMap::new();
    for unit in &ix.ws.config.units {
        if let Some(first) = units.insert(unit.id.value.as_str(), unit.id.span) {
            out.push(
                Diagnostic::new(
                    &rules::CONFIG_DUPLICATE_UNIT,
                    msg!("config-duplicate-unit", id = unit.id.value.as_str()),
                    unit.id.span,
                )
                .related(first, msg!("config-first-defined-here")),
            );
        }
    }
    let mut kpis = HashMap::new();
    for kpi in &ix.ws.config.kpis {
        if let Some(first) = kpis.insert(kpi.id.value.as_str(), kpi.id.span) {
            out.push(
                Diagnostic::new(
                    &rules::CONFIG_DUPLICATE_KPI,
                    msg!("config-duplicate-kpi", id = kpi.id.value.as_str()),
                    kpi.id.span,
                )
                .related(first, msg!("config-first-defined-here")),
            );
        }
    }
}

/// `config.unknown-parent` and `config.unit-cycle`.
pub fn check_unit_tree(ix: &Index, out: &mut Vec<Diagnostic>) {
    let units = &ix.ws.config.units;
    let mut reported = Vec::new();
    for unit in units {
        let Some(parent) = &unit.parent else { continue };
        if !ix.units.contains_key(parent.value.as_str()) {
            if ix.dropped(Kind::Config, "units", parent.value.as_str()) {
                continue; // the parent has errors of its own, reported there
            }
            let ids = units
                .iter()
                .map(|u| u.id.value.as_str())
                .filter(|id| *id != unit.id.value.as_str());
            let diag = Diagnostic::new(
                &rules::CONFIG_UNKNOWN_PARENT,
                msg!(
                    "config-unknown-parent",
                    id = unit.id.value.as_str(),
                    parent = parent.value.as_str()
                ),
                parent.span,
            );
            let hint = suggest::hint(parent.value.as_str(), ids, None)
                .unwrap_or_else(|| msg!("config-unknown-parent-help"));
            out.push(diag.help(hint));
            continue;
        }
        // Walk up; a chain longer than the number of units has looped.
        let mut chain = vec![unit];
        let mut current = unit;
        while let Some(p) = current.parent.as_ref().and_then(|p| ix.units.get(p.value.as_str())) {
            if std::ptr::eq(*p, unit) {
                let mut ids: Vec<&str> = chain.iter().map(|u| u.id.value.as_str()).collect();
                ids.sort();
                if !reported.contains(&ids) {
                    // Ids and arrows only: the same in every language.
                    let units = chain
                        .iter()
                        .map(|u| format!("`{}`", u.id.value))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    let mut diag = Diagnostic::new(
                        &rules::CONFIG_UNIT_CYCLE,
                        msg!("config-unit-cycle", units = units, id = unit.id.value.as_str()),
                        unit.parent.as_ref().map_or(unit.id.span, |p| p.span),
                    );
                    for member in &chain[1..] {
                        diag = diag.related(
                            member.parent.as_ref().map_or(member.id.span, |p| p.span),
                            msg!("config-unit-cycle-member", id = member.id.value.as_str()),
                        );
                    }
                    out.push(diag.help(msg!("config-unit-cycle-help")));
                    reported.push(ids);
                }
                break;
            }
            if chain.len() > units.len() {
                break;
            }
            chain.push(p);
            current = p;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;
    use crate::validate::tests::{assert_reads_chinese, chinese, run_with};

    fn check(check: crate::validate::Check, rest: &str) -> Vec<(String, Option<String>)> {
        let config = format!("name: 测试公司\nlocale: zh-CN\n{rest}");
        run_with(&config, check, &[])
            .into_iter()
            .map(|d| (d.message.en(), d.help.as_ref().map(Msg::en)))
            .collect()
    }

    fn pair(message: &str, help: Option<&str>) -> (String, Option<String>) {
        (message.to_string(), help.map(str::to_string))
    }

    #[test]
    fn unknown_rules_get_a_suggestion_or_a_pointer_to_the_list() {
        let found = check(
            check_unknown_rules,
            "rules:\n  roster.vacancy: off\n  roster.vacncy: note\n  everything: off\n",
        );
        assert_eq!(
            found,
            [
                pair("unknown rule `everything`", Some("`planbook rules` lists the rule ids")),
                pair("unknown rule `roster.vacncy`", Some("did you mean `roster.vacancy`?")),
            ]
        );
    }

    #[test]
    fn unit_and_kpi_ids_are_unique() {
        let found = check(
            check_duplicate_ids,
            "units:\n  - { id: a, name: 甲 }\n  - { id: a, name: 乙 }\n  - { id: b, name: 甲 }
kpis:\n  - { id: k, name: 甲 }\n  - { id: k, name: 乙 }\n",
        );
        assert_eq!(
            found,
            [pair("unit `a` is defined twice", None), pair("KPI `k` is defined twice", None)]
        );
    }

    // A unit whose parent is a misspelling of its own id used to be told "did you mean" itself.
    #[test]
    fn an_unknown_parent_is_never_suggested_as_the_unit_itself() {
        let found = check(
            check_unit_tree,
            "units:\n  - { id: henan, name: 河南, parent: henna }
  - { id: b, name: 乙, parent: zx }
  - { id: zx, name: 中鑫 }\n  - { id: c, name: 丙, parent: zy }\n",
        );
        assert_eq!(
            found,
            [
                pair(
                    "unit `henan` has an unknown parent `henna`",
                    Some("name another unit's id, or leave `parent` out for a top-level unit")
                ),
                pair("unit `c` has an unknown parent `zy`", Some("did you mean `zx`?")),
            ]
        );
    }

    #[test]
    fn unit_cycles_are_reported_once_and_a_forward_parent_is_fine() {
        let found = check(
            check_unit_tree,
            "units:\n  - { id: a, name: 甲, parent: b }\n  - { id: b, name: 乙, parent: a }
  - { id: c, name: 丙, parent: a }\n  - { id: d, name: 丁, parent: d }
  - { id: e, name: 戊, parent: f }
  - { id: f, name: 己 }\n",
        );
        let messages: Vec<_> = found.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            messages,
            ["units form a cycle: `a` → `b` → `a`", "units form a cycle: `d` → `d`"]
        );
    }

    #[test]
    fn config_rules_read_in_chinese() {
        let config = "name: 测试公司\nlocale: zh-CN
units:\n  - { id: a, name: 甲, parent: b }\n  - { id: b, name: 乙, parent: a }
  - { id: a, name: 丙 }\n  - { id: c, name: 丁, parent: henan }
kpis:\n  - { id: k, name: 甲 }\n  - { id: k, name: 乙 }
rules:\n  everything: off\n";
        let mut found = Vec::new();
        for check in [check_unknown_rules, check_duplicate_ids, check_unit_tree] {
            found.extend(run_with(config, check, &[]));
        }
        let texts: Vec<String> = found.iter().map(chinese).collect();
        texts.iter().for_each(|t| assert_reads_chinese(t));
        assert_eq!(
            texts,
            [
                "未知的规则 `everything`\n运行 `planbook rules` 可列出所有规则编号",
                "单位 `a` 重复定义\n首次定义处",
                "指标 `k` 重复定义\n首次定义处",
                "单位上下级关系形成循环：`a` → `b` → `a`\n`b` 处于此循环中\n\
                 请将其中一个单位设为顶级单位，或为其指定其他上级单位",
                "单位 `c` 的上级单位 `henan` 不存在\n\
                 请填写另一单位的编号；顶级单位请省略 `parent`",
            ]
        );
    }
}
