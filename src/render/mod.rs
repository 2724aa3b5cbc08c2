//! `&Content` + the month's snapshots → pages: paths and bytes. Never touches the disk.
//!
//! The work list is data ([`Job`]): one entry per output file, rendered in parallel and
//! returned sorted by path, so two builds of the same content are byte-identical.

pub mod backlinks;
pub mod charts;
pub mod data;
pub mod markdown;
pub mod pages;
pub mod theme;
pub mod view;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Content;
use crate::content::model::{Briefing, ProjectIx, UnitIx};
use crate::content::problems;
use crate::content::source::Sources;
use crate::diagnostics::Diagnostic;
use crate::figures::annex::Annex;
use crate::figures::{self, Snapshot};
use crate::period::Month;
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
}

/// An output file to produce.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Job {
    Dashboard,
    Archive,
    /// A month's files: its figures as `data/<month>.json` and, when it has a briefing, the
    /// bulletin page and the bulletin's tables as an Excel workbook. One job, so the month's
    /// snapshot is computed, used and dropped in one go.
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
}

impl Job {
    /// The files this job writes, relative to the output folder. The one place that says
    /// where each page goes: rendering and the clash check both ask here.
    pub fn paths(&self, c: &Content, opts: Options) -> Vec<String> {
        let one = |path: String| vec![path];
        match self {
            Job::Dashboard => one("index.html".into()),
            Job::Archive => one("bulletins/index.html".into()),
            Job::Month(month) => {
                let mut paths = vec![format!("data/{month}.json")];
                if c.briefings.iter().any(|b| b.period == *month && b.period <= opts.month) {
                    paths.push(view::bulletin_href(*month));
                    if opts.workbooks {
                        paths.push(format!("bulletins/{month}.xlsx"));
                    }
                }
                paths
            }
            Job::Ledger => one("projects/index.html".into()),
            Job::Project(ix) => one(format!("projects/{}.html", c.project(*ix).id)),
            Job::Units => one("units/index.html".into()),
            Job::Unit(ix) => one(format!("units/{}.html", c.unit(*ix).id)),
            Job::Squads => one("squads/index.html".into()),
            Job::Squad(i) => one(format!("squads/{}.html", c.squads[*i].id)),
            Job::Chains => one("chains/index.html".into()),
            Job::Chain(i) => one(format!("chains/{}.html", c.chains[*i].id)),
            Job::Leaders => one("leaders/index.html".into()),
            Job::Leader(i) => one(format!("leaders/{}.html", c.leaders[*i].id)),
            Job::Factories => one("factories.html".into()),
            Job::Meetings => one("meetings.html".into()),
            Job::PagesIndex => one("pages/index.html".into()),
            Job::FreePage(i) => one(view::page_link(&c.pages[*i]).href),
            Job::Asset(i) => one(c.assets[*i].path.clone()),
            Job::LedgerCsv => one("data/ledger.csv".into()),
            Job::SearchIndex => one("search-index.js".into()),
        }
    }

    /// The path of a job that writes one file.
    fn path(&self, c: &Content, opts: Options) -> String {
        self.paths(c, opts).swap_remove(0)
    }

    /// What made this job's file, for a message: the content file, or the built-in page.
    fn source(&self, c: &Content) -> Source {
        let file = |origin: crate::content::source::Origin| Source::File(origin);
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
        }
    }
}

/// Where a file of the site comes from.
enum Source {
    File(crate::content::source::Origin),
    Asset(String),
    BuiltIn(&'static str, &'static str),
}

/// Two jobs that would write the same file (compared without case: a Windows or macOS file
/// share does not tell `A.html` from `a.html`), so one page would silently replace the other.
/// One error per clash, at the content file that causes it, naming the other source.
pub fn clashes(content: &Content, sources: &Sources, month: Month) -> Vec<Diagnostic> {
    let opts = Options { month, reload: Reload::Off, workbooks: true };
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
    jobs
}

/// Renders the whole site as of `opts.month`, in memory, sorted by path.
pub fn site(content: &Content, theme: &Theme, opts: Options) -> Result<Vec<Page>, RenderError> {
    let pages = std::sync::Mutex::new(Vec::new());
    site_into(content, theme, opts, &|page| {
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
    emit: &(dyn Fn(Page) -> Result<(), E> + Sync),
) -> Result<usize, E>
where
    E: From<RenderError> + Send,
{
    let site = Site::new(content, theme, opts);
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
pub fn workbook(content: &Content, s: &Snapshot, annex: &Annex) -> Result<Page, RenderError> {
    let path = format!("bulletins/{}.xlsx", s.month);
    let bytes = crate::excel::export::workbook_with(content, s, annex)
        .map_err(|e| RenderError { template: path.clone(), message: e.to_string() })?;
    Ok(Page { path, bytes })
}

/// Renders one [`Job`] at a time; [`site_into`] runs it over all of them.
pub struct Site<'a> {
    content: &'a Content,
    theme: &'a Theme,
    opts: Options,
    /// The running totals of every year with a snapshot, shared by the month jobs.
    years: figures::Years,
    /// The figures as of `opts.month`, which most pages show.
    latest: Snapshot,
    backlinks: backlinks::Backlinks,
}

impl<'a> Site<'a> {
    pub fn new(content: &'a Content, theme: &'a Theme, opts: Options) -> Site<'a> {
        let years = figures::Years::new(content, months(content, opts.month).iter().map(|m| m.year()));
        let latest = figures::snapshot_with(content, opts.month, &years);
        Site { content, theme, opts, years, latest, backlinks: backlinks::Backlinks::new(content) }
    }

    fn latest(&self) -> &Snapshot {
        &self.latest
    }

    /// A month's files (see [`Job::Month`]) from its snapshot.
    pub fn month(&self, s: &Snapshot) -> Result<Vec<Page>, RenderError> {
        let mut pages = vec![self.data(s)];
        if let Some(b) = self.content.briefings.iter().find(|b| b.period == s.month && b.period <= self.opts.month) {
            let annex = Annex::of(self.content, s.month);
            pages.push(self.bulletin(b, s, &annex)?);
            if self.opts.workbooks {
                pages.push(self.workbook(s, &annex)?);
            }
        }
        Ok(pages)
    }

    /// `data/<month>.json`.
    pub fn data(&self, s: &Snapshot) -> Page {
        Page { path: format!("data/{}.json", s.month), bytes: data::snapshot_json(s) }
    }

    /// The bulletin page of briefing `b`.
    pub fn bulletin(&self, b: &Briefing, s: &Snapshot, annex: &Annex) -> Result<Page, RenderError> {
        let path = view::bulletin_href(b.period);
        let title = format!("第{}期 {}", b.issue, b.title);
        let layout = self.layout(&path, &title, "bulletins", b.period);
        self.html(&path, "bulletin.html", &pages::bulletin(layout, self.content, b, s, annex))
    }

    /// The bulletin's tables as an Excel workbook, offered for download on its page.
    pub fn workbook(&self, s: &Snapshot, annex: &Annex) -> Result<Page, RenderError> {
        workbook(self.content, s, annex)
    }

    fn layout(&self, path: &str, title: &str, section: &'static str, month: Month) -> Layout {
        let c = self.content;
        Layout {
            root: "../".repeat(path.matches('/').count()),
            site_title: c.site.title.clone(),
            issuer: c.site.issuer.clone(),
            sample: c.site.sample,
            page_title: title.to_string(),
            section,
            period: view::period_text(month),
            as_of: view::date_zh(month.last_day()),
            latest_bulletin: c
                .briefings
                .iter()
                .rev()
                .find(|b| b.period <= self.opts.month)
                .map(|b| view::bulletin_href(b.period)),
            pages: c.pages.iter().take(view::NAV_PAGES).map(view::page_link).collect(),
            more_pages: c.pages.len() > view::NAV_PAGES,
            live_reload: self.opts.reload == Reload::Live,
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
        if let Job::Month(month) = job {
            return if *month == self.opts.month {
                self.month(&self.latest)
            } else {
                self.month(&figures::snapshot_with(self.content, *month, &self.years))
            };
        }
        self.render_page(job).map(|page| vec![page])
    }

    fn render_page(&self, job: &Job) -> Result<Page, RenderError> {
        let c = self.content;
        let s = self.latest();
        let m = self.opts.month;
        let as_of = m.last_day();
        let path = job.path(c, self.opts);
        let layout = |title: &str, section| self.layout(&path, title, section, m);
        match job {
            Job::Dashboard => self.html(&path, "dashboard.html", &pages::dashboard(layout("首页", "home"), c, s)),
            Job::Archive => self.html(&path, "archive.html", &pages::archive(layout("简报", "bulletins"), c, m)),
            Job::Ledger => self.html(&path, "ledger.html", &pages::ledger(layout("项目台账", "projects"), c, as_of)),
            Job::Project(ix) => {
                let p = c.project(*ix);
                let context = pages::project(layout(&p.name, "projects"), c, &self.backlinks, *ix, as_of);
                self.html(&path, "project.html", &context)
            }
            Job::Units => self.html(&path, "units.html", &pages::units(layout("各单位完成情况", "units"), s)),
            Job::Unit(ix) => self.html(&path, "unit.html", &pages::unit(layout(&c.unit(*ix).name, "units"), c, *ix, s)),
            Job::Squads => self.html(&path, "squads.html", &pages::squads(layout("招商小分队", "squads"), s)),
            Job::Squad(i) => {
                let q = &c.squads[*i];
                self.html(&path, "squad.html", &pages::squad(layout(&q.name, "squads"), c, q, s))
            }
            Job::Chains => self.html(&path, "chains.html", &pages::chains(layout("产业链", "chains"), c, s)),
            Job::Chain(i) => {
                let ch = &c.chains[*i];
                self.html(&path, "chain.html", &pages::chain(layout(&ch.name, "chains"), c, ch, s))
            }
            Job::Leaders => self.html(&path, "leaders.html", &pages::leaders(layout("五个一包抓", "leaders"), s)),
            Job::Leader(i) => {
                let l = &c.leaders[*i];
                self.html(&path, "leader.html", &pages::leader(layout(&l.name, "leaders"), c, l, s))
            }
            Job::Factories => self.html(&path, "factories.html", &pages::factories(layout("标准化厂房", "factories"), c, s)),
            Job::Meetings => self.html(&path, "meetings.html", &pages::meetings(layout("交办联评", "meetings"), c, s)),
            Job::PagesIndex => self.html(&path, "pages.html", &pages::pages_index(layout("更多页面", "pages"), c)),
            Job::FreePage(i) => {
                let p = &c.pages[*i];
                self.html(&path, "page.html", &pages::page(layout(&p.title, "pages"), c, p, s))
            }
            Job::Month(_) => unreachable!("rendered by `render`"),
            Job::Asset(i) => Ok(Page { path, bytes: c.assets[*i].bytes.clone() }),
            Job::LedgerCsv => Ok(Page { path, bytes: data::ledger_csv(c, as_of) }),
            Job::SearchIndex => Ok(Page { path, bytes: data::search_index(c) }),
        }
    }
}
