//! Report tables as files: [`xlsx`] (a month's tables as an Excel workbook, exact values in
//! number cells) and [`csv`] (one table, as displayed). Neither computes a figure: each writes
//! what [`crate::report`] defined. HTML is `render`'s.

pub mod csv;
pub mod docx;
pub mod pdf;
pub mod png;
pub mod xlsx;
