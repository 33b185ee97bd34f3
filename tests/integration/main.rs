//! planbook's integration tests: each runs the real binary on real files.

mod architecture;
mod build;
mod cache;
mod check;
mod confine;
mod fixtures;
mod history;
mod language;
mod load;
mod plans;
mod rollup;
mod rules;
mod safe_text;
mod scaling;
mod schema;
mod support;
mod workflow;
mod yaml_hostile;
mod zh_budget_plan_review;
mod zh_cli;
mod zh_handbook;
mod zh_history;
mod zh_load;
mod zh_rollup;
mod zh_roster_links;
mod zh_vocab;
