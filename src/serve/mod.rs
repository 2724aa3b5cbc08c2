//! `serve`: read and check the content as `build` does ([`site::prepare`]), serve on
//! 127.0.0.1 rendering each page when it is first asked for, watch the content, templates and
//! theme, read them again on every save, and tell open pages to reload (or to show the error)
//! through server-sent events. A save renders again only the pages served so far, and names
//! those whose bytes changed. The last good site stays served while the content has errors.
//! [`http`] keeps the server small under abuse.

mod http;

use std::collections::HashMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use http::{Limit, Request};

use rayon::prelude::*;

use crate::diagnostics::{Lang, render as diagnostics};
use crate::period::Month;
use crate::render::{self, Job, Page, Reload};
use crate::site::{self, BuildError};

/// Quiet time after the last change before rebuilding: rapid saves become one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// What a page listening for rebuilds is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The site was rebuilt: the files served so far whose bytes changed (or that are gone),
    /// so an open page reloads only when it is one of them; `None` when every page should (the
    /// theme changed, or too many pages were served to render them all again).
    Reload(Option<Vec<String>>),
    /// The content has errors; the text names file, line and message.
    Problem(String),
}

/// What the site is served from: the content read and checked, and the job that writes each
/// file.
struct Model {
    prepared: site::Prepared,
    files: HashMap<String, Job>,
    /// What every page reads (the years' totals, the latest figures, the backlinks), made once.
    common: Arc<render::Common>,
}

impl Model {
    /// The files of `jobs`, rendered. A failure names the page and the template.
    fn render(&self, jobs: &[&Job]) -> Result<Vec<Page>, render::RenderError> {
        let p = &self.prepared;
        let site = render::Site::with(&p.content, &p.theme, p.opts, &p.archive, self.common.clone());
        let pages: Vec<Vec<Page>> = jobs.par_iter().map(|job| site.render(job)).collect::<Result<_, _>>()?;
        Ok(pages.into_iter().flatten().collect())
    }

    /// One page of each kind (and the latest bulletin) rendered and dropped: a template that
    /// fails on some kind of page fails now, as a full build would, not when that page is first
    /// asked for.
    fn check(&self) -> Result<(), render::RenderError> {
        let latest = Job::Month(self.prepared.opts.month);
        let mut kinds: Vec<&Job> = Vec::new();
        for job in std::iter::once(&latest).chain(self.files.values()) {
            if !kinds.iter().any(|k| std::mem::discriminant(*k) == std::mem::discriminant(job)) {
                kinds.push(job);
            }
        }
        kinds.sort();
        self.render(&kinds).map(drop)
    }

    /// A theme file (`theme/style.css`), as the site would copy it.
    fn theme_file(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        let name = path.strip_prefix("theme/")?;
        self.prepared.theme.assets.iter().find(|(n, _)| n == name).map(|(_, bytes)| Arc::new(bytes.clone()))
    }
}

/// The site being served and the clients waiting for events.
#[derive(Default)]
struct State {
    /// The files served from `model` so far: a browser may be showing any of them.
    pages: HashMap<String, Arc<Vec<u8>>>,
    model: Option<Arc<Model>>,
    problem: Option<String>,
}

/// Event streams open at once (each open page holds one); more are refused.
const MAX_EVENT_STREAMS: usize = 32;

#[derive(Clone, Default)]
struct Shared {
    state: Arc<RwLock<State>>,
    /// What the last read of the content kept: a save reads and decodes again only what changed.
    kept: Arc<crate::content::load::ReadCache>,
    clients: Arc<Mutex<Vec<Sender<Event>>>>,
    streams: Limit,
}

impl Shared {
    fn broadcast(&self, event: Event) {
        let mut clients = self.clients.lock().expect("clients lock");
        clients.retain(|c| c.send(event.clone()).is_ok());
    }
}

pub struct ServeOptions {
    pub content: PathBuf,
    pub port: u16,
    pub month: Option<Month>,
}

/// Runs until the process is stopped. Returns only on a startup failure.
pub fn run(opts: ServeOptions) -> anyhow::Result<()> {
    let shared = Shared::default();
    // Loopback only: the preview is for the clerk at this machine.
    let listener = TcpListener::bind(("127.0.0.1", opts.port)).map_err(|e| {
        let port = opts.port;
        match e.kind() {
            std::io::ErrorKind::AddrInUse => anyhow::anyhow!(
                "端口 {port} 已被占用（可能已经有一个 bulletin serve 在运行）。请关掉它，或换一个端口：bulletin serve --port {} / port {port} is in use",
                port.wrapping_add(1).max(1024)
            ),
            _ => anyhow::anyhow!("无法在 127.0.0.1:{port} 上提供预览：{e} / cannot listen on 127.0.0.1:{port}"),
        }
    })?;
    // Built after the port is ours: a busy port is said at once, not after a build.
    let first = rebuild(&opts, &shared, Check::Before);
    let url = format!("http://127.0.0.1:{}/", opts.port);
    match first {
        Ok(took) => eprintln!("预览地址 {url}（生成用时 {} 毫秒）。保存文件后页面会自动刷新，按 Ctrl+C 退出。", took.as_millis()),
        Err(()) => eprintln!("预览地址 {url}。内容有错误（见上），改正并保存后会自动刷新。"),
    }

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            let _ = tx.send(event.paths);
        }
    })?;
    for dir in watched(&opts.content) {
        watcher.watch(&dir, RecursiveMode::Recursive)?;
    }
    {
        let shared = shared.clone();
        let opts = ServeOptions { content: opts.content.clone(), port: opts.port, month: opts.month };
        std::thread::spawn(move || watch_loop(&opts, &shared, &rx));
    }

    http::serve(listener, opts.port, Arc::new(move |request, stream| respond(request, stream, &shared)));
    Ok(())
}

/// The content folder, and the site's `templates/` and `theme/` if they exist.
fn watched(content: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![content.to_path_buf()];
    // A roll-up shows its members' figures: a save in a member's folder rebuilds it too.
    dirs.extend(crate::rollup::member_folders(content));
    if let Some(root) = site::site_root(content) {
        for name in ["templates", "theme"] {
            let dir = root.join(name);
            if dir.is_dir() {
                dirs.push(dir);
            }
        }
    }
    dirs
}

/// Waits for changes; after a quiet spell, rebuilds and tells the pages.
fn watch_loop(opts: &ServeOptions, shared: &Shared, rx: &Receiver<Vec<PathBuf>>) {
    while let Ok(first) = rx.recv() {
        let mut changed = first;
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(more) => changed.extend(more),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if changed.iter().all(|p| is_noise(p)) {
            continue;
        }
        // Read again whatever the watcher named, even if its stamp looks unchanged.
        shared.kept.forget_changed(&opts.content, &changed);
        let templates = site::site_root(&opts.content).map(|root| root.join("templates"));
        let check = match templates {
            Some(t) if changed.iter().any(|p| within(p, &t).is_some()) => Check::Before,
            _ => Check::After,
        };
        if let Ok(took) = rebuild(opts, shared, check) {
            eprintln!("已重新生成（{} 毫秒）", took.as_millis());
        }
    }
}

/// `path` as the watcher names it (absolute) relative to `folder` (as given, perhaps relative
/// or through a link); `None` if it is not inside.
fn within<'a>(path: &'a Path, folder: &Path) -> Option<&'a Path> {
    path.strip_prefix(folder)
        .ok()
        .or_else(|| path.strip_prefix(std::path::absolute(folder).ok()?).ok())
        .or_else(|| path.strip_prefix(folder.canonicalize().ok()?).ok())
}

/// The most pages rendered again after a save (a browser may be showing any page served);
/// beyond, every page is told to reload and rendered when next asked for.
const MAX_NAMED: usize = 1000;

/// The files served (`old`) whose bytes differ in `new`, or that `new` no longer has, sorted.
fn changed_files(old: &HashMap<String, Arc<Vec<u8>>>, new: &HashMap<String, Arc<Vec<u8>>>) -> Vec<String> {
    let mut changed: Vec<String> =
        old.iter().filter(|(path, bytes)| new.get(*path) != Some(*bytes)).map(|(path, _)| path.clone()).collect();
    changed.sort();
    changed
}

/// Editor swap and backup files, which are not content.
fn is_noise(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp") || name.starts_with("~$")
}

/// When a rebuild renders one page of each kind as a check ([`Model::check`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Check {
    /// Before the new site is served: at start, and when a template changed.
    Before,
    /// Once the open pages were told to reload: a content save shows at once, and a page kind
    /// that no longer renders is still said a moment later.
    After,
}

/// Reads and checks the content; on success swaps it in, renders again the pages served so
/// far and sends `Reload` naming those that changed; on failure keeps the old site, prints the
/// problems and sends them to the pages.
fn rebuild(opts: &ServeOptions, shared: &Shared, check: Check) -> Result<Duration, ()> {
    let started = Instant::now();
    let prepared = site::prepare_with(&opts.content, opts.month, Reload::Live, false, Some(&shared.kept));
    let checked = prepared.and_then(|prepared| {
        let files = render::files(&prepared.content, prepared.opts);
        let common = Arc::new(render::Common::of(&prepared.content, prepared.opts));
        let model = Model { prepared, files, common };
        if check == Check::Before {
            model.check()?;
        }
        Ok(model)
    });
    match checked {
        Ok(model) => {
            // Once per run: what the change history lacks, and how to fix it.
            static NOTICE: std::sync::Once = std::sync::Once::new();
            if let Some(notice) = model.prepared.archive.history.notice() {
                NOTICE.call_once(|| eprintln!("{notice}"));
            }
            let model = Arc::new(model);
            // Held while the served pages are rendered again, so none is served from the old
            // content and missed.
            let mut state = shared.state.write().expect("state lock");
            let theme_changed = state.model.as_ref().is_some_and(|old| old.prepared.theme.assets != model.prepared.theme.assets);
            let again = (!theme_changed && state.pages.len() <= MAX_NAMED).then(|| render_again(&model, &state.pages));
            let changed = match again {
                Some(Ok(pages)) => {
                    let changed = changed_files(&state.pages, &pages);
                    state.pages = pages;
                    Some(changed)
                }
                // A page served before no longer renders: said like any other problem, and
                // the last good site stays served.
                Some(Err(e)) => {
                    let text = e.to_string();
                    state.problem = Some(text.clone());
                    drop(state);
                    eprintln!("{text}\n（仍在预览上一次成功生成的网站）");
                    shared.broadcast(Event::Problem(text));
                    return Err(());
                }
                // The theme is on every page, or too many pages to name: every page reloads.
                None => {
                    state.pages = HashMap::new();
                    None
                }
            };
            state.model = Some(model.clone());
            state.problem = None;
            drop(state);
            shared.broadcast(Event::Reload(changed));
            let took = started.elapsed();
            if check == Check::After
                && let Err(e) = model.check()
            {
                // The pages served render; some other kind of page does not.
                let text = e.to_string();
                eprintln!("{text}");
                shared.state.write().expect("state lock").problem = Some(text.clone());
                shared.broadcast(Event::Problem(text));
                return Err(());
            }
            Ok(took)
        }
        Err(e) => {
            let text = match &e {
                BuildError::Content(loaded) => {
                    let mut t: Vec<String> =
                        loaded.diagnostics.errors().map(|d| diagnostics::text(d, &loaded.sources, Lang::Zh, false)).collect();
                    t.push(diagnostics::summary(loaded.diagnostics.errors().count(), 0, Lang::Zh));
                    t.join("\n\n")
                }
                other => other.to_string(),
            };
            eprintln!("{text}\n（仍在预览上一次成功生成的网站）");
            shared.state.write().expect("state lock").problem = Some(text.clone());
            shared.broadcast(Event::Problem(text));
            Err(())
        }
    }
}

/// The pages `served` rendered again from `model`, with the other files of their jobs; a
/// page the new content no longer has is left out.
fn render_again(
    model: &Model,
    served: &HashMap<String, Arc<Vec<u8>>>,
) -> Result<HashMap<String, Arc<Vec<u8>>>, render::RenderError> {
    let mut jobs: Vec<&Job> = served.keys().filter_map(|path| model.files.get(path)).collect();
    jobs.sort();
    jobs.dedup();
    let mut pages: HashMap<String, Arc<Vec<u8>>> =
        model.render(&jobs)?.into_iter().map(|page| (page.path, Arc::new(page.bytes))).collect();
    for path in served.keys() {
        if let Some(bytes) = model.theme_file(path) {
            pages.insert(path.clone(), bytes);
        }
    }
    Ok(pages)
}

/// `path` rendered from the site served now (with the other files of its job, kept for the
/// next request); `None` when the site has no such file.
fn render_on_request(path: &str, shared: &Shared) -> Option<Arc<Vec<u8>>> {
    let model = shared.state.read().expect("state lock").model.clone()?;
    if let Some(bytes) = model.theme_file(path) {
        return Some(bytes);
    }
    let job = model.files.get(path)?;
    let pages = match model.render(&[job]) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("{e}");
            return None;
        }
    };
    let mut state = shared.state.write().expect("state lock");
    // Only if no rebuild swapped another site in meanwhile.
    let current = state.model.as_ref().is_some_and(|m| Arc::ptr_eq(m, &model));
    let mut found = None;
    for page in pages {
        let bytes = Arc::new(page.bytes);
        if page.path == path {
            found = Some(bytes.clone());
        }
        if current {
            state.pages.insert(page.path, bytes);
        }
    }
    found
}

fn respond(request: Request, mut stream: TcpStream, shared: &Shared) {
    let url = request.target.split(['?', '#']).next().unwrap_or("/").to_string();
    let head_only = request.head_only;
    match url.as_str() {
        "/__bulletin/events" => events(stream, shared),
        "/__bulletin/reload.js" => {
            let _ = http::respond(&mut stream, 200, "application/javascript", RELOAD_JS.as_bytes(), head_only);
        }
        _ => {
            let path = page_path(&url);
            let (page, model, problem) = {
                let state = shared.state.read().expect("state lock");
                (path.as_ref().and_then(|p| state.pages.get(p).cloned()), state.model.clone(), state.problem.clone())
            };
            let page = page
                .or_else(|| render_on_request(path.as_deref()?, shared))
                .or_else(|| workbook_on_request(path.as_deref()?, &model?, shared));
            let _ = match (page, path) {
                (Some(bytes), Some(path)) => http::respond(&mut stream, 200, content_type(&path), &bytes, head_only),
                // No good build yet, or no such page: a page that still listens for rebuilds.
                _ => {
                    let text = problem.unwrap_or_else(|| format!("没有这个页面：{url}"));
                    let html = format!(
                        "<!doctype html><meta charset=\"utf-8\"><title>bulletin</title><pre>{}</pre><script src=\"/__bulletin/reload.js\" data-always></script>",
                        crate::render::markdown::escape(&text)
                    );
                    http::respond(&mut stream, 404, "text/html; charset=utf-8", html.as_bytes(), head_only)
                }
            };
        }
    }
}

/// `bulletins/<month>.xlsx` and `bulletins/<month>.docx`, made on their first download and
/// kept until the next rebuild.
fn workbook_on_request(path: &str, model: &Arc<Model>, shared: &Shared) -> Option<Arc<Vec<u8>>> {
    let (content, last, archive) = (&model.prepared.content, &model.prepared.opts.month, &model.prepared.archive);
    let name = path.strip_prefix("bulletins/")?;
    let (month, word) = match (name.strip_suffix(".xlsx"), name.strip_suffix(".docx")) {
        (Some(m), _) => (Month::parse(m)?, false),
        (_, Some(m)) => (Month::parse(m)?, true),
        _ => return None,
    };
    let page = match archive.records.get(&month).filter(|_| month <= *last) {
        // An issued month's files hold its tables (and text) as issued, like its page.
        Some(record) => {
            let tables = crate::report::MonthTables::from_tables(
                month,
                record.tables.iter().map(crate::record::frozen::FrozenTable::table).collect(),
            );
            if word {
                crate::render::docx(content, &crate::output::docx::Source::issued(content, record, &tables)).ok()?
            } else {
                crate::render::workbook(content, &record.snapshot, &tables).ok()?
            }
        }
        None => {
            let briefing = content.briefings.iter().find(|b| b.period == month).filter(|_| month <= *last)?;
            let snapshot = crate::figures::snapshot(content, month);
            let annex = crate::figures::annex::Annex::of(content, month);
            let tables = crate::report::MonthTables::of(content, &snapshot, &annex);
            if word {
                let changes = crate::record::changelog::of(content, month, archive, None);
                let source = crate::output::docx::Source::draft(content, briefing, &snapshot, &tables, changes);
                crate::render::docx(content, &source).ok()?
            } else {
                crate::render::workbook(content, &snapshot, &tables).ok()?
            }
        }
    };
    let bytes = Arc::new(page.bytes);
    let mut state = shared.state.write().expect("state lock");
    // Only if no rebuild swapped the site in meanwhile.
    if state.model.as_ref().is_some_and(|m| Arc::ptr_eq(m, model)) {
        state.pages.insert(page.path, bytes.clone());
    }
    Some(bytes)
}

/// `/units/` → `units/index.html`; `None` for paths that try to leave the site.
fn page_path(url: &str) -> Option<String> {
    let decoded = percent_decode(url.trim_start_matches('/'))?;
    if decoded.split('/').any(|part| part == "..") {
        return None;
    }
    Some(if decoded.is_empty() || decoded.ends_with('/') { format!("{decoded}index.html") } else { decoded })
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "application/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

/// A server-sent event stream: the current problem (if any) at once, then every event.
fn events(mut out: TcpStream, shared: &Shared) {
    let Some(_slot) = shared.streams.take(MAX_EVENT_STREAMS) else {
        let _ = http::respond(&mut out, 503, "text/plain; charset=utf-8", b"too many open pages\n", false);
        return;
    };
    // Events go out long after the request; only a stuck client should make a write fail.
    let (tx, rx) = mpsc::channel();
    let problem = shared.state.read().expect("state lock").problem.clone();
    shared.clients.lock().expect("clients lock").push(tx);
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out.write_all(head.as_bytes()).and_then(|_| out.write_all(b": connected\n\n")).and_then(|_| out.flush()).is_err() {
        return;
    }
    if let Some(text) = problem
        && send(&mut out, &Event::Problem(text)).is_err()
    {
        return;
    }
    loop {
        let sent = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => send(&mut out, &event),
            // A comment now and then finds out when the page has gone away.
            Err(RecvTimeoutError::Timeout) => out.write_all(b": ping\n\n").and_then(|_| out.flush()),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if sent.is_err() {
            return;
        }
    }
}

fn send(out: &mut impl Write, event: &Event) -> std::io::Result<()> {
    let text = match event {
        // One file a line (paths hold no line break); `*` for every page.
        Event::Reload(Some(files)) if !files.is_empty() => {
            let data: String = files.iter().map(|f| format!("data: {f}\n")).collect();
            format!("event: reload\n{data}\n")
        }
        Event::Reload(Some(_)) => "event: reload\ndata: \n\n".to_string(),
        Event::Reload(None) => "event: reload\ndata: *\n\n".to_string(),
        Event::Problem(text) => {
            let data: String = text.lines().map(|l| format!("data: {l}\n")).collect();
            format!("event: problem\n{data}\n")
        }
    };
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Injected only in serve mode: on `reload`, reload when this page is among the files named
/// (or all are, or it shows a problem, or it is the page standing in for a missing one); show
/// an overlay on `problem`.
const RELOAD_JS: &str = r#"(function () {
  "use strict";
  var always = document.currentScript && document.currentScript.hasAttribute("data-always");
  var overlay;
  // This page as the server names its file: "bulletins/2026-10.html", "units/index.html".
  function own() {
    var path = decodeURIComponent(window.location.pathname).replace(/^\/+/, "");
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }
  function mine(data) {
    var files = data.split("\n");
    return always || files.indexOf("*") >= 0 || files.indexOf(own()) >= 0 || (overlay && overlay.style.display !== "none");
  }
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:24px;font:14px/1.5 monospace";
      var title = document.createElement("p");
      title.textContent = "内容有错误，网站没有更新（仍显示上一次成功生成的页面）。改正后保存，页面会自动刷新。";
      title.style.cssText = "font:bold 16px/1.5 sans-serif;color:#ffb4ab;margin:0 0 12px";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0";
      var close = document.createElement("button");
      close.textContent = "关闭";
      close.style.cssText = "position:absolute;top:12px;right:12px";
      close.onclick = function () { overlay.style.display = "none"; };
      overlay.appendChild(close);
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
    overlay.style.display = "block";
  }
  var source = new EventSource("/__bulletin/events");
  source.addEventListener("reload", function (e) { if (mine(e.data)) { window.location.reload(); } });
  source.addEventListener("problem", function (e) { show(e.data); });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_files_and_never_leave_the_site() {
        assert_eq!(page_path("/").as_deref(), Some("index.html"));
        assert_eq!(page_path("/units/").as_deref(), Some("units/index.html"));
        assert_eq!(page_path("/projects/p1.html").as_deref(), Some("projects/p1.html"));
        assert_eq!(page_path("/%E9%A1%B9.html").as_deref(), Some("项.html"));
        assert_eq!(page_path("/../etc/passwd"), None);
        assert_eq!(page_path("/a/%2e%2e/b"), None);
    }

    #[test]
    fn a_path_the_watcher_names_is_found_inside_the_folder_given_relative_or_absolute() {
        // The watcher names absolute paths; `--content` is often relative.
        let named = std::env::current_dir().unwrap().join("content/projects/p1.yaml");
        assert_eq!(within(&named, Path::new("content")), Some(Path::new("projects/p1.yaml")));
        assert_eq!(within(Path::new("/site/content/units.yaml"), Path::new("/site/content")), Some(Path::new("units.yaml")));
        assert_eq!(within(Path::new("/site/templates/base.html"), Path::new("/site/content")), None);
        assert_eq!(within(Path::new("/site/content2/x.yaml"), Path::new("/site/content")), None);
    }
}
