//! One module per subcommand, each with a `run` that returns the process exit code:
//! 0 success, 1 content problems, 2 bad usage or I/O failure (returned as `Err`).

pub mod build;
pub mod check;
pub mod export;
pub mod figures;
pub mod hooks;
pub mod import;
pub mod init;
pub mod issue;
pub mod monthly;
pub mod new;
pub mod serve;

use std::path::Path;

use crate::content::{self, Content};
use crate::diagnostics::reporter::Reporter;
use crate::diagnostics::{Diagnostic, Lang};
use crate::source::Sources;

/// Loads the content folder; on errors, prints them (as `check` would) and returns `None`.
pub fn load_or_report(dir: &Path) -> anyhow::Result<Option<(Content, Sources)>> {
    let loaded =
        crate::rollup::load_any(dir).map_err(|e| anyhow::anyhow!("cannot read the content folder {}: {e}", dir.display()))?;
    if loaded.content.is_none() {
        report_errors(&loaded)?;
    }
    Ok(loaded.content.map(|c| (c, loaded.sources)))
}

/// Prints the errors of a failed load to stderr, as `check` would.
pub fn report_errors(loaded: &content::Loaded) -> anyhow::Result<()> {
    let errors: Vec<&Diagnostic> = loaded.diagnostics.errors().collect();
    Reporter::stderr(Lang::Zh).write_with_summary(&mut std::io::stderr().lock(), &errors, &loaded.sources)?;
    Ok(())
}

/// Prints one problem that points at no file (a month the content cannot report on) to
/// stderr, as `check` would.
pub fn report_problem(d: &Diagnostic) -> anyhow::Result<()> {
    Reporter::stderr(Lang::Zh).write_with_summary(&mut std::io::stderr().lock(), &[d], &Sources::default())?;
    Ok(())
}

/// Prints problems (with their files) to stderr, as `check` would.
pub fn report_diagnostics(diags: &[Diagnostic], sources: &Sources) -> anyhow::Result<()> {
    let list: Vec<&Diagnostic> = diags.iter().collect();
    Reporter::stderr(Lang::Zh).write_with_summary(&mut std::io::stderr().lock(), &list, sources)?;
    Ok(())
}

/// The language for messages: the site's locale.
pub fn site_lang(content: &Content) -> Lang {
    content.site.locale.lang()
}
