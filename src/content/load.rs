//! Reads a content folder: finds the files, parses them, and decodes them in the order their
//! references need (lists first, then squads, projects, factories, meetings, briefings).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::Loaded;
use super::fields::{Decoder, IdTable};
use super::files::{self, Tables, registries::SeenIds};
use super::model::{Asset, Content, Project, Squad, UnitIx};
use super::problems::{self, RefKind};
use super::source::{FileId, SourceFile, Sources};
use super::yaml::{self, Node};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::period::{self, Month};

/// What a file is, from its place in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Site,
    Units,
    Leaders,
    Chains,
    Factories,
    Targets(i32),
    Project(String),
    Squad(String),
    Meeting(String, chrono::NaiveDate),
    Briefing(Month),
    /// `pages/<name>.md` or `pages/<folder>/<name>.md`: the id is the path without `.md`.
    Page(String),
}

impl Kind {
    /// The largest file of this kind that is read.
    fn max_bytes(&self) -> u64 {
        match self {
            Kind::Briefing(_) | Kind::Page(_) => MAX_MARKDOWN_BYTES,
            _ => MAX_YAML_BYTES,
        }
    }
}

/// How the loader treats a path, decided from the path alone (before reading the file).
#[derive(Debug)]
enum Class {
    /// A content file, read as UTF-8 text and decoded.
    Content(Kind),
    /// An image or document under `pages/`, copied to the site as it is.
    Asset,
    /// Not content, and nothing to say about it (a README, notes beside the data).
    Skip,
    /// Not content: a warning says why; the file is not read.
    Ignored(Diagnostic),
    /// A file in a folder that is not part of the content (`public/`, `台账/`): one warning
    /// per folder.
    OtherFolder(String),
}

/// The largest YAML file read; a larger one is an error, not read. A project file is a few
/// kilobytes; a city's `factories.yaml` may reach a megabyte.
pub const MAX_YAML_BYTES: u64 = 10 << 20;
/// The largest briefing or page read: a briefing is a few pages of text (tens of kilobytes).
pub const MAX_MARKDOWN_BYTES: u64 = 1 << 20;
/// The largest asset copied to the site.
pub const MAX_ASSET_BYTES: u64 = 50 << 20;

/// A file found in the folder, before it is decoded.
struct Found {
    file: FileId,
    kind: Kind,
    tree: Option<Node>,
    /// The file could not be read; its name still counts (its id exists, so references to it
    /// are not reported as unknown).
    unreadable: bool,
}

/// Reads everything under `root`. Only an unreadable folder is an `Err`; every problem with
/// the files themselves is a diagnostic.
pub fn load(root: &Path) -> std::io::Result<Loaded> {
    Ok(from_files(read_folder(root)?))
}

/// Every file under `root` as the content is read: hidden files and `~$` lock files skipped,
/// paths relative to `root` with `/` separators, each file's bytes or its read error. Files
/// are read in parallel. Only content files and assets are read (others give empty bytes,
/// as the loader never looks at them); a file over its size limit, or a symbolic link (never
/// followed, so a link cannot publish a file from outside the folder), gives an error in
/// place of its bytes.
pub fn read_folder(root: &Path) -> std::io::Result<Vec<(String, std::io::Result<Vec<u8>>)>> {
    if !root.is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"));
    }
    let mut paths = Vec::new();
    let walker = WalkDir::new(root).sort_by_file_name().into_iter().filter_entry(|e| {
        let name = e.file_name().to_string_lossy();
        e.depth() == 0 || !(name.starts_with('.') || name.starts_with("~$"))
    });
    for entry in walker {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel: String = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let limit = match classify(&rel) {
            Class::Content(kind) => Some(kind.max_bytes()),
            Class::Asset => Some(MAX_ASSET_BYTES),
            _ => None,
        };
        let link = entry.path_is_symlink();
        paths.push((rel, entry.into_path(), link, limit));
    }
    Ok(paths
        .into_par_iter()
        .map(|(rel, path, link, limit)| {
            let bytes = match limit {
                _ if link => Err(std::io::Error::other(NotRead::Symlink)),
                None => Ok(Vec::new()),
                Some(limit) => read_limited(&path, limit),
            };
            (rel, bytes)
        })
        .collect())
}

/// Why [`read_folder`] did not read a file, carried inside its `io::Error`.
#[derive(Debug, thiserror::Error)]
enum NotRead {
    #[error("symbolic link, not followed")]
    Symlink,
    #[error("larger than {0} bytes")]
    TooLarge(u64),
}

/// Reads a file of at most `limit` bytes; a larger one is an error (and is not read whole).
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(NotRead::TooLarge(limit)));
    }
    Ok(bytes)
}

/// Loads content from files already read: (path relative to the content folder with `/`
/// separators, bytes or the read error). Used by `load`, and by tests and `serve` directly.
pub fn from_files(files: impl IntoIterator<Item = (String, std::io::Result<Vec<u8>>)>) -> Loaded {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let mut found: Vec<Found> = Vec::new();
    let mut assets: Vec<Asset> = Vec::new();
    let mut other_folders: BTreeMap<String, usize> = BTreeMap::new();
    let mut files: Vec<_> = files.into_iter().collect();
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
                    Ok(bytes) => assets.push(Asset { path: rel, bytes }),
                    Err(e) => {
                        let id = sources.add(SourceFile::new(rel, String::new()));
                        diags.push(read_problem(&e).at(id, None));
                    }
                }
                continue;
            }
            Class::Content(kind) => kind,
        };
        let bytes = match bytes {
            Ok(b) => b,
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
        let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
        let file = sources.add(SourceFile::new(rel, text));
        if !utf8 {
            diags.push(problems::not_utf8().at(file, None));
            found.push(Found { file, kind, tree: None, unreadable: true });
            continue;
        }
        found.push(Found { file, kind, tree: None, unreadable: false });
    }
    for (folder, count) in other_folders {
        diags.push(problems::other_folder(&folder, count));
    }

    // Parse every YAML file but the projects (Markdown front matter is parsed by its decoder;
    // each project is parsed just before it is decoded, so its tree is never held for long).
    let parsed: Vec<_> = found
        .par_iter()
        .map(|f| {
            (!f.unreadable && !matches!(f.kind, Kind::Briefing(_) | Kind::Page(_) | Kind::Project(_)))
                .then(|| parse(&sources, f.file))
        })
        .collect();
    for (f, parsed) in found.iter_mut().zip(parsed) {
        if let Some((tree, problems)) = parsed {
            f.tree = tree;
            diags.extend(problems);
        }
    }

    let content = decode_all(&sources, &found, &mut diags).map(|mut c| {
        c.assets = assets;
        c
    });
    diags.sort();
    let content = if diags.has_errors() { None } else { content };
    Loaded { sources, content, diagnostics: diags }
}

fn not_read(e: &std::io::Error) -> Option<&NotRead> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<NotRead>())
}

/// The diagnostic for a file that could not be read.
fn read_problem(e: &std::io::Error) -> Diagnostic {
    match not_read(e) {
        Some(NotRead::Symlink) => problems::symlink(),
        Some(NotRead::TooLarge(limit)) => problems::too_large(*limit),
        None => problems::read_failed(e),
    }
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

/// Decodes the parsed files in dependency order. Returns `None` if a required piece is
/// missing; any other problem is in `diags`.
fn decode_all(sources: &Sources, found: &[Found], diags: &mut Diagnostics) -> Option<Content> {
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
                } else if kind == RefKind::Project && !f.unreadable {
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

    let mut squads: Vec<Option<Squad>> = Vec::new();
    for (id, f) in &squad_files {
        let mut squad = None;
        if let Some((file, tree)) = with_tree(f) {
            run(file, diags, &mut |d| squad = files::squads::decode(d, tree, id, &tables));
        }
        squads.push(squad);
    }
    tables.squad_units = squads.iter().map(|s| s.as_ref().map(|s| s.unit)).collect::<Vec<Option<UnitIx>>>();

    // Projects are the bulk of a ledger and decode independently of each other.
    let decoded: Vec<(Option<Project>, Vec<Diagnostic>)> = project_files
        .par_iter()
        .map(|(id, f)| {
            if f.unreadable {
                return (None, Vec::new());
            }
            let (tree, mut problems) = parse(sources, f.file);
            let mut d = Decoder::new(f.file, sources.get(f.file));
            let project = tree.and_then(|tree| files::projects::decode(&mut d, &tree, id, &tables));
            problems.extend(d.into_diagnostics());
            (project, problems)
        })
        .collect();
    let mut projects: Vec<Option<Project>> = Vec::with_capacity(decoded.len());
    for (project, found_problems) in decoded {
        diags.extend(found_problems);
        projects.push(project);
    }

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
    })
}

/// What a file is, from its path alone.
fn classify(rel: &str) -> Class {
    let (dir, name) = match rel.split_once('/') {
        Some((dir, rest)) => (dir, rest),
        None => ("", rel),
    };
    let file_name = name.rsplit('/').next().unwrap_or(name);
    let (stem, ext) = file_name.rsplit_once('.').unwrap_or((file_name, ""));
    let ext = ext.to_ascii_lowercase();
    let is_yaml = ext == "yaml" || ext == "yml";
    let is_md = ext == "md";
    let nested = name.contains('/');
    let content = |kind: Kind| Class::Content(kind);
    let top = |kind: Kind| {
        if is_yaml {
            Class::Content(kind)
        } else {
            Class::Ignored(problems::ignored_file("文件扩展名应为 .yaml", "expected a .yaml file"))
        }
    };
    let bad_name = |zh: &str, en: &str| Class::Ignored(problems::bad_file_name(zh, en));
    match (dir, stem) {
        ("", "site") => top(Kind::Site),
        ("", "units") => top(Kind::Units),
        ("", "leaders") => top(Kind::Leaders),
        ("", "chains") => top(Kind::Chains),
        ("", "factories") => top(Kind::Factories),
        ("", _) if is_md || ext == "txt" || file_name == "README" => Class::Skip,
        ("", _) => Class::Ignored(problems::not_content(is_yaml)),
        ("targets" | "projects" | "squads" | "meetings" | "briefings", _) if nested => {
            Class::Ignored(problems::ignored_file("这个文件夹里不能再建子文件夹", "this folder takes no sub-folders"))
        }
        ("targets", _) if is_yaml => match stem.parse::<i32>() {
            Ok(year) if (1900..3000).contains(&year) && stem.len() == 4 => content(Kind::Targets(year)),
            _ => bad_name("年份，如 targets/2026.yaml", "a year, like targets/2026.yaml"),
        },
        ("projects", _) if is_yaml => content(Kind::Project(stem.to_string())),
        ("squads", _) if is_yaml => content(Kind::Squad(stem.to_string())),
        ("meetings", _) if is_yaml => match stem.get(..10).and_then(period::parse_date) {
            Some(date) if stem.len() == 10 || stem[10..].starts_with('-') => content(Kind::Meeting(stem.to_string(), date)),
            _ => bad_name("会议日期，如 meetings/2026-03-20.yaml", "the meeting date, like meetings/2026-03-20.yaml"),
        },
        ("briefings", _) if is_md => match Month::parse(stem) {
            Some(month) => content(Kind::Briefing(month)),
            _ => bad_name("统计月份，如 briefings/2026-10.md", "the month, like briefings/2026-10.md"),
        },
        ("pages", _) => {
            // Every folder and file name becomes part of a web address.
            let (folders, _) = name.rsplit_once('/').unwrap_or(("", name));
            let safe = folders.split('/').filter(|f| !f.is_empty()).chain([stem]).all(super::fields::is_safe_id);
            if is_md {
                if safe {
                    content(Kind::Page(name[..name.len() - 3].to_string()))
                } else {
                    Class::Ignored(problems::unsafe_file_name(rel))
                }
            } else if ASSET_EXTENSIONS.contains(&ext.as_str()) {
                if safe { Class::Asset } else { Class::Ignored(problems::unsafe_file_name(rel)) }
            } else {
                Class::Ignored(problems::not_asset(&ext))
            }
        }
        ("targets" | "projects" | "squads" | "meetings", _) => {
            Class::Ignored(problems::ignored_file("这个文件夹只读取 .yaml 文件", "only .yaml files are read in this folder"))
        }
        ("briefings", _) => {
            Class::Ignored(problems::ignored_file("这个文件夹只读取 .md 文件", "only .md files are read in this folder"))
        }
        _ => Class::OtherFolder(dir.to_string()),
    }
}

/// Files under `pages/` copied to the site as they are: pictures a page or briefing shows and
/// documents it links to. Not SVG or HTML, which can carry scripts.
pub const ASSET_EXTENSIONS: &[&str] =
    &["png", "jpg", "jpeg", "gif", "webp", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "ofd", "zip"];
