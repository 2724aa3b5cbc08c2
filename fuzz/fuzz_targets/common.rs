//! Pieces the fuzz targets share: a small county that checks clean, to put one fuzzed file in.
#![allow(dead_code)]

pub const SITE: &str = "title: 测试简报\nissuer: 测试办\n";
pub const UNITS: &str = "- {id: t1, name: 甲镇, kind: 镇办}\n- {id: d1, name: 甲局, kind: 部门}\n";
pub const LEADERS: &str = "- {id: l1, name: 王某}\n";
pub const CHAINS: &str = "chains:\n  - {id: agri, name: 新农业}\n  - {id: other, name: 其他}\n";
pub const TARGETS: &str = "county: {projects: 10, funds: 10000, fdi: 100}\nunits:\n  - {unit: t1, funds: 5000}\n";
pub const PROJECT: &str = "name: 茶叶项目\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 1000\ncontract_amount: 800\nleader: l1\nmeasures: 推进\nunit: t1\nintroduced_by:\n  squad: s1\nmilestones:\n  signed: 2026-03-01\nfunds:\n  - {month: 2026-04, amount: 100, origin: 省外, use: 固定资产}\n";
pub const SQUAD: &str = "name: 第一小分队\nunit: d1\nmembers:\n  - {name: 李某, grade: 科级}\ntrips:\n  - {start: 2026-03-02, end: 2026-03-04, destination: 杭州, people: 3, projects: [p1]}\n";
pub const BRIEFING: &str = "---\nissue: 3\ntitle: 一季度通报\n---\n正文\n";

/// The county's files, with `replace` (path, bytes) put in place of (or beside) its own.
pub fn county(replace: (&str, &[u8])) -> Vec<(String, std::io::Result<Vec<u8>>)> {
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = [
        ("site.yaml", SITE),
        ("units.yaml", UNITS),
        ("leaders.yaml", LEADERS),
        ("chains.yaml", CHAINS),
        ("targets/2026.yaml", TARGETS),
        ("projects/p1.yaml", PROJECT),
        ("squads/s1.yaml", SQUAD),
        ("briefings/2026-03.md", BRIEFING),
    ]
    .into_iter()
    .filter(|(p, _)| *p != replace.0)
    .map(|(p, t)| (p.to_string(), Ok(t.as_bytes().to_vec())))
    .collect();
    files.push((replace.0.to_string(), Ok(replace.1.to_vec())));
    files
}

/// Runs `f` on a one-thread rayon pool: the loader's parallel iterators then run inline, where
/// the global pool would spend most of a small case's time handing work between threads.
pub fn one_thread<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread")).install(f)
}

/// Every `href`/`src` attribute value of every tag of an HTML text, read as a browser reads
/// attributes: a quoted value may hold anything (an `alt` text that reads "src=…" is no link).
pub fn link_targets(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A tag starts with `<` and a letter; anything else is text.
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        // Attributes until the tag's end.
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() || b[i] != b'=' {
                continue;
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                    let v = &html[(i + 1).min(b.len())..end];
                    i = end + 1;
                    v
                }
                _ => {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    &html[start..i]
                }
            };
            if name == "href" || name == "src" {
                found.push(value.to_string());
            }
        }
    }
    found
}

/// The integration tests' helpers, for [`decode_once`]: how a browser reads an attribute value.
#[allow(dead_code)]
#[path = "../../tests/common/mod.rs"]
mod shared;
#[allow(unused_imports)]
pub use shared::decode_once;
