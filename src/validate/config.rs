//! Rules about `planbook.yaml` itself.

use crate::diag::{Diagnostic, rules};
use crate::model::Workspace;
use crate::schema::check::did_you_mean;

/// `config.unknown-rule`: a severity override for a rule id that does not exist.
pub fn check_unknown_rules(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for id in ws.config.rules.keys() {
        if rules::find(id).is_some() {
            continue;
        }
        let diag = Diagnostic::new(
            &rules::CONFIG_UNKNOWN_RULE,
            format!("unknown rule `{}`", id.value),
            id.span,
        );
        let ids = rules::ALL.iter().map(|r| r.id);
        out.push(match did_you_mean(id, ids) {
            Some(best) => diag.help(format!("did you mean `{best}`?")),
            None => diag.help("`planbook rules` lists the rule ids"),
        });
    }
}
