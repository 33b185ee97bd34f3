//! planbook's integration tests: each runs the real binary on real files.

mod check;
mod fixtures;
mod load;
mod plans;
mod rollup;
mod schema;
mod support;
