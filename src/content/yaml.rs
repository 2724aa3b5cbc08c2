//! A YAML document as a tree of nodes, each with its byte span in the file.
//!
//! Scalars keep their exact source text: amounts are parsed from what the clerk typed, never
//! through a binary float, and every later check can point at the value it rejects.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::source::{SourceFile, Span};

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
}

/// Parses one YAML document. An empty file gives `Ok(None)`.
pub fn parse(file: &SourceFile) -> Result<Option<Node>, Vec<SyntaxError>> {
    parse_region(file, 0..file.text.len())
}

/// Parses the part of `file` in `region` (which starts at a line start), such as the front
/// matter of a Markdown file; spans are still offsets into the whole file.
pub fn parse_region(file: &SourceFile, region: std::ops::Range<usize>) -> Result<Option<Node>, Vec<SyntaxError>> {
    let text = &file.text[region.clone()];
    let base = region.start as u32;
    let first_line = file.line_col(base).0;
    let hints = clerk_slips(text, base);
    if !hints.is_empty() {
        // These slips make the parser's own message misleading, so report them instead.
        return Err(hints);
    }
    let at = |line: usize, col: usize| file.byte_at(line + first_line - 1, col);
    let mut builder = Builder { stack: Vec::new(), anchors: HashMap::new(), root: None, documents: 0 };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => {
                let start = at(span.start.line(), span.start.col());
                let end = at(span.end.line(), span.end.col()).max(start);
                if let Err(e) = builder.event(event, Span { start, end }) {
                    return Err(vec![e]);
                }
            }
            Err(e) => {
                let at = at(e.marker().line(), e.marker().col());
                return Err(vec![SyntaxError { at, detail: e.info().to_string(), kind: SyntaxKind::Parser }]);
            }
        }
    }
    Ok(builder.root)
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
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    documents: usize,
}

enum Open {
    Seq { span: Span, anchor: usize, items: Vec<Node> },
    Map { span: Span, anchor: usize, entries: Vec<(Node, Node)>, key: Option<Node> },
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), SyntaxError> {
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
                let mut node = self
                    .anchors
                    .get(&anchor)
                    .cloned()
                    .unwrap_or(Node { span, kind: NodeKind::Scalar { text: String::new(), quoted: false } });
                node.span = span;
                self.finish_node(node, 0)?;
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Open::Seq { span, anchor, items: Vec::new() }),
            Event::MappingStart(anchor, _) => self.stack.push(Open::Map { span, anchor, entries: Vec::new(), key: None }),
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
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Some(name) = k.as_scalar()
                        && entries.iter().any(|(existing, _)| existing.as_scalar() == Some(name))
                    {
                        return Err(SyntaxError { at: k.span.start, detail: name.to_string(), kind: SyntaxKind::DuplicateKey });
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
        assert_eq!(&f.text[value.span.range()], "1234567890123456.789");
        let name = &entries[0].1;
        assert_eq!(&f.text[name.span.range()], "茶叶项目");
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
