//! The YAML reader and its spanned tree: any text gives a tree whose spans lie inside the text
//! (on character boundaries), or errors at offsets inside it; never a panic, within the limits.
#![no_main]

use bulletin::content::yaml::{self, Node, NodeKind};
use bulletin::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fn check(node: &Node, text: &str, count: &mut usize) {
    *count += 1;
    let (start, end) = (node.span.start as usize, node.span.end as usize);
    assert!(start <= end && end <= text.len(), "span {start}..{end} outside a text of {}", text.len());
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {start}..{end} splits a character");
    match &node.kind {
        NodeKind::Scalar { .. } => {}
        NodeKind::Seq(items) => items.iter().for_each(|n| check(n, text, count)),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
            check(k, text, count);
            check(v, text, count);
        }),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = SourceFile::new("t.yaml".into(), text.clone());
    match yaml::parse(&file) {
        Ok(Some(root)) => {
            let mut count = 0;
            check(&root, &text, &mut count);
            // Aliases may repeat at most MAX_ALIAS_NODES nodes beyond what the text holds.
            assert!(count <= yaml::MAX_NODES + yaml::MAX_ALIAS_NODES + 1, "{count} nodes");
        }
        Ok(None) => {}
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(e.at as usize <= text.len(), "error at {} outside a text of {}", e.at, text.len());
            }
        }
    }
});
