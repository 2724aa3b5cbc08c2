//! The whole pipeline in one call, shared by `build` and `serve`:
//! load content → validate → compute figures → render pages. Writing is the caller's.

use std::path::Path;

use crate::content::{Content, Loaded};
use crate::diagnostics::{self, Diagnostic, Lang};
use crate::period::Month;
use crate::record::{self, Archive, git::History};
use crate::render::{self, Options, Page, Reload, theme};
use crate::source::Sources;

/// What a build made.
pub struct Built {
    /// Files handed to the sink.
    pub files: usize,
    /// The month the site's figures are as of.
    pub month: Month,
    /// The content it was built from (`serve` keeps it to make workbooks on request).
    pub content: Content,
    /// The issued bulletins and the history it was built with.
    pub archive: Archive,
    /// The months whose bulletins are to be printed to PDF (`bulletins/<month>.html` →
    /// `bulletins/<month>.pdf`); empty unless PDFs were asked for.
    pub pdfs: Vec<Month>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors; `Loaded` holds them with the sources to show them.
    #[error("the content has errors")]
    Content(Box<Loaded>),
    #[error("cannot read the content folder {path}: {error}")]
    Folder { path: String, error: std::io::Error },
    #[error("there is no briefing yet, so no month to build: add content/briefings/YYYY-MM.md or pass --month YYYY-MM")]
    NoMonth,
    /// The month asked for is in a year without targets.
    #[error("{}", month_text(.0))]
    Month(Box<Diagnostic>),
    #[error(transparent)]
    Theme(#[from] theme::ThemeError),
    #[error(transparent)]
    Render(#[from] render::RenderError),
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
}

/// Builds the site for the content folder `dir` (its parent may hold `templates/` and
/// `theme/` overrides), as of `month` or the latest briefing's month, handing each file to
/// `emit` as soon as it is rendered (from any thread, in no set order).
/// `reload: Live` is `serve`'s build: pages listen for rebuilds, and workbooks are left to
/// be made on request.
pub fn build(
    dir: &Path,
    month: Option<Month>,
    reload: Reload,
    emit: &(dyn Fn(Page) -> Result<(), BuildError> + Sync),
) -> Result<Built, BuildError> {
    build_with(dir, month, reload, false, emit)
}

/// [`build`], with `pdfs`: the bulletin pages link their PDFs (`build --pdf`; site.yaml
/// `print: pdf: true` does the same), which the caller prints once the pages are written
/// ([`Built::pdfs`]).
pub fn build_with(
    dir: &Path,
    month: Option<Month>,
    reload: Reload,
    pdfs: bool,
    emit: &(dyn Fn(Page) -> Result<(), BuildError> + Sync),
) -> Result<Built, BuildError> {
    let Prepared { content, archive, theme, opts } = prepare(dir, month, reload, pdfs)?;
    let files = render::site_into(&content, &theme, opts, &archive, emit)?;
    let pdfs = if opts.pdfs { render::bulletin_months(&content, opts.month) } else { Vec::new() };
    Ok(Built { files, month: opts.month, content, archive, pdfs })
}

/// What a site is rendered from, read and checked: `build` renders it whole, `serve` page by
/// page as they are asked for.
pub struct Prepared {
    pub content: Content,
    pub archive: Archive,
    pub theme: theme::Theme,
    pub opts: Options,
}

/// Everything before rendering: the content loaded and checked, the month to report, the
/// issued records and history, the theme.
pub fn prepare(dir: &Path, month: Option<Month>, reload: Reload, pdfs: bool) -> Result<Prepared, BuildError> {
    prepare_with(dir, month, reload, pdfs, None)
}

/// [`prepare`], reusing the files and records `cache` kept from the last read (`serve`'s saves).
pub fn prepare_with(
    dir: &Path,
    month: Option<Month>,
    reload: Reload,
    pdfs: bool,
    cache: Option<&crate::content::load::ReadCache>,
) -> Result<Prepared, BuildError> {
    // git runs beside the loading: the history is ready when the content is.
    let (loaded, history) = std::thread::scope(|scope| {
        let history = scope.spawn(|| History::read_shared(dir));
        (crate::rollup::load_any_with(dir, cache), history.join().expect("reading history does not panic"))
    });
    let mut loaded = loaded.map_err(|error| BuildError::Folder { path: dir.display().to_string(), error })?;
    let Some(mut content) = loaded.content.take() else { return Err(BuildError::Content(Box::new(loaded))) };
    let month = month.or_else(|| content.latest_period()).ok_or(BuildError::NoMonth)?;
    content.check_report_month(month).map_err(BuildError::Month)?;
    if content.site.rollup.is_some() {
        crate::rollup::fill_own(&mut content, month);
    }
    let clashes = render::clashes(&content, &loaded.sources, month);
    let (records, unreadable) = record::issued::records(&content, Some(&loaded.sources));
    if !clashes.is_empty() || !unreadable.is_empty() {
        loaded.diagnostics.extend(clashes);
        loaded.diagnostics.extend(unreadable);
        return Err(BuildError::Content(Box::new(loaded)));
    }
    drop(loaded);
    let archive = Archive::new(&content, records, history);
    let theme = theme::load(site_root(dir))?;
    let opts = Options { month, reload, workbooks: reload == Reload::Off, pdfs: pdfs || content.site.print.pdf };
    Ok(Prepared { content, archive, theme, opts })
}

/// A month problem as the clerk reads it (it points at no file).
fn month_text(d: &Diagnostic) -> String {
    diagnostics::render::text(d, &Sources::default(), Lang::Zh, false)
}

/// The folder holding `content/`, where a site's own `templates/` and `theme/` live.
pub fn site_root(content: &Path) -> Option<&Path> {
    let parent = content.parent()?;
    Some(if parent.as_os_str().is_empty() { Path::new(".") } else { parent })
}
