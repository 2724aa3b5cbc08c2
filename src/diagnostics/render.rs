//! Printing diagnostics: rustc-style text with the offending line, or JSON for CI.

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use super::{Diagnostic, Lang, Severity, Text};
use crate::source::{SourceFile, Sources, Span};

/// One diagnostic as text: title, the line it concerns with a caret, field and help. Text from
/// the content (values, file names, the source line) is made printable first, so a file
/// cannot send control sequences to the clerk's terminal.
pub fn text(d: &Diagnostic, sources: &Sources, lang: Lang, color: bool) -> String {
    let d = &printable_diagnostic(d);
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
        let path = printable(&src.path);
        match d.span.and_then(|span| one_line(src, span)) {
            Some(Excerpt { line, column, text, range, whole }) => {
                let mut annotation = AnnotationKind::Primary.span(range);
                if let Some(label) = &d.label {
                    annotation = annotation.label(label.get(lang));
                }
                let snippet = Snippet::source(text).line_start(line).annotation(annotation);
                group = if whole {
                    group.element(snippet.path(path))
                } else {
                    // A part of a long line: say where it is, since its columns are not the line's.
                    group.element(Origin::path(path).line(line).char_column(column)).element(snippet)
                };
            }
            None => {
                let where_ = match lang {
                    Lang::Zh => format!("文件 {path}"),
                    Lang::En => format!("file {path}"),
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

/// The part of a source line a diagnostic shows.
struct Excerpt {
    /// 1-based line and 0-based character column of the start of the span.
    line: usize,
    column: usize,
    /// The line, or a window of it around the span, made printable.
    text: String,
    /// The span within `text`.
    range: std::ops::Range<usize>,
    /// Whether `text` is the whole line.
    whole: bool,
}

/// Characters of a long line shown on each side of the span, and of the span itself.
const CONTEXT_CHARS: usize = 60;

/// The line holding `span.start`, its text and the span clamped to it (a span over several
/// lines, such as a whole mapping, is shown by its first line). A long line is cut to a window
/// around the span: rendering a megabyte-long line for each of its problems would take minutes.
fn one_line(src: &SourceFile, span: Span) -> Option<Excerpt> {
    let (line, col) = src.line_col(span.start);
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
        return Some(Excerpt { line, column: 0, text: printable(line_text).into_owned(), range: 0..0, whole: true });
    }
    let whole = line_text.len() <= 4 * CONTEXT_CHARS;
    let (before, span, after) = if whole {
        (&line_text[..start], &line_text[start..end], &line_text[end..])
    } else {
        let from = line_text[..start].char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
        let end = line_text[start..end].char_indices().nth(CONTEXT_CHARS).map_or(end, |(i, _)| start + i);
        let to = line_text[end..].char_indices().nth(CONTEXT_CHARS).map_or(line_text.len(), |(i, _)| end + i);
        (&line_text[from..start], &line_text[start..end], &line_text[end..to])
    };
    // Made printable piece by piece, so the span still points at the same characters.
    let (before, span, after) = (printable(before), printable(span), printable(after));
    let range = before.len()..before.len() + span.len();
    Some(Excerpt { line, column: col - 1, text: format!("{before}{span}{after}"), range, whole })
}

/// `text` with every control character (C0, DEL, C1) and every bidirectional-override
/// character replaced by a visible stand-in: content is typed by many people, and a terminal
/// obeys the control sequences it prints.
pub fn printable(text: &str) -> Cow<'_, str> {
    let bad =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                // The control pictures ␀…␟ for C0, ␡ for DEL, the replacement character for the rest.
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                '\u{7f}' => '\u{2421}',
                c if bad(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// A copy of `d` whose texts are [`printable`].
fn printable_diagnostic(d: &Diagnostic) -> Diagnostic {
    let text = |t: &Text| Text::new(printable(&t.zh), printable(&t.en));
    Diagnostic {
        message: text(&d.message),
        label: d.label.as_ref().map(text),
        help: d.help.as_ref().map(text),
        field: d.field.as_deref().map(|f| printable(f).into_owned()),
        ..d.clone()
    }
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
    pub file: Option<Cow<'a, str>>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub field: Option<Cow<'a, str>>,
    pub message: Cow<'a, str>,
    pub help: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub ok: bool,
    pub errors: Vec<JsonDiagnostic<'a>>,
    pub warnings: Vec<JsonDiagnostic<'a>>,
}

pub fn json<'a>(diags: &'a [Diagnostic], sources: &'a Sources, lang: Lang) -> JsonReport<'a> {
    let one = |d: &'a Diagnostic| {
        // JSON escapes C0 controls itself; C1 and direction overrides would pass through.
        let clean = |s: &'a str| printable(s);
        let src = d.file.map(|f| sources.get(f));
        let start = src.zip(d.span).map(|(s, span)| s.line_col(span.start));
        let end = src.zip(d.span).map(|(s, span)| s.line_col(span.end));
        JsonDiagnostic {
            severity: d.severity,
            code: d.code,
            file: src.map(|s| clean(&s.path)),
            line: start.map(|p| p.0),
            column: start.map(|p| p.1),
            end_line: end.map(|p| p.0),
            end_column: end.map(|p| p.1),
            field: d.field.as_deref().map(clean),
            message: clean(d.message.get(lang)),
            help: d.help.as_ref().map(|h| clean(h.get(lang))),
        }
    };
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).map(one).collect();
    let warnings = diags.iter().filter(|d| !d.is_error()).map(one).collect();
    JsonReport { ok: errors.is_empty(), errors, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, Span};

    /// A project file whose `chain` names a chain that does not exist.
    fn unknown_chain() -> (Sources, Diagnostic) {
        let mut sources = Sources::default();
        let text = "name: 茶叶\nchain: 新农\n";
        let file = sources.add(SourceFile::new("projects/p1.yaml".into(), text.into()));
        let at = text.find("新农").unwrap();
        let d = Diagnostic::error("unknown-chain", Text::new("产业链“新农”不存在", "there is no chain 新农"))
            .at(file, Some(Span::new(at..at + "新农".len())))
            .field("chain")
            .label(Text::new("chains.yaml 里没有", "not in chains.yaml"))
            .help(Text::new("改为 chains.yaml 中的 id，例如 agri", "use an id from chains.yaml, such as agri"));
        (sources, d)
    }

    #[test]
    fn an_error_points_at_its_line_with_field_and_help_in_chinese() {
        let (sources, d) = unknown_chain();
        // Line 2, column 8 (in characters); the two CJK characters are two columns wide each.
        assert_eq!(
            text(&d, &sources, Lang::Zh, false),
            "错误[unknown-chain]: 产业链“新农”不存在\n \
             --> projects/p1.yaml:2:8\n  \
             |\n\
             2 | chain: 新农\n  \
             |        ^^^^ chains.yaml 里没有\n  \
             |\n  \
             = 字段: chain\n  \
             = 怎么改: 改为 chains.yaml 中的 id，例如 agri"
        );
    }

    #[test]
    fn the_same_error_in_english() {
        let (sources, d) = unknown_chain();
        assert_eq!(
            text(&d, &sources, Lang::En, false),
            "error[unknown-chain]: there is no chain 新农\n \
             --> projects/p1.yaml:2:8\n  \
             |\n\
             2 | chain: 新农\n  \
             |        ^^^^ not in chains.yaml\n  \
             |\n  \
             = field: chain\n  \
             = help: use an id from chains.yaml, such as agri"
        );
    }

    #[test]
    fn a_problem_without_a_file_is_a_title_and_its_help() {
        let d = Diagnostic::warning("month-without-targets", Text::new("2027 年没有目标任务", "2027 has no targets"))
            .help(Text::new("新建 targets/2027.yaml", "add targets/2027.yaml"));
        assert_eq!(
            text(&d, &Sources::default(), Lang::Zh, false),
            "警告[month-without-targets]: 2027 年没有目标任务\n  = 怎么改: 新建 targets/2027.yaml"
        );
    }

    #[test]
    fn control_characters_from_the_content_are_shown_not_obeyed() {
        let mut sources = Sources::default();
        let text_ = "name: a\u{1b}[31mb\n";
        let file = sources.add(SourceFile::new("projects/p\u{7}.yaml".into(), text_.into()));
        let d = Diagnostic::error("bad-name", Text::new("名称里有控制字符 \u{1b}", "control character \u{1b} in the name"))
            .at(file, Some(Span::new(6..text_.len() - 1)));
        let out = text(&d, &sources, Lang::En, false);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        // ESC is shown as ␛ and BEL as ␇, in the message, the path and the line alike.
        assert!(out.starts_with("error[bad-name]: control character ␛ in the name\n"), "{out}");
        assert!(out.contains("projects/p␇.yaml:1:7"), "{out}");
        assert!(out.contains("1 | name: a␛[31mb"), "{out}");
    }

    #[test]
    fn json_gives_line_and_column_of_both_ends() {
        let (sources, d) = unknown_chain();
        let report = json(std::slice::from_ref(&d), &sources, Lang::Zh);
        let value = serde_json::to_value(&report).unwrap();
        assert_eq!(value["ok"], false);
        let e = &value["errors"][0];
        assert_eq!(e["file"], "projects/p1.yaml");
        // 新农 spans columns 8 and 9: from 2:8 to 2:10 (just past it).
        assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(2), Some(8)));
        assert_eq!((e["end_line"].as_u64(), e["end_column"].as_u64()), (Some(2), Some(10)));
        assert_eq!(e["field"], "chain");
        assert_eq!(e["help"], "改为 chains.yaml 中的 id，例如 agri");
    }

    #[test]
    fn the_summary_says_what_to_do() {
        assert_eq!(summary(0, 0, Lang::Zh), "检查通过：没有发现问题。");
        assert_eq!(summary(2, 1, Lang::Zh), "发现 2 个错误、1 条警告。请按提示改正错误后再运行一次。");
        assert_eq!(summary(0, 3, Lang::En), "check passed: no errors, 3 warning(s).");
    }
}
