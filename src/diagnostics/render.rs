//! Printing diagnostics: rustc-style text with the offending line, or JSON for CI.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Diagnostic, Lang, Severity};
use crate::content::source::{SourceFile, Sources, Span};

/// One diagnostic as text: title, the line it concerns with a caret, field and help.
pub fn text(d: &Diagnostic, sources: &Sources, lang: Lang, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    if d.file.is_none() && d.field.is_none() {
        // Nothing to point at: a title and the help, without an empty gutter line.
        let severity = match (d.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Warning, Lang::En) => "warning",
        };
        let mut out = format!("{severity}[{}]: {}", d.code, d.message.get(lang));
        if let Some(help) = &d.help {
            out.push_str(&format!("\n  = {}: {}", if lang == Lang::Zh { "怎么改" } else { "help" }, help.get(lang)));
        }
        return out;
    }
    let (level, name) = match (d.severity, lang) {
        (Severity::Error, Lang::Zh) => (Level::ERROR, "错误"),
        (Severity::Error, Lang::En) => (Level::ERROR, "error"),
        (Severity::Warning, Lang::Zh) => (Level::WARNING, "警告"),
        (Severity::Warning, Lang::En) => (Level::WARNING, "warning"),
    };
    let mut group = Group::with_title(level.with_name(name).primary_title(d.message.get(lang)).id(d.code));

    let file = d.file.map(|f| sources.get(f));
    if let Some(src) = file {
        match d.span.and_then(|span| one_line(src, span)) {
            Some((line_no, line_text, range)) => {
                let mut annotation = AnnotationKind::Primary.span(range);
                if let Some(label) = &d.label {
                    annotation = annotation.label(label.get(lang));
                }
                group =
                    group.element(Snippet::source(line_text).path(src.path.as_str()).line_start(line_no).annotation(annotation));
            }
            None => {
                let where_ = match lang {
                    Lang::Zh => format!("文件 {}", src.path),
                    Lang::En => format!("file {}", src.path),
                };
                group = group.element(Level::NOTE.with_name(if lang == Lang::Zh { "位置" } else { "in" }).message(where_));
            }
        }
    }
    if let Some(field) = &d.field {
        group = group.element(Level::NOTE.with_name(if lang == Lang::Zh { "字段" } else { "field" }).message(field.as_str()));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.with_name(if lang == Lang::Zh { "怎么改" } else { "help" }).message(help.get(lang)));
    }
    renderer.render(&[group])
}

/// The line holding `span.start`, its text and the span clamped to it (a span over several
/// lines, such as a whole mapping, is shown by its first line).
fn one_line(src: &SourceFile, span: Span) -> Option<(usize, &str, std::ops::Range<usize>)> {
    let (line, _) = src.line_col(span.start);
    let line_text = src.line_text(line);
    let line_start = src.byte_at(line, 0) as usize;
    let start = (span.start as usize).saturating_sub(line_start).min(line_text.len());
    let mut end = (span.end as usize).saturating_sub(line_start).clamp(start, line_text.len());
    if end == start {
        // Point at the rest of the token, or at least one character.
        end = line_text[start..].find(char::is_whitespace).map_or(line_text.len(), |i| start + i.max(1));
        end = end.min(line_text.len());
    }
    // Spans from the parser are on character boundaries, but never trust that in a renderer.
    if !line_text.is_char_boundary(start) || !line_text.is_char_boundary(end) {
        return Some((line, line_text, 0..0));
    }
    Some((line, line_text, start..end))
}

/// The closing line: how many errors and warnings, and what that means.
pub fn summary(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh if errors == 0 && warnings == 0 => "检查通过：没有发现问题。".to_string(),
        Lang::Zh if errors == 0 => {
            format!("检查通过：没有错误，有 {warnings} 条数据质量提醒（警告），请尽快补齐。")
        }
        Lang::Zh => {
            format!("发现 {errors} 个错误、{warnings} 条警告。请按提示改正错误后再运行一次。")
        }
        Lang::En if errors == 0 && warnings == 0 => "check passed: no problems found.".to_string(),
        Lang::En if errors == 0 => format!("check passed: no errors, {warnings} warning(s)."),
        Lang::En => format!("found {errors} error(s) and {warnings} warning(s); fix the errors and run again."),
    }
}

/// The JSON form, for CI: one object per diagnostic.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub severity: Severity,
    pub code: &'a str,
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub field: Option<&'a str>,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub ok: bool,
    pub errors: Vec<JsonDiagnostic<'a>>,
    pub warnings: Vec<JsonDiagnostic<'a>>,
}

pub fn json<'a>(diags: &'a [Diagnostic], sources: &'a Sources, lang: Lang) -> JsonReport<'a> {
    let one = |d: &'a Diagnostic| {
        let src = d.file.map(|f| sources.get(f));
        let start = src.zip(d.span).map(|(s, span)| s.line_col(span.start));
        let end = src.zip(d.span).map(|(s, span)| s.line_col(span.end));
        JsonDiagnostic {
            severity: d.severity,
            code: d.code,
            file: src.map(|s| s.path.as_str()),
            line: start.map(|p| p.0),
            column: start.map(|p| p.1),
            end_line: end.map(|p| p.0),
            end_column: end.map(|p| p.1),
            field: d.field.as_deref(),
            message: d.message.get(lang),
            help: d.help.as_ref().map(|h| h.get(lang)),
        }
    };
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).map(one).collect();
    let warnings = diags.iter().filter(|d| !d.is_error()).map(one).collect();
    JsonReport { ok: errors.is_empty(), errors, warnings }
}
