//! Content files as read from disk: a path relative to the content folder and the text.
//!
//! The text is kept for the whole run so that any later stage can point at a line of it. The
//! lowest layer: `content` reads into it, `diagnostics` points into it, neither above the other.

use std::ops::Range;

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
    pub text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1)).collect();
        SourceFile { path, text, line_starts }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, byte: u32) -> (usize, usize) {
        let byte = byte.min(self.text.len() as u32);
        let line = self.line_starts.partition_point(|&start| start <= byte) - 1;
        let start = self.line_starts[line] as usize;
        let column = self.text.get(start..byte as usize).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte offset of a 1-based line and 0-based character column, clamped to the text.
    pub fn byte_at(&self, line: usize, char_col: usize) -> u32 {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len() as u32;
        };
        let rest = &self.text[start as usize..];
        let offset = rest.char_indices().nth(char_col).map_or(rest.len(), |(i, _)| i);
        start + offset as u32
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let rest = &self.text[start as usize..];
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
        let chain = f.text.find("agri").unwrap() as u32;
        assert_eq!(f.line_col(chain), (2, 8));
        let tea = f.text.find("茶叶").unwrap() as u32;
        assert_eq!(f.line_col(tea), (1, 7));
        assert_eq!(f.byte_at(1, 7), f.text.find("叶").unwrap() as u32);
        assert_eq!(f.line_text(2), "chain: agri");
    }
}
