//! A bulletin page printed to PDF by the system's Chromium or Chrome, driven through the
//! DevTools protocol ([`headless_chrome`]): the same print as a clerk's Ctrl+P (the page's
//! print CSS, the 版记 placed by its script), with the fonts installed on this machine embedded.
//! Nothing is downloaded: no browser, no font.

use std::path::{Path, PathBuf};
use std::time::Duration;

use headless_chrome::types::PrintToPdfOptions;
use headless_chrome::{Browser, LaunchOptions};

/// The browsers looked for on PATH, in this order.
const BROWSERS: [&str; 7] =
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "msedge"];

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "没有找到 Chromium 或 Chrome 浏览器，无法生成 PDF。\n  修改方法：安装 chromium（Debian/Ubuntu：sudo apt-get install chromium fonts-noto-cjk；\
         Windows/macOS：安装 Google Chrome），或在 site.yaml 里写明浏览器的位置：\n    print:\n      browser: /path/to/chrome"
    )]
    NoBrowser,
    #[error(
        "site.yaml 的 print.browser 指向的 {0} 不存在。\n  修改方法：写浏览器程序的完整路径，或删去这一行，让程序在 PATH 里查找 chromium。"
    )]
    BadBrowser(String),
    #[error("浏览器 {browser} 没能把 {page} 打印成 PDF：{message}")]
    Print { browser: String, page: String, message: String },
}

/// The browser to print with: `setting` (site.yaml `print.browser`) if given, else the first
/// of [`BROWSERS`] on PATH.
pub fn find_browser(setting: Option<&str>) -> Result<PathBuf, PdfError> {
    if let Some(path) = setting {
        let p = PathBuf::from(path);
        return if p.is_file() { Ok(p) } else { which(path).ok_or_else(|| PdfError::BadBrowser(path.to_string())) };
    }
    BROWSERS.iter().find_map(|name| which(name)).ok_or(PdfError::NoBrowser)
}

/// `name` on PATH (with `.exe` on Windows).
fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .find_map(|dir| [name.to_string(), format!("{name}.exe")].into_iter().map(|n| dir.join(n)).find(|p| p.is_file()))
}

/// A running headless browser that prints pages.
pub struct Printer {
    browser: Browser,
    path: PathBuf,
}

impl Printer {
    /// Starts the browser at `path` (see [`find_browser`]).
    pub fn start(path: PathBuf) -> Result<Printer, PdfError> {
        let args: Vec<&std::ffi::OsStr> = ["--disable-gpu", "--no-first-run", "--disable-sync", "--disable-component-update"]
            .iter()
            .map(std::ffi::OsStr::new)
            .collect();
        let options = LaunchOptions {
            headless: true,
            // Chromium refuses to run as root with its sandbox; the pages are our own files.
            sandbox: false,
            path: Some(path.clone()),
            args,
            idle_browser_timeout: Duration::from_secs(120),
            ..LaunchOptions::default()
        };
        let browser = Browser::new(options).map_err(|e| PdfError::Print {
            browser: path.display().to_string(),
            page: String::new(),
            message: format!("启动失败：{e}"),
        })?;
        Ok(Printer { browser, path })
    }

    /// The bulletin page at `page` (a file of a built site) as A4 PDF bytes; `annexes` prints
    /// the 附件 as the page's print option does.
    pub fn print(&self, page: &Path, annexes: bool) -> Result<Vec<u8>, PdfError> {
        let fail = |e: &dyn std::fmt::Display| PdfError::Print {
            browser: self.path.display().to_string(),
            page: page.display().to_string(),
            message: e.to_string(),
        };
        let absolute = std::path::absolute(page).map_err(|e| fail(&e))?;
        let url = file_url(&absolute);
        let tab = self.browser.new_tab().map_err(|e| fail(&e))?;
        tab.navigate_to(&url).map_err(|e| fail(&e))?;
        // A file: page sends no network events to wait for: wait for it to have loaded.
        let loaded = std::time::Instant::now();
        loop {
            let state = tab.evaluate("document.readyState", false).map_err(|e| fail(&e))?;
            if state.value == Some(serde_json::Value::String("complete".into())) {
                break;
            }
            if loaded.elapsed() > Duration::from_secs(30) {
                return Err(fail(&"the page did not load within 30 s"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if annexes {
            tab.evaluate("document.body.classList.add('print-annexes')", false).map_err(|e| fail(&e))?;
        }
        // Every font loaded before the print is laid out.
        tab.evaluate("document.fonts.ready.then(() => true)", true).map_err(|e| fail(&e))?;
        let options = || PrintToPdfOptions {
            display_header_footer: Some(false),
            print_background: Some(true),
            prefer_css_page_size: Some(true),
            ..PrintToPdfOptions::default()
        };
        // The page's script measures each print and plans the page breaks the next one needs
        // (theme/site.js): print until nothing more is planned (three times at most).
        let mut pdf = tab.print_to_pdf(Some(options())).map_err(|e| fail(&e))?;
        for _ in 0..3 {
            let changed = tab.evaluate("window.bulletinPrintPlanChanged === true", false).map_err(|e| fail(&e))?;
            if changed.value != Some(serde_json::Value::Bool(true)) {
                break;
            }
            pdf = tab.print_to_pdf(Some(options())).map_err(|e| fail(&e))?;
        }
        let _ = tab.close(false);
        Ok(pdf)
    }
}

/// `file:///…` for an absolute path, each byte outside the unreserved set percent-encoded.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if text.starts_with('/') { "file://" } else { "file:///" });
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => url.push(b as char),
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(file_url(Path::new("/tmp/简报 1/a.html")), "file:///tmp/%E7%AE%80%E6%8A%A5%201/a.html");
    }

    #[test]
    fn a_missing_browser_setting_is_named() {
        let e = find_browser(Some("/no/such/chrome")).unwrap_err();
        assert!(e.to_string().contains("/no/such/chrome"), "{e}");
    }
}
