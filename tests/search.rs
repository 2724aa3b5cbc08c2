//! Site search on the sample: the index holds what a reader searches for (names, investors,
//! units, the text of briefings), and `theme/search.js` ranks it as the issue asks — a unit by
//! its full name first, a company by any two characters of its name, a phrase of a bulletin —
//! saying why each result matched. The ranking runs in Node when it is installed (`.ci/run`
//! installs it); elsewhere that part says it was skipped.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build_sample(out: &Path) {
    let run = Command::new(BIN).arg("build").arg("--content").arg(repo().join("content")).arg("--out").arg(out).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

fn index(site: &Path) -> Vec<Value> {
    let js = fs::read_to_string(site.join("search-index.js")).unwrap();
    let json = js.strip_prefix("window.BULLETIN_SEARCH = ").and_then(|j| j.strip_suffix(";\n")).expect("one assignment");
    serde_json::from_str::<Value>(json).unwrap().as_array().unwrap().clone()
}

/// The first line of a briefing that is plain prose: no heading, list, table, placeholder or markup.
fn prose_line(markdown: &str) -> String {
    let body = markdown.splitn(3, "---\n").nth(2).expect("front matter");
    body.lines()
        .map(str::trim)
        .find(|l| {
            l.chars().count() > 12
                && !l.starts_with(['#', '-', '|', '>', '*', '!', '['])
                && !l.contains(['{', '*', '[', '`', '_', '<'])
        })
        .expect("a line of prose")
        .to_string()
}

/// Runs `BulletinSearch.find` over the built site's index for each query, in Node.
fn node_find(site: &Path, queries: &[&str]) -> Option<Vec<Vec<Value>>> {
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("skipped: the search ranking needs Node.js (`node`), which is not installed here");
        return None;
    }
    let driver = format!(
        r#"globalThis.window = globalThis;
const fs = require("fs");
eval(fs.readFileSync({index:?}, "utf8"));
eval(fs.readFileSync({search:?}, "utf8"));
const out = JSON.parse(process.argv[1]).map(q => window.BulletinSearch.find(window.BULLETIN_SEARCH, q, 20)
  .map(h => ({{ u: h.entry.u, k: h.entry.k, t: h.entry.t, rank: h.rank, why: h.why && h.why.text }})));
console.log(JSON.stringify(out));"#,
        index = site.join("search-index.js").display().to_string(),
        search = site.join("theme/search.js").display().to_string(),
    );
    let run = Command::new("node").arg("-e").arg(driver).arg(serde_json::to_string(queries).unwrap()).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let all: Vec<Vec<Value>> = serde_json::from_slice(&run.stdout).unwrap();
    Some(all)
}

#[test]
fn search_ranks_units_first_finds_companies_and_bulletin_text_and_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("public");
    build_sample(&site);
    let entries = index(&site);

    // The unit 县工信局 (units.yaml: id gongxin), and a project whose investor we search by a
    // two-character part that few entries share.
    let unit = entries.iter().find(|e| e["k"] == "单位" && e["t"] == "县工信局").expect("the unit is indexed");
    assert_eq!(unit["u"], "units/gongxin.html");
    let project = entries.iter().find(|e| e["k"] == "项目").unwrap();
    let investor_field = project["x"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).find(|f| f.starts_with("投资方："));
    let investor = investor_field.expect("the investor is indexed").trim_start_matches("投资方：").to_string();
    let chars: Vec<char> = investor.chars().collect();
    let holds = |e: &Value, q: &str| e.to_string().to_lowercase().contains(&q.to_lowercase());
    let part = chars
        .windows(2)
        .map(|w| w.iter().collect::<String>())
        .find(|q| entries.iter().filter(|e| holds(e, q)).count() <= 5)
        .expect("some two characters of the investor's name are rare");

    // The October briefing's text is indexed: a line of its prose, cut to 15 characters.
    let october = fs::read_to_string(repo().join("content/briefings/2026-10.md")).unwrap();
    let phrase: String = prose_line(&october).chars().take(15).collect();
    let bulletin = entries.iter().find(|e| e["u"] == "bulletins/2026-10.html").expect("the bulletin is indexed");
    assert!(bulletin["b"].as_str().unwrap().contains(&phrase), "{phrase} not in {}", bulletin["b"]);
    // Markup and placeholders are not part of the text.
    for e in &entries {
        let body = e["b"].as_str().unwrap_or("");
        assert!(!body.contains("{{") && !body.contains("**") && !body.contains("](") && body.chars().count() <= 3_000, "{body}");
    }

    let Some(found) = node_find(&site, &["县工信局", "工信", &part, &phrase, "没有这样的名字"]) else { return };
    // The full name: the unit first, as an exact match.
    assert_eq!(
        (found[0][0]["u"].as_str(), found[0][0]["rank"].as_i64()),
        (Some("units/gongxin.html"), Some(0)),
        "{:?}",
        found[0]
    );
    // Part of the name: the unit still comes before the projects that mention it.
    assert_eq!(found[1][0]["u"], "units/gongxin.html", "{:?}", found[1]);
    let first_project = found[1].iter().position(|h| h["k"] == "项目");
    assert!(first_project.is_none_or(|i| i > 0));
    // Any two characters of a company's name find its project, saying it was the investor.
    let hit = found[2].iter().find(|h| h["u"] == project["u"]).unwrap_or_else(|| panic!("{part}: {:?}", found[2]));
    if hit["rank"] == 3 {
        assert_eq!(hit["why"], format!("投资方：{investor}"));
    }
    // A phrase of the bulletin finds it, with the text around the phrase as the reason.
    let hit = found[3].iter().find(|h| h["u"] == "bulletins/2026-10.html").unwrap_or_else(|| panic!("{phrase}: {:?}", found[3]));
    assert!(hit["why"].as_str().unwrap().contains(&phrase), "{hit}");
    assert!(found[4].is_empty());
}

#[test]
fn search_ranks_exact_then_prefix_then_kind_before_cutting() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    fs::create_dir_all(site.join("theme")).unwrap();
    fs::copy(repo().join("theme/search.js"), site.join("theme/search.js")).unwrap();
    // Thirty projects that hold 茶 in their names come first in the index; the unit named 茶
    // exactly, a squad whose name starts with it and a page whose text has it come after.
    let mut entries: Vec<Value> = (0..30)
        .map(|i| serde_json::json!({"u": format!("projects/p{i}.html"), "t": format!("有机茶园{i}"), "k": "项目"}))
        .collect();
    entries.push(serde_json::json!({"u": "pages/tea.html", "t": "说明", "k": "页面", "b": "关于茶产业的说明"}));
    entries.push(serde_json::json!({"u": "squads/tea.html", "t": "茶产业小分队", "k": "小分队"}));
    entries.push(serde_json::json!({"u": "units/tea.html", "t": "茶", "k": "单位"}));
    fs::write(site.join("search-index.js"), format!("window.BULLETIN_SEARCH = {};\n", Value::Array(entries))).unwrap();

    let Some(found) = node_find(site, &["茶"]) else { return };
    let urls: Vec<&str> = found[0].iter().map(|h| h["u"].as_str().unwrap()).collect();
    assert_eq!(urls.len(), 20);
    // Exact name, then a name starting with it, then names holding it (shortest first), and
    // the page whose text alone holds it falls past the twenty kept.
    assert_eq!(&urls[..4], ["units/tea.html", "squads/tea.html", "projects/p0.html", "projects/p1.html"]);
    assert_eq!((urls[11], urls[12]), ("projects/p9.html", "projects/p10.html"), "one digit is a shorter name: {urls:?}");
    assert!(!urls.contains(&"pages/tea.html"));
}
