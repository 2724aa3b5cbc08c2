//! The small lists other files refer to: `units.yaml`, `leaders.yaml`, `chains.yaml`.

use std::collections::HashMap;

use crate::content::fields::{self, Decoder, Fields, Optional, Required};
use crate::content::model::{Chain, Leader, Unit, UnitKind};
use crate::content::problems::{self, RefKind};
use crate::content::yaml::Node;
use crate::source::Span;

const UNIT_KINDS: &[(&str, UnitKind)] =
    &[("镇办", UnitKind::Town), ("部门", UnitKind::Department), ("~镇", UnitKind::Town), ("~街道", UnitKind::Town)];

/// Remembers where each id was first seen, to report duplicates (ignoring case, since the
/// ids become file names on case-insensitive file shares).
#[derive(Default)]
pub struct SeenIds {
    first: HashMap<String, String>,
}

impl SeenIds {
    /// Reports an unsafe or duplicate id at `span`; `true` when the id can be used.
    pub fn check(&mut self, d: &mut Decoder, kind: RefKind, path: &str, id: &str, span: Option<Span>) -> bool {
        if !fields::is_safe_id(id) {
            d.report(problems::unsafe_id(path, id), span);
            return false;
        }
        let here = match span {
            Some(s) => {
                let (line, _) = d.src.line_col(s.start);
                format!("{}:{line}", d.src.path)
            }
            None => d.src.path.clone(),
        };
        if let Some(first) = self.first.get(&id.to_lowercase()) {
            d.report(problems::duplicate_id(path, kind, id, first), span);
            return false;
        }
        self.first.insert(id.to_lowercase(), here);
        true
    }
}

/// Reads the `id` of a list entry, checking it is safe and new.
fn entry_id(d: &mut Decoder, f: &mut Fields, kind: RefKind, seen: &mut SeenIds) -> Option<String> {
    let id = f.text(d, "id", Required)?;
    let span = f.span_of("id");
    seen.check(d, kind, &f.path("id"), &id, span).then_some(id)
}

pub fn units(d: &mut Decoder, node: &Node) -> Vec<Unit> {
    let mut seen = SeenIds::default();
    list(d, node, |d, item, path| {
        let mut f = Fields::of(d, item, path)?;
        let id = entry_id(d, &mut f, RefKind::Unit, &mut seen);
        let name = f.text(d, "name", Required);
        let kind = f.choice(d, "kind", Required, UNIT_KINDS);
        let head = f.text(d, "head", Optional);
        let origin = d.origin(item.span);
        f.finish(d);
        Some(Unit { id: id?, name: name?, kind: kind?, head, origin })
    })
}

pub fn leaders(d: &mut Decoder, node: &Node) -> Vec<Leader> {
    let mut seen = SeenIds::default();
    list(d, node, |d, item, path| {
        let mut f = Fields::of(d, item, path)?;
        let id = entry_id(d, &mut f, RefKind::Leader, &mut seen);
        let name = f.text(d, "name", Required);
        let title = f.text(d, "title", Optional);
        let origin = d.origin(item.span);
        f.finish(d);
        Some(Leader { id: id?, name: name?, title, origin })
    })
}

/// `chains.yaml` is a mapping with the cluster name and the list of chains.
pub fn chains(d: &mut Decoder, node: &Node) -> (Option<String>, Vec<Chain>) {
    let Some(mut f) = Fields::of(d, node, "") else {
        return (None, Vec::new());
    };
    let cluster = f.text(d, "cluster", Optional);
    let mut seen = SeenIds::default();
    let chains = f.list_of(d, "chains", |d, item, path| {
        let mut f = Fields::of(d, item, path)?;
        let id = entry_id(d, &mut f, RefKind::Chain, &mut seen);
        let name = f.text(d, "name", Required);
        let key = f.flag(d, "key").unwrap_or(false);
        let origin = d.origin(item.span);
        f.finish(d);
        Some(Chain { id: id?, name: name?, key, origin })
    });
    if chains.is_empty() && f.get("chains").is_none() {
        d.report(problems::missing_field("chains"), Some(f.span()));
    }
    f.finish(d);
    (cluster, chains)
}

/// A top-level list: each item decoded by `each` with its path (`[3]`).
pub fn list<'n, T>(d: &mut Decoder, node: &'n Node, each: impl FnMut(&mut Decoder, &'n Node, String) -> Option<T>) -> Vec<T> {
    let mut each = each;
    fields::items(d, node, "", false).into_iter().filter_map(|(path, item)| each(d, item, path)).collect()
}
