//! One broken content folder per class of error: each must be reported with its code, the
//! file, the line and the field, and a message in both languages.

use bulletin::content::{self, Loaded};

mod common;
use bulletin::diagnostics::{Lang, render};

const SITE: &str = "title: 测试简报\nissuer: 测试办\n";
const UNITS: &str = "- id: chengguan\n  name: 城关街道\n  kind: 镇办\n- id: shangwu\n  name: 县商务局\n  kind: 部门\n";
const LEADERS: &str = "- id: wang\n  name: 王某\n  title: 副县长\n";
const CHAINS: &str = "chains:\n  - id: agri\n    name: 新农业\n    key: true\n";
const TARGETS: &str = "county:\n  projects: 10\n  funds: 1000\n  fdi: 100\nunits:\n  - unit: chengguan\n    funds: 500\n";
const PROJECT: &str = "\
name: 茶叶项目
investor: 某公司
chain: agri
sign_type: 合同
total_investment: 1200
contract_amount: 1000
leader: wang
measures: 专班推进
unit: shangwu
introduced_by:
  squad: s1
milestones:
  signed: 2026-03-01
  started: 2026-04-01
funds:
  - month: 2026-04
    amount: 100
    origin: 省外
    use: 固定资产
";
const SQUAD: &str = "\
name: 第一小分队
unit: shangwu
members:
  - name: 李某
    grade: 科级
trips:
  - start: 2026-03-02
    end: 2026-03-04
    destination: 杭州
    people: 3
    projects: [p1]
";
const BRIEFING: &str = "---\nissue: 3\ntitle: 一季度通报\n---\n正文\n";
const FACTORIES: &str = "- park: 园区\n  buildings:\n    - id: a1\n      area: 1000\n      completed: 2025-01-01\n      project: p1\n      moved_in: 2026-03-10\n";
const MEETING: &str = "chair: wang\nitems:\n  - project: p1\n    task: 供地\n    unit: chengguan\n    deadline: 2026-04-30\n";

fn base() -> Vec<(String, String)> {
    [
        ("site.yaml", SITE),
        ("units.yaml", UNITS),
        ("leaders.yaml", LEADERS),
        ("chains.yaml", CHAINS),
        ("targets/2026.yaml", TARGETS),
        ("projects/p1.yaml", PROJECT),
        ("squads/s1.yaml", SQUAD),
        ("briefings/2026-03.md", BRIEFING),
        ("factories.yaml", FACTORIES),
        ("meetings/2026-03-20.yaml", MEETING),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect()
}

fn load(files: Vec<(String, String)>) -> Loaded {
    content::from_files(files.into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))))
}

/// Applies `edit` to `file` of the base folder (replacing `from` by `to`).
fn broken(file: &str, from: &str, to: &str) -> Loaded {
    let mut files = base();
    let entry = files.iter_mut().find(|(p, _)| p == file).unwrap_or_else(|| panic!("no {file}"));
    assert!(entry.1.contains(from), "{file} has no {from:?}");
    entry.1 = entry.1.replacen(from, to, 1);
    load(files)
}

/// Asserts exactly one error, with this code, file, line and field.
#[track_caller]
fn expect(loaded: &Loaded, code: &str, file: &str, line: usize, field: Option<&str>) {
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    let rendered: Vec<String> = errors.iter().map(|d| render::text(d, &loaded.sources, Lang::Zh, false)).collect();
    assert_eq!(errors.len(), 1, "expected one error, got:\n{}", rendered.join("\n"));
    let d = errors[0];
    assert_eq!(d.code, code, "{}", rendered[0]);
    let src = loaded.sources.get(d.file.expect("names a file"));
    assert_eq!(src.path, file);
    let span = d.span.unwrap_or_else(|| panic!("no span: {}", rendered[0]));
    assert_eq!(src.line_col(span.start).0, line, "{}", rendered[0]);
    assert_eq!(d.field.as_deref(), field, "{}", rendered[0]);
    // The rendered text names the file and line, and both languages have a message.
    assert!(rendered[0].contains(&format!("{file}:{line}:")), "{}", rendered[0]);
    assert!(!d.message.zh.is_empty() && !d.message.en.is_empty());
    assert!(loaded.content.is_none(), "content must not be produced when there are errors");
}

#[test]
fn the_base_folder_is_clean() {
    let loaded = load(base());
    let errors: Vec<_> = loaded.diagnostics.errors().map(|d| render::text(d, &loaded.sources, Lang::En, false)).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(loaded.content.is_some());
}

#[test]
fn unknown_field() {
    let l = broken("projects/p1.yaml", "  started:", "  stared:");
    expect(&l, "unknown-field", "projects/p1.yaml", 14, Some("milestones.stared"));
    let d = l.diagnostics.errors().next().unwrap();
    assert!(d.help.as_ref().unwrap().zh.contains("started"));
}

#[test]
fn missing_field() {
    expect(&broken("projects/p1.yaml", "investor: 某公司\n", ""), "missing-field", "projects/p1.yaml", 1, Some("investor"));
}

#[test]
fn bad_date() {
    expect(
        &broken("projects/p1.yaml", "2026-04-01", "2026-4-31"),
        "bad-date",
        "projects/p1.yaml",
        14,
        Some("milestones.started"),
    );
}

#[test]
fn bad_month() {
    expect(
        &broken("projects/p1.yaml", "month: 2026-04", "month: 2026年4月"),
        "bad-month",
        "projects/p1.yaml",
        16,
        Some("funds[1].month"),
    );
}

#[test]
fn bad_number() {
    expect(
        &broken("projects/p1.yaml", "    amount: 100", "    amount: 一百"),
        "bad-number",
        "projects/p1.yaml",
        17,
        Some("funds[1].amount"),
    );
}

#[test]
fn negative_amount() {
    expect(
        &broken("projects/p1.yaml", "contract_amount: 1000", "contract_amount: -1000"),
        "negative-amount",
        "projects/p1.yaml",
        6,
        Some("contract_amount"),
    );
}

#[test]
fn too_many_decimals() {
    expect(
        &broken("projects/p1.yaml", "    amount: 100", "    amount: 100.12345"),
        "too-precise",
        "projects/p1.yaml",
        17,
        Some("funds[1].amount"),
    );
}

#[test]
fn bad_choice() {
    expect(
        &broken("projects/p1.yaml", "origin: 省外", "origin: 外省"),
        "bad-choice",
        "projects/p1.yaml",
        18,
        Some("funds[1].origin"),
    );
}

#[test]
fn wrong_shape() {
    expect(
        &broken("projects/p1.yaml", "funds:\n  - month", "funds:\n    month"),
        "wrong-shape",
        "projects/p1.yaml",
        16,
        Some("funds"),
    );
}

#[test]
fn unknown_reference_suggests_the_closest_id() {
    for (file, from, to, line, field) in [
        ("projects/p1.yaml", "chain: agri", "chain: agro", 3, "chain"),
        ("projects/p1.yaml", "leader: wang", "leader: wnag", 7, "leader"),
        ("projects/p1.yaml", "unit: shangwu", "unit: shangwuju", 9, "unit"),
        ("projects/p1.yaml", "squad: s1", "squad: s2", 11, "introduced_by.squad"),
        ("squads/s1.yaml", "projects: [p1]", "projects: [p2]", 11, "trips[1].projects[1]"),
        ("factories.yaml", "project: p1", "project: p9", 6, "[1].buildings[1].project"),
        ("meetings/2026-03-20.yaml", "project: p1", "project: p0", 3, "items[1].project"),
        ("targets/2026.yaml", "unit: chengguan", "unit: chenguan", 6, "units[1].unit"),
    ] {
        let l = broken(file, from, to);
        expect(&l, "unknown-ref", file, line, Some(field));
    }
    let l = broken("projects/p1.yaml", "chain: agri", "chain: agro");
    assert!(l.diagnostics.errors().next().unwrap().help.as_ref().unwrap().zh.contains("agri"));
}

#[test]
fn a_name_where_an_id_belongs() {
    let l = broken("projects/p1.yaml", "unit: shangwu", "unit: 县商务局");
    expect(&l, "unknown-ref", "projects/p1.yaml", 9, Some("unit"));
    assert!(l.diagnostics.errors().next().unwrap().help.as_ref().unwrap().zh.contains("shangwu"));
}

#[test]
fn duplicate_ids() {
    let l = broken("units.yaml", "  kind: 部门\n", "  kind: 部门\n- id: ChengGuan\n  name: 城关\n  kind: 镇办\n");
    expect(&l, "duplicate-id", "units.yaml", 7, Some("[3].id"));
    assert!(l.diagnostics.errors().next().unwrap().message.zh.contains("units.yaml:1"));
    // Two project files whose names differ only in case.
    let mut files = base();
    files.push(("projects/P1.yaml".into(), PROJECT.into()));
    let l = load(files);
    let d = l.diagnostics.errors().find(|d| d.code == "duplicate-id").expect("duplicate project id");
    assert!(l.sources.get(d.file.unwrap()).path.starts_with("projects/"));
}

#[test]
fn unsafe_id() {
    let l = broken("units.yaml", "  kind: 部门\n", "  kind: 部门\n- id: 商务局\n  name: 县商务局\n  kind: 部门\n");
    expect(&l, "unsafe-id", "units.yaml", 7, Some("[3].id"));
}

#[test]
fn milestones_out_of_order() {
    expect(
        &broken("projects/p1.yaml", "started: 2026-04-01", "started: 2026-02-01"),
        "milestone-order",
        "projects/p1.yaml",
        14,
        Some("milestones.started"),
    );
}

#[test]
fn funds_before_signing() {
    expect(
        &broken("projects/p1.yaml", "month: 2026-04", "month: 2026-02"),
        "before-signing",
        "projects/p1.yaml",
        16,
        Some("funds[1].month"),
    );
}

#[test]
fn fdi_before_signing() {
    let l = broken("projects/p1.yaml", "    use: 固定资产\n", "    use: 固定资产\nfdi:\n  - month: 2026-01\n    amount: 5\n");
    expect(&l, "before-signing", "projects/p1.yaml", 21, Some("fdi[1].month"));
}

#[test]
fn briefing_for_a_year_without_targets() {
    let mut files = base();
    files.push(("briefings/2027-01.md".into(), "---\nissue: 1\ntitle: 通报\n---\n".into()));
    expect(&load(files), "no-targets", "briefings/2027-01.md", 1, None);
}

#[test]
fn a_report_month_needs_targets_for_its_year() {
    use bulletin::period::Month;
    let content = load(base()).content.unwrap();
    let month = |s: &str| Month::parse(s).unwrap();
    // The base has targets for 2026 only; its earliest record (the signing of p1) is in 2026-03.
    // A month of 2026 before it is still a month of a year with targets.
    assert!(content.check_report_month(month("2026-01")).is_ok());
    assert!(content.check_report_month(month("2026-12")).is_ok());
    for (m, code, file) in [
        ("2027-01", "month-without-targets", "targets/2027.yaml"),
        ("2999-12", "month-without-targets", "targets/2999.yaml"),
        ("2025-12", "month-before-data", "targets/2025.yaml"),
    ] {
        let d = content.check_report_month(month(m)).unwrap_err();
        assert_eq!(d.code, code, "{m}");
        // Both languages name the month and the missing file; the help says what to do.
        assert!(d.message.zh.contains(m) && d.message.zh.contains(file), "{}", d.message.zh);
        assert!(d.message.en.contains(m) && d.message.en.contains(file), "{}", d.message.en);
        assert!(d.help.as_ref().is_some_and(|h| h.zh.contains("2026") && h.en.contains("2026")), "{m}");
    }
}

#[test]
fn syntax_errors() {
    expect(&broken("projects/p1.yaml", "investor: 某公司", "investor： 某公司"), "full-width-colon", "projects/p1.yaml", 2, None);
    expect(&broken("projects/p1.yaml", "  signed:", "\tsigned:"), "tab-indent", "projects/p1.yaml", 13, None);
    expect(&broken("projects/p1.yaml", "measures: 专班推进", "name: 重复"), "duplicate-key", "projects/p1.yaml", 8, None);
    expect(&broken("projects/p1.yaml", "investor: 某公司", "investor: [某公司"), "yaml-syntax", "projects/p1.yaml", 3, None);
}

#[test]
fn markdown_front_matter() {
    expect(&broken("briefings/2026-03.md", "---\nissue", "issue"), "missing-front-matter", "briefings/2026-03.md", 1, None);
    expect(
        &broken("briefings/2026-03.md", "issue: 3", "issue: 3\nperiod: 2026-04"),
        "mismatch",
        "briefings/2026-03.md",
        3,
        Some("period"),
    );
    expect(&broken("briefings/2026-03.md", "issue: 3", "issue: 第三期"), "bad-number", "briefings/2026-03.md", 2, Some("issue"));
}

#[test]
fn file_level_problems() {
    let mut files = base();
    files.push(("meetings/三月.yaml".into(), MEETING.into()));
    let l = load(files);
    assert_eq!(l.diagnostics.errors().map(|d| d.code).collect::<Vec<_>>(), ["bad-file-name"]);

    let mut files: Vec<_> = base().into_iter().filter(|(p, _)| p != "units.yaml").collect();
    files.push(("projects/empty.yaml".into(), String::new()));
    let l = load(files);
    let codes: Vec<_> = l.diagnostics.errors().map(|d| d.code).collect();
    assert!(codes.contains(&"missing-file") && codes.contains(&"empty-file"), "{codes:?}");

    let l = content::from_files(vec![("site.yaml".to_string(), Ok(vec![0xff, 0xfe, 0x00]))]);
    assert!(l.diagnostics.errors().any(|d| d.code == "not-utf8"));
}

#[test]
fn cross_field_rules() {
    expect(
        &broken("projects/p1.yaml", "unit: shangwu", "unit: shangwu\ntown: shangwu"),
        "wrong-unit-kind",
        "projects/p1.yaml",
        10,
        Some("town"),
    );
    expect(
        &broken("projects/p1.yaml", "  started:", "  contracted: 2026-03-05\n  started:"),
        "not-allowed",
        "projects/p1.yaml",
        14,
        Some("milestones.contracted"),
    );
    expect(
        &broken("factories.yaml", "moved_in: 2026-03-10", "moved_in: 2026-02-10"),
        "milestone-order",
        "factories.yaml",
        7,
        Some("[1].buildings[1].moved_in"),
    );
    let mut files = base();
    files.push(("briefings/2026-04.md".into(), BRIEFING.into()));
    expect(&load(files), "duplicate-issue", "briefings/2026-04.md", 2, Some("issue"));
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let mut files = base();
    let p = files.iter_mut().find(|(p, _)| p == "projects/p1.yaml").unwrap();
    p.1 =
        p.1.replace("chain: agri", "chain: agro")
            .replace("signed: 2026-03-01", "signed: 2026/3/1")
            .replace("    amount: 100", "    amount: -1")
            .replace("  started", "  stated");
    let l = load(files);
    let mut codes: Vec<_> = l.diagnostics.errors().map(|d| d.code).collect();
    codes.sort();
    assert_eq!(codes, ["bad-date", "negative-amount", "unknown-field", "unknown-ref"]);
}

#[test]
fn json_report_has_file_line_and_field() {
    let l = broken("projects/p1.yaml", "contract_amount: 1000", "contract_amount: 1000万");
    let report = serde_json::to_value(render::json(&l.diagnostics.0, &l.sources, Lang::En)).unwrap();
    assert_eq!(report["ok"], false);
    let e = &report["errors"][0];
    assert_eq!((e["file"].as_str(), e["line"].as_u64(), e["column"].as_u64()), (Some("projects/p1.yaml"), Some(6), Some(18)));
    assert_eq!(e["field"], "contract_amount");
    assert_eq!(e["code"], "bad-number");
}

// ---- hostile and careless content (issue 10) --------------------------------------------------

/// The clashes `build` and `check` report once the content loads.
fn clashes(loaded: &Loaded) -> Vec<bulletin::diagnostics::Diagnostic> {
    let c = loaded.content.as_ref().expect("the content loads");
    bulletin::render::clashes(c, &loaded.sources, bulletin::period::Month::new(2026, 3).unwrap())
}

fn with(extra: &[(&str, &str)]) -> Loaded {
    let mut files = base();
    files.extend(extra.iter().map(|(p, t)| (p.to_string(), t.to_string())));
    load(files)
}

#[test]
fn issue_10_script_links_are_errors_in_every_markdown_form() {
    let body = "[a](javascript:alert(1))\n[b](JaVaScRiPt:alert(1))\n[c](jav&#x61;script:alert(1))\n[d][r]\n\
                <javascript:alert(1)>\n![e](javascript:alert(1))\n[f](data:text/html,x)\n[ok](https://example.org) [ok](../index.html) [ok](#a) [ok](mailto:a@b.cn)\n\n[r]: vbscript:x\n";
    let loaded = with(&[("pages/p.md", &format!("---\ntitle: 页\n---\n{body}"))]);
    let found: Vec<(usize, &str)> = loaded
        .diagnostics
        .errors()
        .map(|d| (loaded.sources.get(d.file.unwrap()).line_col(d.span.unwrap().start).0, d.code))
        .collect();
    // Lines 4–10 of the file hold the seven bad links; the allowed ones on line 11 pass.
    assert_eq!(found, (4..=10).map(|l| (l, "unsafe-link")).collect::<Vec<_>>());
    let d = loaded.diagnostics.errors().next().unwrap();
    assert!(d.message.zh.contains("javascript:") && d.help.as_ref().unwrap().zh.contains("https://"), "{d:?}");
}

#[test]
fn issue_10_pictures_from_outside_warn_and_charts_are_capped() {
    let loaded = with(&[("pages/p.md", "---\ntitle: 页\n---\n![图](https://example.org/a.png) ![本站](../pages/a.png)\n")]);
    assert!(!loaded.diagnostics.has_errors());
    let warned: Vec<_> = loaded.diagnostics.warnings().filter(|d| d.code == "external-image").collect();
    assert_eq!(warned.len(), 1);
    assert!(warned[0].message.zh.contains("https://example.org/a.png"));

    let charts = "{{ chart progress }}\n\n".repeat(31);
    let loaded = with(&[("pages/p.md", &format!("---\ntitle: 页\n---\n{charts}"))]);
    let errors: Vec<_> = loaded
        .diagnostics
        .errors()
        .map(|d| (d.code, loaded.sources.get(d.file.unwrap()).line_col(d.span.unwrap().start).0))
        .collect();
    // The 31st chart, on line 4 + 2 × 30, is one too many.
    assert_eq!(errors, [("too-many-charts", 64)]);
}

#[test]
fn issue_10_two_sources_of_one_page_are_an_error_naming_both() {
    // A project whose id is `index` would replace the ledger page.
    let loaded = with(&[("projects/index.yaml", &PROJECT.replace("茶叶项目", "另一个项目"))]);
    let found = clashes(&loaded);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "output-clash");
    assert_eq!(loaded.sources.get(found[0].file.unwrap()).path, "projects/index.yaml");
    assert!(found[0].message.zh.contains("projects/index.html") && found[0].message.zh.contains("项目台账"));

    // A page named index, and two pages whose names differ only in case.
    let page = "---\ntitle: 页\n---\n正文\n";
    let loaded = with(&[("pages/index.md", page), ("pages/About.md", page), ("pages/about.md", page)]);
    let mut found: Vec<String> = clashes(&loaded).iter().map(|d| loaded.sources.get(d.file.unwrap()).path.clone()).collect();
    found.sort();
    assert_eq!(found, ["pages/about.md", "pages/index.md"]);
    let case = clashes(&loaded).into_iter().find(|d| d.message.zh.contains("About")).unwrap();
    assert!(case.message.zh.contains("pages/About.md"), "names the other file: {}", case.message.zh);

    // Pages in two folders with the same name are two pages.
    let loaded = with(&[("pages/a/x.md", page), ("pages/b/x.md", page)]);
    assert!(clashes(&loaded).is_empty());
    let ids: Vec<&str> = loaded.content.as_ref().unwrap().pages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a/x", "b/x"]);
}

#[test]
fn issue_10_page_names_use_the_id_characters() {
    let page = "---\ntitle: 页\n---\n正文\n";
    for bad in ["pages/a#b?c.md", "pages/关于.md", "pages/a b.md", "pages/x/../y.md", "pages/照片/a.png"] {
        let loaded = with(&[(bad, page)]);
        let codes: Vec<_> = loaded.diagnostics.errors().map(|d| d.code).collect();
        assert_eq!(codes, ["unsafe-file-name"], "{bad}");
    }
}

#[test]
fn issue_10_files_that_are_not_content_are_warnings_and_pictures_are_kept() {
    let png = vec![0x89, b'P', b'N', b'G', 0xff, 0x00];
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = base().into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))).collect();
    for (path, bytes) in [
        ("logo.png", png.clone()),
        ("台账.xlsx", vec![b'P', b'K', 3, 4, 0xff]),
        ("projects/台账.xlsx", vec![b'P', b'K', 3, 4, 0xff]),
        ("public/index.html", b"<html>".to_vec()),
        ("public/units/u1.html", b"<html>".to_vec()),
        ("pages/img/site.png", png.clone()),
        ("pages/evil.svg", b"<svg onload=alert(1)>".to_vec()),
        ("pages/x.html", b"<script>".to_vec()),
    ] {
        files.push((path.to_string(), Ok(bytes)));
    }
    let loaded = content::from_files(files);
    assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics.errors().map(|d| d.code).collect::<Vec<_>>());
    let warned: Vec<String> = loaded
        .diagnostics
        .warnings()
        .map(|d| d.file.map_or_else(|| d.message.en.clone(), |f| loaded.sources.get(f).path.clone()))
        .collect();
    // One warning per stray file, one for the whole stray folder; none says "not UTF-8".
    assert_eq!(warned.len(), 6, "{warned:?}");
    for name in ["logo.png", "台账.xlsx", "projects/台账.xlsx", "pages/evil.svg", "pages/x.html"] {
        assert!(warned.iter().any(|w| w == name), "{name} is not named: {warned:?}");
    }
    assert!(warned.iter().any(|w| w.contains("public/") && w.contains('2')), "{warned:?}");
    let c = loaded.content.unwrap();
    assert_eq!(c.assets.len(), 1);
    assert_eq!((c.assets[0].path.as_str(), &c.assets[0].bytes), ("pages/img/site.png", &png));
}

#[test]
fn issue_10_an_unreadable_list_is_one_error_not_a_cascade() {
    // units.yaml is not UTF-8: the projects, squads, targets and meetings that name its units
    // must not each report an unknown unit.
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = base().into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))).collect();
    files.iter_mut().find(|(p, _)| p == "units.yaml").unwrap().1 = Ok(vec![0xff, 0xfe, b'a']);
    let loaded = content::from_files(files);
    assert_eq!(loaded.diagnostics.errors().map(|d| d.code).collect::<Vec<_>>(), ["not-utf8"]);

    // A squad file that cannot be read: its id still exists for the trips that name it.
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = base().into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))).collect();
    files.iter_mut().find(|(p, _)| p == "squads/s1.yaml").unwrap().1 =
        Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    let loaded = content::from_files(files);
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    assert_eq!(errors.iter().map(|d| d.code).collect::<Vec<_>>(), ["read-failed"]);
    assert!(errors[0].help.is_some() && errors[0].message.zh.contains("没有读取权限"));
}

#[test]
fn issue_10_rule_values_are_checked_where_they_are_read() {
    let loaded = with(&[]);
    assert!(!loaded.diagnostics.has_errors());
    let site = format!("{SITE}rules:\n  stalled_months: 4294967295\n  red_list_top: 101\n  problem_open_days: 0\n");
    let mut files = base();
    files.iter_mut().find(|(p, _)| p == "site.yaml").unwrap().1 = site;
    let loaded = load(files);
    let found: Vec<(&str, Option<&str>)> = loaded.diagnostics.errors().map(|d| (d.code, d.field.as_deref())).collect();
    assert_eq!(
        found,
        [
            ("out-of-range", Some("rules.stalled_months")),
            ("out-of-range", Some("rules.red_list_top")),
            ("out-of-range", Some("rules.problem_open_days"))
        ]
    );
    for d in loaded.diagnostics.errors() {
        let help = d.help.as_ref().expect("a fix hint");
        assert!(help.zh.contains("之间的整数"), "{}", help.zh);
    }
    // A number too long for any integer is out of range too, not a wrapped value.
    expect(
        &broken("squads/s1.yaml", "people: 3", "people: 99999999999999999999"),
        "out-of-range",
        "squads/s1.yaml",
        10,
        Some("trips[1].people"),
    );
}

#[test]
fn issue_10_hostile_yaml_costs_bounded_work() {
    // Nine levels of nine aliases would be 387 420 489 values.
    let mut bomb = String::from("name: x\na: &a [l, l, l, l, l, l, l, l, l]\n");
    for (prev, cur) in ('a'..='h').zip('b'..='i') {
        bomb.push_str(&format!("{cur}: &{cur} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
    }
    let started = std::time::Instant::now();
    let loaded = with(&[("projects/bomb.yaml", &bomb)]);
    let codes: Vec<_> = loaded.diagnostics.errors().map(|d| d.code).collect();
    assert_eq!(codes, ["too-many-aliases"]);

    // 200 000 keys: found linearly, reported as 20 unknown fields and one summary.
    let keys: String = (0..200_000).map(|i| format!("k{i}: v\n")).collect();
    let loaded = with(&[("projects/keys.yaml", &keys)]);
    let errors: Vec<_> = loaded.diagnostics.errors().collect();
    let unknown = errors.iter().filter(|d| d.code == "unknown-field").count();
    assert_eq!(unknown, 21, "20 listed one by one and one that counts the rest");
    assert!(errors.iter().any(|d| d.message.zh.contains("199980")), "the summary counts the rest");
    assert!(errors.len() <= 200 + 1, "at most 200 problems and one summary per file");

    // Deep nesting stops at the limit instead of exhausting the stack.
    let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let loaded = with(&[("projects/deep.yaml", &deep)]);
    assert_eq!(loaded.diagnostics.errors().map(|d| d.code).collect::<Vec<_>>(), ["too-deep"]);
    // A generous bound: each of these took minutes or gigabytes before.
    assert!(started.elapsed() < std::time::Duration::from_secs(60), "{:?}", started.elapsed());
}

#[test]
fn issue_10_control_characters_never_reach_the_terminal() {
    let loaded = broken("projects/p1.yaml", "signed: 2026-03-01", "signed: \"2026-03-01\\e[2J\\u009b31m\\u202e\"");
    let d = loaded.diagnostics.errors().next().expect("a bad date");
    let text = render::text(d, &loaded.sources, Lang::Zh, false);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(!text.contains('\u{202e}'), "{text:?}");
    assert!(text.contains('␛'), "the escape is shown as a picture: {text}");
    let json = serde_json::to_string(&render::json(&loaded.diagnostics.0, &loaded.sources, Lang::Zh)).unwrap();
    assert!(!json.contains('\u{9b}') && !json.contains('\u{202e}'), "{json}");
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    /// Edits a base file: cut a range out and put random text (YAML-ish pieces or any
    /// characters) in its place. Whatever comes out, loading and rendering must not panic.
    fn mangle(text: &str, at: usize, len: usize, insert: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + len).min(chars.len());
        chars[..at].iter().collect::<String>() + insert + &chars[end..].iter().collect::<String>()
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(": ".to_string()),
            Just("\n  - ".to_string()),
            Just("[".to_string()),
            Just("{".to_string()),
            Just("&a ".to_string()),
            Just("*a".to_string()),
            Just("---\n".to_string()),
            Just("\t".to_string()),
            Just("：".to_string()),
            Just("\"".to_string()),
            Just("-1".to_string()),
            Just("9999999999999999999999".to_string()),
            Just("2026-02-30".to_string()),
            Just("~".to_string()),
            Just("? ".to_string()),
            Just("!!binary ".to_string()),
            "\\PC{0,8}",
        ]
    }

    /// Pieces of Markdown that make links, images and raw HTML, in any order.
    fn markdown_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("[a](".to_string()),
            Just("![i](".to_string()),
            Just("](".to_string()),
            Just(")".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("javascript:".to_string()),
            Just("JaVa".to_string()),
            Just("script:".to_string()),
            Just("&#x61;".to_string()),
            Just("&#58;".to_string()),
            Just("data:text/html,".to_string()),
            Just("\n[r]: ".to_string()),
            Just("[r]".to_string()),
            Just("\t".to_string()),
            Just("\n".to_string()),
            Just(" ".to_string()),
            Just("https://a.cn".to_string()),
            Just("<a href=\"javascript:x\">".to_string()),
            Just("{{ funds }}".to_string()),
            "\\PC{0,6}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400), ..ProptestConfig::default() })]
        #[test]
        fn markdown_never_panics_and_never_writes_a_script_link(pieces in proptest::collection::vec(markdown_piece(), 1..24)) {
            let body = pieces.concat();
            let html = bulletin::render::markdown::plain(&body);
            // Every href and src the renderer wrote has an allowed scheme, as a browser reads it.
            for url in common::link_targets(&html) {
                let decoded = url.replace("&amp;", "&").replace("&#58;", ":").replace("&#x3A;", ":");
                prop_assert!(bulletin::content::links::is_allowed(&decoded), "{} in {}", url, html);
            }
            // `check` and the renderer agree: the links check would pass are the ones written.
            let _ = bulletin::content::links::find_unsafe(&body);
        }

        #[test]
        fn loading_never_panics(file in 0usize..10, at in 0usize..400, len in 0usize..20, insert in proptest::collection::vec(piece(), 1..4)) {
            let mut files = base();
            let i = file % files.len();
            files[i].1 = mangle(&files[i].1, at, len, &insert.concat());
            let loaded = load(files);
            for d in &loaded.diagnostics.0 {
                let _ = render::text(d, &loaded.sources, Lang::Zh, true);
            }
            let _ = render::json(&loaded.diagnostics.0, &loaded.sources, Lang::En);
            prop_assert_eq!(loaded.content.is_some(), !loaded.diagnostics.has_errors());
            if let Some(c) = &loaded.content {
                // Whatever loads must also compute.
                let _ = bulletin::figures::snapshot(c, bulletin::period::Month::new(2026, 3).unwrap());
            }
        }
    }
}
