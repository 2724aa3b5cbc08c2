//! Pages → an output folder, all or nothing: the new site is written to a temporary folder
//! beside the output and swapped in only when complete, so a failed build leaves the previous
//! site untouched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::render::Page;

/// Marks a folder as made by bulletin, so a build never replaces a folder it did not make.
pub const MARKER: &str = ".bulletin-site";

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path} exists and was not made by bulletin (no {MARKER} file); choose another --out or empty it first")]
    NotOurs { path: String },
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.display().to_string(), source }
}

/// Writes `pages` as the whole content of `out`.
pub fn atomically(pages: &[Page], out: &Path) -> Result<(), WriteError> {
    if out.exists() && !is_ours(out) {
        return Err(WriteError::NotOurs { path: out.display().to_string() });
    }
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(io_err(parent))?;
    let name = out.file_name().map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let tmp = parent.join(format!(".{name}.new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);

    if let Err(e) = write_all(pages, &tmp) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if out.exists() {
        fs::rename(out, &old).map_err(io_err(out))?;
    }
    if let Err(e) = fs::rename(&tmp, out) {
        // Put the previous site back before reporting.
        let _ = fs::rename(&old, out);
        let _ = fs::remove_dir_all(&tmp);
        return Err(WriteError::Io { path: out.display().to_string(), source: e });
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

fn is_ours(dir: &Path) -> bool {
    dir.join(MARKER).is_file() || fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

fn write_all(pages: &[Page], dir: &Path) -> Result<(), WriteError> {
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let mut made: Vec<PathBuf> = Vec::new();
    for page in pages {
        let path = dir.join(&page.path);
        if let Some(folder) = path.parent() {
            if !made.iter().any(|m| m == folder) {
                fs::create_dir_all(folder).map_err(io_err(folder))?;
                made.push(folder.to_path_buf());
            }
        }
        fs::write(&path, &page.bytes).map_err(io_err(&path))?;
    }
    let marker = dir.join(MARKER);
    fs::write(&marker, b"This folder is written by `bulletin build`; it is replaced whole on every build.\n")
        .map_err(io_err(&marker))
}
