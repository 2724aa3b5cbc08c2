//! The counting rules are written in three places that must say the same: `docs/figures.md`
//! (each rule in English and in Chinese, with its test), the sample's 统计口径 page
//! (`content/pages/method.md`, the Chinese sentences word for word) and the code (the tests the
//! docs name). And every setting the 统计口径 page or the `site.yaml` example names is real.

use std::fs;
use std::path::{Path, PathBuf};

use bulletin::content;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lines of the section of `markdown` under `## {heading}`, up to the next `## `.
fn section<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = markdown.lines().skip_while(|l| l.trim_end() != format!("## {heading}"));
    assert!(lines.next().is_some(), "no section “{heading}”");
    lines.take_while(|l| !l.starts_with("## ")).collect()
}

/// The text between each pair of backticks in `text`.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Every `.rs` file under `dir`, read.
fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_rule_sentence_is_on_the_method_page_and_every_named_test_exists() {
    let figures = read("docs/figures.md");
    let method = read("content/pages/method.md");
    let rules = section(&figures, "The rules, one sentence each");

    let sentences: Vec<&str> = rules.iter().filter_map(|l| l.strip_prefix("> ")).collect();
    assert!(sentences.len() >= 15, "only {} rule sentences found", sentences.len());
    for s in &sentences {
        assert!(method.contains(s), "content/pages/method.md does not say, word for word:\n{s}");
    }

    let mut code = Vec::new();
    sources(&repo().join("src"), &mut code);
    sources(&repo().join("tests"), &mut code);
    let tests: Vec<&str> =
        rules.iter().filter(|l| l.starts_with("Test: ") || l.starts_with("Tests: ")).flat_map(|l| backticked(l)).collect();
    // Every rule names at least one test.
    assert_eq!(rules.iter().filter(|l| l.starts_with("Test")).count(), sentences.len());
    for name in tests {
        let defined = format!("fn {name}(");
        assert!(code.iter().any(|src| src.contains(&defined)), "docs/figures.md names a test that does not exist: {name}");
    }
}

#[test]
fn every_setting_the_method_page_names_is_documented() {
    let method = read("content/pages/method.md");
    let content_doc = read("docs/content.md");
    // Settings are written `name` or `name: value`; file names and paths contain `/` or `.`.
    for token in backticked(&method) {
        let name = token.split(':').next().unwrap().trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.') || name.ends_with(".yaml") {
            continue;
        }
        let key = name.rsplit('.').next().unwrap();
        let documented =
            [format!("`{name}`"), format!("`rules.{key}`"), format!("`county.{key}`"), format!("\n{key}:"), format!("  {key}:")];
        assert!(
            documented.iter().any(|d| content_doc.contains(d.as_str())),
            "content/pages/method.md names `{name}`, which docs/content.md does not document"
        );
    }
}

#[test]
fn the_site_yaml_example_in_the_docs_is_read_without_unknown_fields() {
    let doc = read("docs/content.md");
    let lines = section(&doc, "site.yaml — 站点设置与统计口径");
    let start = lines.iter().position(|l| *l == "```yaml").expect("a yaml example") + 1;
    let end = start + lines[start..].iter().position(|l| *l == "```").expect("the example ends");
    let example = lines[start..end].join("\n") + "\n";
    let files = [
        ("site.yaml", example.as_str()),
        ("units.yaml", "- {id: t1, name: 甲镇, kind: 镇办}\n"),
        ("leaders.yaml", "- {id: l1, name: 王某}\n"),
        ("chains.yaml", "chains:\n  - {id: agri, name: 新农业}\n"),
    ];
    let loaded = content::from_files(files.iter().map(|(p, t)| (p.to_string(), Ok(t.as_bytes().to_vec()))));
    let problems: Vec<_> = loaded.diagnostics.errors().map(|d| (d.code, d.field.clone(), d.message.en.clone())).collect();
    assert!(problems.is_empty(), "the documented site.yaml has problems: {problems:?}");
    // Each rule of the example is a real setting: the example sets every one of them.
    let rules = &loaded.content.expect("content").site.rules;
    assert_eq!(rules.red_list_top, 5);
    assert_eq!(rules.problem_open_days, 30);
}
