//! A project file (`projects/<id>.yaml`) as a set of field values, in the order
//! `docs/content.md` lists them: built from a loaded [`Project`] or from a ledger row,
//! compared field by field, and written as the YAML a clerk would write by hand (quotes only
//! where YAML needs them).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::content::Content;
use crate::content::model::Project;
use crate::period::Month;

/// One field's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(Decimal),
    Date(NaiveDate),
    Month(Month),
    /// A short list written on one line: `tags: [500强, 总部经济]`.
    Flow(Vec<String>),
    /// A list of small mappings (`funds`, `fdi`, `problems`), each a list of key → value.
    Items(Vec<Vec<(&'static str, Value)>>),
}

impl Value {
    /// The value as shown in a list of changes.
    pub fn display(&self) -> String {
        match self {
            Value::Text(t) => t.replace('\n', "↵"),
            Value::Number(n) => n.normalize().to_string(),
            Value::Date(d) => d.to_string(),
            Value::Month(m) => m.to_string(),
            Value::Flow(items) => items.join("、"),
            Value::Items(items) => format!("{} 条", items.len()),
        }
    }
}

/// Every key of a project file, in the documented order. Keys under a group (`milestones.`)
/// are written nested.
pub const KEYS: &[&str] = &[
    "name",
    "investor",
    "origin.province",
    "origin.city",
    "origin.country",
    "tags",
    "chain",
    "content",
    "method",
    "platform",
    "build_type",
    "sign_type",
    "total_investment",
    "contract_amount",
    "contract_fdi",
    "town",
    "park",
    "leader",
    "measures",
    "unit",
    "introduced_by.squad",
    "introduced_by.unit",
    "milestones.signed",
    "milestones.contracted",
    "milestones.registered",
    "milestones.first_funds",
    "milestones.started",
    "milestones.production",
    "milestones.terminated",
    "terminated_reason",
    "funds",
    "fdi",
    "problems",
    "note",
];

/// A project file's values, keyed by [`KEYS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectFile {
    values: BTreeMap<&'static str, Value>,
}

/// One field that differs between two versions of a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub key: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl ProjectFile {
    /// Sets `key` (one of [`KEYS`]).
    pub fn set(&mut self, key: &str, value: Value) {
        let key = KEYS.iter().find(|k| **k == key).unwrap_or_else(|| panic!("`{key}` is not a project file key"));
        self.values.insert(key, value);
    }

    pub fn remove(&mut self, key: &str) {
        self.values.remove(key);
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key)
    }

    /// Every value of `other` replaces the one here.
    pub fn overlay(&mut self, other: &ProjectFile) {
        for (k, v) in &other.values {
            self.values.insert(k, v.clone());
        }
    }

    /// What a loaded project's file holds, as values (comments and spelling are not kept).
    pub fn from_project(c: &Content, p: &Project) -> ProjectFile {
        let mut f = ProjectFile::default();
        let text = |s: &str| Value::Text(s.to_string());
        let opt = |f: &mut ProjectFile, key: &str, v: Option<Value>| {
            if let Some(v) = v {
                f.set(key, v);
            }
        };
        f.set("name", text(&p.name));
        f.set("investor", text(&p.investor));
        opt(&mut f, "origin.province", p.from.province.as_deref().map(text));
        opt(&mut f, "origin.city", p.from.city.as_deref().map(text));
        opt(&mut f, "origin.country", p.from.country.as_deref().map(text));
        if !p.tags.is_empty() {
            f.set("tags", Value::Flow(p.tags.clone()));
        }
        f.set("chain", text(&c.chain(p.chain).id));
        opt(&mut f, "content", p.content.as_deref().map(text));
        opt(&mut f, "method", p.method.map(|m| text(m.zh())));
        opt(&mut f, "platform", p.platform.as_deref().map(text));
        f.set("build_type", text(p.build_type.zh()));
        f.set("sign_type", text(p.sign_type.zh()));
        f.set("total_investment", Value::Number(p.total_investment));
        f.set("contract_amount", Value::Number(p.contract_amount));
        opt(&mut f, "contract_fdi", (!p.contract_fdi.is_zero()).then_some(Value::Number(p.contract_fdi)));
        opt(&mut f, "town", p.town.map(|u| text(&c.unit(u).id)));
        opt(&mut f, "park", p.park.as_deref().map(text));
        opt(&mut f, "leader", p.leader.map(|l| text(&c.leader(l).id)));
        opt(&mut f, "measures", p.measures.as_deref().map(text));
        opt(&mut f, "unit", p.unit.map(|u| text(&c.unit(u).id)));
        opt(&mut f, "introduced_by.squad", p.introduced_by_squad.map(|q| text(&c.squad(q).id)));
        opt(&mut f, "introduced_by.unit", p.introduced_by_unit.map(|u| text(&c.unit(u).id)));
        let m = &p.milestones;
        f.set("milestones.signed", Value::Date(m.signed));
        for (key, date) in [
            ("milestones.contracted", m.contracted),
            ("milestones.registered", m.registered),
            ("milestones.first_funds", m.first_funds),
            ("milestones.started", m.started),
            ("milestones.production", m.production),
            ("milestones.terminated", m.terminated),
        ] {
            opt(&mut f, key, date.map(Value::Date));
        }
        opt(&mut f, "terminated_reason", p.terminated_reason.as_deref().map(text));
        if !p.funds.is_empty() {
            let items = p
                .funds
                .iter()
                .map(|e| {
                    vec![
                        ("month", Value::Month(e.month)),
                        ("amount", Value::Number(e.amount)),
                        ("origin", text(e.origin.zh())),
                        ("use", text(e.use_.zh())),
                    ]
                })
                .collect();
            f.set("funds", Value::Items(items));
        }
        if !p.fdi.is_empty() {
            let items =
                p.fdi.iter().map(|e| vec![("month", Value::Month(e.month)), ("amount", Value::Number(e.amount))]).collect();
            f.set("fdi", Value::Items(items));
        }
        if !p.problems.is_empty() {
            let items = p
                .problems
                .iter()
                .map(|x| {
                    let mut item = vec![("kind", text(x.kind.zh())), ("text", text(&x.text)), ("opened", Value::Date(x.opened))];
                    if let Some(r) = x.resolved {
                        item.push(("resolved", Value::Date(r)));
                    }
                    item
                })
                .collect();
            f.set("problems", Value::Items(items));
        }
        opt(&mut f, "note", p.note.as_deref().map(text));
        f
    }

    /// The fields that differ from `before`, in file order.
    pub fn changes(&self, before: &ProjectFile) -> Vec<Change> {
        KEYS.iter()
            .filter(|k| self.values.get(*k) != before.values.get(*k))
            .map(|k| Change {
                key: k,
                before: before.values.get(k).map(Value::display),
                after: self.values.get(k).map(Value::display),
            })
            .collect()
    }

    /// The file's text: `comment` lines first (each prefixed with `# `), then the fields.
    pub fn to_yaml(&self, comment: &[String]) -> String {
        let mut out = String::new();
        for line in comment {
            out.push_str(&format!("# {line}\n"));
        }
        let mut open_group: Option<&str> = None;
        for key in KEYS {
            let Some(value) = self.values.get(key) else {
                continue;
            };
            let (group, name) = match key.split_once('.') {
                Some((g, n)) => (Some(g), n),
                None => (None, *key),
            };
            if group != open_group {
                if let Some(g) = group {
                    out.push_str(&format!("{g}:\n"));
                }
                open_group = group;
            }
            let indent = if group.is_some() { "  " } else { "" };
            write_value(&mut out, indent, name, value);
        }
        out
    }
}

fn write_value(out: &mut String, indent: &str, key: &str, value: &Value) {
    match value {
        Value::Items(items) => {
            out.push_str(&format!("{indent}{key}:\n"));
            for item in items {
                for (i, (k, v)) in item.iter().enumerate() {
                    let lead = if i == 0 { format!("{indent}  - ") } else { format!("{indent}    ") };
                    out.push_str(&format!("{lead}{k}: {}\n", scalar(v)));
                }
            }
        }
        _ => out.push_str(&format!("{indent}{key}: {}\n", scalar(value))),
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Text(t) => quoted_if_needed(t),
        Value::Number(n) => n.normalize().to_string(),
        Value::Date(d) => d.to_string(),
        Value::Month(m) => m.to_string(),
        Value::Flow(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|s| if needs_quotes(s) || s.contains([',', '[', ']', '{', '}']) { quote(s) } else { s.clone() })
                .collect();
            format!("[{}]", items.join(", "))
        }
        Value::Items(items) => format!("[] # {} 条", items.len()),
    }
}

/// Plain when YAML reads the text back unchanged, else in double quotes.
pub fn quoted_if_needed(text: &str) -> String {
    if needs_quotes(text) { quote(text) } else { text.to_string() }
}

fn needs_quotes(t: &str) -> bool {
    let first = t.chars().next();
    t.is_empty()
        || matches!(t, "~" | "null" | "Null" | "NULL")
        || first.is_some_and(|c| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        || t.ends_with(|c: char| c.is_whitespace() || c == ':')
        || t.contains(": ")
        || t.contains(" #")
        || t.chars().any(|c| c.is_control())
}

fn quote(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 2);
    out.push('"');
    for c in t.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::{self, NodeKind};
    use crate::source::SourceFile;

    #[test]
    fn quotes_only_where_needed_and_text_reads_back() {
        for text in [
            "商南县茶叶精深加工项目",
            "进度: 80%",
            "- 开头是横线",
            "#1 号",
            "[重点]项目",
            "null",
            "第一行\n第二行",
            "带\"引号\"和\\反斜杠",
            "两步走：先供地，再开工",
            "A1 栋 #2",
            "*星号",
            "100",
        ] {
            let src = SourceFile::new("t.yaml".into(), format!("note: {}\n", quoted_if_needed(text)));
            let root = yaml::parse(&src).unwrap().unwrap();
            let NodeKind::Map(entries) = &root.kind else { panic!() };
            assert_eq!(entries[0].1.as_scalar(), Some(text), "{}", src.text());
        }
        assert_eq!(quoted_if_needed("商南县茶叶精深加工项目"), "商南县茶叶精深加工项目");
        assert_eq!(quoted_if_needed("两步走：先供地"), "两步走：先供地");
    }

    #[test]
    fn groups_are_nested_in_documented_order() {
        let mut f = ProjectFile::default();
        f.set("milestones.started", Value::Date(crate::period::parse_date("2026-05-04").unwrap()));
        f.set("name", Value::Text("茶叶项目".into()));
        f.set("milestones.signed", Value::Date(crate::period::parse_date("2026-03-05").unwrap()));
        f.set("origin.province", Value::Text("浙江省".into()));
        f.set("total_investment", Value::Number("1200.50".parse().unwrap()));
        f.set("tags", Value::Flow(vec!["500强".into(), "总部经济".into()]));
        assert_eq!(
            f.to_yaml(&["导入".to_string()]),
            "# 导入\nname: 茶叶项目\norigin:\n  province: 浙江省\ntags: [500强, 总部经济]\ntotal_investment: 1200.5\nmilestones:\n  signed: 2026-03-05\n  started: 2026-05-04\n"
        );
    }
}
