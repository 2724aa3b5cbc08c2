//! Reading the content folder from disk: every file's bytes, in parallel, within its size
//! limit, never following a link.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::classify::{Class, classify};
use super::from_files;
use super::kept::{ReadCache, Stamp};
use crate::content::Loaded;
use crate::content::problems;
use crate::diagnostics::Diagnostic;
use crate::source::Text;

/// Reads everything under `root`. Only an unreadable folder is an `Err`; every problem with
/// the files themselves is a diagnostic.
pub fn load(root: &Path) -> std::io::Result<Loaded> {
    Ok(from_files(read_folder(root)?))
}

/// [`load`], reusing what `cache` kept from the last read (see [`ReadCache`]): a file whose
/// stamp is unchanged is not read again.
pub fn load_with(root: &Path, cache: Option<&ReadCache>) -> std::io::Result<Loaded> {
    let Some(cache) = cache else { return load(root) };
    let read_at = SystemTime::now();
    let files = walk(root)?
        .into_par_iter()
        .map(|(rel, path, link, limit)| {
            // Only a file that is read at all (and no link) is looked up by its stamp.
            let stamp = (limit.is_some() && !link)
                .then(|| std::fs::symlink_metadata(&path).ok().and_then(|meta| Stamp::of(&meta)))
                .flatten();
            let read = match stamp.and_then(|stamp| Some((cache.text(&rel, stamp)?, stamp))) {
                Some((text, stamp)) => Ok(Read::Kept(text, stamp)),
                None => read_entry(&path, link, limit).map(|bytes| Read::Bytes(bytes, stamp)),
            };
            (rel, read)
        })
        .collect();
    Ok(super::from_read(files, Some(cache), read_at))
}

/// A file as the loader gets it.
pub(super) enum Read {
    /// Its bytes, with its stamp when `serve` read it (to keep its text for the next read).
    Bytes(Vec<u8>, Option<Stamp>),
    /// Its text kept from the last read: its stamp has not changed since.
    Kept(Text, Stamp),
}

/// Every file under `root` as the content is read: hidden files and `~$` lock files skipped,
/// paths relative to `root` with `/` separators, each file's bytes or its read error. Files
/// are read in parallel. Only content files and assets are read (others give empty bytes,
/// as the loader never looks at them); a file over its size limit, or a symbolic link (never
/// followed, so a link cannot publish a file from outside the folder), gives an error in
/// place of its bytes.
pub fn read_folder(root: &Path) -> std::io::Result<Vec<(String, std::io::Result<Vec<u8>>)>> {
    Ok(walk(root)?
        .into_par_iter()
        .map(|(rel, path, link, limit)| {
            let bytes = read_entry(&path, link, limit);
            (rel, bytes)
        })
        .collect())
}

/// One file found by [`walk`]: its bytes, empty when it is not read, an error for a link.
fn read_entry(path: &Path, link: bool, limit: Option<u64>) -> std::io::Result<Vec<u8>> {
    match limit {
        _ if link => Err(std::io::Error::other(NotRead::Symlink)),
        None => Ok(Vec::new()),
        Some(limit) => read_limited(path, limit),
    }
}

/// Every file under `root` to be read (see [`read_folder`]): its relative path, its path on
/// disk, whether it is a symbolic link, and its size limit if it is read at all.
#[allow(clippy::type_complexity)]
fn walk(root: &Path) -> std::io::Result<Vec<(String, PathBuf, bool, Option<u64>)>> {
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
    Ok(paths)
}

/// Why [`read_folder`] did not read a file, carried inside its `io::Error`.
#[derive(Debug, thiserror::Error)]
pub(super) enum NotRead {
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

/// The largest YAML file read; a larger one is an error, not read. A project file is a few
/// kilobytes; a city's `factories.yaml` may reach a megabyte.
pub const MAX_YAML_BYTES: u64 = 10 << 20;
/// The largest briefing or page read: a briefing is a few pages of text (tens of kilobytes).
pub const MAX_MARKDOWN_BYTES: u64 = 1 << 20;
/// The largest asset copied to the site.
pub const MAX_ASSET_BYTES: u64 = 50 << 20;

pub(super) fn not_read(e: &std::io::Error) -> Option<&NotRead> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<NotRead>())
}

/// The diagnostic for a file that could not be read.
pub(super) fn read_problem(e: &std::io::Error) -> Diagnostic {
    match not_read(e) {
        Some(NotRead::Symlink) => problems::symlink(),
        Some(NotRead::TooLarge(limit)) => problems::too_large(*limit),
        None => problems::read_failed(e),
    }
}
