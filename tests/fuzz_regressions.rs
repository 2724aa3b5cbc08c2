//! Inputs the fuzzer (fuzz/, see docs/reliability.md) found to crash or break an invariant,
//! each pinned here so that it stays fixed on stable, in the normal `cargo test`.

mod common;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin");

/// A one-row ledger whose sheet XML goes through `edit`, zipped again as Excel would.
fn ledger_with_sheet_xml(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, (h, v)) in [("项目名称", "新项目"), ("投资方", "某公司"), ("签约日期", "2026-01-10")].into_iter().enumerate()
    {
        sheet.write_string(0, c as u16, h).unwrap();
        sheet.write_string(1, c as u16, v).unwrap();
    }
    let original = book.save_to_buffer().unwrap();
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..from.len() {
        let mut part = from.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            bytes = edit(&String::from_utf8(bytes).unwrap()).into_bytes();
        }
        to.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        to.write_all(&bytes).unwrap();
    }
    to.finish().unwrap().into_inner()
}

/// fuzz/import, 2026-11-30: a cell reference with more column letters than a u32 can count
/// ("AAAAAAAB2") made calamine 0.38 panic on an arithmetic overflow (a build with overflow
/// checks crashed; a release build read a wrapped, wrong position). The workbook is refused
/// as damaged, with a fix the clerk can carry out, and no panic message reaches the terminal.
#[test]
fn a_cell_reference_too_long_to_count_is_a_damaged_workbook_not_a_crash() {
    let book = ledger_with_sheet_xml(|xml| {
        assert!(xml.contains(r#"r="B2""#), "{xml}");
        xml.replace(r#"r="B2""#, r#"r="AAAAAAAB2""#)
    });

    let read = std::panic::catch_unwind(|| bulletin::excel::import::read_sheets(book.clone()));
    let err = read.expect("reading a hostile workbook does not panic").expect_err("a damaged workbook is refused");
    assert!(err.to_string().contains("已损坏"), "{err}");

    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::small_site(&content, "茶叶项目");
    let path = tmp.path().join("台账.xlsx");
    fs::write(&path, &book).unwrap();
    let run = Command::new(BIN).arg("import").arg(&path).arg("--content").arg(&content).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("已损坏") && stderr.contains("另存为"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!Path::new(&content.join("projects/p2.yaml")).exists());
}

/// The markdown target's oracle decoded `&amp;#x3A;` twice (to `:`) and took the escaped
/// `vunitbetsl.\&#x3A;t:msgbox` for a scheme. A browser decodes it once: a relative link whose
/// `#` starts a fragment. Every link of that input is allowed, read as a browser reads it.
#[test]
fn an_escaped_entity_in_a_link_is_read_once_as_a_browser_does() {
    let bytes = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-markdown-escaped-entity.md")).unwrap();
    let body = String::from_utf8_lossy(&bytes);
    let html = bulletin::render::markdown::render_with(&body, &|key| format!("<{key}>&\"'"), &|_| String::new());
    let targets = common::link_targets(&html);
    assert!(targets.iter().any(|t| t == "vunitbetsl.&amp;#x3A;t:msgbox"), "{targets:?}");
    for t in &targets {
        let read = common::decode_once(t);
        assert!(bulletin::content::links::is_allowed(&read), "{t} reads as {read} in {html}");
    }
    assert_eq!(common::decode_once("vunitbetsl.&amp;#x3A;t:msgbox"), "vunitbetsl.&#x3A;t:msgbox");
    assert_eq!(bulletin::content::links::scheme("vunitbetsl.&#x3A;t:msgbox"), None);
    // The javascript: links of the same input are dropped (their text stays, as text).
    assert!(!targets.iter().any(|t| common::decode_once(t).to_ascii_lowercase().trim().starts_with("javascript")), "{html}");
}
