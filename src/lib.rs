//! bulletin turns a folder of YAML and Markdown into a static site of investment-promotion
//! (招商引资) progress bulletins.
//!
//! The pipeline runs one way:
//! 1. [`content::load`] reads and validates `content/` into a [`content::Content`], or reports
//!    every problem as [`diagnostics::Diagnostic`]s;
//! 2. the figures of each month are computed from it (as of that month's end);
//! 3. pages are rendered from the figures;
//! 4. the site is written to a temporary folder and swapped in whole.

pub mod cli;
pub mod commands;
pub mod content;
pub mod diagnostics;
pub mod excel;
pub mod figures;
pub mod output;
pub mod paths;
pub mod period;
pub mod record;
pub mod render;
pub mod report;
pub mod rollup;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod source;
pub mod write;
