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

/// One field that differs; `None` on a side where the field does not exist. A list item
/// added or removed whole is one change (`funds[2026-03]`, its fields in one value).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldChange {
    #[serde(rename = "f")]
    pub field: String,
    #[serde(rename = "b")]
    pub before: Option<String>,
    #[serde(rename = "a")]
    pub after: Option<String>,
}

/// Keys that name an item of a list, in order of preference.
const ITEM_KEYS: &[&str] = &["month", "start", "date", "id", "unit", "project", "opened", "name", "task", "text"];

/// A YAML text as its leaves: (path, value), in document order.
pub type Flat = Vec<(String, String)>;

/// The fields that differ between `before` and `after` (either may be absent: a new or a
/// deleted file), in the order of the newer text; `None` when a version does not parse.
pub fn changed(before: Option<&str>, after: Option<&str>) -> Option<Vec<FieldChange>> {
    let old = before.map(flatten).unwrap_or(Some(Vec::new()))?;
    let new = after.map(flatten).unwrap_or(Some(Vec::new()))?;
    Some(diff(&old, &new))
}

/// The changes from `old` to `new`, both flattened.
pub fn diff(old: &Flat, new: &Flat) -> Vec<FieldChange> {
    let old_map: BTreeMap<&str, &str> = old.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let new_map: BTreeMap<&str, &str> = new.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut changes = Vec::new();
    let added: Vec<&(String, String)> = new.iter().filter(|(k, _)| !old_map.contains_key(k.as_str())).collect();
    let removed: Vec<&(String, String)> = old.iter().filter(|(k, _)| !new_map.contains_key(k.as_str())).collect();
    let whole_items_added = whole_items(&added, &old_map);
    let whole_items_removed = whole_items(&removed, &new_map);
    let mut said: Vec<&str> = Vec::new();
    for (field, value) in new {
        match old_map.get(field.as_str()) {
            Some(was) if was == value => {}
            Some(was) => {
                changes.push(FieldChange { field: field.clone(), before: Some(was.to_string()), after: Some(value.clone()) })
            }
            None => match whole_items_added.iter().find(|(item, _)| in_item(field, item)) {
                Some((item, text)) if !said.contains(&item.as_str()) => {
                    said.push(item);
                    changes.push(FieldChange { field: item.clone(), before: None, after: Some(text.clone()) });
                }
                Some(_) => {}
                None => changes.push(FieldChange { field: field.clone(), before: None, after: Some(value.clone()) }),
            },
        }
    }
    for (field, value) in removed {
        match whole_items_removed.iter().find(|(item, _)| in_item(field, item)) {
            Some((item, text)) if !said.contains(&item.as_str()) => {
                said.push(item);
                changes.push(FieldChange { field: item.clone(), before: Some(text.clone()), after: None });
            }
            Some(_) => {}
            None => changes.push(FieldChange { field: field.clone(), before: Some(value.clone()), after: None }),
        }
    }
    changes
}

/// Whether `field` is inside the list item `item` (`funds[2026-03].amount` in `funds[2026-03]`).
fn in_item(field: &str, item: &str) -> bool {
    field.strip_prefix(item).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The list items all of whose fields are in `leaves` and none in `other`: (item path, its
/// fields as one text `month: 2026-03, amount: 100`).
fn whole_items(leaves: &[&(String, String)], other: &BTreeMap<&str, &str>) -> Vec<(String, String)> {
    let mut items: Vec<(String, String)> = Vec::new();
    for (field, value) in leaves {
        // The outermost list item holding this field.
        let Some(end) = field.find(']') else { continue };
        let item = &field[..=end];
        // Keys inside the item sort right after it: look there only.
        let mut after = other.range::<str, _>((std::ops::Bound::Included(item), std::ops::Bound::Unbounded));
        if after.by_ref().take_while(|(k, _)| k.starts_with(item)).any(|(k, _)| in_item(k, item)) {
            continue;
        }
        let key = field[end + 1..].trim_start_matches('.');
        let part = if key.is_empty() { value.clone() } else { format!("{key}: {value}") };
        match items.iter_mut().find(|(i, _)| i == item) {
            Some((_, text)) => {
                text.push_str(", ");
                text.push_str(&part);
            }
            None => items.push((item.to_string(), part)),
        }
    }
    items
}

/// Every leaf of a YAML text as (path, value), in document order; `None` when it does not parse.
pub fn flatten(text: &str) -> Option<Flat> {
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
                change("funds[2026-02]", None, Some("month: 2026-02, amount: 7")),
                change("funds[2026-03].amount", Some("13121"), Some("93121")),
                change("tags", Some("a, b"), Some("a, b, c")),
            ]
        );
    }

    #[test]
    fn new_and_deleted_files_and_repeated_keys() {
        let text = "funds:\n  - {month: 2026-03, amount: 1}\n  - {month: 2026-03, amount: 2}\n";
        let added = changed(None, Some(text)).unwrap();
        assert_eq!(
            added,
            [
                change("funds[2026-03]", None, Some("month: 2026-03, amount: 1")),
                change("funds[2026-03#2]", None, Some("month: 2026-03, amount: 2"))
            ]
        );
        let removed = changed(Some("a: 1\ntrips:\n  - {start: 2026-01-02, people: 3}\n"), Some("a: 2\n")).unwrap();
        assert_eq!(
            removed,
            [change("a", Some("1"), Some("2")), change("trips[2026-01-02]", Some("start: 2026-01-02, people: 3"), None)]
        );
        assert!(changed(Some("a: [1\n"), Some("a: 1\n")).is_none(), "an unreadable version gives no field list");
    }
}
