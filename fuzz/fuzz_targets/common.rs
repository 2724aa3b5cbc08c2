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

/// Every `href`/`src` value inside the tags of an HTML text.
pub fn link_targets(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        for attr in ["href=", "src="] {
            for (at, _) in tag.match_indices(attr) {
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
