//! One module per subcommand, each with a `run` that returns the process exit code:
//! 0 success, 1 content problems, 2 bad usage or I/O failure (returned as `Err`).

pub mod build;
pub mod check;
pub mod export;
pub mod figures;
pub mod hooks;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::content::{self, Content, model::Locale};
use crate::diagnostics::{Lang, render};

/// Loads the content folder; on errors, prints them (as `check` would) and returns `None`.
pub fn load_or_report(dir: &Path) -> anyhow::Result<Option<(Content, content::source::Sources)>> {
    let loaded = content::load(dir).map_err(|e| anyhow::anyhow!("cannot read the content folder {}: {e}", dir.display()))?;
    if loaded.content.is_none() {
        report_errors(&loaded)?;
    }
    Ok(loaded.content.map(|c| (c, loaded.sources)))
}

/// Prints the errors of a failed load to stderr, as `check` would.
pub fn report_errors(loaded: &content::Loaded) -> anyhow::Result<()> {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    for d in &errors {
        writeln!(err, "{}\n", render::text(d, &loaded.sources, Lang::Zh, color))?;
    }
    writeln!(err, "{}", render::summary(errors.len(), 0, Lang::Zh))?;
    Ok(())
}

/// Prints one problem that points at no file (a month the content cannot report on) to
/// stderr, as `check` would.
pub fn report_problem(d: &crate::diagnostics::Diagnostic) -> anyhow::Result<()> {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    writeln!(err, "{}\n", render::text(d, &content::source::Sources::default(), Lang::Zh, color))?;
    writeln!(err, "{}", render::summary(1, 0, Lang::Zh))?;
    Ok(())
}

/// The language for messages: the site's locale.
pub fn site_lang(content: &Content) -> Lang {
    match content.site.locale {
        Locale::En => Lang::En,
        Locale::ZhCn => Lang::Zh,
    }
}
