//! Load and validate a content folder into [`model::Content`], the single source of truth.
//!
//! `load` reads every file, reports every problem it finds (not just the first) as
//! [`Diagnostic`](crate::diagnostics::Diagnostic)s, and gives a `Content` only when there is no
//! error. The data-quality warnings, which depend on a report month, are in
//! [`crate::figures::warnings`].

pub mod closest;
pub mod edit;
pub mod fields;
pub mod files;
pub mod links;
pub mod load;
pub mod model;
pub mod placeholders;
pub mod problems;
pub mod yaml;

use crate::diagnostics::Diagnostics;

pub use load::{from_files, load};
pub use model::Content;

/// The outcome of reading a content folder.
#[derive(Debug)]
pub struct Loaded {
    /// Every file read, for pointing at lines in messages.
    pub sources: crate::source::Sources,
    /// `Some` only when there are no errors.
    pub content: Option<Content>,
    pub diagnostics: Diagnostics,
}
