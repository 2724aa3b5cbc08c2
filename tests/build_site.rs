//! Builds the sample site with the real binary and checks what a reader and an IT admin
//! would: every page is there, every link and asset resolves offline, the figures are right,
//! text is escaped, builds are repeatable, and a failed build leaves the old site alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{files, small_site};

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(content: &Path, out: &Path) -> std::process::Output {
    Command::new(BIN).arg("build").arg("--content").arg(content).arg("--out").arg(out).output().expect("runs bulletin")
}

fn sample_site() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = build(&repo().join("content"), &out);
    assert!(run.status.success(), "build failed: {}", String::from_utf8_lossy(&run.stderr));
    let site = files(&out);
    (tmp, site)
}

fn text<'a>(site: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(site.get(path).unwrap_or_else(|| panic!("{path} is missing"))).unwrap()
}

#[test]
fn the_sample_site_has_every_page_links_resolve_and_figures_are_right() {
    let (_tmp, site) = sample_site();

    // Every expected page.
    let mut expected: Vec<String> = [
        "index.html",
        "bulletins/index.html",
        "projects/index.html",
        "units/index.html",
        "squads/index.html",
        "chains/index.html",
        "leaders/index.html",
        "factories.html",
        "meetings.html",
        "pages/about.html",
        "pages/method.html",
        "data/ledger.csv",
        "search-index.js",
        "theme/style.css",
        "theme/site.js",
        "theme/search.js",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for m in 1..=10 {
        expected.push(format!("bulletins/2026-{m:02}.html"));
        expected.push(format!("bulletins/2026-{m:02}.xlsx"));
    }
    for y in [2025, 2026] {
        for m in 1..=12 {
            if y == 2025 || m <= 10 {
                expected.push(format!("data/{y}-{m:02}.json"));
            }
        }
    }
    let content = repo().join("content");
    for (folder, out) in [("projects", "projects"), ("squads", "squads")] {
        for f in fs::read_dir(content.join(folder)).unwrap() {
            let name = f.unwrap().file_name().to_string_lossy().replace(".yaml", ".html");
            expected.push(format!("{out}/{name}"));
        }
    }
    for id in ["chengguan", "qingshan", "gongxin"] {
        expected.push(format!("units/{id}.html"));
    }
    for p in &expected {
        assert!(site.contains_key(p), "missing {p}");
    }

    // Every link and asset resolves to a file, relative to its page, with no request to any
    // other host (the only http text allowed is the SVG namespace, which is not fetched).
    let mut checked = 0;
    for (path, bytes) in &site {
        if !path.ends_with(".html") {
            continue;
        }
        let html = std::str::from_utf8(bytes).unwrap();
        let without_ns = html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "");
        assert!(!without_ns.contains("http://") && !without_ns.contains("https://"), "{path} refers to another host");
        assert!(!html.contains("href=\"/") && !html.contains("src=\"/"), "{path} has a root-absolute link");
        let dir = Path::new(path).parent().unwrap_or(Path::new(""));
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let target = &piece[..piece.find('"').unwrap()];
                if target.starts_with('#') || target.starts_with("mailto:") || target.is_empty() {
                    continue;
                }
                let target = target.split('#').next().unwrap();
                assert!(!target.ends_with('/'), "{path}: link to a folder ({target}) does not open from disk");
                let resolved = normalize(&dir.join(target));
                assert!(site.contains_key(&resolved), "{path}: broken link {target} → {resolved}");
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} links checked");

    // Figures on the home page and in the 2026-10 bulletin, worked out by hand from the sample:
    // FDI 2026-01..10: p2025-005 15 + 15 + 15, p2026-008 30 + 40 + 35, p2026-020 30 + 28 = 208 万美元;
    // 2025-01..10: p2025-005 40 + 50 + 40, p2025-018 30 + 20 = 180. 208 / 300 = 69.33%, 83.33% time
    // progress → 14.00 points behind; (208 − 180) / 180 = 15.56%.
    // Projects: 44 合同 signed in 2026 − 1 terminated (p2026-011, 07-16) + 3 协议 converted in 2026
    // (p2026-022, -023, -029) + 1 协议 of 2025 converted 2026-03-18 (p2025-036) = 47; 47 / 50 = 94.00%,
    // 10.67 points ahead.
    for page in ["index.html", "bulletins/2026-10.html"] {
        let targets = Table::parse(text(&site, page), "table-targets");
        let cell = |row: &str, col: &str| targets.cell(row, col).unwrap_or_else(|| panic!("{page}: no cell {row} / {col}"));
        assert_eq!(cell("外资直投（万美元）", "1—本月累计"), "208", "{page}");
        assert_eq!(cell("外资直投（万美元）", "年度目标"), "300", "{page}");
        assert_eq!(cell("外资直投（万美元）", "完成率"), "69.33%", "{page}");
        assert_eq!(cell("外资直投（万美元）", "进度差（个百分点）"), "−14.00", "{page}");
        assert_eq!(cell("外资直投（万美元）", "上年同期"), "180", "{page}");
        assert_eq!(cell("外资直投（万美元）", "同比"), "+15.56%", "{page}");
        assert_eq!(cell("招引项目（个）", "1—本月累计"), "47", "{page}");
        assert_eq!(cell("招引项目（个）", "完成率"), "94.00%", "{page}");
        assert_eq!(cell("招引项目（个）", "进度差（个百分点）"), "+10.67", "{page}");
        // The note states the time progress the gaps are measured against.
        assert!(targets.notes.iter().any(|n| n.contains("时序进度 83.33%")), "{page}: {:?}", targets.notes);
    }
    // The bulletin's text says the same: the overview paragraph.
    let bulletin = text(&site, "bulletins/2026-10.html");
    for figure in
        ["外资直投208万美元", "欠时序进度14.00个百分点，同比增长15.56%", "新签约招引项目47个", "超时序进度10.67个百分点"]
    {
        assert!(bulletin.contains(figure), "the bulletin's overview does not say {figure}");
    }
    // 到位资金: an independent tally of the fund entries (see `funds_by_scan`) gives the 亿元 figure.
    let funds = funds_by_scan(&content, "2026-01", "2026-10");
    let yi = format!("{:.2}", (funds / 100.0 * 100.0).round() / 100.0 / 100.0);
    assert_eq!(yi, "178.17");
    for page in ["index.html", "bulletins/2026-10.html"] {
        let targets = Table::parse(text(&site, page), "table-targets");
        assert_eq!(targets.cell("招商到位资金（亿元）", "1—本月累计"), Some(yi.as_str()), "{page}");
    }
    // An old bulletin keeps its own month: March's FDI is p2025-005's 15 (Jan) + 15 (Mar) = 30.
    let march = text(&site, "bulletins/2026-03.html");
    let targets = Table::parse(march, "table-targets");
    assert_eq!(targets.cell("外资直投（万美元）", "1—本月累计"), Some("30"), "the March bulletin shows March's FDI");
    assert!(march.contains("第3期"));

    // The units page and the bulletin show the same ranking, from the same table: 金丝峡镇 first
    // with 156 797.70 万元 (its projects' non-县内 fund entries of 2026-01..10, credited by
    // introducing unit, else the squad's unit, else the responsible unit, summed from the YAML by a
    // separate script) of its 160 000 target = 98.00%, 98.00 − 83.33 = +14.67 points, on the 红榜.
    for page in ["units/index.html", "bulletins/2026-10.html"] {
        let towns = Table::parse(text(&site, page), "table-towns");
        assert_eq!(towns.cell("金丝峡镇", "位次"), Some("1"), "{page}");
        assert_eq!(towns.cell("金丝峡镇", "累计完成（万元）"), Some("156,797.70"), "{page}");
        assert_eq!(towns.cell("金丝峡镇", "完成率"), Some("98.00%"), "{page}");
        assert_eq!(towns.cell("金丝峡镇", "进度差（个百分点）"), Some("+14.67"), "{page}");
        assert_eq!(towns.cell("金丝峡镇", "榜单"), Some("红榜"), "{page}");
    }

    // Every table of these pages offers its CSV, and the CSV holds the same row.
    for page in [
        "index.html",
        "bulletins/2026-10.html",
        "units/index.html",
        "squads/index.html",
        "chains/index.html",
        "leaders/index.html",
    ] {
        let html = text(&site, page);
        let blocks = html.matches("class=\"table-block\"").count();
        let downloads = html.matches("class=\"downloads screen-only\"").count();
        assert!(blocks > 0 && blocks == downloads, "{page}: {blocks} tables, {downloads} download links");
    }
    let csv = text(&site, "data/2026-10/towns.csv");
    assert!(csv.lines().any(|l| l == "1,金丝峡镇,160000.00,156797.70,98.00%,14.67,80012.70,95.97%,1,红榜,2,3"), "{csv}");

    // The live-reload script exists only in `serve`.
    for (path, bytes) in &site {
        assert!(!String::from_utf8_lossy(bytes).contains("__bulletin"), "{path} has serve-only code");
    }

    // Every page says it is sample data.
    for (path, bytes) in &site {
        if path.ends_with(".html") {
            assert!(std::str::from_utf8(bytes).unwrap().contains("示例数据"), "{path} is not marked as sample data");
        }
    }
}

/// 到位资金 of the sample by a plain line scan of the project files (not our YAML loader): every
/// `- month: YYYY-MM` entry under `funds:` within [from, to] whose origin is not 县内.
fn funds_by_scan(content: &Path, from: &str, to: &str) -> f64 {
    let mut total = 0.0;
    for f in fs::read_dir(content.join("projects")).unwrap() {
        let text = fs::read_to_string(f.unwrap().path()).unwrap();
        let mut in_funds = false;
        let (mut month, mut amount, mut origin) = (String::new(), 0.0, String::new());
        let mut flush = |month: &str, amount: f64, origin: &str| {
            if !month.is_empty() && month >= from && month <= to && origin != "县内" {
                total += amount;
            }
        };
        for line in text.lines() {
            if !line.starts_with(' ') {
                if in_funds {
                    flush(&month, amount, &origin);
                    month.clear();
                }
                in_funds = line.starts_with("funds:");
                continue;
            }
            if !in_funds {
                continue;
            }
            let l = line.trim().trim_start_matches("- ");
            if let Some(v) = l.strip_prefix("month: ") {
                flush(&month, amount, &origin);
                month = v.trim().to_string();
            } else if let Some(v) = l.strip_prefix("amount: ") {
                amount = v.trim().parse().unwrap();
            } else if let Some(v) = l.strip_prefix("origin: ") {
                origin = v.trim().to_string();
            }
        }
        if in_funds {
            flush(&month, amount, &origin);
        }
    }
    total
}

fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// A small content folder written to disk, for the escaping and failure cases.

#[test]
fn all_text_is_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content, "<script>alert(1)</script>");
    let out = tmp.path().join("public");
    let run = build(&content, &out);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for (path, bytes) in files(&out) {
        let s = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") {
            assert!(!s.contains("<script>alert"), "{path} has an unescaped script");
            assert!(!s.contains("<b>甲镇"), "{path} has unescaped markup");
        }
        if path.ends_with(".js") {
            // The search index is loaded with <script src>: nothing in it may close a script.
            assert!(!s.contains("</script"), "{path} could close its script element");
        }
    }
    let project = fs::read_to_string(out.join("projects/p1.html")).unwrap();
    assert!(project.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name shows as text");
    let bulletin = fs::read_to_string(out.join("bulletins/2026-01.html")).unwrap();
    assert!(bulletin.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), "raw HTML in Markdown shows as text");
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = sample_site();
    let (_b, second) = sample_site();
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content, "茶叶项目");
    let out = tmp.path().join("public");
    assert!(build(&content, &out).status.success());
    let before = files(&out);

    // Break a field: the build reports it, exits 1 and writes nothing.
    fs::write(content.join("targets/2026.yaml"), "county: {projects: 十个, funds: 1000, fdi: 100}\n").unwrap();
    let run = build(&content, &out);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("targets/2026.yaml:1:"), "{stderr}");
    assert_eq!(files(&out), before, "the previous site changed");
    // No temporary folder is left behind (only the build lock file stays beside the output).
    let mut leftovers: Vec<_> =
        fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    leftovers.sort();
    assert_eq!(leftovers, [".public.lock", "content", "public"]);

    // A folder bulletin did not make is never replaced.
    let foreign = tmp.path().join("docs");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("keep.txt"), "important").unwrap();
    small_site(&content, "茶叶项目");
    let run = build(&content, &foreign);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(fs::read_to_string(foreign.join("keep.txt")).unwrap(), "important");
}

#[test]
fn the_navigation_lists_a_few_pages_and_an_index_lists_them_all() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content, "茶叶项目");
    // Eight pages; `order` puts n8 first, then the rest by id.
    fs::create_dir_all(content.join("pages")).unwrap();
    for i in 1..=8 {
        let order = if i == 8 { "order: 1\n" } else { "" };
        fs::write(content.join(format!("pages/n{i}.md")), format!("---\ntitle: 页面{i}\n{order}---\n正文{i}\n")).unwrap();
    }
    let out = tmp.path().join("public");
    let run = build(&content, &out);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let site = files(&out);

    let home = text(&site, "index.html");
    let nav = &home[home.find("<nav").unwrap()..home.find("</nav>").unwrap()];
    // The first five in order (n8, n1, n2, n3, n4) and a link to the rest.
    for i in [8, 1, 2, 3, 4] {
        assert!(nav.contains(&format!("href=\"pages/n{i}.html\">页面{i}</a>")), "n{i} is not in the navigation: {nav}");
    }
    for i in [5, 6, 7] {
        assert!(!nav.contains(&format!("pages/n{i}.html")), "n{i} should not be in the navigation");
    }
    assert!(nav.contains("href=\"pages/index.html\">更多页面</a>"), "{nav}");
    assert!(nav.find("pages/n8.html").unwrap() < nav.find("pages/n1.html").unwrap(), "order comes first");

    let index = text(&site, "pages/index.html");
    for i in 1..=8 {
        assert!(index.contains(&format!("href=\"../pages/n{i}.html\">页面{i}</a>")), "n{i} is not on the index");
    }
}

/// Issue 11: `--month` in a year without targets built a site of zeros (2027-01) or of
/// 11 889 files (2999-12). Now `build` and `figures` refuse it, name the missing file and
/// write nothing.
#[test]
fn issue_11_a_month_in_a_year_without_targets_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let content = repo().join("content");
    for (month, code, file) in [
        ("2027-01", "month-without-targets", "targets/2027.yaml"),
        ("2999-12", "month-without-targets", "targets/2999.yaml"),
        // Before the sample's earliest record (2025-01).
        ("2024-12", "month-before-data", "targets/2024.yaml"),
    ] {
        let out = tmp.path().join(format!("public-{month}"));
        let run = Command::new(BIN)
            .args(["build", "--month", month, "--out"])
            .arg(&out)
            .arg("--content")
            .arg(&content)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{month}: {stderr}");
        assert!(stderr.contains(code) && stderr.contains(file), "{month}: {stderr}");
        assert!(!out.exists(), "{month}: the build wrote {}", out.display());

        let run = Command::new(BIN)
            .args(["figures", "--format", "json", "--month", month, "--content"])
            .arg(&content)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "{month}");
        assert!(run.stdout.is_empty(), "{month}: figures printed {}", String::from_utf8_lossy(&run.stdout));
        assert!(String::from_utf8_lossy(&run.stderr).contains(file));
    }
    // A month of a year with targets is fine, even before the latest briefing's.
    let run = Command::new(BIN).args(["figures", "--month", "2025-03", "--content"]).arg(&content).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

/// A table of a built page, read back from its HTML: header texts, each row's cell texts (tags
/// stripped), and its notes.
struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
}

impl Table {
    /// The table in `<div class="table-block" id="{id}">`.
    fn parse(html: &str, id: &str) -> Table {
        let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no table {id}"));
        let block = &html[start..];
        // Up to its download links (every table of the pages read here has them).
        let block = &block[..block.find("<p class=\"downloads").unwrap_or_else(|| panic!("{id} has no downloads"))];
        let cells = |row: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut rest = row;
            while let Some(open) = rest.find('<') {
                let tag = &rest[open..];
                if tag.starts_with("<td") || tag.starts_with("<th") {
                    let body_start = open + tag.find('>').unwrap() + 1;
                    let close = rest[body_start..].find("</t").unwrap() + body_start;
                    out.push(strip(&rest[body_start..close]));
                    rest = &rest[close + 4..];
                } else {
                    rest = &rest[open + 1..];
                }
            }
            out
        };
        let thead = &block[block.find("<thead>").unwrap()..block.find("</thead>").unwrap()];
        let tbody = &block[block.find("<tbody>").unwrap()..block.find("</tbody>").unwrap()];
        let rows = tbody.split("<tr").skip(1).map(cells).collect();
        let notes = block.split("<p class=\"table-note\">").skip(1).map(|n| strip(&n[..n.find("</p>").unwrap()])).collect();
        Table { headers: cells(thead), rows, notes }
    }

    /// The text of the cell in the row whose some cell reads `row`, under the header `column`.
    fn cell(&self, row: &str, column: &str) -> Option<&str> {
        let col = self.headers.iter().position(|h| h == column)?;
        self.rows.iter().find(|r| r.iter().any(|c| c == row))?.get(col).map(String::as_str)
    }
}

/// Text without tags, entities for `&`, `<`, `>` undone, trimmed.
fn strip(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim().to_string()
}

#[test]
fn without_out_the_site_goes_beside_the_content_folder_not_into_the_current_one() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("county/content");
    small_site(&content, "茶叶项目");
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let run = Command::new(BIN).current_dir(&elsewhere).arg("build").arg("--content").arg(&content).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(tmp.path().join("county/public/index.html").is_file());
    assert!(!elsewhere.join("public").exists());
    // Piped, the build prints no summary line.
    assert!(!String::from_utf8_lossy(&run.stderr).contains("已生成"), "{}", String::from_utf8_lossy(&run.stderr));
}

/// The home page's 红黑榜 names the units the ranking page marks 红榜 and 黑榜, with their rank
/// and its move since last month.
#[test]
fn the_home_page_shows_the_red_and_black_lists_of_the_ranking() {
    let (_tmp, site) = sample_site();
    let home = text(&site, "index.html");
    let start = home.find("<section aria-labelledby=\"h-lists\"").expect("no 红黑榜 on the home page");
    let lists = &home[start..start + home[start..].find("</section>").unwrap()];
    let ids_after = |html: &str, marker: &str| -> Vec<String> {
        let mut ids = Vec::new();
        for part in html.split(marker).skip(1) {
            let line = part.split("</p>").next().unwrap();
            for link in line.split("href=\"").skip(1) {
                let href = link.split('"').next().unwrap();
                ids.push(href.rsplit('/').next().unwrap().trim_end_matches(".html").to_string());
            }
        }
        ids.sort();
        ids
    };
    let ranking = text(&site, "units/index.html");
    // A ranking row on a list carries its tag (红榜, 黑榜) in the 红黑榜 column.
    let marked = |tag: &str| -> Vec<String> {
        let mut ids: Vec<String> = ranking
            .split("<tr")
            .filter(|row| row.split("</tr>").next().unwrap().contains(tag))
            .map(|row| {
                let href = row.split("href=\"").nth(1).unwrap().split('"').next().unwrap();
                href.rsplit('/').next().unwrap().trim_end_matches(".html").to_string()
            })
            .collect();
        ids.sort();
        ids
    };
    let red = ids_after(lists, "<span class=\"tag tag-red\">红榜</span>");
    let black = ids_after(lists, "<span class=\"tag tag-black\">黑榜</span>");
    assert!(!red.is_empty() && !black.is_empty(), "{lists}");
    assert_eq!(red, marked("<span class=\"tag tag-red\">红榜</span>"));
    assert_eq!(black, marked("<span class=\"tag tag-black\">黑榜</span>"));
    // Each listed unit with its rank (第N名) and its completion rate.
    assert_eq!(lists.matches("名 · ").count(), red.len() + black.len(), "{lists}");
}

/// examples/city, the 商洛市 roll-up: its site ranks its three counties from their own ledgers,
/// its total is the sum of theirs under the city's rules, and a county whose own bulletin
/// counts 市内县外 money says so with both numbers.
#[test]
fn the_city_example_builds_a_ranking_of_its_counties() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = build(&repo().join("examples/city"), &out);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let site = common::files(&out);
    let json: serde_json::Value = serde_json::from_slice(&site["data/2026-10.json"]).unwrap();
    let members = json["members"].as_array().unwrap();
    assert_eq!(members.iter().map(|m| m["name"].as_str().unwrap()).collect::<Vec<_>>(), ["商南县", "丹凤县", "柞水县"]);
    // The city's total is the sum of its counties' figures under its rules.
    let towns = json["units"]["towns"].as_array().unwrap();
    assert_eq!(towns.len(), 3);
    let value = |v: &serde_json::Value| v.to_string().trim_matches('"').parse::<f64>().unwrap();
    let sum: f64 = towns.iter().map(|t| value(&t["funds"]["value"])).sum();
    assert!((sum - value(&json["headline"]["funds"]["value"])).abs() < 1e-6, "{sum}");
    // Ranked 1, 2, 3 by completion, best first.
    let ranks: Vec<u64> = towns.iter().map(|t| t["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, [1, 2, 3]);
    // 商南县's sample ledger has 市内县外 money: its own figure is larger than the city's.
    let shangnan = towns.iter().find(|t| t["id"] == "shangnan").unwrap();
    let own = value(&members[0]["own"]["funds"]);
    assert!(own > value(&shangnan["funds"]["value"]), "own {own}");
    let page = text(&site, "units/shangnan.html");
    assert!(page.contains("自己的简报按其本级口径统计"), "no comparison on the member page");
    assert!(page.contains("href=\"../../../public/index.html\""), "no link to the county's own site");
    // Its trend: a row for each month of the year so far, the last one the month of the site.
    let trend = page.split("member-trend").nth(1).expect("no trend on the member page").split("</table>").next().unwrap();
    assert_eq!(trend.matches("<tr><td>").count(), 10);
    assert!(trend.contains("<tr><td>10月</td>"));
    let home = text(&site, "index.html");
    assert!(home.contains("县区排名") && !home.contains(">小分队<"), "the city's navigation");
    // The alerts counted by member add up to the lists below them: 停滞项目 is the first count.
    let table = home.split("alerts-by-member").nth(1).unwrap().split("</table>").next().unwrap();
    let stalled: usize = table
        .split("<tr><th scope=\"row\"")
        .skip(1)
        .map(|row| row.split("<td class=\"num\">").nth(1).unwrap().split('<').next().unwrap().parse::<usize>().unwrap())
        .sum();
    let list = home.split("<h3>停滞项目</h3>").nth(1).unwrap().split("</ul>").next().unwrap();
    assert_eq!(stalled, list.matches("<li>").count());
    assert_eq!(stalled, json["alerts"]["stalled"].as_array().unwrap().len());
}
