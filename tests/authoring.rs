//! `init` and `new`: a clerk starts a site and adds files without reading the source.

use std::path::Path;
use std::process::{Command, Output};

fn bulletin(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulletin")).args(args).current_dir(dir).output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn init_checks_clean_and_builds_and_new_adds_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&bulletin(&["init", "site/content"], dir));
    let report = ok(&bulletin(&["check", "--content", "site/content", "--format", "json"], dir));
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report}");
    assert_eq!(report["warnings"].as_array().unwrap().len(), 0, "{report}");
    ok(&bulletin(&["build", "--content", "site/content", "--out", "site/public"], dir));
    assert!(dir.join("site/public/index.html").is_file());
    // init never writes into a folder that has files.
    assert!(!bulletin(&["init", "site/content"], dir).status.success());

    // The next briefing: the month after the last one, issue 2 (same year) or 1 (new year).
    let content = dir.join("site/content");
    let first: Vec<String> = std::fs::read_dir(content.join("briefings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let month = bulletin::period::Month::parse(first[0].trim_end_matches(".md")).unwrap();
    let printed = ok(&bulletin(&["new", "briefing", "--content", "site/content"], dir));
    let next = month.next();
    assert!(printed.trim().ends_with(&format!("briefings/{next}.md")), "{printed}");
    let text = std::fs::read_to_string(content.join(format!("briefings/{next}.md"))).unwrap();
    let expected_issue = if next.year() == month.year() { 2 } else { 1 };
    assert!(text.contains(&format!("issue: {expected_issue}\n")), "{text}");

    // Run inside the content folder (or one of its folders), `new` uses it, and says which
    // month the briefing is for and why.
    let inside = bulletin(&["new", "briefing"], &content.join("projects"));
    ok(&inside);
    let after = next.next();
    assert!(content.join(format!("briefings/{after}.md")).is_file());
    let said = String::from_utf8_lossy(&inside.stderr);
    assert!(
        said.contains(&format!("{}年{}月", after.year(), after.number())) && said.contains(&format!("最新一期简报是 {next}")),
        "{said}"
    );
    std::fs::remove_file(content.join(format!("briefings/{after}.md"))).unwrap();

    // A project and a squad; the same id again is refused and the file is left alone.
    ok(&bulletin(&["new", "project", "p-new", "--name", "新项目", "--content", "site/content"], dir));
    let written = std::fs::read_to_string(content.join("projects/p-new.yaml")).unwrap();
    assert!(written.contains("name: 新项目"));
    let again = bulletin(&["new", "project", "P-NEW", "--content", "site/content"], dir);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("已存在"));
    assert_eq!(std::fs::read_to_string(content.join("projects/p-new.yaml")).unwrap(), written);
    assert!(!bulletin(&["new", "project", "新项目", "--content", "site/content"], dir).status.success());
    ok(&bulletin(&["new", "squad", "squad-02", "--name", "第二小分队", "--content", "site/content"], dir));
    ok(&bulletin(&["new", "meeting", "2026-03-20", "--content", "site/content"], dir));
    assert!(!bulletin(&["new", "meeting", "2026-03-20", "--content", "site/content"], dir).status.success());

    // Everything written still checks without errors (a brand-new squad may lack trips).
    let report = ok(&bulletin(&["check", "--content", "site/content", "--format", "json"], dir));
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report}");
}
