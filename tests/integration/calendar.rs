//! `new` knows the calendar; `document.title-period`.
