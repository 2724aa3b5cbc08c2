//! `feed.xml` and `sitemap.xml`: written only when `site.yaml` gives `base_url` (they need full
//! addresses), well-formed XML, the feed listing every bulletin newest first (an issued one
//! dated when it was issued), the sitemap listing exactly the pages the build wrote.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quick_xml::Reader;
use quick_xml::events::Event;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bulletin(args: &[&str], content: &Path, out: Option<&Path>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).arg("--content").arg(content);
    if let Some(out) = out {
        cmd.arg("--out").arg(out);
    }
    cmd.output().unwrap()
}

/// A copy of the sample content with `extra` appended to its site.yaml.
fn sample_with(dir: &Path, extra: &str) -> PathBuf {
    let content = dir.join("content");
    for (path, bytes) in common::files(&repo().join("content")) {
        let to = content.join(&path);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::write(to, bytes).unwrap();
    }
    let site = content.join("site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(&site, format!("{text}{extra}")).unwrap();
    content
}

/// The text of every element named `name`, in order; panics on XML that does not parse.
fn texts(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let (mut found, mut inside) = (Vec::new(), false);
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{xml}")) {
            Event::Start(e) if e.name().as_ref() == name => {
                inside = true;
                found.push(String::new());
            }
            Event::End(e) if e.name().as_ref() == name => inside = false,
            Event::Text(t) if inside => found.last_mut().unwrap().push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if inside => {
                let c = match &*r {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    _ if r.is_char_ref() => r.resolve_char_ref().unwrap().unwrap().to_string(),
                    other => panic!("unexpected entity {other}"),
                };
                found.last_mut().unwrap().push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

#[test]
fn without_base_url_there_is_no_feed_and_no_sitemap() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = bulletin(&["build"], &repo().join("content"), Some(&out));
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(!out.join("feed.xml").exists() && !out.join("sitemap.xml").exists());
    assert!(!fs::read_to_string(out.join("index.html")).unwrap().contains("application/atom+xml"));
}

#[test]
fn with_base_url_the_feed_lists_the_bulletins_and_the_sitemap_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    // No final slash: the site adds it.
    let content = sample_with(tmp.path(), "base_url: http://zsj.example.gov.cn/jianbao\n");
    let out = tmp.path().join("public");
    let run = bulletin(&["build"], &content, Some(&out));
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let base = "http://zsj.example.gov.cn/jianbao/";

    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    // The sample has bulletins for 2026-01 … 2026-10 (briefings/), newest first.
    let expected: Vec<String> = (1..=10).rev().map(|m| format!("{base}bulletins/2026-{m:02}.html")).collect();
    assert_eq!(texts(&feed, "id")[1..], expected[..], "{feed}");
    let titles = texts(&feed, "title");
    assert_eq!(titles[0], "商南县招商引资工作简报");
    assert!(titles[1].starts_with("第10期 ") && titles[10].starts_with("第1期 "), "{titles:?}");
    // An issued bulletin is dated when it was issued (its record's `recorded`).
    let record: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(content.join("issued/2026-05.json")).unwrap()).unwrap();
    let updated = texts(&feed, "updated");
    assert_eq!(updated[1 + 5], record["recorded"].as_str().unwrap(), "2026-05 is the sixth entry");
    // The feed's own date is its newest entry's.
    assert_eq!(&updated[0], updated[1..].iter().max().unwrap());
    assert!(feed.contains(&format!("href=\"{base}feed.xml\"")));

    // The sitemap lists exactly the HTML files written, at their full addresses.
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let listed: BTreeSet<String> = texts(&sitemap, "loc").into_iter().collect();
    let written: BTreeSet<String> =
        common::files(&out).into_keys().filter(|p| p.ends_with(".html")).map(|p| format!("{base}{p}")).collect();
    assert_eq!(listed, written);
    assert!(listed.contains(&format!("{base}index.html")) && listed.len() > 150, "{}", listed.len());

    // Every page points at the feed, relative to itself.
    let project = fs::read_to_string(out.join("projects/p2026-017.html")).unwrap();
    assert!(project.contains(r#"type="application/atom+xml" title="商南县招商引资工作简报" href="../feed.xml""#), "{project}");
}

#[test]
fn a_base_url_that_is_not_a_full_address_is_an_error_on_its_line() {
    for bad in ["zsj.example.gov.cn/jianbao", "javascript:alert(1)", "http://a/?page=1", "https:///path", "http://a/ b"] {
        let tmp = tempfile::tempdir().unwrap();
        let content = sample_with(tmp.path(), &format!("base_url: \"{bad}\"\n"));
        let line = fs::read_to_string(content.join("site.yaml")).unwrap().lines().count();
        let run = bulletin(&["check"], &content, None);
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert_eq!(run.status.code(), Some(1), "{bad}: {stdout}");
        assert!(stdout.contains("bad-base-url") && stdout.contains(&format!("site.yaml:{line}:")), "{bad}: {stdout}");
        assert!(stdout.contains("http://") && stdout.contains("网站地址"), "{stdout}");
    }
}
