//! View structs: what templates see. They are built from the index and the rollup reports,
//! with every figure already formatted for the locale, and never expose model types, so the
//! model can change without breaking a user's templates.
//!
//! One module per kind of page (`home`, `lists`, `unit`, `roster`, `person`, `plan`, `budget`,
//! `review`, `report`, `trends`, `changes`, `problems`, `free_page`, `broken`). Below them,
//! shared by several:
//! `site` (the [`Site`] tables every view reads: URLs, reports, lookups), `common` (the page
//! header, names, task rows), `attainment` (the targets table), `figures` (budget lines,
//! caps and charts) and `attention` (what needs attention, per unit, and the anchors it
//! links to). Page modules import only from the shared ones, never from each other;
//! `plan_links` (problems, measures and work areas) is a part of the plan page in its own file;
//! `org` (the org chart and its pages) and `directory` (the people directory, whose front page
//! is the people list; it orders units for the units list too) with `collate` (names in the
//! locale's order) serve the people pages.

pub mod attainment;
pub mod attention;
pub mod broken;
pub mod budget;
pub mod changes;
pub mod collate;
pub mod common;
pub mod directory;
pub mod figures;
pub mod free_page;
pub mod home;
pub mod lists;
pub mod org;
pub mod person;
pub mod plan;
pub mod plan_links;
pub mod problems;
pub mod report;
pub mod review;
pub mod roster;
pub mod site;
pub mod trends;
pub mod unit;

pub use broken::BrokenView;
pub use budget::BudgetView;
pub use changes::ChangesView;
pub use common::PageView;
pub use free_page::FreePageView;
pub use home::HomeView;
pub use lists::{ListKind, ListView};
pub use person::PersonView;
pub use plan::PlanView;
pub use problems::ProblemsView;
pub use report::ReportView;
pub use review::ReviewView;
pub use roster::RosterView;
pub use site::{Link, Reports, Site};
pub use trends::TrendsView;
pub use unit::UnitView;
