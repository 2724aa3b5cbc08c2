//! Content files as read from disk: a path relative to the content folder and the text.
//!
//! The text is kept for the whole run so that any later stage can point at a line of it, except
//! where a roll-up lets its members' texts go once they are read (a province's are 170 MB,
//! most of its peak memory): a message about such a file reads it again ([`Sources::release`]).
//! The lowest layer: `content` reads into it, `diagnostics` points into it, neither above the
//! other.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(range: Range<usize>) -> Span {
        Span { start: range.start as u32, end: range.end.max(range.start) as u32 }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A place in the content: a file and, where known, a span in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: FileId,
    pub span: Option<Span>,
}

#[derive(Debug)]
pub struct SourceFile {
    /// Relative to the content folder, with `/` separators (`projects/p2026-001.yaml`).
    pub path: String,
    body: Text,
    /// Set once the text was let go ([`Sources::release`]).
    released: Option<Box<Released>>,
}

/// A file's text with its line table, shared: `serve` keeps the texts of one read for the
/// next, so a file that did not change is neither read nor scanned again.
#[derive(Debug, Default, Clone)]
pub struct Text(Arc<Body>);

impl Text {
    pub fn new(text: String) -> Text {
        Text(Arc::new(Body::new(text)))
    }

    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    /// The same text (not only equal bytes): kept from one read to the next.
    pub fn same(&self, other: &Text) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A file's text and where its lines start.
#[derive(Debug, Default)]
struct Body {
    text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<u32>,
}

impl Body {
    fn new(text: String) -> Body {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1)).collect();
        Body { text, line_starts }
    }
}

/// A released file: where to read it again, and what its text was, to know it is the same.
#[derive(Debug)]
struct Released {
    disk: PathBuf,
    len: usize,
    crc: u32,
    again: OnceLock<Text>,
}

impl Released {
    /// The text read again as the loader read it (UTF-8, no byte-order mark); empty if the
    /// file has changed since or cannot be read: a message then names the file without
    /// quoting a line that may no longer be the one meant.
    fn read_again(&self) -> Text {
        use std::io::Read;
        // No more than the text was (and the byte-order mark the loader dropped): a file
        // swapped for a huge one since is not read whole.
        let limit = self.len as u64 + 4;
        let bytes = std::fs::File::open(&self.disk).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(limit).read_to_end(&mut bytes).map(|_| bytes)
        });
        let text = bytes.ok().and_then(|bytes| String::from_utf8(bytes).ok()).map(|text| match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        });
        match text {
            Some(text) if text.len() == self.len && crc32fast::hash(text.as_bytes()) == self.crc => Text::new(text),
            _ => Text::default(),
        }
    }
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        SourceFile::shared(path, Text::new(text))
    }

    /// A file whose text is shared with another read of it.
    pub fn shared(path: String, text: Text) -> SourceFile {
        SourceFile { path, body: text, released: None }
    }

    /// The text, read again from disk if it was released.
    pub fn text(&self) -> &str {
        &self.body().text
    }

    /// The text as shared, unless it was released.
    pub fn shared_text(&self) -> Option<&Text> {
        self.released.is_none().then_some(&self.body)
    }

    fn body(&self) -> &Body {
        match &self.released {
            None => &self.body.0,
            Some(r) => &r.again.get_or_init(|| r.read_again()).0,
        }
    }

    /// Lets the text go; `disk` is where to read it again.
    fn release(&mut self, disk: PathBuf) {
        if self.released.is_some() {
            return;
        }
        let body = std::mem::take(&mut self.body);
        let (len, crc) = (body.as_str().len(), crc32fast::hash(body.as_str().as_bytes()));
        self.released = Some(Box::new(Released { disk, len, crc, again: OnceLock::new() }));
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, byte: u32) -> (usize, usize) {
        let Body { text, line_starts } = self.body();
        let byte = byte.min(text.len() as u32);
        let line = line_starts.partition_point(|&start| start <= byte).max(1) - 1;
        let start = line_starts.get(line).map_or(0, |&s| s as usize);
        let column = text.get(start..byte as usize).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte offset of a 1-based line and 0-based character column, clamped to the text.
    pub fn byte_at(&self, line: usize, char_col: usize) -> u32 {
        let Body { text, line_starts } = self.body();
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            return text.len() as u32;
        };
        let rest = &text[start as usize..];
        let offset = rest.char_indices().nth(char_col).map_or(rest.len(), |(i, _)| i);
        start + offset as u32
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Body { text, line_starts } = self.body();
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let rest = &text[start as usize..];
        rest.split('\n').next().unwrap_or("").trim_end_matches('\r')
    }
}

/// Every file read in one run, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// Adds every file of `other` with `prefix` before its path (a roll-up's member: `商南县:
    /// ../county/`), and returns how far its ids moved: `FileId(n)` of `other` is
    /// `FileId(n + shift)` here.
    pub fn absorb(&mut self, other: Sources, prefix: &str) -> u32 {
        let shift = self.files.len() as u32;
        // Moved as they are: their texts and line tables need no second pass.
        for f in other.files {
            self.files.push(SourceFile { path: format!("{prefix}{}", f.path), ..f });
        }
        shift
    }

    /// Lets go of the text of every file but `keep`, each to be read again from `folder` (the
    /// folder its path is relative to) if a message comes to need it: a roll-up does this with
    /// each member once the member is read and its problems found.
    pub fn release(&mut self, folder: &std::path::Path, keep: impl Fn(FileId) -> bool) {
        for (i, f) in self.files.iter_mut().enumerate() {
            if !keep(FileId(i as u32)) {
                let disk = folder.join(&f.path);
                f.release(disk);
            }
        }
    }

    pub fn find(&self, path: &str) -> Option<FileId> {
        self.iter().find(|(_, f)| f.path == path).map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("a.yaml".into(), "name: 茶叶\nchain: agri\n".into());
        let chain = f.text().find("agri").unwrap() as u32;
        assert_eq!(f.line_col(chain), (2, 8));
        let tea = f.text().find("茶叶").unwrap() as u32;
        assert_eq!(f.line_col(tea), (1, 7));
        assert_eq!(f.byte_at(1, 7), f.text().find("叶").unwrap() as u32);
        assert_eq!(f.line_text(2), "chain: agri");
    }

    #[test]
    fn a_released_file_is_read_again_when_a_message_needs_it() {
        let dir = tempfile::tempdir().unwrap();
        // As the loader reads it: the byte-order mark is not part of the text.
        std::fs::write(dir.path().join("p.yaml"), "\u{feff}name: 茶叶\nchain: agri\n").unwrap();
        let mut sources = Sources::default();
        let a = sources.add(SourceFile::new("p.yaml".into(), "name: 茶叶\nchain: agri\n".into()));
        let b = sources.add(SourceFile::new("q.yaml".into(), "kept: yes\n".into()));
        sources.release(dir.path(), |f| f == b);
        assert!(sources.get(a).body.as_str().is_empty(), "the text is let go");
        assert_eq!(sources.get(b).text(), "kept: yes\n", "a kept file is not touched");
        // Read again on first use: the same lines and columns as before.
        assert_eq!(sources.get(a).line_text(2), "chain: agri");
        assert_eq!(sources.get(a).line_col(sources.get(a).byte_at(2, 7)), (2, 8));
    }

    #[test]
    fn a_released_file_changed_on_disk_is_not_quoted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.yaml"), "name: 茶叶\nchain: agri\n").unwrap();
        let mut sources = Sources::default();
        let a = sources.add(SourceFile::new("p.yaml".into(), "name: 茶叶\nchain: agri\n".into()));
        sources.release(dir.path(), |_| false);
        // Same length, one letter changed: the line a message meant may not be there any more.
        std::fs::write(dir.path().join("p.yaml"), "name: 茶叶\nchain: agro\n").unwrap();
        assert_eq!(sources.get(a).line_text(2), "");
        assert_eq!(sources.get(a).line_col(20), (1, 1));
        // A file grown far past the text is read only as far as the text was, and not quoted.
        std::fs::write(dir.path().join("p.yaml"), "name: 茶叶\nchain: agri\n".repeat(1000)).unwrap();
        let d = sources.add(SourceFile::new("p.yaml".into(), "name: 茶叶\nchain: agri\n".into()));
        sources.release(dir.path(), |f| f != d);
        assert_eq!(sources.get(d).line_text(2), "");
        // A file gone is the same.
        let c = sources.add(SourceFile::new("gone.yaml".into(), "x: 1\n".into()));
        sources.release(dir.path(), |f| f != c);
        assert_eq!(sources.get(c).text(), "");
    }
}
