//! The sample content checks clean, and breaking a single field anywhere in it gives an
//! error that names that file and that line (and makes `check` exit 1).

use std::fs;
use std::path::{Path, PathBuf};

use bulletin::content::{self, Loaded};
use bulletin::diagnostics::{Lang, render};
use rayon::prelude::*;

fn sample_files() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn load(files: &[(String, Vec<u8>)]) -> Loaded {
    content::from_files(files.iter().map(|(p, b)| (p.clone(), Ok(b.clone()))))
}

#[test]
fn the_sample_checks_clean() {
    let loaded = load(&sample_files());
    let errors: Vec<String> = loaded.diagnostics.errors().map(|d| render::text(d, &loaded.sources, Lang::En, false)).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(loaded.content.is_some());
}

/// Lines of a YAML text (or front matter) that hold a `key: value` field.
fn field_lines(text: &str, markdown: bool) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut in_front = false;
    for (i, line) in text.lines().enumerate() {
        if markdown {
            if line.trim_end() == "---" {
                if in_front {
                    break;
                }
                in_front = true;
                continue;
            }
            if !in_front {
                continue;
            }
        }
        let body = line.trim_start().trim_start_matches("- ");
        let key_len = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(0);
        if key_len > 0 && body[key_len..].starts_with(':') {
            lines.push(i + 1);
        }
    }
    lines
}

#[test]
fn breaking_any_field_names_its_file_and_line() {
    let files = sample_files();
    // Every field of the small files; a spread of fields of the many project and squad files.
    let mut cases = Vec::new();
    for (index, (path, bytes)) in files.iter().enumerate() {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let lines = field_lines(&text, path.ends_with(".md"));
        let step = if path.starts_with("projects/") || path.starts_with("squads/") { 1 + lines.len() / 4 } else { 1 };
        cases.extend(lines.into_iter().step_by(step).map(|line_no| (index, line_no)));
    }
    assert!(cases.len() > 300, "only {} fields tried", cases.len());
    // Each case loads the whole sample once: run them on every core (the slowest test, 300 loads
    // one after another, took most of the suite's time).
    cases.par_iter().for_each(|&(index, line_no)| {
        let (path, bytes) = &files[index];
        let broken: String = std::str::from_utf8(bytes)
            .unwrap()
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == line_no {
                    let at = l.find(':').unwrap();
                    format!("{}_x{}\n", &l[..at], &l[at..])
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let loaded = content::from_files(
            files
                .iter()
                .enumerate()
                .map(|(i, (p, b))| (p.clone(), Ok(if i == index { broken.as_bytes().to_vec() } else { b.clone() }))),
        );
        let hit = loaded.diagnostics.errors().any(|d| {
            let src = loaded.sources.get(d.file.unwrap());
            src.path == *path && d.span.is_some_and(|s| src.line_col(s.start).0 == line_no)
        });
        assert!(hit, "renaming the field on {path}:{line_no} gave no error at that line");
        assert!(loaded.content.is_none());
    });
}

#[test]
fn check_exits_1_on_a_broken_sample_and_0_on_the_sample() {
    let bin = env!("CARGO_BIN_EXE_bulletin");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let ok = std::process::Command::new(bin).args(["check", "--content"]).arg(&root).output().unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));

    let tmp = tempfile::tempdir().unwrap();
    copy(&root, tmp.path());
    let project = tmp.path().join("projects/p2026-001.yaml");
    let text = fs::read_to_string(&project).unwrap().replacen("contract_amount:", "contract_amount: x\nold_amount:", 1);
    fs::write(&project, text).unwrap();
    let broken =
        std::process::Command::new(bin).args(["check", "--format", "json", "--content"]).arg(tmp.path()).output().unwrap();
    assert_eq!(broken.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&broken.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert!(report["errors"].as_array().unwrap().iter().all(|e| e["file"] == "projects/p2026-001.yaml"));

    let usage = std::process::Command::new(bin).args(["check", "--format", "xml"]).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

fn copy(from: &Path, to: &Path) {
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy(&p, &target);
        } else {
            fs::copy(&p, &target).unwrap();
        }
    }
}
