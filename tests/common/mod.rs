//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every file under `dir`: path relative to it with `/` separators → bytes.
#[allow(dead_code)]
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The values of every `href` and `src` attribute of the tags of an HTML text (attributes
/// only: text such as `&lt;a href="…"&gt;` is not a tag), quotes either way.
#[allow(dead_code)]
pub fn link_targets(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        for attr in ["href=", "src="] {
            for (at, _) in tag.match_indices(attr) {
                // Only a whole attribute name: preceded by a space.
                if !tag[..at].ends_with([' ', '\n', '\t']) {
                    continue;
                }
                let value = &tag[at + attr.len()..];
                let (quote, value) = match value.chars().next() {
                    Some(q @ ('"' | '\'')) => (q, &value[1..]),
                    _ => (' ', value),
                };
                found.push(value[..value.find(quote).unwrap_or(value.len())].to_string());
            }
        }
    }
    found
}

/// A small content folder that builds: one unit, one chain, one project named `project_name`
/// (pass hostile text to test escaping) and a January briefing.
#[allow(dead_code)]
pub fn small_site(dir: &Path, project_name: &str) {
    let w = |p: &str, t: &str| {
        let path = dir.join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, t).unwrap();
    };
    w("site.yaml", "title: 测试简报\nissuer: 测试办\n");
    w("units.yaml", "- {id: u1, name: \"<b>甲镇</b>\", kind: 镇办}\n");
    w("chains.yaml", "chains:\n  - {id: agri, name: 新农业}\n");
    w("targets/2026.yaml", "county: {projects: 10, funds: 1000, fdi: 100}\n");
    w(
        "projects/p1.yaml",
        &format!(
            "name: \"{project_name}\"\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\nunit: u1\nmilestones:\n  signed: 2026-01-05\n"
        ),
    );
    w("briefings/2026-01.md", "---\nissue: 1\ntitle: \"<script>alert(2)</script>\"\n---\n正文 <script>alert(3)</script>\n");
}

/// Runs git in `dir` as `author`, with no user or system configuration, failing the test on
/// error; returns its output.
#[allow(dead_code)]
pub fn git(dir: &Path, author: &str, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", format!("{author}@example.org"))
        .env("GIT_COMMITTER_NAME", author)
        .env("GIT_COMMITTER_EMAIL", format!("{author}@example.org"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An attribute value as a browser reads it: each character reference decoded once, left to
/// right (`&amp;#x3A;` is `&#x3A;`, not `:`); the same as fuzz/fuzz_targets/common.rs.
#[allow(dead_code)]
pub fn decode_once(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|e| *e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "colon" => Some(':'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => match name.strip_prefix('#') {
                    Some(n) => match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse::<u32>().ok(),
                    }
                    .and_then(char::from_u32),
                    None => None,
                },
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Copies the folder `from` to `to`, recursively.
#[allow(dead_code)]
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() { copy_dir(&p, &target) } else { fs::copy(&p, &target).map(|_| ()).unwrap() }
    }
}
