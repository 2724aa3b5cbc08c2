//! Issue 13, as an office works: a clerk issues a month, another corrects a figure of it later
//! and commits, and the site keeps the issued bulletin exactly as issued while announcing the
//! correction with its figures, its reason and its author. In real temporary git repositories.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{files, git};

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn bulletin(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).current_dir(dir).args(args).env("NO_COLOR", "1").output().expect("runs bulletin")
}

fn said(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A county with a 1 000 万元 funds target and two projects: p1 brings 100 万元 in March and
/// 50 万元 in April, p2 200 万元 in March. Briefings for March and April.
fn county(dir: &Path) {
    write(dir, "content/site.yaml", "title: 测试简报\nissuer: 测试办\n");
    write(dir, "content/units.yaml", "- {id: u1, name: 甲镇, kind: 镇办}\n");
    write(dir, "content/chains.yaml", "chains:\n  - {id: agri, name: 新农业}\n");
    write(dir, "content/targets/2026.yaml", "county: {projects: 10, funds: 1000, fdi: 100}\n");
    let project = |name: &str, signed: &str, funds: &str| {
        format!(
            "name: {name}\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 500\ncontract_amount: 500\nunit: u1\n\
             milestones:\n  signed: {signed}\nfunds:\n{funds}"
        )
    };
    write(
        dir,
        "content/projects/p1.yaml",
        &project(
            "茶叶项目",
            "2026-02-10",
            "  - month: 2026-03\n    amount: 100\n    origin: 省外\n    use: 固定资产\n  - month: 2026-04\n    amount: 50\n    origin: 省外\n    use: 固定资产\n",
        ),
    );
    write(
        dir,
        "content/projects/p2.yaml",
        &project("钒项目", "2026-03-05", "  - month: 2026-03\n    amount: 200\n    origin: 省外\n    use: 固定资产\n"),
    );
    write(
        dir,
        "content/briefings/2026-03.md",
        "---\nissue: 3\ntitle: 一季度通报\nissued: 2026-04-08\n---\n到位资金{{ funds }}，完成{{ funds.completion }}。\n",
    );
    write(dir, "content/briefings/2026-04.md", "---\nissue: 4\ntitle: 四月通报\n---\n到位资金{{ funds }}。\n");
}

/// The bulletin itself (masthead to 版记), without the status line and 更正说明 above it.
fn article(html: &str) -> &str {
    let start = html.find("<article class=\"bulletin\">").expect("a bulletin");
    let end = html[start..].find("</article>").expect("its end") + start;
    &html[start..end]
}

#[test]
fn an_issued_bulletin_stays_as_issued_and_a_correction_is_announced() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    git(root, "张三", &["init", "-q", "-b", "main"]);
    county(root);
    git(root, "张三", &["add", "."]);
    git(root, "张三", &["commit", "-q", "-m", "录入一季度数据"]);

    // Issue March.
    let issued = bulletin(root, &["issue", "--month", "2026-03", "--content", "content"]);
    assert!(issued.status.success(), "{}", said(&issued));
    assert!(said(&issued).contains("已印发第3期"), "{}", said(&issued));
    git(root, "张三", &["add", "."]);
    git(root, "张三", &["commit", "-q", "-m", "印发第3期"]);
    assert!(bulletin(root, &["build", "--content", "content", "--out", "public"]).status.success());
    let before = files(&root.join("public"));
    let march = String::from_utf8(before["bulletins/2026-03.html"].clone()).unwrap();
    // 100 + 200 = 300 万元 = 0.03 亿元, 30.00% of 1 000 万元.
    assert!(march.contains("到位资金0.03亿元，完成30.00%"), "{march}");
    assert!(march.contains("已印发") && !march.contains("更正说明"));
    assert!(before.contains_key("data/issued/2026-03.json"));

    // A correction of March's money, committed by another clerk.
    let p1 = fs::read_to_string(root.join("content/projects/p1.yaml")).unwrap();
    fs::write(root.join("content/projects/p1.yaml"), p1.replacen("amount: 100", "amount: 900", 1)).unwrap();
    git(root, "李四", &["commit", "-q", "-a", "-m", "更正 p1 三月到位资金：报送表少录一位"]);

    // check warns before anything is published; under require_note it is an error.
    let check = bulletin(root, &["check", "--content", "content"]);
    assert_eq!(check.status.code(), Some(0), "{}", said(&check));
    assert!(said(&check).contains("restated") && said(&check).contains("第3期"), "{}", said(&check));
    let site = fs::read_to_string(root.join("content/site.yaml")).unwrap();
    fs::write(root.join("content/site.yaml"), format!("{site}corrections: require_note\n")).unwrap();
    let check = bulletin(root, &["check", "--content", "content"]);
    assert_eq!(check.status.code(), Some(1), "{}", said(&check));
    // A note explains it.
    write(
        root,
        "content/corrections/2026-11-20.yaml",
        "month: 2026-03\nreason: 报送表少录一位，据凭证更正\napproved_by: 王某某\n",
    );
    let check = bulletin(root, &["check", "--content", "content"]);
    assert_eq!(check.status.code(), Some(0), "{}", said(&check));
    assert!(!said(&check).contains("restated"));
    git(root, "李四", &["add", "."]);
    git(root, "李四", &["commit", "-q", "-m", "更正说明"]);

    let build = bulletin(root, &["build", "--content", "content", "--out", "public"]);
    assert!(build.status.success(), "{}", said(&build));
    let after = files(&root.join("public"));
    let march_now = String::from_utf8(after["bulletins/2026-03.html"].clone()).unwrap();
    // The bulletin itself, its figures and tables, is byte for byte as issued.
    assert_eq!(article(&march_now), article(&march));
    assert_eq!(after["data/issued/2026-03.json"], before["data/issued/2026-03.json"]);
    // Above it, the correction: the figure, as issued and now (900 + 200 = 1 100 万元 = 0.11
    // 亿元, 110.00%), the reason and who approved it, the commit's author and message, and the
    // field it changed.
    let box_ = &march_now[march_now.find("更正说明").unwrap()..march_now.find("<article").unwrap()];
    assert!(box_.contains("正文 · 到位资金") && box_.contains("0.03亿元") && box_.contains("0.11亿元"), "{box_}");
    assert!(box_.contains("30.00%") && box_.contains("110.00%"), "{box_}");
    assert!(box_.contains("报送表少录一位，据凭证更正") && box_.contains("王某某"), "{box_}");
    assert!(box_.contains("李四") && box_.contains("更正 p1 三月到位资金"), "{box_}");
    assert!(box_.contains("funds[2026-03].amount 100 → 900"), "{box_}");
    assert!(march_now.contains("已更正"));
    // Its Word file is made from the record too (issue 14): the money as issued, unchanged.
    let word = |bytes: &[u8]| -> String {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    let march_word = word(&after["bulletins/2026-03.docx"]);
    assert!(march_word.contains("到位资金0.03亿元，完成30.00%") && !march_word.contains("0.11亿元"), "{march_word}");
    assert_eq!(after["bulletins/2026-03.docx"], before["bulletins/2026-03.docx"]);
    let out = root.join("march.docx");
    let export = Command::new(BIN)
        .current_dir(root)
        .args(["export", "--month", "2026-03", "--format", "docx", "--content", "content", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(export.status.success(), "{}", said(&export));
    assert_eq!(fs::read(&out).unwrap(), after["bulletins/2026-03.docx"], "export writes the page's Word file");

    // The archive marks it, and April (a draft) lists the correction and the commits since
    // March was issued, with the April money entered.
    let archive = String::from_utf8(after["bulletins/index.html"].clone()).unwrap();
    assert!(archive.contains("已更正") && archive.contains("草稿"), "{archive}");
    let april = String::from_utf8(after["bulletins/2026-04.html"].clone()).unwrap();
    let log = &april[april.find("本期数据变动").unwrap()..];
    assert!(log.contains("第3期") && log.contains("往期更正"), "{log}");
    assert!(log.contains("李四") && log.contains("更正说明"), "{log}");
    // April's money: 50 万元 from p1.
    assert!(log.contains("1 笔、50.00 万元"), "{log}");
    assert!(april.contains("草稿"));

    // The project page tells who changed what.
    let p1_page = String::from_utf8(after["projects/p1.html"].clone()).unwrap();
    assert!(p1_page.contains("变更记录") && p1_page.contains("李四") && p1_page.contains("100 → 900"), "{p1_page}");
}

#[test]
fn issuing_refuses_what_it_should() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    git(root, "张三", &["init", "-q", "-b", "main"]);
    county(root);
    git(root, "张三", &["add", "."]);
    git(root, "张三", &["commit", "-q", "-m", "数据"]);

    // Uncommitted changes: refused, unless --force (then the record says so).
    fs::write(root.join("content/projects/p3.yaml"), "name: x\n").unwrap();
    let dirty = bulletin(root, &["issue", "--month", "2026-03", "--content", "content"]);
    assert_eq!(dirty.status.code(), Some(1), "{}", said(&dirty));
    // …and a month check rejects (p3 is broken) is refused even with --force.
    let broken = bulletin(root, &["issue", "--month", "2026-03", "--content", "content", "--force"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(!root.join("content/issued/2026-03.json").exists());
    fs::remove_file(root.join("content/projects/p3.yaml")).unwrap();
    write(root, "content/pages/note.md", "---\ntitle: 说明\n---\n草稿\n");
    let forced = bulletin(root, &["issue", "--month", "2026-03", "--content", "content", "--force"]);
    assert!(forced.status.success(), "{}", said(&forced));
    let record = fs::read_to_string(root.join("content/issued/2026-03.json")).unwrap();
    assert!(record.contains("\"uncommitted\": true"));

    // A record is never overwritten, except by a reissue with a reason, which keeps the first.
    let again = bulletin(root, &["issue", "--month", "2026-03", "--content", "content", "--force"]);
    assert_eq!(again.status.code(), Some(1), "{}", said(&again));
    assert_eq!(fs::read_to_string(root.join("content/issued/2026-03.json")).unwrap(), record);
    let reissue = bulletin(
        root,
        &["issue", "--month", "2026-03", "--content", "content", "--force", "--reissue", "--reason", "印发日期有误"],
    );
    assert!(reissue.status.success(), "{}", said(&reissue));
    let record = fs::read_to_string(root.join("content/issued/2026-03.json")).unwrap();
    assert!(record.contains("印发日期有误") && record.contains("\"reissues\""), "{record}");

    // A record edited by hand so it no longer reads is an error naming its file and line.
    fs::write(root.join("content/issued/2026-03.json"), record.replacen("\"issue\": 3", "\"issue\": \"三\"", 1)).unwrap();
    let check = bulletin(root, &["check", "--content", "content"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(said(&check).contains("bad-record") && said(&check).contains("issued/2026-03.json:"), "{}", said(&check));
}

#[test]
fn without_git_and_in_a_shallow_clone_the_site_builds_and_says_what_is_missing() {
    let tmp = tempfile::tempdir().unwrap();
    // Outside git: everything builds, the issue command works without a commit.
    let plain = tmp.path().join("plain");
    county(&plain);
    let issued = bulletin(&plain, &["issue", "--month", "2026-03", "--content", "content"]);
    assert!(issued.status.success(), "{}", said(&issued));
    let build = bulletin(&plain, &["build", "--content", "content", "--out", "public"]);
    assert!(build.status.success(), "{}", said(&build));
    let output = said(&build);
    let notice: Vec<&str> = output.lines().filter(|l| l.contains("git")).map(str::trim).collect();
    assert_eq!(notice.len(), 1, "one line: {notice:?}");

    // A shallow clone: builds, one line saying how to get the whole history.
    let origin = tmp.path().join("origin");
    git(tmp.path(), "张三", &["init", "-q", "-b", "main", "origin"]);
    county(&origin);
    git(&origin, "张三", &["add", "."]);
    git(&origin, "张三", &["commit", "-q", "-m", "一"]);
    fs::write(origin.join("content/briefings/2026-04.md"), "---\nissue: 4\ntitle: 四月\n---\n正文\n").unwrap();
    git(&origin, "李四", &["commit", "-q", "-a", "-m", "二"]);
    let url = format!("file://{}", origin.display());
    git(tmp.path(), "ci", &["clone", "-q", "--depth", "1", &url, "clone"]);
    let build = bulletin(&tmp.path().join("clone"), &["build", "--content", "content", "--out", "public"]);
    assert!(build.status.success(), "{}", said(&build));
    assert!(said(&build).contains("git fetch --unshallow"), "{}", said(&build));
}
