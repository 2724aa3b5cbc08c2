//! `&Content` + the month's snapshots → pages: paths and bytes. Never touches the disk.
//!
//! The work list is data ([`Job`]): one entry per output file, rendered in parallel and
//! returned sorted by path, so two builds of the same content are byte-identical.

pub mod charts;
pub mod data;
pub mod feeds;
pub mod markdown;
pub mod pages;
pub mod table;
pub mod theme;
pub mod view;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Content;
use crate::content::model::{Briefing, LeaderIx, ProjectIx, UnitIx};
use crate::content::problems;
use crate::diagnostics::Diagnostic;
use crate::figures::annex::Annex;
use crate::figures::{self, Snapshot};
use crate::output;
use crate::paths::{self, Tables};
use crate::period::Month;
use crate::record::frozen::FrozenTable;
use crate::record::issued::Record;
use crate::record::{self, Archive};
use crate::report::backlinks::Backlinks;
use crate::report::text::ChangeLog;
use crate::report::{MonthTables, Table};
use crate::source::Sources;
use table::{MonthViews, view as table_view};
use theme::Theme;
use view::Layout;

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Whether pages listen for rebuilds (only `serve` sets this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reload {
    #[default]
    Off,
    Live,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The site's figures are as of the end of this month.
    pub month: Month,
    pub reload: Reload,
    /// Whether bulletin workbooks are made with the site; `serve` makes one only when it is
    /// downloaded (see [`workbook`]), which keeps its rebuilds quick.
    pub workbooks: bool,
    /// Whether the bulletins are printed to PDF after the site is written (`build --pdf` or
    /// site.yaml `print: pdf: true`): their pages then link their PDFs.
    pub pdfs: bool,
}

/// An output file to produce.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Job {
    Dashboard,
    Archive,
    /// A month's files: its figures as `data/<month>.json` and, when it has a briefing (or is
    /// the site's month), its tables as CSV files; with a briefing, the bulletin page and the
    /// tables as an Excel workbook too. One job, so the month's snapshot is computed, used and
    /// dropped in one go.
    Month(Month),
    Ledger,
    Project(ProjectIx),
    Units,
    Unit(UnitIx),
    Squads,
    Squad(usize),
    Chains,
    Chain(usize),
    Leaders,
    Leader(usize),
    Factories,
    Meetings,
    /// The list of all free pages (the navigation shows the first few only).
    PagesIndex,
    FreePage(usize),
    /// A picture or attachment under `pages/`, copied as it is.
    Asset(usize),
    LedgerCsv,
    SearchIndex,
    /// `feed.xml` and `sitemap.xml`, with `base_url` only.
    Feed,
    Sitemap,
}

impl Job {
    /// The files this job writes, relative to the output folder. The one place that says
    /// where each page goes: rendering and the clash check both ask here.
    pub fn paths(&self, c: &Content, opts: Options) -> Vec<String> {
        let one = |path: &str| vec![path.to_string()];
        let csvs =
            |whose: Tables, slugs: &[&str]| -> Vec<String> { slugs.iter().map(|slug| paths::table_csv(whose, slug)).collect() };
        match self {
            Job::Dashboard => one(paths::DASHBOARD),
            Job::Archive => one(paths::ARCHIVE),
            Job::Month(month) => {
                let mut list = vec![paths::data_json(*month)];
                let bulletin = has_bulletin(c, *month, opts);
                if bulletin || *month == opts.month {
                    list.extend(csvs(Tables::Month(*month), &MonthTables::SLUGS));
                }
                if bulletin {
                    list.push(paths::bulletin(*month));
                    if opts.workbooks {
                        list.push(paths::workbook(*month));
                        list.push(paths::bulletin_docx(*month));
                    }
                    if is_issued(c, *month) {
                        list.push(paths::issued_json(*month));
                    }
                }
                list
            }
            Job::Ledger => one(paths::LEDGER),
            Job::Project(ix) => vec![paths::project(&c.project(*ix).id)],
            Job::Units => one(paths::UNITS),
            Job::Unit(ix) => {
                let id = &c.unit(*ix).id;
                let mut list = vec![paths::unit(id)];
                list.extend(csvs(Tables::Unit(id), &UNIT_TABLES));
                list
            }
            Job::Squads => one(paths::SQUADS),
            Job::Squad(i) => {
                let id = &c.squads[*i].id;
                vec![paths::squad(id), paths::table_csv(Tables::Squad(id), "trips")]
            }
            Job::Chains => one(paths::CHAINS),
            Job::Chain(i) => {
                let id = &c.chains[*i].id;
                vec![paths::chain(id), paths::table_csv(Tables::Chain(id), "projects")]
            }
            Job::Leaders => one(paths::LEADERS),
            Job::Leader(i) => {
                let id = &c.leaders[*i].id;
                let mut list = vec![paths::leader(id)];
                list.extend(csvs(Tables::Leader(id), &LEADER_TABLES));
                list
            }
            Job::Factories => one(paths::FACTORIES),
            Job::Meetings => one(paths::MEETINGS),
            Job::PagesIndex => one(paths::PAGES),
            Job::FreePage(i) => vec![paths::page(&c.pages[*i].id)],
            Job::Asset(i) => vec![c.assets[*i].path.clone()],
            Job::LedgerCsv => one(paths::LEDGER_CSV),
            Job::SearchIndex => one(paths::SEARCH_INDEX),
            Job::Feed => one(paths::FEED),
            Job::Sitemap => one(paths::SITEMAP),
        }
    }

    /// What made this job's file, for a message: the content file, or the built-in page.
    fn source(&self, c: &Content) -> Source {
        let file = |origin: crate::source::Origin| Source::File(origin);
        match self {
            Job::Project(ix) => file(c.project(*ix).origin),
            Job::Unit(ix) => file(c.unit(*ix).origin),
            Job::Squad(i) => file(c.squads[*i].origin),
            Job::Chain(i) => file(c.chains[*i].origin),
            Job::Leader(i) => file(c.leaders[*i].origin),
            Job::FreePage(i) => file(c.pages[*i].origin),
            Job::Asset(i) => Source::Asset(c.assets[*i].path.clone()),
            Job::Month(m) => match c.briefings.iter().find(|b| b.period == *m) {
                Some(b) => file(b.origin),
                None => Source::BuiltIn("月度数据", "monthly data"),
            },
            Job::Dashboard => Source::BuiltIn("首页", "the home page"),
            Job::Archive => Source::BuiltIn("简报列表", "the list of bulletins"),
            Job::Ledger => Source::BuiltIn("项目台账", "the project ledger"),
            Job::Units => Source::BuiltIn("各单位完成情况", "the list of units"),
            Job::Squads => Source::BuiltIn("招商小分队列表", "the list of squads"),
            Job::Chains => Source::BuiltIn("产业链列表", "the list of chains"),
            Job::Leaders => Source::BuiltIn("五个一包抓列表", "the list of leaders"),
            Job::Factories => Source::BuiltIn("标准化厂房", "the factories page"),
            Job::Meetings => Source::BuiltIn("交办联评", "the meetings page"),
            Job::PagesIndex => Source::BuiltIn("更多页面列表", "the list of pages"),
            Job::LedgerCsv => Source::BuiltIn("台账 CSV", "the ledger CSV"),
            Job::SearchIndex => Source::BuiltIn("搜索索引", "the search index"),
            Job::Feed => Source::BuiltIn("简报订阅（feed.xml）", "the feed"),
            Job::Sitemap => Source::BuiltIn("网站地图（sitemap.xml）", "the sitemap"),
        }
    }
}

/// The tables of a unit page and a leader page, by slug (their CSV files' names).
const UNIT_TABLES: [&str; 3] = ["credited", "responsible", "items"];
const LEADER_TABLES: [&str; 2] = ["projects", "terminated"];

/// Whether `month` has a bulletin on a site as of `opts.month`.
fn has_bulletin(c: &Content, month: Month, opts: Options) -> bool {
    month <= opts.month && (c.briefings.iter().any(|b| b.period == month) || is_issued(c, month))
}

/// The months up to `month` that have a bulletin page, in order.
pub fn bulletin_months(c: &Content, month: Month) -> Vec<Month> {
    let opts = Options { month, reload: Reload::Off, workbooks: false, pdfs: false };
    let mut list: Vec<Month> = c.briefings.iter().map(|b| b.period).chain(c.issued.iter().map(|f| f.month)).collect();
    list.sort();
    list.dedup();
    list.retain(|m| has_bulletin(c, *m, opts));
    list
}

/// Whether `month`'s bulletin has been issued (its page is then made from its record).
fn is_issued(c: &Content, month: Month) -> bool {
    c.issued.iter().any(|f| f.month == month)
}

/// Where a file of the site comes from.
enum Source {
    File(crate::source::Origin),
    Asset(String),
    BuiltIn(&'static str, &'static str),
}

/// Two jobs that would write the same file (compared without case: a Windows or macOS file
/// share does not tell `A.html` from `a.html`), so one page would silently replace the other.
/// One error per clash, at the content file that causes it, naming the other source.
pub fn clashes(content: &Content, sources: &Sources, month: Month) -> Vec<Diagnostic> {
    let opts = Options { month, reload: Reload::Off, workbooks: true, pdfs: false };
    let mut first: HashMap<String, Job> = HashMap::new();
    let mut found = Vec::new();
    for job in jobs(content, month) {
        for path in job.paths(content, opts) {
            let key = path.to_lowercase();
            let Some(earlier) = first.get(&key) else {
                first.insert(key, job.clone());
                continue;
            };
            // Report at a content file: a built-in page cannot be renamed.
            let (here, other) = match (job.source(content), earlier.source(content)) {
                (here @ Source::BuiltIn(..), other @ (Source::File(_) | Source::Asset(_))) => (other, here),
                pair => pair,
            };
            let (other_zh, other_en) = match &other {
                Source::File(o) => {
                    let p = &sources.get(o.file).path;
                    (format!("文件 {p} 生成的网页"), format!("the page made from {p}"))
                }
                Source::Asset(p) => (format!("附件 {p}"), format!("the attachment {p}")),
                Source::BuiltIn(zh, en) => (format!("网站自带的“{zh}”页面"), (*en).to_string()),
            };
            let d = problems::output_clash(&path, &other_zh, &other_en);
            found.push(match here {
                Source::File(o) => d.at(o.file, o.span),
                Source::Asset(p) => match sources.find(&p) {
                    Some(file) => d.at(file, None),
                    None => d,
                },
                Source::BuiltIn(..) => d,
            });
        }
    }
    found
}

/// A template failed to render.
#[derive(Debug, thiserror::Error)]
#[error("{template}: {message}")]
pub struct RenderError {
    pub template: String,
    pub message: String,
}

/// The months that get a snapshot: every month of every year that has targets, up to
/// `last` (whose year has targets: [`Content::check_report_month`]; every briefing's year has
/// them too).
pub fn months(content: &Content, last: Month) -> Vec<Month> {
    let mut months: Vec<Month> = content
        .targets
        .keys()
        .filter_map(|y| Month::new(*y, 1))
        .filter(|january| *january <= last)
        .flat_map(|january| january.through(Month::new(january.year(), 12).expect("December").min(last)))
        .collect();
    if months.is_empty() {
        months.push(last);
    }
    months
}

/// Every file of the site but the theme's, with the job that writes it: `serve` renders a
/// page when it is asked for.
pub fn files(content: &Content, opts: Options) -> HashMap<String, Job> {
    let mut index = HashMap::new();
    for job in jobs(content, opts.month) {
        for path in job.paths(content, opts) {
            index.insert(path, job.clone());
        }
    }
    index
}

/// The list of files the site is made of.
pub fn jobs(content: &Content, month: Month) -> Vec<Job> {
    let mut jobs = vec![Job::Dashboard, Job::Archive, Job::Ledger, Job::Units, Job::Squads, Job::Chains, Job::Leaders];
    jobs.extend([Job::Factories, Job::Meetings, Job::LedgerCsv, Job::SearchIndex]);
    jobs.extend(months(content, month).into_iter().map(Job::Month));
    jobs.extend((0..content.projects.len()).map(|i| Job::Project(ProjectIx(i as u32))));
    jobs.extend((0..content.units.len()).map(|i| Job::Unit(UnitIx(i as u32))));
    jobs.extend((0..content.squads.len()).map(Job::Squad));
    jobs.extend((0..content.chains.len()).map(Job::Chain));
    jobs.extend((0..content.leaders.len()).map(Job::Leader));
    if !content.pages.is_empty() {
        jobs.push(Job::PagesIndex);
    }
    jobs.extend((0..content.pages.len()).map(Job::FreePage));
    jobs.extend((0..content.assets.len()).map(Job::Asset));
    if content.site.base_url.is_some() {
        jobs.extend([Job::Feed, Job::Sitemap]);
    }
    jobs
}

/// Renders the whole site as of `opts.month`, in memory, sorted by path.
pub fn site(content: &Content, theme: &Theme, opts: Options, archive: &Archive) -> Result<Vec<Page>, RenderError> {
    let pages = std::sync::Mutex::new(Vec::new());
    site_into(content, theme, opts, archive, &|page| {
        pages.lock().expect("page list").push(page);
        Ok::<(), RenderError>(())
    })?;
    let mut pages = pages.into_inner().expect("page list");
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(pages)
}

/// Renders the whole site as of `opts.month`, handing each page to `emit` as soon as it is
/// made (from any thread, in no set order), so a large site never sits whole in memory.
/// Stops at the first error, from rendering or from `emit`. Returns the number of pages.
pub fn site_into<E>(
    content: &Content,
    theme: &Theme,
    opts: Options,
    archive: &Archive,
    emit: &(dyn Fn(Page) -> Result<(), E> + Sync),
) -> Result<usize, E>
where
    E: From<RenderError> + Send,
{
    let site = Site::new(content, theme, opts, archive);
    let jobs = jobs(content, opts.month);
    let files = AtomicUsize::new(theme.assets.len());
    // One job per task: without the cap rayon hands out a few long runs of the list, and the run
    // holding the months (the heaviest jobs, side by side) ends on one thread.
    jobs.par_iter().with_max_len(1).try_for_each(|job| -> Result<(), E> {
        for page in site.render(job)? {
            files.fetch_add(1, Ordering::Relaxed);
            emit(page)?;
        }
        Ok(())
    })?;
    for (name, bytes) in &theme.assets {
        emit(Page { path: format!("theme/{name}"), bytes: bytes.clone() })?;
    }
    Ok(files.into_inner())
}

/// `bulletins/<month>.xlsx`: the tables of the bulletin of `s.month` as an Excel workbook.
pub fn workbook(content: &Content, s: &Snapshot, tables: &MonthTables) -> Result<Page, RenderError> {
    let path = paths::workbook(s.month);
    let bytes = output::xlsx::workbook_of(content, s, tables)
        .map_err(|e| RenderError { template: path.clone(), message: e.to_string() })?;
    Ok(Page { path, bytes })
}

/// `bulletins/<month>.docx`: the bulletin as a Word document.
pub fn docx(content: &Content, source: &output::docx::Source) -> Result<Page, RenderError> {
    let path = paths::bulletin_docx(source.snapshot.month);
    let bytes =
        output::docx::document(content, source).map_err(|e| RenderError { template: path.clone(), message: e.to_string() })?;
    Ok(Page { path, bytes })
}

/// A correction note as the 更正说明 lists it.
fn note_line(n: &crate::content::model::CorrectionNote) -> crate::report::text::Line {
    crate::report::text::Line {
        href: None,
        name: format!("{} 更正说明", crate::figures::format::date_zh(n.date)),
        detail: match &n.approved_by {
            Some(who) => format!("{}（审核：{who}）", n.reason),
            None => n.reason.clone(),
        },
    }
}

/// A commit as the 更正说明 lists it: when, who, what, and the fields it changed.
fn commit_line(c: &record::git::Commit) -> crate::report::text::Line {
    let mut fields = Vec::new();
    for f in &c.files {
        match &f.fields {
            Some(list) => fields.extend(list.iter().take(6).map(|x| {
                let side = |v: &Option<String>| v.clone().unwrap_or_else(|| "（无）".to_string());
                format!("{}：{} {} → {}", f.path, x.field, side(&x.before), side(&x.after))
            })),
            None => fields.push(f.path.clone()),
        }
    }
    let more = if fields.len() > 10 { format!("等 {} 处", fields.len()) } else { String::new() };
    fields.truncate(10);
    crate::report::text::Line {
        href: None,
        name: format!("{} {} {}", c.date(), c.author, c.short_id()),
        detail: format!("{}。改动：{}{more}", c.subject, fields.join("；")),
    }
}

/// A table as its CSV file.
fn csv_page(t: &Table) -> Page {
    Page { path: t.csv.clone().expect("a table written to a file has a CSV path"), bytes: output::csv::table(t) }
}

/// Renders one [`Job`] at a time; [`site_into`] runs it over all of them.
pub struct Site<'a> {
    content: &'a Content,
    theme: &'a Theme,
    opts: Options,
    /// The issued bulletins, their corrections and the content's history.
    archive: &'a Archive,
    common: std::sync::Arc<Common>,
}

/// What every page of a site reads, computed once per content: `serve` keeps it between the
/// pages it renders on request.
pub struct Common {
    /// The running totals of every year with a snapshot, shared by the month jobs.
    years: figures::Years,
    /// The figures as of `opts.month`, which most pages show, and their tables.
    latest: Snapshot,
    latest_tables: MonthTables,
    backlinks: Backlinks,
    /// A roll-up's months of this year so far, for its member pages' trend; computed once, by
    /// the first member page that needs it.
    year_so_far: std::sync::OnceLock<Vec<Snapshot>>,
}

impl Common {
    pub fn of(content: &Content, opts: Options) -> Common {
        let years = figures::Years::new(content, months(content, opts.month).iter().map(|m| m.year()));
        let latest = figures::snapshot_with(content, opts.month, &years);
        let latest_tables = MonthTables::of(content, &latest, &Annex::of(content, opts.month));
        Common { years, latest, latest_tables, backlinks: Backlinks::new(content), year_so_far: std::sync::OnceLock::new() }
    }
}

impl<'a> Site<'a> {
    pub fn new(content: &'a Content, theme: &'a Theme, opts: Options, archive: &'a Archive) -> Site<'a> {
        Site::with(content, theme, opts, archive, std::sync::Arc::new(Common::of(content, opts)))
    }

    /// With `common` made before by [`Common::of`] for the same content and options.
    pub fn with(
        content: &'a Content,
        theme: &'a Theme,
        opts: Options,
        archive: &'a Archive,
        common: std::sync::Arc<Common>,
    ) -> Site<'a> {
        Site { content, theme, opts, archive, common }
    }

    /// What a bulletin page offers besides itself: its PDF and Word file when the site makes
    /// them, and whether its print holds the 附件 by default.
    fn files_of(&self, page: &mut pages::bulletin::Bulletin, month: Month) {
        page.print_annexes = self.content.site.print.annexes;
        page.pdf = self.opts.pdfs.then(|| paths::bulletin_pdf(month));
        // `serve` makes the Word file when it is downloaded, like the workbook.
        page.docx = Some(paths::bulletin_docx(month));
    }

    /// The workbook of `month`'s bulletin, if it has one.
    fn workbook_of(&self, month: Month) -> Option<String> {
        has_bulletin(self.content, month, self.opts).then(|| paths::workbook(month))
    }

    /// A view of one of the latest month's tables on the page at `path`, offering its workbook.
    fn latest_view(&self, t: &Table, path: &str) -> table::TableView {
        table_view(t, self.workbook_of(self.opts.month), &paths::root_of(path))
    }

    /// A month's files (see [`Job::Month`]) from its snapshot.
    pub fn month(&self, s: &Snapshot) -> Result<Vec<Page>, RenderError> {
        let mut pages = vec![self.data(s)];
        if let Some(record) = self.archive.records.get(&s.month).filter(|_| s.month <= self.opts.month) {
            pages.extend(self.issued(record)?);
            return Ok(pages);
        }
        let briefing = self.content.briefings.iter().find(|b| b.period == s.month && b.period <= self.opts.month);
        if briefing.is_none() && s.month != self.opts.month {
            return Ok(pages);
        }
        let made;
        let tables = if s.month == self.opts.month {
            &self.common.latest_tables
        } else {
            made = MonthTables::of(self.content, s, &Annex::of(self.content, s.month));
            &made
        };
        pages.extend(tables.all().into_iter().map(csv_page));
        if let Some(b) = briefing {
            // Made once for the page and the Word file: at a province's size it reads every
            // fund entry of the ledger.
            let changes = record::changelog::of(self.content, b.period, self.archive, None);
            pages.push(self.bulletin(b, s, tables, changes.clone())?);
            if self.opts.workbooks {
                pages.push(workbook(self.content, s, tables)?);
                pages.push(docx(self.content, &crate::output::docx::Source::draft(self.content, b, s, tables, changes))?);
            }
        }
        Ok(pages)
    }

    /// `data/<month>.json`.
    pub fn data(&self, s: &Snapshot) -> Page {
        let bytes = if self.content.site.rollup.is_some() {
            data::rollup_json(s, self.content, s.month == self.opts.month)
        } else {
            data::snapshot_json(s)
        };
        Page { path: paths::data_json(s.month), bytes }
    }

    /// The bulletin page of briefing `b`, not issued yet.
    /// `changes`: its 本期数据变动 ([`record::changelog::of`]).
    pub fn bulletin(&self, b: &Briefing, s: &Snapshot, tables: &MonthTables, changes: ChangeLog) -> Result<Page, RenderError> {
        let path = paths::bulletin(b.period);
        let title = format!("第{}期 {}", b.issue, b.title);
        let layout = self.layout(&path, &title, "bulletins", b.period);
        let views = MonthViews::of(tables, self.workbook_of(b.period), &paths::root_of(&path));
        let mut page = pages::bulletin::draft(layout, self.content, b, s, views, changes, self.archive.issuing());
        self.files_of(&mut page, b.period);
        self.html(&path, "bulletin.html", &page)
    }

    /// An issued month's files, from its record alone: the bulletin page (with its 更正说明
    /// when the figures read differently now), its tables' CSVs, its workbook and
    /// `data/issued/<month>.json`.
    fn issued(&self, record: &Record) -> Result<Vec<Page>, RenderError> {
        let month = record.month;
        let tables = MonthTables::from_tables(month, record.tables.iter().map(FrozenTable::table).collect());
        let mut files: Vec<Page> = tables.all().into_iter().map(csv_page).collect();
        files.push(Page { path: paths::issued_json(month), bytes: data::snapshot_json(&record.snapshot) });
        let path = paths::bulletin(month);
        let layout = self.layout(&path, &format!("{} {}", record.text.issue, record.title), "bulletins", month);
        let views = MonthViews::issued(&record.tables, &tables, self.workbook_of(month), &paths::root_of(&path));
        let correction = self.archive.restated.get(&month).map(|changed| {
            let notes = self.content.corrections.iter().filter(|n| n.month == month).map(note_line).collect();
            let commits = self.archive.commits_since(record).into_iter().map(commit_line).collect();
            pages::bulletin::Correction::of(changed, notes, commits)
        });
        let mut page = pages::bulletin::issued(layout, record, views, correction);
        self.files_of(&mut page, month);
        files.push(self.html(&path, "bulletin.html", &page)?);
        if self.opts.workbooks {
            files.push(workbook(self.content, &record.snapshot, &tables)?);
            files.push(docx(self.content, &crate::output::docx::Source::issued(self.content, record, &tables))?);
        }
        Ok(files)
    }

    fn layout(&self, path: &str, title: &str, section: &'static str, month: Month) -> Layout {
        let c = self.content;
        Layout {
            root: paths::root_of(path),
            site_title: c.site.title.clone(),
            issuer: c.site.issuer.clone(),
            sample: c.site.sample,
            page_title: title.to_string(),
            section,
            nav: view::nav_of(&c.site),
            pages_index: paths::PAGES,
            period: crate::figures::format::period_text(month),
            as_of: crate::figures::format::date_zh(month.last_day()),
            latest_bulletin: c.briefings.iter().rev().find(|b| b.period <= self.opts.month).map(|b| paths::bulletin(b.period)),
            pages: c.pages.iter().take(view::NAV_PAGES).map(view::page_link).collect(),
            more_pages: c.pages.len() > view::NAV_PAGES,
            live_reload: self.opts.reload == Reload::Live,
            feed: c.site.base_url.is_some(),
            words: c.site.words(),
        }
    }

    fn html<T: Serialize>(&self, path: &str, template: &str, context: &T) -> Result<Page, RenderError> {
        let ctx = tera::Context::from_serialize(context)
            .map_err(|e| RenderError { template: template.to_string(), message: e.to_string() })?;
        let html = self
            .theme
            .tera
            .render(template, &ctx)
            .map_err(|e| RenderError { template: template.to_string(), message: e.to_string() })?;
        Ok(Page { path: path.to_string(), bytes: html.into_bytes() })
    }

    /// The files of one job.
    pub fn render(&self, job: &Job) -> Result<Vec<Page>, RenderError> {
        let c = self.content;
        let s = &self.common.latest;
        let m = self.opts.month;
        let as_of = m.last_day();
        let path = job.paths(c, self.opts).swap_remove(0);
        let layout = |title: &str, section| self.layout(&path, title, section, m);
        // A page and the CSV files of its own tables.
        let with_csvs = |page: Page, tables: &[Table]| {
            let mut list = vec![page];
            list.extend(tables.iter().map(csv_page));
            list
        };
        let one = |page: Result<Page, RenderError>| page.map(|p| vec![p]);
        let t = &self.common.latest_tables;
        match job {
            Job::Month(month) => {
                if *month == m {
                    self.month(s)
                } else {
                    self.month(&figures::snapshot_with(c, *month, &self.common.years))
                }
            }
            Job::Dashboard => {
                let context = pages::dashboard::dashboard(
                    layout("首页", "home"),
                    c,
                    s,
                    self.latest_view(&t.targets, &path),
                    self.latest_view(&t.rates, &path),
                );
                one(self.html(&path, "dashboard.html", &context))
            }
            Job::Archive => {
                one(self.html(&path, "archive.html", &pages::projects::archive(layout("简报", "bulletins"), c, m, self.archive)))
            }
            Job::Ledger => {
                one(self.html(&path, "ledger.html", &pages::projects::ledger(layout("项目台账", "projects"), c, as_of)))
            }
            Job::Project(ix) => {
                let p = c.project(*ix);
                let context = pages::project::project(
                    layout(&p.name, "projects"),
                    c,
                    &self.common.backlinks,
                    *ix,
                    as_of,
                    &self.archive.history,
                );
                one(self.html(&path, "project.html", &context))
            }
            Job::Units => {
                let context = pages::units::units(
                    layout(&format!("各{}完成情况", c.site.words().unit), "units"),
                    s,
                    self.latest_view(&t.towns, &path),
                    self.latest_view(&t.departments, &path),
                );
                one(self.html(&path, "units.html", &context))
            }
            Job::Unit(ix) => {
                let u = c.unit(*ix);
                let tables = pages::units::tables(c, *ix, s);
                let ranking = pages::units::ranking_of(u.kind)(t);
                let mut context = pages::units::unit(layout(&u.name, "units"), c, *ix, ranking, &tables);
                context.member = pages::units::member(c, *ix, s, &context.layout.root);
                if let Some(member) = &mut context.member {
                    let year = self.common.year_so_far.get_or_init(|| {
                        let first = Month::new(s.month.year(), 1).expect("January");
                        first.through(s.month).map(|m| figures::snapshot_with(c, m, &self.common.years)).collect()
                    });
                    member.trend = pages::units::trend(&c.unit(*ix).id, year);
                }
                Ok(with_csvs(self.html(&path, "unit.html", &context)?, &tables))
            }
            Job::Squads => {
                let context = pages::squads::squads(layout("招商小分队", "squads"), s, self.latest_view(&t.squads, &path));
                one(self.html(&path, "squads.html", &context))
            }
            Job::Squad(i) => {
                let q = &c.squads[*i];
                let trips = pages::squads::trips_table(c, q, s);
                let context = pages::squads::squad(layout(&q.name, "squads"), c, q, s, &trips, &self.archive.history);
                Ok(with_csvs(self.html(&path, "squad.html", &context)?, std::slice::from_ref(&trips)))
            }
            Job::Chains => {
                let context = pages::chains::chains(layout("产业链", "chains"), c, s, self.latest_view(&t.chains, &path));
                one(self.html(&path, "chains.html", &context))
            }
            Job::Chain(i) => {
                let ch = &c.chains[*i];
                let projects = pages::chains::projects_table(c, ch, s);
                let context = pages::chains::chain(layout(&ch.name, "chains"), ch, s, &projects);
                Ok(with_csvs(self.html(&path, "chain.html", &context)?, std::slice::from_ref(&projects)))
            }
            Job::Leaders => {
                let context = pages::leaders::leaders(layout("五个一包抓", "leaders"), self.latest_view(&t.leaders, &path));
                one(self.html(&path, "leaders.html", &context))
            }
            Job::Leader(i) => {
                let ix = LeaderIx(*i as u32);
                let tables = pages::leaders::tables(c, &self.common.backlinks, ix, s);
                let context =
                    pages::leaders::leader(layout(&c.leader(ix).name, "leaders"), c, &self.common.backlinks, ix, s, &tables);
                Ok(with_csvs(self.html(&path, "leader.html", &context)?, &tables))
            }
            Job::Factories => {
                one(self.html(&path, "factories.html", &pages::site::factories(layout("标准化厂房", "factories"), c, s)))
            }
            Job::Meetings => one(self.html(&path, "meetings.html", &pages::site::meetings(layout("交办联评", "meetings"), c, s))),
            Job::PagesIndex => one(self.html(&path, "pages.html", &pages::free::pages_index(layout("更多页面", "pages"), c))),
            Job::FreePage(i) => {
                let p = &c.pages[*i];
                one(self.html(&path, "page.html", &pages::free::page(layout(&p.title, "pages"), c, p, s)))
            }
            Job::Asset(i) => Ok(vec![Page { path, bytes: c.assets[*i].bytes.clone() }]),
            Job::LedgerCsv => Ok(vec![Page { path, bytes: data::ledger_csv(c, as_of) }]),
            Job::SearchIndex => Ok(vec![Page { path, bytes: data::search_index(c) }]),
            Job::Feed => {
                let base = c.site.base_url.as_deref().unwrap_or_default();
                let months: Vec<Month> =
                    months(c, self.opts.month).into_iter().filter(|m| has_bulletin(c, *m, self.opts)).collect();
                Ok(vec![Page { path, bytes: feeds::atom(c, self.archive, &months, base) }])
            }
            Job::Sitemap => {
                let base = c.site.base_url.as_deref().unwrap_or_default();
                Ok(vec![Page { path, bytes: feeds::sitemap(&feeds::html_paths(c, self.opts), base) }])
            }
        }
    }
}
