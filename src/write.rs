//! Pages → an output folder, all or nothing: the new site is written to a staging folder
//! beside the output as pages are rendered, and swapped in only when complete, so a failed
//! or killed build leaves the previous site in place.
//!
//! - **The swap.** On Linux and macOS the staging folder and the output are exchanged in one
//!   atomic step (`renameat2(RENAME_EXCHANGE)` / `renamex_np(RENAME_SWAP)`), so the output path
//!   never lacks a complete site. Elsewhere, or on a file system without it, the output is
//!   renamed aside and the staging folder renamed in: two steps, with a moment between them.
//! - **Recovery.** Each build holds a lock file beside the output (`.<name>.lock`) while it
//!   writes, so any staging (`.<name>.new-*`) or set-aside (`.<name>.old-*`) folder found
//!   beside the output while holding the lock was left by a build that was killed. Such a
//!   build's set-aside site is put back if the output is missing, and the rest is removed.
//!   A second build into the same output waits for the first.
//! - **The output path.** `--out` must be a folder bulletin made (or a new or empty one); a
//!   symbolic link is followed once and the folder it points to is replaced (the link stays).
//!   [`check_out`] refuses outputs that would replace the current folder, the content or a
//!   mount point.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::render::Page;

/// Marks a folder as made by bulletin, so a build never replaces a folder it did not make.
pub const MARKER: &str = ".bulletin-site";

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{path} 已存在，但不是 bulletin 生成的文件夹（里面没有 {MARKER} 文件），为避免覆盖别的文件，没有写入。请换一个 --out，或先清空它 / {path} exists and was not made by bulletin (no {MARKER} file); choose another --out or empty it first"
    )]
    NotOurs { path: String },
    #[error("--out {path}：{zh} / {en}")]
    BadOut { path: String, zh: &'static str, en: &'static str },
    // Not a `source`: the message says it once, however it is printed.
    #[error("{path}: {error}")]
    Io { path: String, error: io::Error },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |error| WriteError::Io { path: path.display().to_string(), error }
}

/// Writes `pages` as the whole content of `out`.
pub fn atomically(pages: &[Page], out: &Path) -> Result<(), WriteError> {
    let staging = Staging::begin(out)?;
    for page in pages {
        staging.put(page)?;
    }
    staging.commit()
}

/// Refuses an output folder whose replacement would destroy something else: the current
/// folder or one above it, the content folder or a folder inside or around it, the root of a
/// file system or a mount point (which cannot be renamed).
pub fn check_out(out: &Path, content: &Path) -> Result<(), WriteError> {
    let bad = |zh, en| Err(WriteError::BadOut { path: out.display().to_string(), zh, en });
    let target = resolve(out)?;
    let cwd = std::env::current_dir().map_err(io_err(Path::new(".")))?;
    if target.parent().is_none() || cwd.starts_with(&target) {
        return bad(
            "输出文件夹在每次生成时会被整个替换，不能是当前文件夹或它的上级文件夹；请用一个单独的文件夹，如 --out public",
            "the output folder is replaced whole on every build: it cannot be the current folder or one above it; use a folder of its own, e.g. --out public",
        );
    }
    if let Ok(content) = fs::canonicalize(content) {
        if target.starts_with(&content) {
            return bad(
                "输出文件夹不能放在内容文件夹里（下次检查时它会被当成内容读取）；请放在内容文件夹之外，如 --out public",
                "the output cannot be inside the content folder; put it beside it, e.g. --out public",
            );
        }
        if content.starts_with(&target) {
            return bad(
                "输出文件夹在每次生成时会被整个替换，不能包含内容文件夹；请用一个单独的文件夹，如 --out public",
                "the output is replaced whole on every build, so it cannot contain the content folder",
            );
        }
    }
    if is_mount_point(&target) {
        return bad(
            "这是一个挂载点，无法整体替换；请输出到它里面的一个文件夹，如 --out /挂载点/site",
            "it is a mount point and cannot be replaced; build into a folder inside it",
        );
    }
    Ok(())
}

/// The folder `out` names: itself, or the folder a symbolic link points to, made absolute.
fn resolve(out: &Path) -> Result<PathBuf, WriteError> {
    let meta = fs::symlink_metadata(out);
    if meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        return fs::canonicalize(out).map_err(|_| WriteError::BadOut {
            path: out.display().to_string(),
            zh: "这是一个符号链接，但它指向的文件夹不存在；请先建好那个文件夹，或直接写文件夹路径",
            en: "it is a symbolic link to a folder that does not exist; create that folder or give the folder itself",
        });
    }
    if meta.is_ok() {
        return fs::canonicalize(out).map_err(io_err(out));
    }
    // A new output: its parent must resolve; the folder itself is made on commit.
    let name = out.file_name().filter(|n| *n != ".." && *n != ".").ok_or_else(|| WriteError::BadOut {
        path: out.display().to_string(),
        zh: "请给出一个文件夹名，如 --out public",
        en: "give a folder name, e.g. --out public",
    })?;
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(io_err(parent))?;
    Ok(fs::canonicalize(parent).map_err(io_err(parent))?.join(name))
}

#[cfg(unix)]
fn is_mount_point(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(dir), dir.parent().map(fs::metadata)) {
        (Ok(d), Some(Ok(p))) => d.is_dir() && d.dev() != p.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_dir: &Path) -> bool {
    false
}

/// A new site being written beside `out`. Pages may be put from several threads at once;
/// [`Staging::commit`] swaps the folder in, and dropping it uncommitted removes it.
pub struct Staging {
    /// The folder replaced (a symbolic link's target, not the link).
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// Held until the staging is committed or dropped; see the module doc.
    _lock: File,
    /// Folders made so far, relative to `tmp`: each is made once.
    made: Mutex<HashSet<String>>,
    committed: bool,
}

impl Staging {
    /// Takes the output's lock, recovers from killed builds, refuses an `out` bulletin did
    /// not make, and starts an empty staging folder.
    pub fn begin(out: &Path) -> Result<Staging, WriteError> {
        let out = resolve(out)?;
        let parent = out.parent().ok_or_else(|| WriteError::BadOut {
            path: out.display().to_string(),
            zh: "不能输出到文件系统的根目录",
            en: "cannot build into the root of a file system",
        })?;
        let name = out.file_name().map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let lock = lock(&parent.join(format!(".{name}.lock")))?;
        recover(parent, &name, &out)?;
        if fs::symlink_metadata(&out).is_ok() && !is_ours(&out) {
            return Err(WriteError::NotOurs { path: out.display().to_string() });
        }
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.new-{pid}"));
        let old = parent.join(format!(".{name}.old-{pid}"));
        fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let staging = Staging { out, tmp, old, _lock: lock, made: Mutex::new(HashSet::from([String::new()])), committed: false };
        staging.write(MARKER, b"This folder is written by `bulletin build`; it is replaced whole on every build.\n")?;
        Ok(staging)
    }

    /// The folder being written (the new site, before it is swapped in).
    pub fn path(&self) -> &Path {
        &self.tmp
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
        if fs::symlink_metadata(&self.out).is_err() {
            return fs::rename(&self.tmp, &self.out).map_err(|e| self.failed(e));
        }
        if !test_fault("kill-mid-swap") {
            match exchange(&self.tmp, &self.out) {
                // `tmp` now holds the previous site.
                Ok(true) => {
                    let _ = fs::remove_dir_all(&self.tmp);
                    return Ok(());
                }
                Ok(false) => {}
                Err(e) => return Err(self.failed(e)),
            }
        }
        // Two renames; a build killed between them is recovered by the next one.
        fs::rename(&self.out, &self.old).map_err(|e| self.failed(e))?;
        if test_fault("kill-mid-swap") {
            std::process::abort();
        }
        if let Err(e) = fs::rename(&self.tmp, &self.out) {
            let _ = fs::rename(&self.old, &self.out);
            return Err(self.failed(e));
        }
        let _ = fs::remove_dir_all(&self.old);
        Ok(())
    }

    /// Removes the staging folder and explains a failed swap.
    fn failed(&self, e: io::Error) -> WriteError {
        let _ = fs::remove_dir_all(&self.tmp);
        WriteError::Io { path: self.out.display().to_string(), error: e }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Opens and locks `path`, waiting while another build holds it.
fn lock(path: &Path) -> Result<File, WriteError> {
    let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(path).map_err(io_err(path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!("另一个 bulletin build 正在写入同一个输出文件夹，等它完成…");
            file.lock().map_err(io_err(path))?;
        }
        // A file system without locks: go on as builds did before locks.
        Err(fs::TryLockError::Error(_)) => {}
    }
    Ok(file)
}

/// Puts back the site of a build killed mid-swap and removes what killed builds left beside
/// `out`. Called with the output's lock held, so no live build owns those folders.
fn recover(parent: &Path, name: &str, out: &Path) -> Result<(), WriteError> {
    let (new_prefix, old_prefix) = (format!(".{name}.new-"), format!(".{name}.old-"));
    let mut left: Vec<(PathBuf, bool)> = Vec::new();
    for entry in fs::read_dir(parent).map_err(io_err(parent))?.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let set_aside = file_name.starts_with(&old_prefix);
        if set_aside || file_name.starts_with(&new_prefix) {
            left.push((entry.path(), set_aside));
        }
    }
    if fs::symlink_metadata(out).is_err() {
        // Killed between the two renames: its set-aside folder is the last complete site.
        if let Some((site, _)) = left.iter().filter(|(p, set_aside)| *set_aside && is_ours(p)).max_by_key(|(p, _)| modified(p)) {
            fs::rename(site, out).map_err(io_err(site))?;
        }
    }
    for (path, _) in left {
        if path.exists() {
            let _ = fs::remove_dir_all(&path);
        }
    }
    Ok(())
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn is_ours(dir: &Path) -> bool {
    dir.join(MARKER).is_file() || fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// Exchanges two folders in one step: `Ok(false)` when the system or the file system cannot.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::NOSYS | Errno::INVAL | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// A fault injected by the tests through `BULLETIN_TEST_FAULT` (never set in normal use):
/// `kill-mid-swap` takes the two-rename path and aborts the process between the renames.
fn test_fault(name: &str) -> bool {
    std::env::var("BULLETIN_TEST_FAULT").is_ok_and(|v| v == name)
}

/// Writes one file all or nothing: a temporary file beside it, then a rename, so a reader or a
/// crash never sees half a file. Refuses to write through a symbolic link.
pub fn file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} 是一个符号链接，为安全起见不通过它写入 / is a symbolic link; not writing through it", path.display()),
        ));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
