//! Reads a roll-up folder and each of its members, and puts the members' ledgers together into
//! one [`Content`] whose units are the members.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::MemberInfo;
use crate::content::fields::{Decoder, Fields, IdTable, Optional, Required, is_safe_id};
use crate::content::load::ReadCache;
use crate::content::model::{Chain, ChainIx, Content, Leader, LeaderIx, Project, Unit, UnitIx, UnitKind};
use crate::content::problems::{self, RefKind};
use crate::content::yaml::{self, Node};
use crate::content::{Loaded, files};
use crate::diagnostics::{Diagnostic, Diagnostics, Text};
use crate::period::Month;
use crate::source::{FileId, Origin, SourceFile, Sources, Span};

/// A roll-up nests at most this deep (a province of cities of counties is 2): deeper is a
/// folder that lists itself, directly or not.
const MAX_DEPTH: usize = 4;

/// Whether `dir` is a roll-up folder: its `site.yaml` has a top-level `rollup:` key.
pub fn is_rollup(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("site.yaml"))
        .is_ok_and(|text| text.lines().any(|line| line.strip_prefix("rollup:").is_some()))
}

/// Loads the roll-up folder `dir` with all its members. Only an unreadable folder is an `Err`;
/// every other problem, in the roll-up's files or in a member's, is a diagnostic, the member's
/// files named as `商南县: ../../content/projects/p1.yaml`.
pub fn load(dir: &Path) -> std::io::Result<Loaded> {
    load_at(dir, &mut Vec::new(), None)
}

/// [`load`], reusing what `cache` kept of each member from the last read (`serve`).
pub fn load_with(dir: &Path, cache: Option<&ReadCache>) -> std::io::Result<Loaded> {
    load_at(dir, &mut Vec::new(), cache)
}

fn load_at(dir: &Path, within: &mut Vec<PathBuf>, cache: Option<&ReadCache>) -> std::io::Result<Loaded> {
    if !dir.is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"));
    }
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let here = std::fs::canonicalize(dir)?;
    within.push(here);

    let site_file = read(dir, "site.yaml", &mut sources);
    let members_file = read(dir, "members.yaml", &mut sources);
    for (file, path, zh, en) in
        [(site_file, "site.yaml", "站点设置", "site settings"), (members_file, "members.yaml", "成员名单", "members")]
    {
        if file.is_none() {
            diags.push(problems::missing_file(path, zh, en));
        }
    }
    let mut site = None;
    if let Some((file, tree)) = site_file.and_then(|f| parse(&sources, f, &mut diags)) {
        run(&sources, file, &mut diags, &mut |d| site = files::site::decode(d, &tree));
    }

    // The members, each loaded as it is.
    let mut members: Vec<(MemberInfo, Content, Origin, u32)> = Vec::new();
    let mut failed = false;
    // Every member listed, loaded or not: the targets may name one whose folder has errors
    // (that member's errors are reported; naming it is not one more).
    let mut listed_ids: Vec<(String, String)> = Vec::new();
    if let Some((file, tree)) = members_file.and_then(|f| parse(&sources, f, &mut diags)) {
        let mut listed = Vec::new();
        run(&sources, file, &mut diags, &mut |d| listed = decode_members(d, &tree));
        listed_ids = listed.iter().map(|(m, _, _)| (m.id.clone(), m.name.clone())).collect();
        // Members load in parallel (a province reads a hundred county folders); what they
        // found is then taken in order.
        enum Got {
            Loaded(Box<Loaded>),
            Circular,
            Unreadable,
        }
        let got: Vec<Got> = {
            use rayon::prelude::*;
            listed
                .par_iter()
                .map(|(info, _, _)| {
                    let folder = dir.join(&info.folder);
                    match std::fs::canonicalize(&folder) {
                        Ok(path) if within.contains(&path) || within.len() > MAX_DEPTH => Got::Circular,
                        Ok(path) => {
                            let kept = cache.map(|c| c.member(&path));
                            let loaded = if is_rollup(&folder) {
                                load_at(&folder, &mut within.clone(), kept.as_deref())
                            } else {
                                crate::content::load::load_with(&folder, kept.as_deref())
                            };
                            loaded.map_or(Got::Unreadable, |mut l| {
                                // The member's problems are found: its texts are let go (read
                                // again for a later message), all but those of files with a
                                // problem, which are about to be shown. `serve` keeps them for
                                // the next save anyway.
                                if kept.is_none() {
                                    let with_problems: HashSet<FileId> = l.diagnostics.0.iter().filter_map(|d| d.file).collect();
                                    l.sources.release(&folder, |f| with_problems.contains(&f));
                                }
                                Got::Loaded(Box::new(l))
                            })
                        }
                        Err(_) => Got::Unreadable,
                    }
                })
                .collect()
        };
        if let Some(cache) = cache {
            // A member no longer listed is forgotten.
            let folders: Vec<PathBuf> =
                listed.iter().filter_map(|(info, _, _)| std::fs::canonicalize(dir.join(&info.folder)).ok()).collect();
            cache.keep_members(&folders);
        }
        for ((info, origin, folder_span), got) in listed.into_iter().zip(got) {
            let member = match got {
                Got::Circular => {
                    diags.push(
                        member_problem(
                            &info,
                            "成员文件夹又包含了本汇总站点（循环引用）",
                            "the member folder contains this roll-up again",
                        )
                        .at(file, folder_span),
                    );
                    failed = true;
                    continue;
                }
                Got::Loaded(loaded) => Some(*loaded),
                Got::Unreadable => None,
            };
            let Some(mut loaded) = member else {
                diags.push(
                    member_problem(
                        &info,
                        &format!("找不到成员 {} 的文件夹 {}", info.name, info.folder),
                        &format!("cannot read the folder {} of member {}", info.folder, info.name),
                    )
                    .at(file, folder_span),
                );
                failed = true;
                continue;
            };
            let prefix = format!("{}: {}/", info.name, info.folder.trim_end_matches('/'));
            let shift = sources.absorb(std::mem::take(&mut loaded.sources), &prefix);
            for mut d in loaded.diagnostics.0 {
                d.file = d.file.map(|f| FileId(f.0 + shift));
                if d.file.is_none() {
                    d.field = Some(match d.field {
                        Some(f) => format!("{}: {f}", info.name),
                        None => info.name.clone(),
                    });
                }
                diags.push(d);
            }
            match loaded.content {
                Some(content) => {
                    let info = MemberInfo { rules: content.site.rules.clone(), ..info };
                    members.push((info, content, origin, shift))
                }
                None => failed = true,
            }
        }
    }
    within.pop();

    // The roll-up's targets and 通报.
    let member_ids = IdTable::from_ids(RefKind::Member, listed_ids.iter().map(|(id, name)| (id.as_str(), Some(name.as_str()))));
    let mut targets = BTreeMap::new();
    let mut briefings = Vec::new();
    let mut issues = HashMap::new();
    for (rel, year) in listing(dir, "targets", ".yaml", |stem| stem.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y))) {
        if let Some(file) = read(dir, &rel, &mut sources)
            && let Some((file, tree)) = parse(&sources, file, &mut diags)
        {
            run(&sources, file, &mut diags, &mut |d| {
                if let Some(t) = files::targets::decode_with(d, &tree, year, &member_ids, &files::targets::ROLLUP) {
                    targets.insert(year, t);
                }
            });
        }
    }
    for (rel, month) in listing(dir, "briefings", ".md", Month::parse) {
        if let Some(file) = read(dir, &rel, &mut sources) {
            run(&sources, file, &mut diags, &mut |d| {
                briefings.extend(files::markdown::briefing(d, month, &targets, &mut issues));
                check_rollup_placeholders(d);
            });
        }
    }
    briefings.sort_by_key(|b| b.period);

    diags.sort();
    let content = match (site, failed || diags.has_errors()) {
        (Some(site), false) => Some(merge(site, members, targets, briefings)),
        _ => None,
    };
    Ok(Loaded { sources, content, diagnostics: diags })
}

/// `rel` under `dir` as a source file, or `None` when it cannot be read.
fn read(dir: &Path, rel: &str, sources: &mut Sources) -> Option<FileId> {
    let text = std::fs::read_to_string(dir.join(rel)).ok()?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Some(sources.add(SourceFile::new(rel.to_string(), text)))
}

/// The files `folder/<stem><ext>` whose stem `key` accepts, sorted.
fn listing<K>(dir: &Path, folder: &str, ext: &str, key: impl Fn(&str) -> Option<K>) -> Vec<(String, K)> {
    let Ok(entries) = std::fs::read_dir(dir.join(folder)) else { return Vec::new() };
    let mut out: Vec<(String, K)> = entries
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let k = key(name.strip_suffix(ext)?)?;
            Some((format!("{folder}/{name}"), k))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn parse(sources: &Sources, file: FileId, diags: &mut Diagnostics) -> Option<(FileId, Node)> {
    match yaml::parse(sources.get(file)) {
        Ok(Some(tree)) => Some((file, tree)),
        Ok(None) => {
            diags.push(problems::empty_file().at(file, None));
            None
        }
        Err(errors) => {
            let mut d = Decoder::new(file, sources.get(file));
            files::report_syntax(&mut d, errors);
            diags.extend(d.into_diagnostics());
            None
        }
    }
}

fn run(sources: &Sources, file: FileId, diags: &mut Diagnostics, go: &mut dyn FnMut(&mut Decoder)) {
    let mut d = Decoder::new(file, sources.get(file));
    go(&mut d);
    diags.extend(d.into_diagnostics());
}

/// `members.yaml`: a list of `{id, name, folder, site}`.
fn decode_members(d: &mut Decoder, node: &Node) -> Vec<(MemberInfo, Origin, Option<Span>)> {
    let mut out: Vec<(MemberInfo, Origin, Option<Span>)> = Vec::new();
    let mut seen = HashSet::new();
    for (path, item) in crate::content::fields::items(d, node, "", false) {
        let Some(mut f) = Fields::of(d, item, path.clone()) else { continue };
        let id = f.text(d, "id", Required);
        let name = f.text(d, "name", Required);
        let folder = f.text(d, "folder", Required);
        let site = f.text(d, "site", Optional);
        let (id_span, folder_span, site_span) = (f.span_of("id"), f.span_of("folder"), f.span_of("site"));
        f.finish(d);
        let (Some(id), Some(name), Some(folder)) = (id, name, folder) else { continue };
        // The name and folder reach every message about the member's files, and the site link
        // its page: no control character, and a link only to a web page or a relative path.
        if let Some((key, _)) = [("name", &name), ("folder", &folder)].into_iter().find(|(_, v)| v.chars().any(char::is_control))
        {
            d.report(
                Diagnostic::error(
                    "control-character",
                    Text::new(format!("{key} 里有控制字符"), format!("`{key}` holds a control character")),
                )
                .field(format!("{path}.{key}"))
                .help(Text::new("删掉看不见的字符，重新输入", "retype it without the invisible character")),
                Some(item.span),
            );
            continue;
        }
        if let Some(link) = &site {
            let web = matches!(crate::content::links::scheme(link).as_deref(), None | Some("http" | "https"));
            if !web || link.chars().any(char::is_control) {
                d.report(
                    Diagnostic::error(
                        "bad-site-link",
                        Text::new(
                            format!("成员网站 “{link}” 不是网址或相对路径"),
                            format!("member site `{link}` is neither a web address nor a relative path"),
                        ),
                    )
                    .field(format!("{path}.site"))
                    .help(Text::new(
                        "写 https://… 的地址，或相对于本市网站根目录的路径，例如 ../shangnan/index.html",
                        "write an https:// address or a path relative to this site's root",
                    )),
                    site_span,
                );
                continue;
            }
        }
        if !is_safe_id(&id) {
            d.report(
                Diagnostic::error(
                    "bad-id",
                    Text::new(
                        format!("成员编号 “{id}” 只能用字母、数字、- 和 _"),
                        format!("member id `{id}` may hold only letters, digits, - and _"),
                    ),
                )
                .field(format!("{path}.id"))
                .help(Text::new("编号会成为网址的一部分，例如 shangnan", "the id becomes part of a page address, e.g. shangnan")),
                id_span,
            );
            continue;
        }
        if !seen.insert(id.clone()) {
            d.report(problems::duplicate_id(&format!("{path}.id"), RefKind::Member, &id, "members.yaml"), id_span);
            continue;
        }
        let origin = d.origin(item.span);
        out.push((MemberInfo { id, name, folder, site, rules: Default::default(), own: None }, origin, folder_span));
    }
    out
}

fn member_problem(info: &MemberInfo, zh: &str, en: &str) -> Diagnostic {
    Diagnostic::error("member-folder", Text::new(zh.to_string(), en.to_string()))
        .field(format!("{}.folder", info.id))
        .help(Text::new(
            "folder 写成员内容文件夹相对于本文件夹的路径（例如 ../shangnan/content），并确认已检出（git submodule update --init）",
            "write the member's content folder relative to this folder (e.g. ../shangnan/content) and make sure it is checked out",
        ))
}

/// Figures a roll-up's 通报 can print: the totals, not what only a county keeps (squads,
/// factories, meetings).
const COUNTY_ONLY: &[&str] =
    &["squads.ok_rate", "squads.missed", "factories.rate", "meetings.closed_rate", "agreements.converted"];

fn check_rollup_placeholders(d: &mut Decoder) {
    let Some(parts) = files::markdown::split(d.src.text()) else { return };
    for found in crate::content::placeholders::scan(&d.src.text()[parts.body.clone()]) {
        if let Ok(crate::content::placeholders::Placeholder::Figure(key)) = found.what
            && COUNTY_ONLY.contains(&key)
        {
            let at = parts.body.start + found.range.start;
            d.report(
                Diagnostic::error(
                    "rollup-placeholder",
                    Text::new(
                        format!("汇总站点的通报里不能用 {{{{ {key} }}}}：这是县里才有的数据"),
                        format!("`{{{{ {key} }}}}` is a county's figure, not a roll-up's"),
                    ),
                )
                .help(Text::new(
                    "改用总量、完成率、同比或“四率”，成员排名见通报后的表格",
                    "use the totals, completions, 同比 or the four rates",
                )),
                Some(Span::new(at..at + found.range.len())),
            );
        }
    }
}

/// The members' ledgers as one: each member becomes a unit (in `members.yaml`'s order), its
/// projects are credited to it with ids `<member>-<id>`, chains are shared by id, leaders kept
/// apart; the roll-up's site, rules, targets and 通报 go with them. Squads, factories and
/// meetings stay with the counties.
fn merge(
    site: crate::content::model::Site,
    members: Vec<(MemberInfo, Content, Origin, u32)>,
    targets: BTreeMap<i32, crate::content::model::YearTargets>,
    briefings: Vec<crate::content::model::Briefing>,
) -> Content {
    let mut units = Vec::new();
    let mut chains: Vec<Chain> = Vec::new();
    let mut leaders: Vec<Leader> = Vec::new();
    let mut projects: Vec<Project> = Vec::new();
    let mut infos = Vec::new();
    for (i, (info, content, origin, shift)) in members.into_iter().enumerate() {
        let unit = UnitIx(i as u32);
        units.push(Unit { id: info.id.clone(), name: info.name.clone(), kind: UnitKind::Town, head: None, origin });
        let chain_map: Vec<ChainIx> = content
            .chains
            .iter()
            .map(|c| match chains.iter().position(|x| x.id == c.id) {
                Some(at) => ChainIx(at as u32),
                None => {
                    chains.push(c.clone());
                    ChainIx(chains.len() as u32 - 1)
                }
            })
            .collect();
        let leader_base = leaders.len() as u32;
        leaders.extend(content.leaders.iter().map(|l| Leader { id: format!("{}-{}", info.id, l.id), ..l.clone() }));
        for mut p in content.projects {
            p.id = format!("{}-{}", info.id, p.id);
            p.chain = chain_map[p.chain.get()];
            p.leader = p.leader.map(|l| LeaderIx(leader_base + l.0));
            p.town = None;
            p.unit = Some(unit);
            p.introduced_by_squad = None;
            p.introduced_by_unit = None;
            p.credit_unit = Some(unit);
            // Its lines are in the member's files, now after the roll-up's own in the sources.
            p.origin.file = FileId(p.origin.file.0 + shift);
            for problem in &mut p.problems {
                problem.origin.file = FileId(problem.origin.file.0 + shift);
            }
            projects.push(p);
        }
        infos.push(info);
    }
    projects.sort_by(|a, b| a.id.cmp(&b.id));
    Content {
        site,
        units,
        leaders,
        chains,
        cluster: None,
        squads: Vec::new(),
        projects,
        parks: Vec::new(),
        targets,
        meetings: Vec::new(),
        briefings,
        pages: Vec::new(),
        assets: Vec::new(),
        issued: Vec::new(),
        corrections: Vec::new(),
        members: infos,
        fund_months: Default::default(),
    }
}
