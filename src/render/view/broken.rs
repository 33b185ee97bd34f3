//! The page of a document that could not be read: what is wrong with it, where, and what to do,
//! instead of its content; and the page of a person listed in a roster that could not be read.

use serde::Serialize;

use crate::render::broken::Problem;
use crate::render::view::site::{BrokenPage, Link, Site};

/// The page of a document that could not be read.
#[derive(Debug, Serialize)]
pub struct BrokenView {
    /// The file's path in the repository.
    pub path: String,
    /// Its problems: message, place, the line with the spot, help.
    pub problems: Vec<Problem>,
    /// The people of a broken roster, whose pages only point back here.
    pub people: Vec<Link>,
    /// On a person's page: the roster that could not be read.
    pub roster: Option<Link>,
}

impl BrokenView {
    /// The view of `page`'s document.
    pub fn new(page: &BrokenPage) -> BrokenView {
        let people = page
            .people
            .iter()
            .map(|(id, name, url)| Link {
                label: if name.is_empty() { id.clone() } else { name.clone() },
                url: url.clone(),
                broken: None,
            })
            .collect();
        BrokenView {
            path: page.path.clone(),
            problems: page.problems.clone(),
            people,
            roster: None,
        }
    }

    /// The page of a person listed in `roster`, which could not be read.
    pub fn person(site: &Site, roster: &BrokenPage) -> BrokenView {
        BrokenView {
            path: roster.path.clone(),
            problems: Vec::new(),
            people: Vec::new(),
            roster: Some(site.broken_link(roster)),
        }
    }
}
