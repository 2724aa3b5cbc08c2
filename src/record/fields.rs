//! Which fields of a YAML file changed between two versions of its text, named the way a clerk
//! reads them: `milestones.started`, `funds[2026-03].amount`, `trips[2026-10-09].people`.
//!
//! Both versions are parsed with the content reader and flattened into `path → value`; items
//! of a list of mappings are named by their natural key (a fund's month, a trip's start, an
//! entry's id) rather than their position, so inserting an entry does not "change" every one
//! after it. A file that does not parse gives no field list (the commit still shows it).

use std::collections::BTreeMap;

use crate::content::yaml::{self, Node, NodeKind};
use crate::source::SourceFile;

/// One field that differs; `None` on a side where the field does not exist.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Keys that name an item of a list, in order of preference.
const ITEM_KEYS: &[&str] = &["month", "start", "date", "id", "unit", "project", "opened", "name", "task", "text"];

/// The fields that differ between `before` and `after` (either may be absent: a new or a
/// deleted file), in the order of the newer text; `None` when a version does not parse.
pub fn changed(before: Option<&str>, after: Option<&str>) -> Option<Vec<FieldChange>> {
    let old = match before {
        Some(text) => flatten(text)?,
        None => Vec::new(),
    };
    let new = match after {
        Some(text) => flatten(text)?,
        None => Vec::new(),
    };
    let old_map: BTreeMap<&str, &str> = old.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let new_map: BTreeMap<&str, &str> = new.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut changes = Vec::new();
    for (field, value) in &new {
        match old_map.get(field.as_str()) {
            Some(was) if was == value => {}
            was => {
                changes.push(FieldChange { field: field.clone(), before: was.map(|s| s.to_string()), after: Some(value.clone()) })
            }
        }
    }
    for (field, value) in &old {
        if !new_map.contains_key(field.as_str()) {
            changes.push(FieldChange { field: field.clone(), before: Some(value.clone()), after: None });
        }
    }
    Some(changes)
}

/// Every leaf of a YAML text as (path, value), in document order.
fn flatten(text: &str) -> Option<Vec<(String, String)>> {
    let file = SourceFile::new(String::new(), text.to_string());
    let mut out = Vec::new();
    if let Some(root) = yaml::parse(&file).ok()? {
        walk(&root, "", &mut out);
    }
    Some(out)
}

fn walk(node: &Node, path: &str, out: &mut Vec<(String, String)>) {
    let join = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
    match &node.kind {
        NodeKind::Scalar { text, .. } => out.push((path.to_string(), text.clone())),
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                walk(value, &join(key.as_scalar().unwrap_or("?")), out);
            }
        }
        NodeKind::Seq(items) if items.iter().all(|i| matches!(i.kind, NodeKind::Scalar { .. })) => {
            // A list of plain values (tags, members' names) reads best as one value.
            let values: Vec<&str> = items.iter().filter_map(Node::as_scalar).collect();
            out.push((path.to_string(), values.join(", ")));
        }
        NodeKind::Seq(items) => {
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for (i, item) in items.iter().enumerate() {
                let key = item_key(item).unwrap_or_else(|| (i + 1).to_string());
                let n = seen.entry(key.clone()).or_default();
                *n += 1;
                let name = if *n == 1 { key } else { format!("{key}#{n}") };
                walk(item, &format!("{path}[{name}]"), out);
            }
        }
    }
}

/// The natural key of a list item: the value of its first [`ITEM_KEYS`] field.
fn item_key(item: &Node) -> Option<String> {
    let NodeKind::Map(entries) = &item.kind else { return None };
    ITEM_KEYS.iter().find_map(|want| {
        entries.iter().find(|(k, _)| k.as_scalar() == Some(want)).and_then(|(_, v)| v.as_scalar()).map(str::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(field: &str, before: Option<&str>, after: Option<&str>) -> FieldChange {
        FieldChange { field: field.into(), before: before.map(Into::into), after: after.map(Into::into) }
    }

    #[test]
    fn list_items_are_named_by_their_key_not_their_place() {
        let before = "name: 茶叶项目\nmilestones:\n  signed: 2026-01-05\nfunds:\n  - month: 2026-03\n    amount: 13121\n  - month: 2026-04\n    amount: 50\ntags: [a, b]\n";
        // An entry inserted before the others, one amount corrected, a milestone added, a tag.
        let after = "name: 茶叶项目\nmilestones:\n  signed: 2026-01-05\n  started: 2026-05-01\nfunds:\n  - month: 2026-02\n    amount: 7\n  - month: 2026-03\n    amount: 93121\n  - month: 2026-04\n    amount: 50\ntags: [a, b, c]\n";
        assert_eq!(
            changed(Some(before), Some(after)).unwrap(),
            [
                change("milestones.started", None, Some("2026-05-01")),
                change("funds[2026-02].month", None, Some("2026-02")),
                change("funds[2026-02].amount", None, Some("7")),
                change("funds[2026-03].amount", Some("13121"), Some("93121")),
                change("tags", Some("a, b"), Some("a, b, c")),
            ]
        );
    }

    #[test]
    fn new_and_deleted_files_and_repeated_keys() {
        let text = "funds:\n  - {month: 2026-03, amount: 1}\n  - {month: 2026-03, amount: 2}\n";
        let added = changed(None, Some(text)).unwrap();
        let fields: Vec<&str> = added.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            ["funds[2026-03].month", "funds[2026-03].amount", "funds[2026-03#2].month", "funds[2026-03#2].amount"]
        );
        let removed = changed(Some("a: 1\n"), None).unwrap();
        assert_eq!(removed, [change("a", Some("1"), None)]);
        assert!(changed(Some("a: [1\n"), Some("a: 1\n")).is_none(), "an unreadable version gives no field list");
    }
}
