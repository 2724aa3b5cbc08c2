//! What each file of the content folder is, from its path alone, before it is read.

use super::read::{MAX_MARKDOWN_BYTES, MAX_YAML_BYTES};
use crate::content::problems;
use crate::diagnostics::Diagnostic;
use crate::period::{self, Month};

/// What a file is, from its place in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
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
    /// `issued/<YYYY-MM>.json`: the record of an issued bulletin, written by `bulletin issue`.
    Issued(Month),
    /// `corrections/<YYYY-MM-DD>[-n].yaml`: the note explaining a correction of an issued bulletin.
    Correction(String, chrono::NaiveDate),
}

impl Kind {
    /// The largest file of this kind that is read.
    pub(super) fn max_bytes(&self) -> u64 {
        match self {
            Kind::Briefing(_) | Kind::Page(_) => MAX_MARKDOWN_BYTES,
            _ => MAX_YAML_BYTES,
        }
    }
}

/// How the loader treats a path, decided from the path alone (before reading the file).
#[derive(Debug)]
pub(super) enum Class {
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

/// What a file is, from its path alone.
pub(super) fn classify(rel: &str) -> Class {
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
        ("targets" | "projects" | "squads" | "meetings" | "briefings" | "issued" | "corrections", _) if nested => {
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
        ("issued", _) if ext == "json" => match Month::parse(stem) {
            Some(month) => content(Kind::Issued(month)),
            _ => bad_name("统计月份，如 issued/2026-10.json", "the month, like issued/2026-10.json"),
        },
        ("corrections", _) if is_yaml => match stem.get(..10).and_then(period::parse_date) {
            Some(date) if stem.len() == 10 || stem[10..].starts_with('-') => content(Kind::Correction(stem.to_string(), date)),
            _ => bad_name("更正日期，如 corrections/2026-11-20.yaml", "the date, like corrections/2026-11-20.yaml"),
        },
        ("briefings", _) if is_md => match Month::parse(stem) {
            Some(month) => content(Kind::Briefing(month)),
            _ => bad_name("统计月份，如 briefings/2026-10.md", "the month, like briefings/2026-10.md"),
        },
        ("pages", _) => {
            // Every folder and file name becomes part of a web address.
            let (folders, _) = name.rsplit_once('/').unwrap_or(("", name));
            let safe = folders.split('/').filter(|f| !f.is_empty()).chain([stem]).all(crate::content::fields::is_safe_id);
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
        ("targets" | "projects" | "squads" | "meetings" | "corrections", _) => {
            Class::Ignored(problems::ignored_file("这个文件夹只读取 .yaml 文件", "only .yaml files are read in this folder"))
        }
        ("issued", _) => Class::Ignored(problems::ignored_file(
            "这个文件夹只放 bulletin issue 写的 .json 记录",
            "this folder holds only the .json records `bulletin issue` writes",
        )),
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
