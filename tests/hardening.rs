//! Issue 10, tried with the real binary as an attacker and a careless user would: no script
//! link anywhere in a built site, a build killed mid-swap loses nothing, stale staging folders
//! are cleaned, dangerous `--out` values are refused, pictures under `pages/` are published,
//! and `import` writes only inside the content folder and refuses absurd workbooks.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::files;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build_in(dir: &Path, content: &Path, out: &str, fault: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).arg("build").arg("--content").arg(content).arg("--out").arg(out);
    if let Some(fault) = fault {
        cmd.env("BULLETIN_TEST_FAULT", fault);
    }
    cmd.output().expect("runs bulletin")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The shared small site with a plain project name.
fn small_site(dir: &Path) {
    common::small_site(dir, "茶叶项目");
}

#[test]
fn no_page_of_the_sample_site_links_to_a_script() {
    let tmp = tempfile::tempdir().unwrap();
    let run = build_in(tmp.path(), &repo().join("content"), "public", None);
    assert!(run.status.success(), "{}", stderr(&run));
    let site = files(&tmp.path().join("public"));
    let mut checked = 0;
    for (path, bytes) in &site {
        if !(path.ends_with(".html") || path.ends_with(".svg")) {
            continue;
        }
        // And a policy that would stop an inline script or a javascript: link that got through.
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let csp = html.split("Content-Security-Policy\" content=\"").nth(1).map(|rest| &rest[..rest.find('"').unwrap()]);
            let csp = csp.unwrap_or_else(|| panic!("{path} has no Content-Security-Policy"));
            let scripts = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
            assert!(!scripts.contains("unsafe") && csp.contains("object-src 'none'"), "{path}: {csp}");
        }
        for url in common::link_targets(&String::from_utf8_lossy(bytes)) {
            // Entities in attributes are decoded by the browser before it reads the scheme.
            let decoded = url.replace("&#x3A;", ":").replace("&#58;", ":").replace("&colon;", ":");
            assert!(bulletin::content::links::is_allowed(&decoded), "{path} links to {url}");
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links found: is the scan broken?");
}

#[test]
fn a_site_with_a_script_link_is_not_built() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    assert!(build_in(tmp.path(), &content, "public", None).status.success());
    let before = files(&tmp.path().join("public"));
    fs::write(content.join("briefings/2026-01.md"), "---\nissue: 1\ntitle: 一月\n---\n[点这里](jav&#x61;script:alert(1))\n")
        .unwrap();
    let run = build_in(tmp.path(), &content, "public", None);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("unsafe-link") && stderr(&run).contains("briefings/2026-01.md:5:"), "{}", stderr(&run));
    assert_eq!(files(&tmp.path().join("public")), before);
}

#[test]
fn a_build_killed_between_the_two_renames_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    assert!(build_in(tmp.path(), &content, "public", None).status.success());
    let before = files(&tmp.path().join("public"));

    // The test hook takes the two-rename path and aborts between the renames: the site is set
    // aside and the new one not yet in place.
    fs::write(content.join("briefings/2026-01.md"), "---\nissue: 1\ntitle: 改过的通报\n---\n正文\n").unwrap();
    let killed = build_in(tmp.path(), &content, "public", Some("kill-mid-swap"));
    assert!(!killed.status.success());
    assert!(!tmp.path().join("public").exists(), "the hook did not stop between the renames");

    // The next build fails on purpose; it must still put the previous site back.
    fs::write(content.join("targets/2026.yaml"), "county: {projects: 十个, funds: 1000, fdi: 100}\n").unwrap();
    let failed = build_in(tmp.path(), &content, "public", None);
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert_eq!(files(&tmp.path().join("public")), before, "the previous site is back, whole");
    let names: Vec<String> =
        fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.contains(".new-") || n.contains(".old-")), "{names:?}");

    // And a good build then replaces it.
    fs::write(content.join("targets/2026.yaml"), "county: {projects: 10, funds: 1000, fdi: 100}\n").unwrap();
    assert!(build_in(tmp.path(), &content, "public", None).status.success());
    let after = files(&tmp.path().join("public"));
    assert!(String::from_utf8_lossy(&after["bulletins/2026-01.html"]).contains("改过的通报"));
}

#[test]
fn staging_folders_of_killed_builds_are_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    for stale in [".public.new-4000001", ".public.new-17", ".public.old-99"] {
        fs::create_dir_all(tmp.path().join(stale).join("projects")).unwrap();
        fs::write(tmp.path().join(stale).join("projects/p1.html"), vec![b'x'; 100_000]).unwrap();
    }
    // A folder of another site beside it is not ours to remove.
    fs::create_dir_all(tmp.path().join(".site.new-17")).unwrap();
    let run = build_in(tmp.path(), &content, "public", None);
    assert!(run.status.success(), "{}", stderr(&run));
    let mut names: Vec<String> =
        fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, [".public.lock", ".site.new-17", "content", "public"]);
}

#[test]
fn outputs_that_would_replace_something_else_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    let before = files(tmp.path());
    for (out, why) in [(".", "当前文件夹"), ("..", "当前文件夹"), ("content/public", "内容文件夹里"), ("content", "内容文件夹里")]
    {
        let run = build_in(tmp.path(), &content, out, None);
        assert_eq!(run.status.code(), Some(2), "--out {out}: {}", stderr(&run));
        assert!(stderr(&run).contains(why), "--out {out}: {}", stderr(&run));
        assert!(!stderr(&run).contains("busy"), "{}", stderr(&run));
    }
    // Nothing was written or left behind.
    assert_eq!(files(tmp.path()), before);
    let names: Vec<String> =
        fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["content"]);
    // The content folder inside the output would be replaced with it.
    let run = build_in(&content, Path::new("."), "..", None);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_symbolic_link_replaces_the_folder_it_points_to() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    fs::create_dir_all(tmp.path().join("www/site-2026")).unwrap();
    std::os::unix::fs::symlink("www/site-2026", tmp.path().join("public")).unwrap();
    for _ in 0..2 {
        let run = build_in(tmp.path(), &content, "public", None);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    assert!(fs::symlink_metadata(tmp.path().join("public")).unwrap().file_type().is_symlink(), "the link stays");
    assert!(tmp.path().join("www/site-2026/index.html").is_file());
    assert!(tmp.path().join("public/bulletins/2026-01.html").is_file());
}

#[test]
fn pictures_under_pages_are_published_and_pages_keep_their_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    fs::create_dir_all(content.join("pages/news")).unwrap();
    fs::write(content.join("pages/news/site.png"), &png).unwrap();
    fs::write(content.join("pages/news/visit.md"), "---\ntitle: 现场\n---\n![现场](site.png)\n").unwrap();
    fs::write(content.join("pages/visit.md"), "---\ntitle: 另一页\n---\n正文\n").unwrap();
    fs::write(content.join("briefings/2026-01.md"), "---\nissue: 1\ntitle: 一月\n---\n![现场](../pages/news/site.png)\n")
        .unwrap();
    // A ledger and a logo in the content folder are not content, and do not stop the build.
    fs::write(content.join("台账.xlsx"), b"PK\x03\x04\xff\xfe").unwrap();
    fs::write(content.join("logo.png"), &png).unwrap();
    let run = build_in(tmp.path(), &content, "public", None);
    assert!(run.status.success(), "{}", stderr(&run));
    let site = files(&tmp.path().join("public"));
    assert_eq!(site["pages/news/site.png"], png);
    assert!(String::from_utf8_lossy(&site["pages/news/visit.html"]).contains(r#"<img src="site.png" alt="现场" />"#));
    assert!(site.contains_key("pages/visit.html"));
    assert!(!site.keys().any(|k| k.ends_with("台账.xlsx") || k.ends_with("logo.png")));
    // The picture is found from the bulletin by the same relative path as from the content.
    assert!(String::from_utf8_lossy(&site["bulletins/2026-01.html"]).contains(r#"src="../pages/news/site.png""#));

    let check = Command::new(BIN).arg("check").arg("--content").arg(&content).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("台账.xlsx") && out.contains("logo.png") && !out.contains("UTF-8"), "{out}");
}

// ---- import ------------------------------------------------------------------------------------

fn import(ledger: &Path, content: &Path) -> Output {
    Command::new(BIN).arg("import").arg(ledger).arg("--content").arg(content).output().expect("runs bulletin")
}

/// A ledger with one new project row.
fn ledger(path: &Path, far_cell: bool) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = ["项目编号", "项目名称", "投资方", "产业链", "签约类型", "总投资", "合同引资额", "责任单位", "签约日期"];
    let row = ["p9", "新项目", "某公司", "agri", "合同", "100", "100", "u1", "2026-01-10"];
    for (c, (h, v)) in headers.iter().zip(row).enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
        sheet.write_string(1, c as u16, v).unwrap();
    }
    if far_cell {
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
    }
    book.save(path).unwrap();
}

#[cfg(unix)]
#[test]
fn import_never_writes_through_a_symbolic_link() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "do not touch").unwrap();
    std::os::unix::fs::symlink(&victim, content.join("projects/p9.yaml")).unwrap();
    let book = tmp.path().join("台账.xlsx");
    ledger(&book, false);
    let run = import(&book, &content);
    assert_ne!(run.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "do not touch");
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("projects/p9.yaml") && out.contains("符号链接"), "{out}");

    // A `projects/` folder that links elsewhere is not written into either.
    fs::remove_file(content.join("projects/p9.yaml")).unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::rename(content.join("projects/p1.yaml"), elsewhere.join("p1.yaml")).unwrap();
    fs::remove_dir(content.join("projects")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, content.join("projects")).unwrap();
    let run = import(&book, &content);
    assert_ne!(run.status.code(), Some(0));
    assert!(!elsewhere.join("p9.yaml").exists());
}

#[test]
fn import_writes_a_new_project_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    let book = tmp.path().join("台账.xlsx");
    ledger(&book, false);
    let run = import(&book, &content);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    assert!(fs::read_to_string(content.join("projects/p9.yaml")).unwrap().contains("新项目"));
    // No temporary file is left in the folder.
    let names: Vec<_> = fs::read_dir(content.join("projects")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_workbook_with_a_far_cell_is_refused_not_allocated() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    let book = tmp.path().join("far.xlsx");
    ledger(&book, true);
    assert!(fs::metadata(&book).unwrap().len() < 20_000, "a small file");
    let run = import(&book, &content);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let err = stderr(&run);
    assert!(err.contains("XFD1048576") && err.contains("远超台账的正常大小"), "{err}");
    assert!(!content.join("projects/p9.yaml").exists());
}

#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_read() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    small_site(&content);
    // A valid ledger with one more part, 300 MB of shared strings that deflate to a few hundred KB.
    let book = tmp.path().join("bomb.xlsx");
    ledger(&book, false);
    let mut zip = zip::ZipWriter::new_append(fs::File::options().read(true).write(true).open(&book).unwrap()).unwrap();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    zip.start_file("xl/padding.xml", options).unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    assert!(fs::metadata(&book).unwrap().len() < 5 << 20, "a small file");
    let run = import(&book, &content);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("解压后有 300 MB"), "{}", stderr(&run));
}
