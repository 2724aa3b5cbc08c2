//! The built sample site in a real browser (issue 15): headless Chromium driven through the
//! DevTools protocol (`headless_chrome`, already the PDF printer's). No console error on any kind
//! of page, opened from disk and over `bulletin serve`; search finds a unit by its full name
//! first and a company by a two-character part of its name, and shows why; the ledger's filter
//! and sorting work; at 390 px no page scrolls sideways, every navigation item shows and a wide
//! table keeps its name column in view; in dark mode text and charts keep their contrast.
//! (Printing to A4 is tests/print.rs.)
//!
//! Without Chromium these tests say plainly that they were skipped; `.ci/run` sets
//! `BULLETIN_REQUIRE_BROWSER=1` once Chromium is installed, and then they must run.

mod common;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use headless_chrome::browser::tab::Tab;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Log, Runtime};
use headless_chrome::{Browser, LaunchOptions};

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(name)).find(|p| p.is_file())
}

/// One headless Chromium for the whole file, or None (skipped) where none is installed.
fn browser() -> Option<&'static Browser> {
    static BROWSER: OnceLock<Option<Browser>> = OnceLock::new();
    BROWSER
        .get_or_init(|| {
            let found = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].iter().find_map(|n| which(n));
            let Some(path) = found else {
                assert!(
                    std::env::var_os("BULLETIN_REQUIRE_BROWSER").is_none(),
                    "BULLETIN_REQUIRE_BROWSER is set but no Chromium or Chrome is on PATH"
                );
                return None;
            };
            let args = [
                "--disable-gpu",
                "--no-first-run",
                "--disable-sync",
                "--disable-component-update",
                "--disable-background-networking",
            ]
            .map(std::ffi::OsStr::new)
            .to_vec();
            let options = LaunchOptions {
                headless: true,
                sandbox: false,
                path: Some(path),
                args,
                window_size: Some((1280, 900)),
                idle_browser_timeout: Duration::from_secs(300),
                ..LaunchOptions::default()
            };
            Some(Browser::new(options).expect("Chromium did not start"))
        })
        .as_ref()
}

macro_rules! browser_or_skip {
    () => {
        match browser() {
            Some(b) => b,
            None => {
                eprintln!("skipped: no Chromium or Chrome on PATH (apt-get install chromium fonts-noto-cjk)");
                return;
            }
        }
    };
}

/// The sample site, built once for this file.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-site");
        let _ = std::fs::remove_dir_all(&out);
        let run = Command::new(BIN)
            .args(["build", "--content", repo().join("content").to_str().unwrap(), "--out", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        out
    })
}

/// One page of each kind the site has: the home page, every section's index and one page of
/// each section, and the pages at the top level.
fn page_kinds() -> Vec<String> {
    let root = site();
    let mut pages = vec!["index.html".to_string()];
    for dir in ["bulletins", "projects", "units", "squads", "chains", "leaders", "pages"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut html: Vec<String> =
            entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".html")).collect();
        html.sort();
        if html.iter().any(|n| n == "index.html") {
            pages.push(format!("{dir}/index.html"));
        }
        if let Some(one) = html.iter().find(|n| *n != "index.html") {
            pages.push(format!("{dir}/{one}"));
        }
    }
    for e in std::fs::read_dir(root).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".html") && name != "index.html" {
            pages.push(name);
        }
    }
    pages
}

fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => url.push(b as char),
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// A tab that records every console error, uncaught exception and error log entry (a blocked
/// script, a missing file, a Content-Security-Policy refusal).
fn tab_with_errors(browser: &Browser) -> (Arc<Tab>, Arc<Mutex<Vec<String>>>) {
    let tab = browser.new_tab().unwrap();
    let errors = Arc::new(Mutex::new(Vec::new()));
    let sink = errors.clone();
    tab.enable_runtime().unwrap();
    tab.enable_log().unwrap();
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let text = match event {
            Event::RuntimeConsoleAPICalled(e)
                if matches!(
                    e.params.Type,
                    Runtime::ConsoleAPICalledEventTypeOption::Error | Runtime::ConsoleAPICalledEventTypeOption::Assert
                ) =>
            {
                format!("console.error: {:?}", e.params.args.iter().map(|a| a.value.clone()).collect::<Vec<_>>())
            }
            Event::RuntimeExceptionThrown(e) => format!("exception: {:?}", e.params.exception_details),
            Event::LogEntryAdded(e) if e.params.entry.level == Log::LogEntryLevel::Error => {
                format!("log: {} {:?}", e.params.entry.text, e.params.entry.url)
            }
            _ => return,
        };
        sink.lock().unwrap().push(text);
    }))
    .unwrap();
    (tab, errors)
}

/// Loads `url` and waits until its deferred scripts have run.
fn open(tab: &Tab, url: &str) {
    tab.navigate_to(url).unwrap();
    let started = Instant::now();
    loop {
        let state = tab.evaluate("document.readyState + ' ' + location.href", false).unwrap();
        if let Some(serde_json::Value::String(s)) = state.value
            && s.starts_with("complete ")
            && !s.ends_with("about:blank")
        {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "{url} did not load within 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The value of a script's expression, which must give a JSON string (`JSON.stringify(…)`).
fn json(tab: &Tab, expression: &str) -> serde_json::Value {
    let result = tab.evaluate(expression, false).unwrap();
    match result.value {
        Some(serde_json::Value::String(s)) => serde_json::from_str(&s).unwrap(),
        other => panic!("{expression}: gave {other:?}"),
    }
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn answers(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    use std::io::Write;
    let _ = write!(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    let mut head = [0u8; 12];
    s.read_exact(&mut head).is_ok() && head.ends_with(b"200")
}

/// `bulletin serve` of a copy of the sample on a free port, once it answers.
fn serve_sample() -> (tempfile::TempDir, Server, u16) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&repo().join("content"), &content);
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = Server(
        Command::new(BIN)
            .args(["serve", "--port", &port.to_string(), "--content", content.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while !answers(port) {
        assert!(started.elapsed() < Duration::from_secs(60), "serve did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    (tmp, server, port)
}

#[test]
fn no_page_kind_logs_an_error_from_disk_or_from_serve() {
    let browser = browser_or_skip!();
    let pages = page_kinds();
    assert!(pages.len() >= 12, "too few kinds of page: {pages:?}");
    let (tab, errors) = tab_with_errors(browser);
    for page in &pages {
        open(&tab, &file_url(&site().join(page)));
        std::thread::sleep(Duration::from_millis(100));
        let found = std::mem::take(&mut *errors.lock().unwrap());
        assert!(found.is_empty(), "{page} (from disk): {found:#?}");
    }

    // Over `bulletin serve`, with its reload script, from a copy of the sample.
    let (_tmp, _server, port) = serve_sample();
    for page in &pages {
        let path = page.strip_suffix("index.html").unwrap_or(page);
        open(&tab, &format!("http://127.0.0.1:{port}/{path}"));
        std::thread::sleep(Duration::from_millis(100));
        let found = std::mem::take(&mut *errors.lock().unwrap());
        assert!(found.is_empty(), "{page} (over serve): {found:#?}");
    }
    let _ = tab.close(false);
}

/// Types `query` into the search box of the page open in `tab` and returns the results as
/// `[kind, name, href, why, marked]`.
fn search(tab: &Tab, query: &str) -> Vec<[String; 5]> {
    let started = Instant::now();
    while json(tab, "JSON.stringify(document.getElementById('search-box').disabled)") == serde_json::json!(true) {
        assert!(started.elapsed() < Duration::from_secs(10), "the search box stays disabled");
        std::thread::sleep(Duration::from_millis(50));
    }
    let script = format!(
        "(() => {{ const box = document.getElementById('search-box'); box.value = {q}; \
         box.dispatchEvent(new Event('input')); \
         return JSON.stringify(Array.from(document.querySelectorAll('.search-results li a')).map(a => [\
           a.querySelector('.kind').textContent, a.querySelector('.name').textContent, a.getAttribute('href'), \
           (a.querySelector('.why') || {{ textContent: '' }}).textContent, \
           (a.querySelector('.why mark') || {{ textContent: '' }}).textContent])); }})()",
        q = serde_json::to_string(query).unwrap()
    );
    serde_json::from_value(json(tab, &script)).unwrap()
}

#[test]
fn search_finds_a_unit_by_its_name_first_and_a_company_by_part_of_its_name() {
    let browser = browser_or_skip!();
    let (tab, errors) = tab_with_errors(browser);
    open(&tab, &file_url(&site().join("bulletins/2026-10.html")));

    // content/units.yaml: 县工信局 (id gongxin).
    let hits = search(&tab, "县工信局");
    assert!(!hits.is_empty(), "nothing found for 县工信局");
    assert_eq!(hits[0][1], "县工信局", "{hits:#?}");
    assert!(hits[0][2].ends_with("units/gongxin.html"), "{hits:#?}");
    // Two characters of it: the unit's page is still among the first results.
    let hits = search(&tab, "工信");
    assert!(hits.iter().take(3).any(|h| h[1] == "县工信局"), "{hits:#?}");

    // content/projects/p2025-001.yaml: investor 浙江某某钛业有限公司; 钛业 is in no project's
    // name, so the result says it matched the investor, with 钛业 marked.
    let hits = search(&tab, "钛业");
    let hit = hits.iter().find(|h| h[2].ends_with("projects/p2025-001.html")).unwrap_or_else(|| panic!("{hits:#?}"));
    assert!(hit[3].contains("浙江某某钛业有限公司"), "why: {hit:?}");
    assert_eq!(hit[4], "钛业");

    // Nothing found says so.
    let hits = search(&tab, "不存在的词语组合");
    assert!(hits.is_empty());
    let none = json(&tab, "JSON.stringify(document.querySelector('.search-results .none').textContent)");
    assert_eq!(none, "没有找到");
    assert!(errors.lock().unwrap().is_empty(), "{:#?}", errors.lock().unwrap());
    let _ = tab.close(false);
}

#[test]
fn the_ledger_filters_and_sorts() {
    let browser = browser_or_skip!();
    let (tab, errors) = tab_with_errors(browser);
    open(&tab, &file_url(&site().join("projects/index.html")));
    let rows = "Array.from(document.querySelectorAll('.filterable table tbody tr'))";

    // Typing a town's name leaves exactly the rows that mention it, and says how many.
    let all: usize = serde_json::from_value(json(&tab, &format!("JSON.stringify({rows}.length)"))).unwrap();
    let filtered = json(
        &tab,
        &format!(
            "(() => {{ const box = document.querySelector('[data-filter-text]'); box.value = '金丝峡镇'; \
             box.dispatchEvent(new Event('input')); \
             return JSON.stringify({rows}.map(r => [r.hidden || getComputedStyle(r).display === 'none', r.textContent.includes('金丝峡镇')])); }})()"
        ),
    );
    let filtered: Vec<(bool, bool)> = serde_json::from_value(filtered).unwrap();
    assert_eq!(filtered.len(), all);
    let shown = filtered.iter().filter(|(hidden, _)| !hidden).count();
    assert!(shown > 0 && shown < all, "{shown} of {all} shown");
    for (hidden, mentions) in &filtered {
        assert_eq!(!hidden, *mentions, "a row shown without 金丝峡镇, or hidden with it");
    }
    let count = json(&tab, "JSON.stringify(document.querySelector('[data-filter-count]').textContent)");
    assert!(count.as_str().unwrap().contains(&shown.to_string()), "count says {count}, {shown} shown");

    // Clicking a money column's header sorts by it; clicking again reverses.
    let sort = "(() => { const ths = Array.from(document.querySelectorAll('.filterable table thead th')); \
        const i = ths.findIndex(th => th.classList.contains('num') && th.hasAttribute('aria-sort')); \
        const th = ths[i]; (th.querySelector('button') || th).click(); \
        const values = Array.from(document.querySelectorAll('.filterable table tbody tr')).map(r => { \
          const c = r.children[i]; const v = c.getAttribute('data-sort'); return v === null ? null : Number(v); }); \
        return JSON.stringify([th.getAttribute('aria-sort'), values.filter(v => v !== null)]); })()";
    for _ in 0..2 {
        let [order, values]: [serde_json::Value; 2] = serde_json::from_value(json(&tab, sort)).unwrap();
        let values: Vec<f64> = serde_json::from_value(values).unwrap();
        assert!(values.len() > 10, "{values:?}");
        let pairs = values.windows(2);
        match order.as_str().unwrap() {
            "ascending" => assert!(pairs.clone().all(|w| w[0] <= w[1]), "not ascending: {values:?}"),
            "descending" => assert!(pairs.clone().all(|w| w[0] >= w[1]), "not descending: {values:?}"),
            other => panic!("aria-sort {other}"),
        }
    }
    assert!(errors.lock().unwrap().is_empty(), "{:#?}", errors.lock().unwrap());
    let _ = tab.close(false);
}

#[test]
fn on_a_phone_nothing_scrolls_sideways_and_every_navigation_item_shows() {
    let browser = browser_or_skip!();
    let (tab, _errors) = tab_with_errors(browser);
    tab.call_method(Emulation::SetDeviceMetricsOverride {
        width: 390,
        height: 844,
        device_scale_factor: 2.0,
        mobile: true,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .unwrap();
    for page in page_kinds() {
        open(&tab, &file_url(&site().join(&page)));
        let [scroll, width, hidden]: [serde_json::Value; 3] = serde_json::from_value(json(
            &tab,
            "JSON.stringify([document.documentElement.scrollWidth, window.innerWidth, \
             Array.from(document.querySelectorAll('.nav a')).filter(a => { const r = a.getBoundingClientRect(); \
               return r.width === 0 || r.left < 0 || r.right > window.innerWidth; }).map(a => a.textContent)])",
        ))
        .unwrap();
        assert_eq!(width, 390, "{page}: the viewport is not a phone's");
        assert!(scroll.as_u64().unwrap() <= 390, "{page} scrolls sideways: {scroll} px wide at 390");
        assert_eq!(hidden, serde_json::json!([]), "{page}: navigation items out of view");
        // Chart labels stay legible: each text's size as drawn, times the chart's scale.
        let smallest: f64 = serde_json::from_value(json(
            &tab,
            "JSON.stringify(Array.from(document.querySelectorAll('figure.chart svg')).flatMap(svg => { \
               const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; \
               return Array.from(svg.querySelectorAll('text')).map(t => parseFloat(t.getAttribute('font-size')) * scale); \
             }).reduce((a, b) => Math.min(a, b), 99))",
        ))
        .unwrap();
        assert!(smallest >= 10.95, "{page}: a chart label is {smallest:.1} px at 390 px");
    }

    // The unit ranking scrolls inside its table: scrolled to its right end, each row's unit
    // is still in view.
    open(&tab, &file_url(&site().join("units/index.html")));
    let [wrap_left, wrap_right, key_left, key_right, scrolled]: [f64; 5] = serde_json::from_value(json(
        &tab,
        "(() => { const w = document.querySelector('.table-wrap'); w.scrollLeft = w.scrollWidth; \
         const k = w.querySelector('tbody .key').getBoundingClientRect(); const r = w.getBoundingClientRect(); \
         return JSON.stringify([r.left, r.right, k.left, k.right, w.scrollLeft]); })()",
    ))
    .unwrap();
    assert!(scrolled > 0.0, "the unit table does not scroll at 390 px: nothing to keep in view");
    assert!(key_left >= wrap_left - 1.0 && key_right <= wrap_right + 1.0, "the unit column scrolled away");
    let _ = tab.close(false);
}

/// WCAG contrast of two `rgb(…)` colours.
const CONTRAST: &str = "function lum(c) { const m = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => { v /= 255; \
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; } \
    function contrast(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }";

#[test]
fn in_dark_mode_text_and_charts_keep_their_contrast() {
    let browser = browser_or_skip!();
    let (tab, _errors) = tab_with_errors(browser);
    tab.call_method(Emulation::SetEmulatedMedia {
        media: None,
        features: Some(vec![Emulation::MediaFeature { name: "prefers-color-scheme".into(), value: "dark".into() }]),
    })
    .unwrap();
    for page in ["index.html", "bulletins/2026-10.html", "units/index.html", "squads/index.html"] {
        open(&tab, &file_url(&site().join(page)));
        let script = format!(
            "(() => {{ {CONTRAST} const body = getComputedStyle(document.body); const paper = body.backgroundColor; \
             const svgs = Array.from(document.querySelectorAll('main svg')); \
             const white = svgs.flatMap(s => Array.from(s.querySelectorAll('[fill=\"#FFFFFF\"]'))) \
               .filter(e => getComputedStyle(e).fill === 'rgb(255, 255, 255)').length; \
             const texts = svgs.flatMap(s => Array.from(s.querySelectorAll('text:not([fill=\"#FFFFFF\"])'))); \
             const worst = texts.map(t => contrast(getComputedStyle(t).fill, paper)).reduce((a, b) => Math.min(a, b), 99); \
             return JSON.stringify([lum(paper), contrast(body.color, paper), svgs.length, texts.length, white, worst]); }})()"
        );
        let [paper, text, svgs, texts, white, worst]: [f64; 6] = serde_json::from_value(json(&tab, &script)).unwrap();
        assert!(paper < 0.05, "{page}: the page is not dark ({paper})");
        assert!(text >= 7.0, "{page}: body text contrast {text:.1}");
        assert!(svgs > 0.0 && texts > 0.0, "{page}: no chart to look at");
        assert_eq!(white, 0.0, "{page}: {white} chart shapes still white");
        // (Labels drawn in white sit on a bar, not on the page: they turn the page's colour on a
        // bar turned light, and are left out here.)
        assert!(worst >= 4.5, "{page}: a chart label's contrast is {worst:.2}");
    }
    let _ = tab.close(false);
}

/// Every colour the charts are drawn in has its dark counterpart in theme/style.css (a new
/// colour in a chart without one would stay as drawn for paper in dark mode).
#[test]
fn every_chart_colour_has_a_dark_counterpart() {
    let css = std::fs::read_to_string(repo().join("theme/style.css")).unwrap();
    let mut colours = std::collections::BTreeSet::new();
    for (name, bytes) in common::files(site()) {
        if !name.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for attr in ["fill", "stroke"] {
            for (i, _) in html.match_indices(&format!(" {attr}=\"#")) {
                let start = i + attr.len() + 3;
                colours.insert(format!("{attr}=\"{}\"", &html[start..start + 7]));
            }
        }
    }
    assert!(colours.len() >= 10, "{colours:?}");
    for c in &colours {
        assert!(css.contains(&format!("main svg [{c}]")), "no dark-mode rule for charts drawn with {c}");
    }
}

/// Issue 18: over `serve`, an open page reloads when a save changes it, and stays as it is
/// (scroll, filter, typing) when a save changes only other pages.
#[test]
fn a_served_page_reloads_only_when_a_save_changes_it() {
    let browser = browser_or_skip!();
    let (tmp, _server, port) = serve_sample();
    let content = tmp.path().join("content");
    let (tab, _errors) = tab_with_errors(browser);
    open(&tab, &format!("http://127.0.0.1:{port}/projects/p2025-003.html"));
    std::thread::sleep(Duration::from_millis(500)); // the event stream connects
    let mark = || tab.evaluate("window.__mark = 'still here'", false).unwrap();
    let marked = || json(&tab, "JSON.stringify(window.__mark === 'still here')") == serde_json::json!(true);
    let rename = |id: &str, to: &str| {
        let file = content.join(format!("projects/{id}.yaml"));
        let text = std::fs::read_to_string(&file).unwrap();
        let name = text.lines().next().unwrap().to_string();
        std::fs::write(&file, text.replacen(&name, &format!("name: {to}"), 1)).unwrap();
    };
    // Another project's page changes: this one stays.
    mark();
    rename("p2025-002", "改名的另一个项目");
    std::thread::sleep(Duration::from_millis(2500));
    assert!(marked(), "the page reloaded although it did not change");
    // This project's page changes: it reloads and shows the new name.
    rename("p2025-003", "改名的本页项目");
    let started = Instant::now();
    while marked() {
        assert!(started.elapsed() < Duration::from_secs(20), "the page did not reload after its own change");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    let h1 = json(&tab, "JSON.stringify(document.querySelector('h1').textContent)");
    assert!(h1.as_str().unwrap().contains("改名的本页项目"), "{h1}");
    let _ = tab.close(false);
}
