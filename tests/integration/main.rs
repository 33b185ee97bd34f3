//! planbook's integration tests: each runs the real binary on real files.

mod architecture;
mod build;
mod cache;
mod check;
mod confine;
mod fixtures;
mod history;
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
mod zh_history;
