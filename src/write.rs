//! Pages → an output folder, all or nothing: the new site is written to a temporary folder
//! beside the output as pages are rendered, and swapped in only when complete, so a failed
//! build leaves the previous site untouched.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    let staging = Staging::begin(out)?;
    for page in pages {
        staging.put(page)?;
    }
    staging.commit()
}

/// A new site being written beside `out`. Pages may be put from several threads at once;
/// [`Staging::commit`] swaps the folder in, and dropping it uncommitted removes it.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// Folders made so far, relative to `tmp`: each is made once.
    made: Mutex<HashSet<String>>,
    committed: bool,
}

impl Staging {
    /// Refuses an `out` bulletin did not make, and starts an empty temporary folder.
    pub fn begin(out: &Path) -> Result<Staging, WriteError> {
        if out.exists() && !is_ours(out) {
            return Err(WriteError::NotOurs { path: out.display().to_string() });
        }
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(io_err(parent))?;
        let name = out.file_name().map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let tmp = parent.join(format!(".{name}.new-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let staging =
            Staging { out: out.to_path_buf(), tmp, old, made: Mutex::new(HashSet::from([String::new()])), committed: false };
        staging.write(MARKER, b"This folder is written by `bulletin build`; it is replaced whole on every build.\n")?;
        Ok(staging)
    }

    pub fn put(&self, page: &Page) -> Result<(), WriteError> {
        self.write(&page.path, &page.bytes)
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let folder = rel.rsplit_once('/').map_or("", |(folder, _)| folder);
        // Holding the lock while making the folder keeps another thread from writing into it
        // before it exists; folders are few, so this is rare.
        {
            let mut made = self.made.lock().expect("folder set");
            if !made.contains(folder) {
                let path = self.tmp.join(folder);
                fs::create_dir_all(&path).map_err(io_err(&path))?;
                made.insert(folder.to_string());
            }
        }
        let path = self.tmp.join(rel);
        fs::write(&path, bytes).map_err(io_err(&path))
    }

    /// Swaps the new site in for the old one.
    pub fn commit(mut self) -> Result<(), WriteError> {
        self.committed = true;
        if self.out.exists() {
            fs::rename(&self.out, &self.old).map_err(io_err(&self.out))?;
        }
        if let Err(e) = fs::rename(&self.tmp, &self.out) {
            // Put the previous site back before reporting.
            let _ = fs::rename(&self.old, &self.out);
            let _ = fs::remove_dir_all(&self.tmp);
            return Err(WriteError::Io { path: self.out.display().to_string(), source: e });
        }
        let _ = fs::remove_dir_all(&self.old);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

fn is_ours(dir: &Path) -> bool {
    dir.join(MARKER).is_file() || fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}
