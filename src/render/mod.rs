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

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Content;
use crate::content::model::{Briefing, ProjectIx, UnitIx};
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
    LedgerCsv,
    SearchIndex,
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
        let path = format!("bulletins/{}.html", b.period);
        let title = format!("第{}期 {}", b.issue, b.title);
        let layout = self.layout(&path, &title, "bulletins", b.period);
        self.html(path, "bulletin.html", &pages::bulletin(layout, self.content, b, s, annex))
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

    fn html<T: Serialize>(&self, path: String, template: &str, context: &T) -> Result<Page, RenderError> {
        let ctx = tera::Context::from_serialize(context)
            .map_err(|e| RenderError { template: template.to_string(), message: e.to_string() })?;
        let html = self
            .theme
            .tera
            .render(template, &ctx)
            .map_err(|e| RenderError { template: template.to_string(), message: e.to_string() })?;
        Ok(Page { path, bytes: html.into_bytes() })
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
        match job {
            Job::Dashboard => {
                let path = "index.html".to_string();
                self.html(path.clone(), "dashboard.html", &pages::dashboard(self.layout(&path, "首页", "home", m), c, s))
            }
            Job::Archive => {
                let path = "bulletins/index.html".to_string();
                self.html(path.clone(), "archive.html", &pages::archive(self.layout(&path, "简报", "bulletins", m), c, m))
            }
            Job::Ledger => {
                let path = "projects/index.html".to_string();
                self.html(path.clone(), "ledger.html", &pages::ledger(self.layout(&path, "项目台账", "projects", m), c, as_of))
            }
            Job::Project(ix) => {
                let p = c.project(*ix);
                let path = format!("projects/{}.html", p.id);
                self.html(
                    path.clone(),
                    "project.html",
                    &pages::project(self.layout(&path, &p.name, "projects", m), c, &self.backlinks, *ix, as_of),
                )
            }
            Job::Units => {
                let path = "units/index.html".to_string();
                self.html(path.clone(), "units.html", &pages::units(self.layout(&path, "各单位完成情况", "units", m), s))
            }
            Job::Unit(ix) => {
                let u = c.unit(*ix);
                let path = format!("units/{}.html", u.id);
                self.html(path.clone(), "unit.html", &pages::unit(self.layout(&path, &u.name, "units", m), c, *ix, s))
            }
            Job::Squads => {
                let path = "squads/index.html".to_string();
                self.html(path.clone(), "squads.html", &pages::squads(self.layout(&path, "招商小分队", "squads", m), s))
            }
            Job::Squad(i) => {
                let q = &c.squads[*i];
                let path = format!("squads/{}.html", q.id);
                self.html(path.clone(), "squad.html", &pages::squad(self.layout(&path, &q.name, "squads", m), c, q, s))
            }
            Job::Chains => {
                let path = "chains/index.html".to_string();
                self.html(path.clone(), "chains.html", &pages::chains(self.layout(&path, "产业链", "chains", m), c, s))
            }
            Job::Chain(i) => {
                let ch = &c.chains[*i];
                let path = format!("chains/{}.html", ch.id);
                self.html(path.clone(), "chain.html", &pages::chain(self.layout(&path, &ch.name, "chains", m), c, ch, s))
            }
            Job::Leaders => {
                let path = "leaders/index.html".to_string();
                self.html(path.clone(), "leaders.html", &pages::leaders(self.layout(&path, "五个一包抓", "leaders", m), s))
            }
            Job::Leader(i) => {
                let l = &c.leaders[*i];
                let path = format!("leaders/{}.html", l.id);
                self.html(path.clone(), "leader.html", &pages::leader(self.layout(&path, &l.name, "leaders", m), c, l, s))
            }
            Job::Factories => {
                let path = "factories.html".to_string();
                self.html(
                    path.clone(),
                    "factories.html",
                    &pages::factories(self.layout(&path, "标准化厂房", "factories", m), c, s),
                )
            }
            Job::Meetings => {
                let path = "meetings.html".to_string();
                self.html(path.clone(), "meetings.html", &pages::meetings(self.layout(&path, "交办联评", "meetings", m), c, s))
            }
            Job::PagesIndex => {
                let path = "pages/index.html".to_string();
                self.html(path.clone(), "pages.html", &pages::pages_index(self.layout(&path, "更多页面", "pages", m), c))
            }
            Job::FreePage(i) => {
                let p = &c.pages[*i];
                let path = format!("pages/{}.html", p.id);
                self.html(path.clone(), "page.html", &pages::page(self.layout(&path, &p.title, "pages", m), c, p, s))
            }
            Job::Month(_) => unreachable!("rendered by `render`"),
            Job::LedgerCsv => Ok(Page { path: "data/ledger.csv".to_string(), bytes: data::ledger_csv(c, as_of) }),
            Job::SearchIndex => Ok(Page { path: "search-index.js".to_string(), bytes: data::search_index(c) }),
        }
    }
}
