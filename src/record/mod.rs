//! The bulletin as a publication of record: what git says about who changed the content and
//! when ([`git`]), and which fields each change touched ([`fields`]).

pub mod fields;
pub mod git;
