//! Printing diagnostics for people: the one place that decides the language and whether to
//! colour, used by every command instead of a loop of its own.

use std::io::{self, IsTerminal, Write};

use super::{Diagnostic, Lang, render};
use crate::source::Sources;

/// Prints diagnostics in one language, coloured only on a terminal (and never with `NO_COLOR`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reporter {
    pub lang: Lang,
    pub color: bool,
}

impl Reporter {
    /// For standard error (where `build`, `export` and `figures` report).
    pub fn stderr(lang: Lang) -> Reporter {
        Reporter { lang, color: std::io::stderr().is_terminal() && no_color_unset() }
    }

    /// For standard output (where `check` and `import` report).
    pub fn stdout(lang: Lang) -> Reporter {
        Reporter { lang, color: std::io::stdout().is_terminal() && no_color_unset() }
    }

    /// One diagnostic as text.
    pub fn text(&self, d: &Diagnostic, sources: &Sources) -> String {
        render::text(d, sources, self.lang, self.color)
    }

    /// Each diagnostic, followed by an empty line.
    pub fn write<'d>(
        &self,
        out: &mut dyn Write,
        diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
        sources: &Sources,
    ) -> io::Result<()> {
        for d in diagnostics {
            writeln!(out, "{}\n", self.text(d, sources))?;
        }
        Ok(())
    }

    /// The diagnostics, then the line counting errors and warnings.
    pub fn write_with_summary(&self, out: &mut dyn Write, diagnostics: &[&Diagnostic], sources: &Sources) -> io::Result<()> {
        self.write(out, diagnostics.iter().copied(), sources)?;
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        writeln!(out, "{}", render::summary(errors, diagnostics.len() - errors, self.lang))
    }
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Text;

    #[test]
    fn diagnostics_then_the_summary_in_the_chosen_language() {
        let d = Diagnostic::error("x", Text::new("出错了", "went wrong"));
        let w = Diagnostic::warning("y", Text::new("提醒", "a warning"));
        let mut out = Vec::new();
        Reporter { lang: Lang::En, color: false }.write_with_summary(&mut out, &[&d, &w], &Sources::default()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "error[x]: went wrong\n\nwarning[y]: a warning\n\nfound 1 error(s) and 1 warning(s); fix the errors and run again.\n"
        );
    }
}
