//! Problems found in the content, in the words the clerk will read.
//!
//! Every stage reports through [`Diagnostic`]: a stable `code` for tools, the file and span it
//! concerns, the field path, and a message and help text in both Chinese and English (the
//! language is chosen when printing). `render` turns them into rustc-style text or JSON;
//! [`reporter::Reporter`] prints them for a command.

pub mod render;
pub mod reporter;

use crate::source::{FileId, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// The same sentence in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case identifier, documented in `docs/content.md` (`unknown-field`).
    pub code: &'static str,
    pub file: Option<FileId>,
    pub span: Option<Span>,
    /// Path of the field inside the file, e.g. `milestones.started` or `funds[2].amount`.
    pub field: Option<String>,
    /// What is wrong.
    pub message: Text,
    /// Short note printed under the caret.
    pub label: Option<Text>,
    /// How to fix it.
    pub help: Option<Text>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: Text) -> Diagnostic {
        Diagnostic { severity: Severity::Error, code, file: None, span: None, field: None, message, label: None, help: None }
    }

    pub fn warning(code: &'static str, message: Text) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    pub fn at(mut self, file: FileId, span: Option<Span>) -> Diagnostic {
        self.file = Some(file);
        self.span = span;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Diagnostic {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    pub fn label(mut self, label: Text) -> Diagnostic {
        self.label = Some(label);
        self
    }

    pub fn help(mut self, help: Text) -> Diagnostic {
        self.help = Some(help);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// All problems of one run, errors and warnings together.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Errors first, then by file, position and code, so output is stable whatever order the
    /// files were read in.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (a.severity, a.file, a.span.map(|s| s.start), a.code).cmp(&(b.severity, b.file, b.span.map(|s| s.start), b.code))
        });
    }
}
