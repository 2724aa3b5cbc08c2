//! The bulletin as a publication of record: issued bulletins kept as they were issued
//! ([`issued`], with their tables [`frozen`]), how each reads against the data now (its
//! corrections), the change log of each bulletin ([`changelog`]), what git says about who
//! changed the content and when ([`git`]), and which fields each change touched ([`fields`]).

pub mod changelog;
pub mod fields;
pub mod frozen;
pub mod git;
pub mod issued;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Content;
use crate::figures::annex::Annex;
use crate::period::Month;
use crate::report::MonthTables;
use frozen::FrozenTable;
use git::{Commit, History};
use issued::{Changed, Record};

/// What the site knows of its own publication: the issued bulletins, what reads differently in
/// each now, and the content's history.
pub struct Archive {
    pub records: BTreeMap<Month, Record>,
    /// For each issued month whose figures read differently now, what changed.
    pub restated: BTreeMap<Month, Vec<Changed>>,
    pub history: Arc<History>,
}

impl Archive {
    /// No issued bulletin and no history.
    pub fn empty() -> Archive {
        Archive {
            records: BTreeMap::new(),
            restated: BTreeMap::new(),
            history: Arc::new(History::none(git::Status::NotInRepository)),
        }
    }

    /// The archive of `content`: each record compared with its month's figures computed now.
    pub fn new(content: &Content, records: BTreeMap<Month, Record>, history: Arc<History>) -> Archive {
        let restated = records
            .par_iter()
            .filter_map(|(month, record)| {
                let changed = restatement(content, record);
                (!changed.is_empty()).then_some((*month, changed))
            })
            .collect();
        Archive { records, restated, history }
    }

    /// Whether the site issues its bulletins (then one not issued yet is a draft).
    pub fn issuing(&self) -> bool {
        !self.records.is_empty()
    }

    /// The commits since `record` was issued that may explain a change to its figures: those
    /// touching the data with a change dated in or before its month, or not dated at all.
    pub fn commits_since(&self, record: &Record) -> Vec<&Commit> {
        let Some(head) = self.history.commits.first() else { return Vec::new() };
        let Some(since) = self.history.between(record.commit.as_deref(), &head.id) else { return Vec::new() };
        let last_day = record.month.last_day().to_string();
        since.iter().filter(|c| c.files.iter().any(|f| touches_month(f, &last_day))).collect()
    }
}

/// What `check` says of the issued bulletins: records that cannot be read, and each issued
/// bulletin whose figures read differently now with no `corrections/` note explaining it (a
/// warning, or an error under `corrections: require_note`), at its record's file.
pub fn corrections_to_explain(content: &Content, sources: &crate::source::Sources) -> Vec<crate::diagnostics::Diagnostic> {
    let (records, mut found) = issued::records(content, Some(sources));
    let archive = Archive::new(content, records, Arc::new(History::none(git::Status::NotInRepository)));
    let error = content.site.corrections == crate::content::model::CorrectionPolicy::RequireNote;
    for (month, changed) in &archive.restated {
        if content.corrections.iter().any(|n| n.month == *month) {
            continue;
        }
        let Some(record) = archive.records.get(month) else { continue };
        let file = content.issued.iter().find(|f| f.month == *month).map(|f| f.file);
        let d = crate::content::problems::restated(*month, record.issue, changed.len(), error);
        found.push(match file {
            Some(f) => d.at(f, None),
            None => d,
        });
    }
    found
}

/// What reads differently in `record` when its month is computed again from `content`.
pub fn restatement(content: &Content, record: &Record) -> Vec<Changed> {
    let month = record.month;
    let s = crate::figures::snapshot(content, month);
    let tables = MonthTables::of(content, &s, &Annex::of(content, month));
    let fresh: Vec<FrozenTable> = tables.all().into_iter().map(FrozenTable::of).collect();
    let figures = record.figures.keys().map(|k| (k.clone(), crate::report::text::figure(&s, content, k))).collect();
    issued::compare(record, &fresh, &figures)
}

/// Whether a file change can move the figures of a month ending on `last_day` (`2026-03-31`):
/// a data file whose changed fields mention a date or month up to then, or none at all.
fn touches_month(f: &git::FileChange, last_day: &str) -> bool {
    let data = f.path.ends_with(".yaml") || f.path.ends_with(".yml");
    if !data {
        return false;
    }
    let Some(fields) = &f.fields else { return true };
    fields.iter().any(|c| {
        let texts = [Some(c.field.as_str()), c.before.as_deref(), c.after.as_deref()];
        let dates: Vec<&str> = texts.iter().flatten().flat_map(|t| dates_in(t)).collect();
        dates.is_empty() || dates.iter().any(|d| *d <= &last_day[..d.len()])
    })
}

/// The `YYYY-MM` and `YYYY-MM-DD` pieces of a text.
fn dates_in(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 7 <= b.len() {
        let month = b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'-'
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit());
        if month {
            let day = i + 10 <= b.len() && b[i + 7] == b'-' && b[i + 8..i + 10].iter().all(u8::is_ascii_digit);
            let end = if day { i + 10 } else { i + 7 };
            found.push(&text[i..end]);
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use fields::FieldChange;
    use git::{FileChange, Kind};

    fn change(path: &str, field: &str, before: Option<&str>, after: Option<&str>) -> FileChange {
        FileChange {
            path: path.into(),
            previous: None,
            kind: Kind::Modified,
            fields: Some(vec![FieldChange { field: field.into(), before: before.map(Into::into), after: after.map(Into::into) }]),
        }
    }

    #[test]
    fn a_change_touches_the_months_its_dates_reach() {
        let march = "2026-03-31";
        assert!(touches_month(&change("projects/p1.yaml", "funds[2026-03].amount", Some("1"), Some("2")), march));
        assert!(!touches_month(&change("projects/p1.yaml", "funds[2026-04]", None, Some("month: 2026-04, amount: 5")), march));
        assert!(touches_month(&change("projects/p1.yaml", "milestones.started", None, Some("2026-02-10")), march));
        assert!(!touches_month(&change("projects/p1.yaml", "milestones.started", None, Some("2026-04-10")), march));
        // An undated field (the contract amount) can move any month.
        assert!(touches_month(&change("projects/p1.yaml", "contract_amount", Some("100"), Some("200")), march));
        assert!(!touches_month(&change("briefings/2026-04.md", "x", None, None), march));
        assert_eq!(dates_in("a 2026-03-05 b 2026-04 c 12026-01"), ["2026-03-05", "2026-04"]);
    }
}
