//! Templates and static files: the built-in ones are compiled into the binary, so a content
//! folder alone builds; a site's own `templates/` and `theme/` (beside `content/`) override
//! them file by file.

use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

macro_rules! embed {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $dir, "/", $name)) as &[u8])),*]
    };
}

/// The built-in templates, by name.
const TEMPLATES: &[(&str, &[u8])] = embed!("templates":
    "base.html",
    "components.html",
    "dashboard.html",
    "bulletin.html",
    "archive.html",
    "ledger.html",
    "project.html",
    "units.html",
    "unit.html",
    "squads.html",
    "squad.html",
    "chains.html",
    "chain.html",
    "leaders.html",
    "leader.html",
    "factories.html",
    "meetings.html",
    "page.html",
    "pages.html",
);

/// The built-in static files, by path under `theme/`.
const ASSETS: &[(&str, &[u8])] = embed!("theme":
    "style.css",
    "site.js",
    "search.js",
);

pub struct Theme {
    pub tera: Tera,
    /// Files copied to `theme/` in the output, sorted by path.
    pub assets: Vec<(String, Vec<u8>)>,
}

/// Why the templates could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    #[error("cannot read {path}: {error}")]
    Read { path: String, error: std::io::Error },
}

/// The built-in theme, with the files of `site_root/templates` and `site_root/theme` (if
/// they exist) taking the place of built-in files of the same name.
pub fn load(site_root: Option<&Path>) -> Result<Theme, ThemeError> {
    let mut templates: Vec<(String, Vec<u8>)> = TEMPLATES.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    let mut assets: Vec<(String, Vec<u8>)> = ASSETS.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    if let Some(root) = site_root {
        overlay(&root.join("templates"), &mut templates)?;
        overlay(&root.join("theme"), &mut assets)?;
    }
    assets.sort();

    let mut tera = Tera::new();
    let mut sources = Vec::new();
    for (name, bytes) in &templates {
        let text = String::from_utf8(bytes.clone())
            .map_err(|_| ThemeError::Template { name: name.clone(), message: "not UTF-8 text".into() })?;
        sources.push((name.clone(), text));
    }
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| ThemeError::Template { name: "templates".into(), message: e.to_string() })?;
    Ok(Theme { tera, assets })
}

/// Replaces or adds the files found under `dir` (recursively; names relative to it).
fn overlay(dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), ThemeError> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| ThemeError::Read { path: dir.display().to_string(), error: e.into() })?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
        let bytes =
            std::fs::read(entry.path()).map_err(|e| ThemeError::Read { path: entry.path().display().to_string(), error: e })?;
        match files.iter_mut().find(|(n, _)| *n == name) {
            Some(existing) => existing.1 = bytes,
            None => files.push((name, bytes)),
        }
    }
    Ok(())
}
