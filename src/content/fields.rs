//! Typed reading of a YAML tree that reports every problem and keeps going.
//!
//! A decoder asks a [`Fields`] for each key it knows; whatever the file has that nobody asked
//! for is an unknown field. Each typed getter reports a bad value at its exact span and
//! returns `None`, so one bad date does not hide the next problem in the same file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::problems::{self, NumberKind, RefKind, Shape};
use super::yaml::{Node, NodeKind};
use crate::diagnostics::Diagnostic;
use crate::period::{self, Month};
use crate::source::{FileId, Origin, SourceFile, Span};

/// Reading one file: where problems go and which file they are about.
pub struct Decoder<'a> {
    pub file: FileId,
    pub src: &'a SourceFile,
    pub diags: Vec<Diagnostic>,
    /// Problems past the cap, counted but not kept.
    unlisted: usize,
}

/// The most problems listed for one file.
pub const MAX_PROBLEMS_PER_FILE: usize = 200;

impl<'a> Decoder<'a> {
    pub fn new(file: FileId, src: &'a SourceFile) -> Decoder<'a> {
        Decoder { file, src, diags: Vec::new(), unlisted: 0 }
    }

    /// Records a problem. After [`MAX_PROBLEMS_PER_FILE`] in one file, the rest are only
    /// counted (see [`Decoder::into_diagnostics`]): past that many, the file is wrong as a
    /// whole, and a listing of a million lines helps nobody.
    pub fn report(&mut self, d: Diagnostic, span: Option<Span>) {
        if self.diags.len() < MAX_PROBLEMS_PER_FILE {
            self.diags.push(d.at(self.file, span));
        } else {
            self.unlisted += 1;
        }
    }

    /// The problems found, with one more saying how many were not listed.
    pub fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        if self.unlisted > 0 {
            let file = self.file;
            self.diags.push(problems::more_problems(self.unlisted).at(file, None));
        }
        self.diags
    }

    /// Where an entity is, for later messages about it: the first line of its span.
    pub fn origin(&self, span: Span) -> Origin {
        let rest = &self.src.text()[span.start as usize..span.end as usize];
        let end = span.start + rest.find('\n').unwrap_or(rest.len()) as u32;
        Origin { file: self.file, span: Some(Span { start: span.start, end }) }
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// Unknown keys reported one by one in a mapping; the rest are counted in one message.
pub const MAX_UNKNOWN_FIELDS: usize = 20;

/// Whether a field must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}
pub use Need::{Optional, Required};

/// Where a value is in its file (`funds[2].amount`), for messages. A ledger reads millions of
/// values and has few problems, so the text is made only when one is reported.
pub trait PathText {
    fn text(&self) -> Cow<'_, str>;
}

impl PathText for str {
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl PathText for String {
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

/// `key` inside the mapping at `prefix`.
pub struct KeyPath<'a> {
    prefix: &'a str,
    key: &'a str,
}

impl PathText for KeyPath<'_> {
    fn text(&self) -> Cow<'_, str> {
        if self.prefix.is_empty() { Cow::Borrowed(self.key) } else { Cow::Owned(format!("{}.{}", self.prefix, self.key)) }
    }
}

/// The keys of one mapping, read one by one.
pub struct Fields<'n> {
    span: Span,
    entries: &'n [(Node, Node)],
    asked: Vec<&'static str>,
    prefix: String,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping; an empty value counts as a mapping with no keys.
    pub fn of(d: &mut Decoder, node: &'n Node, prefix: impl Into<String>) -> Option<Fields<'n>> {
        let prefix = prefix.into();
        match &node.kind {
            NodeKind::Map(entries) => Some(Fields { span: node.span, entries, asked: Vec::new(), prefix }),
            _ if node.is_null() => Some(Fields { span: node.span, entries: &[], asked: Vec::new(), prefix }),
            _ => {
                d.report(problems::wrong_shape(&prefix_or_root(&prefix), Shape::Mapping, node.shape().into()), Some(node.span));
                None
            }
        }
    }

    pub fn span(&self) -> Span {
        self.span
    }

    /// The path of `key` inside the file, for messages.
    pub fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() { key.to_string() } else { format!("{}.{key}", self.prefix) }
    }

    /// The path of `key`, made into text only if a problem is reported (see [`PathText`]).
    fn at<'k>(&'k self, key: &'k str) -> KeyPath<'k> {
        KeyPath { prefix: &self.prefix, key }
    }

    /// The value of `key`; `None` when absent or empty. Marks the key as known.
    pub fn get(&mut self, key: &'static str) -> Option<&'n Node> {
        self.asked.push(key);
        self.entries.iter().find(|(k, _)| k.as_scalar() == Some(key)).map(|(_, v)| v).filter(|v| !v.is_null())
    }

    /// Like [`Fields::get`], reporting a missing required field.
    pub fn need(&mut self, d: &mut Decoder, key: &'static str, need: Need) -> Option<&'n Node> {
        let value = self.get(key);
        if value.is_none() && need == Required {
            d.report(problems::missing_field(&self.path(key)), Some(self.key_span_or_start(key)));
        }
        value
    }

    /// The span of `key` if written (with an empty value), else of the mapping's first key.
    fn key_span_or_start(&self, key: &str) -> Span {
        self.entries.iter().find(|(k, _)| k.as_scalar() == Some(key)).map_or(
            self.entries.first().map_or(Span { start: self.span.start, end: self.span.start }, |(k, _)| k.span),
            |(k, _)| k.span,
        )
    }

    /// Reports every key nobody asked for, with the closest known key (the first
    /// [`MAX_UNKNOWN_FIELDS`] of them, then how many more: a file of 200 000 stray keys is one
    /// mistake, not 200 000).
    pub fn finish(self, d: &mut Decoder) {
        let mut unknown = self.entries.iter().filter(|(key, _)| !self.asked.contains(&key.as_scalar().unwrap_or("")));
        for (key, _) in unknown.by_ref().take(MAX_UNKNOWN_FIELDS) {
            let name = key.as_scalar().unwrap_or("");
            d.report(problems::unknown_field(&self.path(name), name, &self.asked), Some(key.span));
        }
        let more = unknown.count();
        if more > 0 {
            d.report(problems::more_unknown_fields(&self.prefix, more, &self.asked), Some(self.span));
        }
    }

    // ---- typed getters: each reads one key ----

    pub fn text(&mut self, d: &mut Decoder, key: &'static str, need: Need) -> Option<String> {
        let node = self.need(d, key, need)?;
        text(d, node, &self.at(key))
    }

    pub fn date(&mut self, d: &mut Decoder, key: &'static str, need: Need) -> Option<NaiveDate> {
        let node = self.need(d, key, need)?;
        date(d, node, &self.at(key))
    }

    pub fn month(&mut self, d: &mut Decoder, key: &'static str, need: Need) -> Option<Month> {
        let node = self.need(d, key, need)?;
        month(d, node, &self.at(key))
    }

    pub fn number(&mut self, d: &mut Decoder, key: &'static str, need: Need, kind: NumberKind) -> Option<Decimal> {
        let node = self.need(d, key, need)?;
        number(d, node, &self.at(key), kind)
    }

    /// A whole number in `range` (each field says what it can sensibly hold, so a typo such as
    /// `stalled_months: 4294967295` is an error, not a number that breaks the figures).
    pub fn count(&mut self, d: &mut Decoder, key: &'static str, need: Need, range: RangeInclusive<u32>) -> Option<u32> {
        let node = self.need(d, key, need)?;
        count(d, node, &self.at(key), range)
    }

    pub fn flag(&mut self, d: &mut Decoder, key: &'static str) -> Option<bool> {
        let node = self.get(key)?;
        flag(d, node, &self.at(key))
    }

    pub fn choice<T: Copy>(&mut self, d: &mut Decoder, key: &'static str, need: Need, options: &[(&str, T)]) -> Option<T> {
        let node = self.need(d, key, need)?;
        choice(d, node, &self.at(key), options)
    }

    pub fn reference(&mut self, d: &mut Decoder, key: &'static str, need: Need, table: &IdTable) -> Option<u32> {
        let node = self.need(d, key, need)?;
        table.resolve(d, node, &self.at(key))
    }

    /// A list of plain texts (a single value counts as a list of one).
    pub fn texts(&mut self, d: &mut Decoder, key: &'static str) -> Vec<String> {
        let Some(node) = self.get(key) else {
            return Vec::new();
        };
        let path = self.path(key);
        items(d, node, &path, true).into_iter().filter_map(|(p, n)| text(d, n, &p)).collect()
    }

    /// A list of references (a single id counts as a list of one).
    pub fn references(&mut self, d: &mut Decoder, key: &'static str, table: &IdTable) -> Vec<u32> {
        let Some(node) = self.get(key) else {
            return Vec::new();
        };
        let path = self.path(key);
        items(d, node, &path, true).into_iter().filter_map(|(p, n)| table.resolve(d, n, &p)).collect()
    }

    /// A list of choices (a single value counts as a list of one).
    pub fn choices<T: Copy>(&mut self, d: &mut Decoder, key: &'static str, options: &[(&str, T)]) -> Option<Vec<T>> {
        let node = self.get(key)?;
        let path = self.path(key);
        Some(items(d, node, &path, true).into_iter().filter_map(|(p, n)| choice(d, n, &p, options)).collect())
    }

    /// A list of mappings, each decoded by `each` with its own path (`funds[2]`).
    pub fn list_of<T>(
        &mut self,
        d: &mut Decoder,
        key: &'static str,
        mut each: impl FnMut(&mut Decoder, &'n Node, String) -> Option<T>,
    ) -> Vec<T> {
        let Some(node) = self.get(key) else {
            return Vec::new();
        };
        let path = self.path(key);
        items(d, node, &path, false).into_iter().filter_map(|(p, n)| each(d, n, p)).collect()
    }

    /// A nested mapping (`milestones:`); `None` when absent or not a mapping.
    pub fn nested(&mut self, d: &mut Decoder, key: &'static str, need: Need) -> Option<Fields<'n>> {
        let node = self.need(d, key, need)?;
        Fields::of(d, node, self.path(key))
    }

    /// The span of the value of `key`, if written.
    pub fn span_of(&self, key: &str) -> Option<Span> {
        self.entries.iter().find(|(k, _)| k.as_scalar() == Some(key)).map(|(_, v)| v.span)
    }
}

fn prefix_or_root(prefix: &str) -> String {
    if prefix.is_empty() { "(文件)".to_string() } else { prefix.to_string() }
}

/// The items of a list, with their paths. With `scalar_ok`, one plain value is a list of one.
pub fn items<'n>(d: &mut Decoder, node: &'n Node, path: &str, scalar_ok: bool) -> Vec<(String, &'n Node)> {
    match &node.kind {
        NodeKind::Seq(items) => {
            items.iter().enumerate().filter(|(_, n)| !n.is_null()).map(|(i, n)| (format!("{path}[{}]", i + 1), n)).collect()
        }
        _ if node.is_null() => Vec::new(),
        NodeKind::Scalar { .. } if scalar_ok => vec![(path.to_string(), node)],
        _ => {
            d.report(problems::wrong_shape(path, Shape::List, node.shape().into()), Some(node.span));
            Vec::new()
        }
    }
}

/// A single value's text, or a wrong-shape error.
pub fn scalar<'n>(d: &mut Decoder, node: &'n Node, path: &(impl PathText + ?Sized)) -> Option<&'n str> {
    match &node.kind {
        NodeKind::Scalar { text, .. } => Some(text.as_str()),
        _ => {
            d.report(problems::wrong_shape(&path.text(), Shape::Text, node.shape().into()), Some(node.span));
            None
        }
    }
}

pub fn text(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized)) -> Option<String> {
    let value = scalar(d, node, path)?.trim();
    if value.is_empty() {
        d.report(problems::empty_text(&path.text()), Some(node.span));
        return None;
    }
    Some(value.to_string())
}

pub fn date(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized)) -> Option<NaiveDate> {
    let value = scalar(d, node, path)?.trim();
    let parsed = period::parse_date(value);
    if parsed.is_none() {
        d.report(problems::bad_date(&path.text(), value, loose_date(value).map(|d| d.to_string())), Some(node.span));
    }
    parsed
}

pub fn month(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized)) -> Option<Month> {
    let value = scalar(d, node, path)?.trim();
    let parsed = Month::parse(value);
    if parsed.is_none() {
        let fixed = loose_numbers(value).and_then(|n| match n[..] {
            [y, m] | [y, m, _] => Month::new(y, m as u32).map(|m| m.to_string()),
            _ => None,
        });
        d.report(problems::bad_month(&path.text(), value, fixed), Some(node.span));
    }
    parsed
}

/// Reads `2026/3/5`, `2026.3.5`, `2026-3-5` or `2026年3月5日`, to suggest the strict form.
fn loose_date(value: &str) -> Option<NaiveDate> {
    match loose_numbers(value)?[..] {
        [y, m, day] => NaiveDate::from_ymd_opt(y, m as u32, day as u32),
        _ => None,
    }
}

fn loose_numbers(value: &str) -> Option<Vec<i32>> {
    let numbers: Vec<i32> =
        value.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().ok()).collect::<Option<_>>()?;
    (numbers.first().is_some_and(|y| (1900..3000).contains(y))).then_some(numbers)
}

/// A non-negative decimal with at most 4 places, read from the exact source text.
pub fn number(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized), kind: NumberKind) -> Option<Decimal> {
    let value = scalar(d, node, path)?.trim();
    let digits = if matches!(kind, NumberKind::Percent) { value.trim_end_matches(['%', '％']).trim_end() } else { value };
    let (negative, body) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits.strip_prefix('+').unwrap_or(digits)),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let well_formed = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && frac.is_empty() != body.contains('.')
        && whole.len() <= 15;
    if !well_formed {
        d.report(problems::bad_number(&path.text(), value, kind), Some(node.span));
        return None;
    }
    if negative {
        d.report(problems::negative_amount(&path.text(), value), Some(node.span));
        return None;
    }
    if frac.len() > 4 {
        d.report(problems::too_precise(&path.text(), value), Some(node.span));
        return None;
    }
    match body.parse::<Decimal>() {
        Ok(v) if matches!(kind, NumberKind::Percent) && v > Decimal::ONE_HUNDRED => {
            d.report(problems::bad_range(&path.text(), value, "超过了 100%", "is over 100%"), Some(node.span));
            None
        }
        Ok(v) => Some(v.normalize()),
        Err(_) => {
            d.report(problems::bad_number(&path.text(), value, kind), Some(node.span));
            None
        }
    }
}

pub fn count(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized), range: RangeInclusive<u32>) -> Option<u32> {
    let value = scalar(d, node, path)?.trim();
    if let Some(rest) = value.strip_prefix('-')
        && rest.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty()
    {
        d.report(problems::negative_amount(&path.text(), value), Some(node.span));
        return None;
    }
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        d.report(problems::bad_number(&path.text(), value, NumberKind::Count), Some(node.span));
        return None;
    }
    // All digits: too many of them is out of range too.
    let parsed = value.parse::<u64>().unwrap_or(u64::MAX);
    match u32::try_from(parsed) {
        Ok(n) if range.contains(&n) => Some(n),
        _ => {
            d.report(problems::count_out_of_range(&path.text(), parsed, *range.start(), *range.end()), Some(node.span));
            None
        }
    }
}

pub fn flag(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized)) -> Option<bool> {
    let value = scalar(d, node, path)?.trim();
    match value {
        "true" | "True" | "TRUE" | "yes" | "Yes" | "是" => Some(true),
        "false" | "False" | "FALSE" | "no" | "No" | "否" => Some(false),
        _ => {
            d.report(problems::bad_bool(&path.text(), value), Some(node.span));
            None
        }
    }
}

/// One of a fixed set of (mostly Chinese) values. Options listed first are the documented
/// spellings; later ones with the same value are accepted aliases.
pub fn choice<T: Copy>(d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized), options: &[(&str, T)]) -> Option<T> {
    let value = scalar(d, node, path)?.trim();
    if let Some((_, v)) = options.iter().find(|(name, _)| name.trim_start_matches('~') == value) {
        return Some(*v);
    }
    let mut documented: Vec<&str> = Vec::new();
    for (name, _) in options {
        if !name.starts_with('~') {
            documented.push(name);
        }
    }
    d.report(problems::bad_choice(&path.text(), value, &documented), Some(node.span));
    None
}

/// Is `id` safe as a file name on every system the site may be copied to? ASCII letters,
/// digits, `-` and `_`, starting with a letter or digit, at most 64 characters, and not a name
/// Windows reserves for a device (`con`, `nul`, `com1`…: a file share cannot hold `con.html`).
pub fn is_safe_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !is_windows_device(id)
}

fn is_windows_device(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "con" | "prn" | "aux" | "nul")
        || (lower.len() == 4
            && (lower.starts_with("com") || lower.starts_with("lpt"))
            && lower.as_bytes()[3].is_ascii_digit()
            && lower.as_bytes()[3] != b'0')
}

/// The ids of one kind, for resolving references and suggesting the closest.
#[derive(Debug)]
pub struct IdTable {
    pub kind: RefKind,
    ids: Vec<String>,
    by_id: HashMap<String, u32>,
    by_name: HashMap<String, u32>,
    /// False when the file listing these ids could not be read: an unknown id is then not
    /// reported, since the file's own error already explains it.
    complete: bool,
}

impl IdTable {
    pub fn new(kind: RefKind) -> IdTable {
        IdTable { kind, ids: Vec::new(), by_id: HashMap::new(), by_name: HashMap::new(), complete: true }
    }

    /// Marks the table incomplete unless `complete`.
    pub fn complete_if(mut self, complete: bool) -> IdTable {
        self.complete = complete;
        self
    }

    /// Builds the table; ids are assumed unique (duplicates are reported where they are read).
    pub fn from_ids<'s>(kind: RefKind, entries: impl IntoIterator<Item = (&'s str, Option<&'s str>)>) -> IdTable {
        let mut table = IdTable::new(kind);
        for (id, name) in entries {
            let ix = table.ids.len() as u32;
            table.ids.push(id.to_string());
            table.by_id.entry(id.to_string()).or_insert(ix);
            if let Some(name) = name {
                table.by_name.entry(name.to_string()).or_insert(ix);
            }
        }
        table
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Everything a lookup can answer, fed to `h`: the ids, the names that point at them, and
    /// whether the list is complete.
    pub fn hash_into(&self, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        self.ids.hash(h);
        let mut names: Vec<(&String, &u32)> = self.by_name.iter().collect();
        names.sort();
        names.hash(h);
        self.complete.hash(h);
    }

    pub fn resolve(&self, d: &mut Decoder, node: &Node, path: &(impl PathText + ?Sized)) -> Option<u32> {
        let value = scalar(d, node, path)?.trim();
        if let Some(ix) = self.get(value) {
            return Some(ix);
        }
        if !self.complete {
            return None;
        }
        let by_name = self.by_name.get(value).map(|&ix| self.ids[ix as usize].as_str());
        let closest = problems::closest(value, self.ids.iter().map(String::as_str));
        d.report(problems::unknown_ref(&path.text(), self.kind, value, closest, by_name), Some(node.span));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml;

    fn with_fields<T>(text: &str, f: impl FnOnce(&mut Decoder, &mut Fields) -> T) -> (T, Vec<Diagnostic>, SourceFile) {
        let src = SourceFile::new("t.yaml".into(), text.into());
        let node = yaml::parse(&src).unwrap().unwrap();
        let mut d = Decoder::new(FileId(0), &src);
        let mut fields = Fields::of(&mut d, &node, "").unwrap();
        let out = f(&mut d, &mut fields);
        fields.finish(&mut d);
        let diags = d.diags;
        (out, diags, src)
    }

    #[test]
    fn unknown_fields_are_reported_with_the_closest_known_one() {
        let (_, diags, src) = with_fields("name: a\nsigend: 2026-01-01\n", |d, f| {
            f.text(d, "name", Required);
            f.date(d, "signed", Optional);
        });
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "unknown-field");
        assert_eq!(src.line_col(diags[0].span.unwrap().start), (2, 1));
        assert!(diags[0].help.as_ref().unwrap().zh.contains("“signed”（签约日期）"), "{:?}", diags[0].help);
    }

    #[test]
    fn every_bad_value_in_a_file_is_reported() {
        let (_, diags, src) = with_fields("a: 2026/3/5\nb: 12,000\nc: -5\nd: 1.23456\n", |d, f| {
            assert_eq!(f.date(d, "a", Required), None);
            assert_eq!(f.number(d, "b", Required, NumberKind::Wan), None);
            assert_eq!(f.number(d, "c", Required, NumberKind::Wan), None);
            assert_eq!(f.number(d, "d", Required, NumberKind::Wan), None);
            assert_eq!(f.text(d, "e", Required), None);
        });
        let codes: Vec<_> = diags.iter().map(|d| (d.code, src.line_col(d.span.unwrap().start).0)).collect();
        assert_eq!(codes, [("bad-date", 1), ("bad-number", 2), ("negative-amount", 3), ("too-precise", 4), ("missing-field", 1)]);
        assert!(diags[0].help.as_ref().unwrap().zh.contains("2026-03-05"));
    }

    #[test]
    fn money_is_read_exactly() {
        let (v, diags, _) = with_fields("a: 1234567890.1234\nb: \"350.5\"\n", |d, f| {
            (f.number(d, "a", Required, NumberKind::Wan), f.number(d, "b", Required, NumberKind::Wan))
        });
        assert!(diags.is_empty());
        assert_eq!(v.0.unwrap().to_string(), "1234567890.1234");
        assert_eq!(v.1.unwrap().to_string(), "350.5");
    }

    #[test]
    fn a_name_where_an_id_belongs_gets_the_id_suggested() {
        let table = IdTable::from_ids(RefKind::Unit, [("chengguan", Some("城关街道")), ("fushui", Some("富水镇"))]);
        let (v, diags, _) = with_fields("unit: 城关街道\n", |d, f| f.reference(d, "unit", Required, &table));
        assert_eq!(v, None);
        assert_eq!(diags[0].code, "unknown-ref");
        assert!(diags[0].help.as_ref().unwrap().zh.contains("chengguan"));
    }

    #[test]
    fn safe_ids() {
        for ok in ["p2026-001", "chengguan", "A_1", "com0", "console", "com10"] {
            assert!(is_safe_id(ok), "{ok}");
        }
        for bad in ["", "-a", "城关", "a b", "a/b", "..", "a.b", &"x".repeat(65), "con", "NUL", "Com1", "lpt9"] {
            assert!(!is_safe_id(bad), "{bad}");
        }
    }
}
