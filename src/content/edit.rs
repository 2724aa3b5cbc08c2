//! Editing a content file's YAML text in place: a line added to a list or a mapping, a value
//! replaced, an item removed — every other byte (comments, order, blank lines, quoting) kept,
//! so that `git diff` shows exactly the lines that changed.
//!
//! [`Doc`] reads the file's spanned tree ([`yaml`]) once and turns each wanted change into an
//! [`Edit`] (a byte range of the original text and what replaces it); [`apply`] makes them
//! all at once. Values are given already written as YAML scalars (the caller quotes text).

use crate::content::yaml::{self, Node, NodeKind};
use crate::source::SourceFile;

/// Replace `start..end` of the original text with `text` (an insertion when empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Applies edits made against `original`. Edits must not overlap; insertions at the same
/// place are made in the order given.
pub fn apply(original: &str, edits: &[Edit]) -> String {
    let mut order: Vec<&Edit> = edits.iter().collect();
    order.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(original.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut at = 0;
    for e in order {
        let start = e.start.max(at);
        out.push_str(&original[at..start]);
        out.push_str(&e.text);
        at = e.end.max(start);
    }
    out.push_str(&original[at..]);
    out
}

/// A YAML file whose top level is a mapping, ready to be edited.
pub struct Doc<'t> {
    text: &'t str,
    root: Node,
}

/// One item of a list, as `key: value` lines in the order given.
pub type Item = Vec<(&'static str, String)>;

impl<'t> Doc<'t> {
    /// `None` when the text is not YAML or its top level is not a mapping.
    pub fn parse(text: &'t str) -> Option<Doc<'t>> {
        let file = SourceFile::new(String::new(), text.to_string());
        let root = yaml::parse(&file).ok()??;
        matches!(root.kind, NodeKind::Map(_)).then_some(Doc { text, root })
    }

    fn entries(&self) -> &[(Node, Node)] {
        match &self.root.kind {
            NodeKind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The top-level value of `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries().iter().find(|(k, _)| k.as_scalar() == Some(key)).map(|(_, v)| v)
    }

    /// The items of the top-level list `key` (none when absent or not a list).
    pub fn items(&self, key: &str) -> &[Node] {
        match self.get(key).map(|n| &n.kind) {
            Some(NodeKind::Seq(items)) => items,
            _ => &[],
        }
    }

    /// The scalar `field` of a list item that is a mapping.
    pub fn item_field<'n>(item: &'n Node, field: &str) -> Option<&'n str> {
        match &item.kind {
            NodeKind::Map(entries) => entries.iter().find(|(k, _)| k.as_scalar() == Some(field)).and_then(|(_, v)| v.as_scalar()),
            _ => None,
        }
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    /// The offset just after the line holding `at` (after its `\n`, or the end of the text).
    fn line_end(&self, at: usize) -> usize {
        self.text[at..].find('\n').map_or(self.text.len(), |i| at + i + 1)
    }

    /// Where the last scalar inside `node` ends (a mapping's own span may reach the next key).
    fn last_end(node: &Node) -> usize {
        match &node.kind {
            NodeKind::Scalar { .. } => node.span.end as usize,
            NodeKind::Seq(items) => items.last().map_or(node.span.end as usize, Self::last_end),
            NodeKind::Map(entries) => entries.last().map_or(node.span.end as usize, |(k, v)| {
                if v.is_null() && v.span.end <= k.span.end {
                    k.span.end as usize
                } else {
                    Self::last_end(v).max(k.span.end as usize)
                }
            }),
        }
    }

    fn first_start(node: &Node) -> usize {
        match &node.kind {
            NodeKind::Map(entries) => entries.first().map_or(node.span.start as usize, |(k, _)| k.span.start as usize),
            NodeKind::Seq(items) => items.first().map_or(node.span.start as usize, Self::first_start),
            NodeKind::Scalar { .. } => node.span.start as usize,
        }
    }

    /// The column (in bytes, which are spaces) where a node starts on its line.
    fn column(&self, at: usize) -> usize {
        at - self.line_start(at)
    }

    /// Whether the list `key` is written in block style (`- ` lines), with items.
    fn block_list(&self, key: &str) -> bool {
        let items = self.items(key);
        !items.is_empty()
            && items.iter().all(|item| {
                let start = Self::first_start(item);
                let before = self.text[self.line_start(start)..start].trim();
                before == "-" && matches!(item.kind, NodeKind::Map(_))
            })
    }

    /// Whether items can be added to (and removed from) the list `key` line by line: it is
    /// absent, empty, or a block list of mappings (`- month: …` lines). A list written on one
    /// line (`funds: [{month: …}]`) is not edited.
    pub fn editable_list(&self, key: &str) -> bool {
        match self.get(key) {
            None => true,
            Some(node) if node.is_null() => true,
            Some(_) if self.items(key).is_empty() => matches!(self.get(key).map(|n| &n.kind), Some(NodeKind::Seq(_))),
            Some(_) => self.block_list(key),
        }
    }

    /// Adds items to the top-level list `key` (nothing when it is not [`Doc::editable_list`]):
    /// each `(before, item)` goes before the existing
    /// item `before` (or after the last one when `before` is the number of items). When the
    /// list is absent (or empty, `[]`), it is written as a new block where the documented
    /// `order` of the top-level keys puts it. Items are written as `  - a: 1` / `    b: 2`, in
    /// the indentation the list already uses.
    pub fn add_items(&self, key: &str, order: &[&str], new: &[(usize, Item)]) -> Vec<Edit> {
        if new.is_empty() {
            return Vec::new();
        }
        let items = self.items(key);
        if !self.editable_list(key) {
            return Vec::new();
        }
        if !self.block_list(key) {
            let mut block = format!("{key}:\n");
            for (_, item) in new {
                block.push_str(&item_text(item, "  - ", "    "));
            }
            // An empty list (`funds: []` or `funds:`) is replaced whole, comment and all.
            if let Some((k, v)) = self.entries().iter().find(|(k, _)| k.as_scalar() == Some(key)) {
                let start = self.line_start(k.span.start as usize);
                let end = self.line_end((v.span.end as usize).max(k.span.end as usize).min(self.text.len()));
                return vec![Edit { start, end, text: block }];
            }
            return vec![self.insert_top_level(key, order, block)];
        }
        let first = Self::first_start(&items[0]);
        let line = self.line_start(first);
        let dash = &self.text[line..first];
        let key_col = first - line;
        let dash_prefix = dash.to_string();
        let cont_prefix = " ".repeat(key_col);
        new.iter()
            .map(|(before, item)| {
                // After the item before it (a comment above the next item stays with that item).
                let at = match before.checked_sub(1).and_then(|b| items.get(b)).or(items.last().filter(|_| *before > 0)) {
                    Some(prev) => self.line_end(Self::last_end(prev)),
                    None => self.line_start(first),
                };
                let mut text = item_text(item, &dash_prefix, &cont_prefix);
                if at == self.text.len() && !self.text.ends_with('\n') {
                    text.insert(0, '\n');
                }
                Edit { start: at, end: at, text }
            })
            .collect()
    }

    /// Removes the item `index` of the top-level list `key`, its lines whole (a block list only).
    pub fn remove_item(&self, key: &str, index: usize) -> Option<Edit> {
        if !self.block_list(key) {
            return None;
        }
        let item = self.items(key).get(index)?;
        let start = self.line_start(Self::first_start(item));
        let end = self.line_end(Self::last_end(item));
        Some(Edit { start, end, text: String::new() })
    }

    /// Sets `field: value` in the mapping under the top-level `parent` (which must exist):
    /// the value replaced when the field is there, else a line added before the first field
    /// that comes after it in `order` (or after the last field).
    pub fn set_in_map(&self, parent: &str, field: &str, value: &str, order: &[&str]) -> Option<Edit> {
        let NodeKind::Map(entries) = &self.get(parent)?.kind else { return None };
        self.set_in_entries(entries, field, value, order)
    }

    /// Sets `field: value` in the item `index` of the top-level list `key`.
    pub fn set_in_item(&self, key: &str, index: usize, field: &str, value: &str, order: &[&str]) -> Option<Edit> {
        let NodeKind::Map(entries) = &self.items(key).get(index)?.kind else { return None };
        self.set_in_entries(entries, field, value, order)
    }

    fn set_in_entries(&self, entries: &[(Node, Node)], field: &str, value: &str, order: &[&str]) -> Option<Edit> {
        if let Some((k, v)) = entries.iter().find(|(k, _)| k.as_scalar() == Some(field)) {
            if v.is_null() || !matches!(v.kind, NodeKind::Scalar { .. }) {
                let end = (k.span.end as usize).max(v.span.end as usize);
                return Some(Edit { start: k.span.end as usize, end, text: format!(": {value}") });
            }
            return Some(Edit { start: v.span.start as usize, end: v.span.end as usize, text: value.to_string() });
        }
        let (first, _) = entries.first()?;
        let indent = " ".repeat(self.column(first.span.start as usize));
        let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(usize::MAX);
        let line = format!("{indent}{field}: {value}\n");
        let later = entries.iter().find(|(k, _)| rank(k.as_scalar().unwrap_or("")) > rank(field) && rank(field) != usize::MAX);
        let at = match later {
            Some((k, _)) => self.line_start(k.span.start as usize),
            None => {
                let (k, v) = entries.last()?;
                let end = if v.is_null() { k.span.end as usize } else { Self::last_end(v) };
                self.line_end(end)
            }
        };
        let text = if at == self.text.len() && !self.text.ends_with('\n') { format!("\n{line}") } else { line };
        Some(Edit { start: at, end: at, text })
    }

    /// A new top-level block, placed before the first present key that `order` puts after it
    /// (and before the comment and blank lines just above that key), else at the end of the file.
    fn insert_top_level(&self, key: &str, order: &[&str], block: String) -> Edit {
        let rank = |k: &str| order.iter().position(|o| *o == k);
        let mine = rank(key);
        let later =
            self.entries().iter().find(|(k, _)| matches!((rank(k.as_scalar().unwrap_or("")), mine), (Some(r), Some(m)) if r > m));
        match later {
            Some((k, _)) => {
                let mut at = self.line_start(k.span.start as usize);
                while at > 0 {
                    let above = self.line_start(at - 1);
                    let line = self.text[above..at].trim();
                    if line.is_empty() || line.starts_with('#') {
                        at = above;
                    } else {
                        break;
                    }
                }
                Edit { start: at, end: at, text: block }
            }
            None => {
                let end = self.text.len();
                let text = if self.text.is_empty() || self.text.ends_with('\n') { block } else { format!("\n{block}") };
                Edit { start: end, end, text }
            }
        }
    }
}

fn item_text(item: &Item, dash: &str, cont: &str) -> String {
    let mut out = String::new();
    for (i, (k, v)) in item.iter().enumerate() {
        out.push_str(if i == 0 { dash } else { cont });
        out.push_str(&format!("{k}: {v}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &[&str] = &["name", "milestones", "funds", "fdi", "problems", "note"];
    const MILESTONES: &[&str] = &["signed", "registered", "started", "production"];

    const FILE: &str = "\
# 茶叶项目
name: 茶叶项目   # 名称
milestones:
  signed: 2026-01-10
  started: 2026-03-01 # 开工
funds:
  - month: 2026-02
    amount: 500 # 第一笔
    origin: 省外
  # 三月的资金
  - month: 2026-04
    amount: 20
    origin: 省外

# 说明
note: 备注
";

    fn entry(month: &str, amount: &str) -> Item {
        vec![("month", month.to_string()), ("amount", amount.to_string()), ("origin", "省外".to_string())]
    }

    #[test]
    fn items_go_in_month_order_and_everything_else_stays() {
        let doc = Doc::parse(FILE).unwrap();
        let edits = doc.add_items("funds", ORDER, &[(1, entry("2026-03", "7")), (2, entry("2026-05", "8.5"))]);
        let out = apply(FILE, &edits);
        let want =
            FILE.replace("  # 三月的资金\n", "  - month: 2026-03\n    amount: 7\n    origin: 省外\n  # 三月的资金\n").replace(
                "    amount: 20\n    origin: 省外\n",
                "    amount: 20\n    origin: 省外\n  - month: 2026-05\n    amount: 8.5\n    origin: 省外\n",
            );
        assert_eq!(out, want);
    }

    #[test]
    fn a_new_list_goes_where_the_order_puts_it() {
        let doc = Doc::parse(FILE).unwrap();
        let edits = doc.add_items("fdi", ORDER, &[(0, vec![("month", "2026-05".into()), ("amount", "30".into())])]);
        let out = apply(FILE, &edits);
        assert_eq!(out, FILE.replace("\n\n# 说明\n", "\nfdi:\n  - month: 2026-05\n    amount: 30\n\n# 说明\n"));
        // At the end when nothing comes after it, even without a final newline.
        let short = "name: 茶叶项目\nfunds: []";
        let doc = Doc::parse(short).unwrap();
        let out = apply(short, &doc.add_items("problems", ORDER, &[(0, vec![("kind", "用地".into())])]));
        assert_eq!(out, "name: 茶叶项目\nfunds: []\nproblems:\n  - kind: 用地\n");
        let out = apply(short, &doc.add_items("funds", ORDER, &[(0, entry("2026-03", "7"))]));
        assert_eq!(out, "name: 茶叶项目\nfunds:\n  - month: 2026-03\n    amount: 7\n    origin: 省外\n");
    }

    #[test]
    fn a_list_on_one_line_is_not_edited() {
        let text = "name: 茶叶项目\nfunds: [{month: 2026-02, amount: 5, origin: 省外}]\nfdi: []\n";
        let doc = Doc::parse(text).unwrap();
        assert!(!doc.editable_list("funds"));
        assert!(doc.add_items("funds", ORDER, &[(1, entry("2026-03", "7"))]).is_empty());
        assert_eq!(doc.remove_item("funds", 0), None);
        assert!(doc.editable_list("fdi") && doc.editable_list("problems"));
    }

    #[test]
    fn map_fields_are_set_in_order_and_items_removed() {
        let doc = Doc::parse(FILE).unwrap();
        let reg = doc.set_in_map("milestones", "registered", "2026-02-01", MILESTONES).unwrap();
        let prod = doc.set_in_map("milestones", "production", "2026-10-08", MILESTONES).unwrap();
        let start = doc.set_in_map("milestones", "started", "2026-03-02", MILESTONES).unwrap();
        let out = apply(FILE, &[reg, prod, start]);
        assert_eq!(
            out,
            FILE.replace(
                "  signed: 2026-01-10\n  started: 2026-03-01 # 开工\n",
                "  signed: 2026-01-10\n  registered: 2026-02-01\n  started: 2026-03-02 # 开工\n  production: 2026-10-08\n"
            )
        );
        let out = apply(FILE, &[doc.remove_item("funds", 0).unwrap()]);
        assert_eq!(out, FILE.replace("  - month: 2026-02\n    amount: 500 # 第一笔\n    origin: 省外\n", ""));
        let out = apply(FILE, &[doc.set_in_item("funds", 1, "use", "固定资产", &["month", "amount", "origin", "use"]).unwrap()]);
        assert_eq!(
            out,
            FILE.replace("    amount: 20\n    origin: 省外\n", "    amount: 20\n    origin: 省外\n    use: 固定资产\n")
        );
    }
}
