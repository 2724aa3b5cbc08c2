//! Reads a content folder: finds the files, parses them, and decodes them in the order their
//! references need (lists first, then squads, projects, factories, meetings, briefings).
//!
//! [`read`] takes the files off the disk, [`classify`] says what each one is from its path,
//! and this module decodes them in dependency order into a [`Content`].

mod classify;
mod kept;
mod read;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::Loaded;
use super::fields::{Decoder, IdTable};
use super::files::{self, Tables, registries::SeenIds};
use super::model::{Asset, Content, CorrectionNote, IssuedFile, Project, Squad, UnitIx};
use super::problems::{self, RefKind};
use super::yaml::{self, Node};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::period::Month;
use crate::source::{FileId, SourceFile, Sources, Text};
pub use classify::ASSET_EXTENSIONS;
use classify::{Class, Kind, classify};
pub use kept::ReadCache;
pub use read::{MAX_ASSET_BYTES, MAX_MARKDOWN_BYTES, MAX_YAML_BYTES, load, load_with, read_folder};
use read::{NotRead, Read, not_read, read_problem};

/// A file found in the folder, before it is decoded.
struct Found {
    file: FileId,
    kind: Kind,
    tree: Option<Node>,
    /// The file could not be read; its name still counts (its id exists, so references to it
    /// are not reported as unknown).
    unreadable: bool,
}

/// Loads content from files already read: (path relative to the content folder with `/`
/// separators, bytes or the read error). Used by `load`, and by tests and `serve` directly.
pub fn from_files(files: impl IntoIterator<Item = (String, std::io::Result<Vec<u8>>)>) -> Loaded {
    from_files_with(files, None)
}

/// [`from_files`], reusing the projects and squads decoded last time that nothing changed for
/// (`serve`).
pub fn from_files_with(files: impl IntoIterator<Item = (String, std::io::Result<Vec<u8>>)>, cache: Option<&ReadCache>) -> Loaded {
    let files = files.into_iter().map(|(rel, bytes)| (rel, bytes.map(|b| Read::Bytes(b, None)))).collect();
    from_read(files, cache, std::time::SystemTime::now())
}

/// Loads content from files read at `read_at`, some of them perhaps kept from the last read
/// in `cache` (whose texts are then replaced by this read's).
fn from_read(
    mut files: Vec<(String, std::io::Result<Read>)>,
    cache: Option<&ReadCache>,
    read_at: std::time::SystemTime,
) -> Loaded {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let mut found: Vec<Found> = Vec::new();
    let mut assets: Vec<Asset> = Vec::new();
    let mut other_folders: BTreeMap<String, usize> = BTreeMap::new();
    let mut texts = Vec::new();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (rel, bytes) in files {
        // A link is never followed, whatever it points to (a folder of projects, /etc/passwd).
        if let Err(e) = &bytes
            && matches!(not_read(e), Some(NotRead::Symlink))
        {
            let id = sources.add(SourceFile::new(rel, String::new()));
            diags.push(problems::symlink().at(id, None));
            continue;
        }
        let class = classify(&rel);
        let kind = match class {
            Class::Skip => continue,
            Class::OtherFolder(folder) => {
                *other_folders.entry(folder).or_default() += 1;
                continue;
            }
            Class::Ignored(d) => {
                let id = sources.add(SourceFile::new(rel, String::new()));
                diags.push(d.at(id, None));
                continue;
            }
            Class::Asset => {
                match bytes {
                    Ok(Read::Bytes(bytes, _)) => assets.push(Asset { path: rel, bytes }),
                    Ok(Read::Kept(text, _)) => assets.push(Asset { path: rel, bytes: text.as_str().as_bytes().to_vec() }),
                    Err(e) => {
                        let id = sources.add(SourceFile::new(rel, String::new()));
                        diags.push(read_problem(&e).at(id, None));
                    }
                }
                continue;
            }
            Class::Content(kind) => kind,
        };
        let (bytes, stamp) = match bytes {
            Ok(Read::Bytes(b, stamp)) => (b, stamp),
            // Unchanged since the last read, which found it valid UTF-8.
            Ok(Read::Kept(text, stamp)) => {
                texts.push((rel.clone(), stamp, text.clone()));
                let file = sources.add(SourceFile::shared(rel, text));
                found.push(Found { file, kind, tree: None, unreadable: false });
                continue;
            }
            Err(e) => {
                let file = sources.add(SourceFile::new(rel, String::new()));
                diags.push(read_problem(&e).at(file, None));
                found.push(Found { file, kind, tree: None, unreadable: true });
                continue;
            }
        };
        let (text, utf8) = match String::from_utf8(bytes) {
            Ok(t) => (t, true),
            Err(_) => (String::new(), false),
        };
        // Windows editors put a byte-order mark at the start; it is not content.
        let text = Text::new(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text));
        if let Some(stamp) = stamp.filter(|_| utf8) {
            texts.push((rel.clone(), stamp, text.clone()));
        }
        let file = sources.add(SourceFile::shared(rel, text));
        if !utf8 {
            diags.push(problems::not_utf8().at(file, None));
            found.push(Found { file, kind, tree: None, unreadable: true });
            continue;
        }
        found.push(Found { file, kind, tree: None, unreadable: false });
    }
    if let Some(cache) = cache {
        cache.keep_texts(texts, read_at);
    }
    for (folder, count) in other_folders {
        diags.push(problems::other_folder(&folder, count));
    }

    // Parse every YAML file but the projects and squads (Markdown front matter is parsed by its
    // decoder; each project and squad is parsed just before it is decoded, so its tree is never
    // held for long: a squad's trips of ten years make a tree ten times its text).
    let parsed: Vec<_> = found
        .par_iter()
        .map(|f| {
            (!f.unreadable
                && !matches!(f.kind, Kind::Briefing(_) | Kind::Page(_) | Kind::Project(_) | Kind::Squad(_) | Kind::Issued(_)))
            .then(|| parse(&sources, f.file))
        })
        .collect();
    for (f, parsed) in found.iter_mut().zip(parsed) {
        if let Some((tree, problems)) = parsed {
            f.tree = tree;
            diags.extend(problems);
        }
    }

    let content = decode_all(&sources, &found, &mut diags, cache).map(|mut c| {
        c.assets = assets;
        c
    });
    diags.sort();
    let content = if diags.has_errors() { None } else { content };
    Loaded { sources, content, diagnostics: diags }
}

/// Parses one YAML file: its tree, or the problems that kept it from having one.
fn parse(sources: &Sources, file: FileId) -> (Option<Node>, Vec<Diagnostic>) {
    let src = sources.get(file);
    match yaml::parse(src) {
        Ok(Some(tree)) => (Some(tree), Vec::new()),
        Ok(None) => (None, vec![problems::empty_file().at(file, None)]),
        Err(errors) => {
            let mut d = Decoder::new(file, src);
            files::report_syntax(&mut d, errors);
            (None, d.into_diagnostics())
        }
    }
}

/// Parses and decodes one file named `id`: what it holds, or `None`, and the problems found.
fn decode_one<T>(
    sources: &Sources,
    id: &str,
    f: &Found,
    decode: &(dyn Fn(&mut Decoder, &Node, &str) -> Option<T> + Sync),
) -> (Option<T>, Vec<Diagnostic>) {
    let (tree, mut problems) = parse(sources, f.file);
    let mut d = Decoder::new(f.file, sources.get(f.file));
    let item = tree.and_then(|tree| decode(&mut d, &tree, id));
    problems.extend(d.into_diagnostics());
    (item, problems)
}

/// Parses and decodes `files` (named by their ids) in parallel, each tree dropped once decoded;
/// `None` for a file that could not be read, parsed or decoded (its problems are in `diags`).
fn parse_and_decode<T: Send>(
    sources: &Sources,
    files: &[(&str, &Found)],
    diags: &mut Diagnostics,
    decode: &(dyn Fn(&mut Decoder, &Node, &str) -> Option<T> + Sync),
) -> Vec<Option<T>> {
    let mut decoded: Vec<(Option<T>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(id, f)| if f.unreadable { (None, Vec::new()) } else { decode_one(sources, id, f, decode) })
        .collect();
    for (_, problems) in &mut decoded {
        diags.extend(std::mem::take(problems));
    }
    // Collected in place: a ledger of 50 000 projects is not held twice.
    decoded.into_iter().map(|(item, _)| item).collect()
}

/// Decodes the parsed files in dependency order. Returns `None` if a required piece is
/// missing; any other problem is in `diags`.
fn decode_all(sources: &Sources, found: &[Found], diags: &mut Diagnostics, cache: Option<&ReadCache>) -> Option<Content> {
    let one = |kind: &Kind| found.iter().find(|f| &f.kind == kind);
    fn with_tree(f: &Found) -> Option<(FileId, &Node)> {
        f.tree.as_ref().map(|t| (f.file, t))
    }
    let run = |file: FileId, diags: &mut Diagnostics, go: &mut dyn FnMut(&mut Decoder)| {
        let mut d = Decoder::new(file, sources.get(file));
        go(&mut d);
        diags.extend(d.into_diagnostics());
    };

    let mut missing = Vec::new();
    for (kind, path, zh, en) in [
        (Kind::Site, "site.yaml", "站点设置", "site settings"),
        (Kind::Units, "units.yaml", "责任单位", "units"),
        (Kind::Chains, "chains.yaml", "产业链", "industry chains"),
    ] {
        if one(&kind).is_none() {
            missing.push(problems::missing_file(path, zh, en));
        }
    }
    let missing_required = !missing.is_empty();
    diags.extend(missing);

    let mut site = None;
    if let Some((file, tree)) = one(&Kind::Site).and_then(with_tree) {
        run(file, diags, &mut |d| site = files::site::decode(d, tree));
    }
    let mut units = Vec::new();
    if let Some((file, tree)) = one(&Kind::Units).and_then(with_tree) {
        run(file, diags, &mut |d| units = files::registries::units(d, tree));
    }
    let mut leaders = Vec::new();
    if let Some((file, tree)) = one(&Kind::Leaders).and_then(with_tree) {
        run(file, diags, &mut |d| leaders = files::registries::leaders(d, tree));
    }
    let (mut cluster, mut chains) = (None, Vec::new());
    if let Some((file, tree)) = one(&Kind::Chains).and_then(with_tree) {
        run(file, diags, &mut |d| (cluster, chains) = files::registries::chains(d, tree));
    }

    // Projects and squads are named by their files; check those names before anything
    // refers to them.
    let mut seen_projects = SeenIds::default();
    let mut seen_squads = SeenIds::default();
    let mut project_files: Vec<(&str, &Found)> = Vec::new();
    let mut squad_files: Vec<(&str, &Found)> = Vec::new();
    for f in found {
        match &f.kind {
            Kind::Project(id) | Kind::Squad(id) => {
                let (seen, kind, list) = match f.kind {
                    Kind::Project(_) => (&mut seen_projects, RefKind::Project, &mut project_files),
                    _ => (&mut seen_squads, RefKind::Squad, &mut squad_files),
                };
                let mut d = Decoder::new(f.file, sources.get(f.file));
                if seen.check(&mut d, kind, "", id, None) {
                    list.push((id.as_str(), f));
                } else if !f.unreadable {
                    // Not decoded, but its syntax problems are still worth reporting now.
                    diags.extend(parse(sources, f.file).1);
                }
                diags.extend(d.into_diagnostics());
            }
            _ => {}
        }
    }
    project_files.sort_by(|a, b| a.0.cmp(b.0));
    squad_files.sort_by(|a, b| a.0.cmp(b.0));

    // A list that could not be read or parsed makes its ids unknown; references to them are
    // then not reported (the file's own problem is), so one bad file is one error.
    let readable = |kind: &Kind| one(kind).is_some_and(|f| f.tree.is_some());
    let mut tables = Tables {
        units: IdTable::from_ids(RefKind::Unit, units.iter().map(|u| (u.id.as_str(), Some(u.name.as_str()))))
            .complete_if(readable(&Kind::Units)),
        unit_kinds: units.iter().map(|u| u.kind).collect(),
        units_ids: units.iter().map(|u| u.id.clone()).collect(),
        leaders: IdTable::from_ids(RefKind::Leader, leaders.iter().map(|l| (l.id.as_str(), Some(l.name.as_str()))))
            .complete_if(readable(&Kind::Leaders)),
        chains: IdTable::from_ids(RefKind::Chain, chains.iter().map(|c| (c.id.as_str(), Some(c.name.as_str()))))
            .complete_if(readable(&Kind::Chains)),
        squads: IdTable::from_ids(RefKind::Squad, squad_files.iter().map(|(id, _)| (*id, None))),
        squad_units: Vec::new(),
        project_signed: Vec::new(),
        projects: IdTable::from_ids(RefKind::Project, project_files.iter().map(|(id, _)| (*id, None))),
    };

    let decode_squad = |d: &mut Decoder, tree: &Node, id: &str| files::squads::decode(d, tree, id, &tables);
    let squads: Vec<Option<Squad>> = match cache {
        None => parse_and_decode(sources, &squad_files, diags, &decode_squad),
        Some(cache) => cache.squads().decode(sources, &squad_files, diags, tables.squad_key(), &decode_squad),
    };
    tables.squad_units = squads.iter().map(|s| s.as_ref().map(|s| s.unit)).collect::<Vec<Option<UnitIx>>>();

    // Projects are the bulk of a ledger and decode independently of each other.
    let decode_project = |d: &mut Decoder, tree: &Node, id: &str| files::projects::decode(d, tree, id, &tables);
    let projects: Vec<Option<Project>> = match cache {
        None => parse_and_decode(sources, &project_files, diags, &decode_project),
        Some(cache) => cache.projects().decode(sources, &project_files, diags, tables.project_key(), &decode_project),
    };

    tables.project_signed = projects.iter().map(|p| p.as_ref().map(|p| p.milestones.signed)).collect();
    let mut parks = Vec::new();
    if let Some((file, tree)) = one(&Kind::Factories).and_then(with_tree) {
        run(file, diags, &mut |d| parks = files::factories::decode(d, tree, &tables));
    }

    let mut targets = BTreeMap::new();
    for f in found {
        if let (Kind::Targets(year), Some((file, tree))) = (&f.kind, with_tree(f)) {
            run(file, diags, &mut |d| {
                if let Some(t) = files::targets::decode(d, tree, *year, &tables.units) {
                    targets.insert(*year, t);
                }
            });
        }
    }

    let mut meetings = Vec::new();
    for f in found {
        if let (Kind::Meeting(id, date), Some((file, tree))) = (&f.kind, with_tree(f)) {
            run(file, diags, &mut |d| meetings.extend(files::meetings::decode(d, tree, id, *date, &tables)));
        }
    }
    meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    let mut briefings = Vec::new();
    let mut pages = Vec::new();
    let mut issues = HashMap::new();
    for f in found.iter().filter(|f| !f.unreadable) {
        match &f.kind {
            Kind::Briefing(month) => {
                run(f.file, diags, &mut |d| briefings.extend(files::markdown::briefing(d, *month, &targets, &mut issues)))
            }
            Kind::Page(id) => run(f.file, diags, &mut |d| pages.extend(files::markdown::page(d, id))),
            _ => {}
        }
    }
    briefings.sort_by_key(|b| b.period);
    pages.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));

    // Issued records are JSON written by `bulletin issue`; `crate::record` reads them.
    let issued_months: Vec<Month> =
        found.iter().filter_map(|f| if let Kind::Issued(m) = f.kind { Some(m) } else { None }).collect();
    let mut issued = Vec::new();
    let mut corrections = Vec::new();
    for f in found.iter().filter(|f| !f.unreadable) {
        match &f.kind {
            Kind::Issued(month) => {
                issued.push(IssuedFile { month: *month, file: f.file, text: sources.get(f.file).text().to_string() })
            }
            Kind::Correction(id, date) => {
                if let Some((file, tree)) = with_tree(f) {
                    run(file, diags, &mut |d| corrections.extend(files::corrections::decode(d, tree, id, *date, &issued_months)));
                }
            }
            _ => {}
        }
    }
    corrections.sort_by(|a: &CorrectionNote, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    if missing_required {
        return None;
    }
    let site = site?;
    // A file that failed to decode has already reported why; without it, indices would shift.
    let squads: Vec<Squad> = squads.into_iter().collect::<Option<_>>()?;
    let projects: Vec<Project> = projects.into_iter().collect::<Option<_>>()?;
    Some(Content {
        site,
        units,
        leaders,
        chains,
        cluster,
        squads,
        projects,
        parks,
        targets,
        meetings,
        briefings,
        pages,
        assets: Vec::new(),
        issued,
        corrections,
        members: Vec::new(),
        fund_months: Default::default(),
    })
}
