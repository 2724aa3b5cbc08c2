//! A YAML document as a tree of nodes, each with its byte span in the file.
//!
//! Scalars keep their exact source text: amounts are parsed from what the clerk typed, never
//! through a binary float, and every later check can point at the value it rejects.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::source::{SourceFile, Span};

#[derive(Clone, Debug)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Clone, Debug)]
pub enum NodeKind {
    /// `quoted` is true for '…' and "…" scalars, which are always text.
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// An empty value (`key:` with nothing after it, `~` or `null`).
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { text, quoted: false } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    pub fn as_scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Plain English word for the node's shape, used in messages (`text`, `list`, `mapping`).
    pub fn shape(&self) -> Shape {
        match &self.kind {
            NodeKind::Scalar { .. } if self.is_null() => Shape::Empty,
            NodeKind::Scalar { .. } => Shape::Text,
            NodeKind::Seq(_) => Shape::List,
            NodeKind::Map(_) => Shape::Mapping,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Empty,
    Text,
    List,
    Mapping,
}

/// Why a file is not readable YAML, at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub at: u32,
    pub detail: String,
    pub kind: SyntaxKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    /// The parser's own message (English) is in `detail`.
    Parser,
    /// A full-width colon `：` where YAML needs `: `.
    FullWidthColon,
    /// A tab in the indentation.
    TabIndent,
    /// More than one `---` document in a file.
    SeveralDocuments,
    /// The same key twice in one mapping; `detail` holds the key.
    DuplicateKey,
    /// Aliases (`*name`) that repeat more than [`MAX_ALIAS_NODES`] values in all.
    TooManyAliases,
    /// Lists and mappings nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_NODES`] values in one file.
    TooManyValues,
}

/// The most values (keys, texts, lists and mappings) in one file. A project holds about a
/// hundred; the largest list of a city (its factory buildings) holds tens of thousands. The cap
/// bounds the memory and time one file can take.
pub const MAX_NODES: usize = 500_000;

/// The most values aliases may repeat in one file. Content has no need for aliases; a few
/// repeated blocks stay far below this, while nine levels of nine aliases (a "billion laughs")
/// would repeat hundreds of millions of values.
pub const MAX_ALIAS_NODES: usize = 10_000;
/// The deepest nesting of lists and mappings; the deepest content file needs four levels.
pub const MAX_DEPTH: usize = 64;
/// A mapping with more keys than this finds duplicates through a set, not by scanning.
const SCAN_KEYS: usize = 16;

/// Parses one YAML document. An empty file gives `Ok(None)`.
pub fn parse(file: &SourceFile) -> Result<Option<Node>, Vec<SyntaxError>> {
    parse_region(file, 0..file.text().len())
}

/// Parses the part of `file` in `region` (which starts at a line start), such as the front
/// matter of a Markdown file; spans are still offsets into the whole file.
pub fn parse_region(file: &SourceFile, region: std::ops::Range<usize>) -> Result<Option<Node>, Vec<SyntaxError>> {
    let text = &file.text()[region.clone()];
    let base = region.start as u32;
    let hints = clerk_slips(text, base);
    if !hints.is_empty() {
        // These slips make the parser's own message misleading, so report them instead.
        return Err(hints);
    }
    // The parser counts characters from the start of `text`; a cursor turns that into bytes in
    // time proportional to the distance moved (events arrive nearly in order), where a lookup
    // from the line start would make one long line quadratic.
    let mut cursor = Cursor { text, chars: 0, bytes: 0 };
    let mut at = |index: usize| base + cursor.byte(index) as u32;
    let mut builder = Builder { stack: Vec::new(), anchors: HashMap::new(), root: None, documents: 0, repeated: 0, nodes: 0 };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => {
                let start = at(span.start.index());
                let end = at(span.end.index()).max(start);
                if let Err(e) = builder.event(event, Span { start, end }) {
                    return Err(vec![e]);
                }
            }
            Err(e) => {
                let at = at(e.marker().index());
                // The parser has a nesting limit of its own, which says the same as ours.
                let kind = if e.info().contains("recursion limit") { SyntaxKind::TooDeep } else { SyntaxKind::Parser };
                return Err(vec![SyntaxError { at, detail: e.info().to_string(), kind }]);
            }
        }
    }
    Ok(builder.root)
}

/// A character index → byte offset cursor over one text.
struct Cursor<'t> {
    text: &'t str,
    chars: usize,
    bytes: usize,
}

impl Cursor<'_> {
    /// The byte offset of the character at `index` (the end of the text if past it).
    fn byte(&mut self, index: usize) -> usize {
        while self.chars < index {
            match self.text[self.bytes..].chars().next() {
                Some(c) => self.bytes += c.len_utf8(),
                None => return self.bytes,
            }
            self.chars += 1;
        }
        while self.chars > index {
            let c = self.text[..self.bytes].chars().next_back().expect("a character before the cursor");
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        self.bytes
    }
}

/// Mistakes clerks make that YAML reports badly: a full-width colon after a key and tab indents.
fn clerk_slips(text: &str, base: u32) -> Vec<SyntaxError> {
    let mut found = Vec::new();
    let mut offset = base;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent_len = body.len() - body.trim_start_matches([' ', '\t', '-']).len();
        if let Some(tab) = body[..indent_len].find('\t') {
            found.push(SyntaxError { at: offset + tab as u32, detail: String::new(), kind: SyntaxKind::TabIndent });
        }
        let rest = &body[indent_len..];
        if !rest.starts_with('#') {
            let key_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
            let after = rest[key_len..].trim_start_matches(' ');
            if key_len > 0 && after.starts_with('：') {
                let at = offset + (indent_len + rest.len() - after.len()) as u32;
                found.push(SyntaxError { at, detail: rest[..key_len].to_string(), kind: SyntaxKind::FullWidthColon });
            }
        }
        offset += line.len() as u32;
    }
    found
}

struct Builder {
    stack: Vec<Open>,
    /// Anchored nodes with the number of nodes each holds.
    anchors: HashMap<usize, (Node, usize)>,
    root: Option<Node>,
    documents: usize,
    /// Nodes copied by aliases so far.
    repeated: usize,
    /// Nodes read so far.
    nodes: usize,
}

enum Open {
    Seq { span: Span, anchor: usize, items: Vec<Node> },
    Map { span: Span, anchor: usize, entries: Vec<(Node, Node)>, key: Option<Node>, keys: HashSet<String> },
}

/// The number of nodes in `node`, itself included.
fn size(node: &Node) -> usize {
    let mut count = 0;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.kind {
            NodeKind::Scalar { .. } => {}
            NodeKind::Seq(items) => todo.extend(items),
            NodeKind::Map(entries) => todo.extend(entries.iter().flat_map(|(k, v)| [k, v])),
        }
    }
    count
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), SyntaxError> {
        if matches!(event, Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)) {
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                return Err(SyntaxError { at: span.start, detail: String::new(), kind: SyntaxKind::TooManyValues });
            }
        }
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(SyntaxError { at: span.start, detail: String::new(), kind: SyntaxKind::SeveralDocuments });
                }
            }
            Event::Scalar(text, style, anchor, _tag) => {
                let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
                let node = Node { span, kind: NodeKind::Scalar { text: text.into_owned(), quoted } };
                self.finish_node(node, anchor)?;
            }
            Event::Alias(anchor) => {
                // An alias repeats the anchored node; report problems at the alias itself.
                // Counting what aliases copy bounds the tree, however aliases nest.
                let mut node = match self.anchors.get(&anchor) {
                    Some((node, nodes)) => {
                        self.repeated += nodes;
                        if self.repeated > MAX_ALIAS_NODES {
                            return Err(SyntaxError { at: span.start, detail: String::new(), kind: SyntaxKind::TooManyAliases });
                        }
                        node.clone()
                    }
                    None => Node { span, kind: NodeKind::Scalar { text: String::new(), quoted: false } },
                };
                node.span = span;
                self.finish_node(node, 0)?;
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                return Err(SyntaxError { at: span.start, detail: String::new(), kind: SyntaxKind::TooDeep });
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Open::Seq { span, anchor, items: Vec::new() }),
            Event::MappingStart(anchor, _) => {
                self.stack.push(Open::Map { span, anchor, entries: Vec::new(), key: None, keys: HashSet::new() })
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq { span: s, anchor, items }) => {
                        (Node { span: Span { start: s.start, end: span.end.max(s.start) }, kind: NodeKind::Seq(items) }, anchor)
                    }
                    Some(Open::Map { span: s, anchor, entries, .. }) => {
                        (Node { span: Span { start: s.start, end: span.end.max(s.start) }, kind: NodeKind::Map(entries) }, anchor)
                    }
                    None => return Ok(()),
                };
                self.finish_node(node, anchor)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn finish_node(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if anchor != 0 {
            let nodes = size(&node);
            self.anchors.insert(anchor, (node.clone(), nodes));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, keys, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Some(name) = k.as_scalar() {
                        // Scanning is quickest for the usual handful of keys; a set keeps a
                        // mapping of 200 000 keys linear.
                        let seen = if entries.len() < SCAN_KEYS {
                            entries.iter().any(|(existing, _)| existing.as_scalar() == Some(name))
                        } else {
                            if keys.is_empty() {
                                keys.extend(entries.iter().filter_map(|(e, _)| e.as_scalar().map(str::to_string)));
                            }
                            !keys.insert(name.to_string())
                        };
                        if seen {
                            return Err(SyntaxError {
                                at: k.span.start,
                                detail: name.to_string(),
                                kind: SyntaxKind::DuplicateKey,
                            });
                        }
                    }
                    entries.push((k, node));
                }
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> (SourceFile, Node) {
        let f = SourceFile::new("t.yaml".into(), text.into());
        let node = parse(&f).unwrap().unwrap();
        (f, node)
    }

    #[test]
    fn scalars_keep_their_source_text_and_span() {
        let (f, node) = tree("name: 茶叶项目\namount: 1234567890123456.789\n");
        let NodeKind::Map(entries) = &node.kind else { panic!("not a map") };
        let (key, value) = &entries[1];
        assert_eq!(key.as_scalar(), Some("amount"));
        assert_eq!(value.as_scalar(), Some("1234567890123456.789"));
        assert_eq!(&f.text()[value.span.range()], "1234567890123456.789");
        let name = &entries[0].1;
        assert_eq!(&f.text()[name.span.range()], "茶叶项目");
    }

    #[test]
    fn duplicate_keys_are_syntax_errors() {
        let f = SourceFile::new("t.yaml".into(), "name: a\nname: b\n".into());
        let errors = parse(&f).unwrap_err();
        assert_eq!(errors[0].kind, SyntaxKind::DuplicateKey);
        assert_eq!(f.line_col(errors[0].at), (2, 1));
    }

    #[test]
    fn full_width_colon_is_found_on_its_line() {
        let f = SourceFile::new("t.yaml".into(), "name: a\ninvestor：某公司\n".into());
        let errors = parse(&f).unwrap_err();
        assert_eq!(errors[0].kind, SyntaxKind::FullWidthColon);
        assert_eq!(f.line_col(errors[0].at), (2, 9));
    }

    #[test]
    fn a_chinese_colon_inside_text_is_fine() {
        let (_, node) = tree("measures: 两步走：先供地，再开工\n");
        assert!(matches!(node.kind, NodeKind::Map(_)));
    }

    #[test]
    fn empty_file_is_none_and_bad_yaml_has_a_location() {
        let f = SourceFile::new("t.yaml".into(), "".into());
        assert!(parse(&f).unwrap().is_none());
        let f = SourceFile::new("t.yaml".into(), "a: [1, 2\nb: 3\n".into());
        let errors = parse(&f).unwrap_err();
        assert_eq!(errors[0].kind, SyntaxKind::Parser);
    }
}
