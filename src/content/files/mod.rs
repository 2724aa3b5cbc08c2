//! One decoder per kind of content file, each turning a YAML tree into model values.

pub mod corrections;
pub mod factories;
pub mod markdown;
pub mod meetings;
pub mod projects;
pub mod registries;
pub mod site;
pub mod squads;
pub mod targets;

use super::fields::{Decoder, IdTable};
use super::model::{UnitIx, UnitKind};
use super::problems;
use super::yaml::{SyntaxError, SyntaxKind};
use crate::source::Span;

/// What a file may refer to, known before it is read.
pub struct Tables {
    pub units: IdTable,
    pub unit_kinds: Vec<UnitKind>,
    pub units_ids: Vec<String>,
    pub leaders: IdTable,
    pub chains: IdTable,
    pub squads: IdTable,
    /// The unit of each squad, once squads are read (projects credit it).
    pub squad_units: Vec<Option<UnitIx>>,
    /// The signing date of each project, once projects are read (factories check move-ins).
    pub project_signed: Vec<Option<chrono::NaiveDate>>,
    pub projects: IdTable,
}

impl Tables {
    /// What decoding a project reads from the tables, as one number: a project decoded with
    /// other tables is decoded again (see `crate::content::load::ReadCache`).
    pub fn project_key(&self) -> u64 {
        self.key(&[&self.units, &self.leaders, &self.chains, &self.squads], true)
    }

    /// What decoding a squad reads from the tables, as one number.
    pub fn squad_key(&self) -> u64 {
        self.key(&[&self.units, &self.chains, &self.projects], false)
    }

    fn key(&self, tables: &[&IdTable], squad_units: bool) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for table in tables {
            table.hash_into(&mut h);
        }
        self.unit_kinds.hash(&mut h);
        self.units_ids.hash(&mut h);
        if squad_units {
            self.squad_units.hash(&mut h);
        }
        h.finish()
    }
}

/// Turns YAML syntax errors into diagnostics.
pub fn report_syntax(d: &mut Decoder, errors: Vec<SyntaxError>) {
    for e in errors {
        let diagnostic = match e.kind {
            SyntaxKind::Parser => problems::yaml_syntax(&e.detail),
            SyntaxKind::FullWidthColon => problems::full_width_colon(&e.detail),
            SyntaxKind::TabIndent => problems::tab_indent(),
            SyntaxKind::SeveralDocuments => problems::several_documents(),
            SyntaxKind::DuplicateKey => problems::duplicate_key(&e.detail),
            SyntaxKind::TooManyAliases => problems::too_many_aliases(),
            SyntaxKind::TooDeep => problems::too_deep(),
            SyntaxKind::TooManyValues => problems::too_many_values(),
        };
        let end = match e.kind {
            SyntaxKind::DuplicateKey => e.at + e.detail.len() as u32,
            SyntaxKind::FullWidthColon => e.at + '：'.len_utf8() as u32,
            _ => e.at,
        };
        d.report(diagnostic, Some(Span { start: e.at, end }));
    }
}
