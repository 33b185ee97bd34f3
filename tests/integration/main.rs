//! planbook's integration tests: each runs the real binary on real files.

mod architecture;
mod build;
mod check;
mod fixtures;
mod history;
mod load;
mod plans;
mod rollup;
mod rules;
mod scaling;
mod schema;
mod support;
mod workflow;
