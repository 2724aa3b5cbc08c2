//! The history of the content folder, read from git in one pass: who changed which file when,
//! and which fields each commit changed.
//!
//! We run the `git` command line once (`git log -p` with the whole file as context, so each
//! change carries both versions of the file) rather than link a git library: git is on every
//! machine that has the repository, a subprocess adds no compile time (`git2` builds libgit2
//! with C, about 50 s; `gix` about 110 s and 100 crates), and one streamed pass over the log is
//! as fast as walking the objects ourselves. Without git, outside a repository, or in a shallow
//! clone, everything else still builds and [`History::notice`] says in one line what is missing.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::fields::{self, FieldChange, Flat};

/// What happened to a file in a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// One file of a commit, with its path (relative to the content folder) at that commit.
/// (Short serde names: the cache holds a hundred thousand of these.)
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FileChange {
    #[serde(rename = "p")]
    pub path: String,
    /// The path before, for a renamed file.
    #[serde(rename = "o")]
    pub previous: Option<String>,
    #[serde(rename = "k")]
    pub kind: Kind,
    /// The fields that changed, for a modified or renamed YAML file both of whose versions
    /// parse (a new or deleted file is that, whole).
    #[serde(rename = "d")]
    pub fields: Option<Vec<FieldChange>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Commit {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "a")]
    pub author: String,
    #[serde(rename = "e")]
    pub email: String,
    /// Author date, `2026-11-20T09:30:00+08:00`.
    #[serde(rename = "t")]
    pub time: String,
    #[serde(rename = "s")]
    pub subject: String,
    #[serde(rename = "f")]
    pub files: Vec<FileChange>,
}

impl Commit {
    /// `2026-11-20`.
    pub fn date(&self) -> &str {
        self.time.get(..10).unwrap_or(&self.time)
    }

    /// The first seven characters of the id, as git shows it.
    pub fn short_id(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }
}

/// How much history there is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Complete,
    /// A shallow clone (CI's default): older commits are missing.
    Shallow,
    /// The content folder is not in a git repository.
    NotInRepository,
    /// git could not be run or failed; the text says why.
    Unavailable(String),
}

/// The commits that touched the content folder, newest first.
#[derive(Debug, Clone)]
pub struct History {
    pub commits: Vec<Commit>,
    pub status: Status,
    /// For each file (by its current path), the commits and changes that touched it under any
    /// of its names, newest first: (commit index, file index).
    by_file: HashMap<String, Vec<(usize, usize)>>,
}

impl History {
    /// No history: for content outside git, and for tests.
    pub fn none(status: Status) -> History {
        History { commits: Vec::new(), status, by_file: HashMap::new() }
    }

    /// Reads the history of the content folder `dir`: from the cache in the repository's git
    /// folder when it is there, reading only the commits made since; whole otherwise (and then
    /// the cache is written for next time).
    pub fn read(dir: &Path) -> History {
        match git(dir, &["rev-parse", "--is-inside-work-tree"]) {
            Ok(out) if out.trim() == "true" => {}
            Ok(_) => return History::none(Status::NotInRepository),
            Err(e) if e.contains("not a git repository") => return History::none(Status::NotInRepository),
            Err(e) => return History::none(Status::Unavailable(e)),
        }
        let shallow = git(dir, &["rev-parse", "--is-shallow-repository"]).is_ok_and(|s| s.trim() == "true");
        // A repository without commits yet has no history, and no error either.
        let Ok(head) = git(dir, &["rev-parse", "--verify", "-q", "HEAD"]).map(|h| h.trim().to_string()) else {
            return History::none(Status::Complete);
        };
        let prefix = git(dir, &["rev-parse", "--show-prefix"]).unwrap_or_default().trim().to_string();
        let cache_path = git(dir, &["rev-parse", "--git-path", CACHE]).ok().map(|p| dir.join(p.trim()));
        let cached = cache_path.as_deref().and_then(|p| Cache::load(p, &prefix));
        let commits = match cached {
            Some(cache) if cache.head == head => Ok(cache.commits),
            Some(cache) if git(dir, &["merge-base", "--is-ancestor", &cache.head, &head]).is_ok() => {
                log(dir, Some(&format!("{}..{head}", cache.head))).map(|mut new| {
                    new.extend(cache.commits);
                    new
                })
            }
            _ => log(dir, None),
        };
        match commits {
            Ok(commits) => {
                if let Some(path) = &cache_path {
                    // A read-only repository keeps working, only without the cache.
                    let _ = Cache::save(path, &prefix, &head, &commits);
                }
                let status = if shallow { Status::Shallow } else { Status::Complete };
                let by_file = index(&commits);
                History { commits, status, by_file }
            }
            Err(e) => History::none(Status::Unavailable(e)),
        }
    }

    /// [`History::read`], kept for the life of the process while the repository's HEAD stays the
    /// same (`serve` rebuilds on every save; a commit is what changes history).
    pub fn read_shared(dir: &Path) -> Arc<History> {
        static LAST: Mutex<Option<(std::path::PathBuf, String, Arc<History>)>> = Mutex::new(None);
        let head = git(dir, &["rev-parse", "--verify", "-q", "HEAD"]).unwrap_or_default();
        let mut last = LAST.lock().expect("history memo");
        if let Some((d, h, history)) = last.as_ref()
            && d == dir
            && *h == head
        {
            return history.clone();
        }
        let history = Arc::new(History::read(dir));
        *last = Some((dir.to_path_buf(), head, history.clone()));
        history
    }

    /// One line for the terminal when history is missing or incomplete, saying how to fix it.
    pub fn notice(&self) -> Option<String> {
        match &self.status {
            Status::Complete => None,
            Status::Shallow => Some(
                "提示：这是浅克隆（shallow clone），变更记录和更正说明只包含已取回的提交。运行 git fetch --unshallow，或在 CI 中设置 fetch-depth: 0 / shallow clone: history is partial; run `git fetch --unshallow` or set fetch-depth: 0"
                    .to_string(),
            ),
            Status::NotInRepository => Some(
                "提示：内容文件夹不在 git 仓库中，网站不显示变更记录和提交信息；用 git 管理内容后即可显示 / the content folder is not in a git repository: no change history"
                    .to_string(),
            ),
            Status::Unavailable(why) => {
                Some(format!("提示：无法读取 git 历史（{why}），网站不显示变更记录；请安装 git / cannot read the git history"))
            }
        }
    }

    /// The commits that touched the file now at `path`, under any earlier name, newest first.
    pub fn of_file<'h>(&'h self, path: &str) -> impl Iterator<Item = (&'h Commit, &'h FileChange)> + 'h {
        self.by_file.get(path).into_iter().flatten().map(|&(c, f)| (&self.commits[c], &self.commits[c].files[f]))
    }

    /// The commits from `since` (exclusive) to `until` (inclusive), newest first; the whole
    /// history up to `until` when `since` is `None` or unknown. `None` when `until` is unknown.
    pub fn between(&self, since: Option<&str>, until: &str) -> Option<&[Commit]> {
        let end = self.commits.iter().position(|c| c.id.starts_with(until))?;
        let start = since.and_then(|s| self.commits.iter().position(|c| c.id.starts_with(s))).unwrap_or(self.commits.len());
        Some(&self.commits[end..start.max(end)])
    }
}

/// Runs git in `dir` and returns its output, or its error message in one line.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).stdin(Stdio::null()).output().map_err(|e| format!("git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("git failed").to_string())
    }
}

/// A file of a commit as read from the patch, with both versions of its text.
struct Read {
    change: FileChange,
    before: Option<String>,
    after: Option<String>,
    binary: bool,
}

/// Where the cache lives, relative to the repository's git folder.
const CACHE: &str = "bulletin/history.json";
/// Files larger than this get no field list (a squad's trips of ten years): parsing every
/// version of them is what reading history would spend its time on.
const MAX_FIELDS_BYTES: usize = 64 * 1024;

/// The history as cached after a build: valid for the content folder at `prefix`, up to `head`.
#[derive(serde::Serialize, serde::Deserialize)]
struct Cache {
    /// Bumped whenever what is cached changes meaning.
    version: u32,
    prefix: String,
    head: String,
    commits: Vec<Commit>,
}

const CACHE_VERSION: u32 = 1;

impl Cache {
    fn load(path: &Path, prefix: &str) -> Option<Cache> {
        let bytes = std::fs::read(path).ok()?;
        let cache: Cache = serde_json::from_slice(&bytes).ok()?;
        (cache.version == CACHE_VERSION && cache.prefix == prefix).then_some(cache)
    }

    fn save(path: &Path, prefix: &str, head: &str, commits: &[Commit]) -> std::io::Result<()> {
        #[derive(serde::Serialize)]
        struct Borrowed<'a> {
            version: u32,
            prefix: &'a str,
            head: &'a str,
            commits: &'a [Commit],
        }
        let bytes = serde_json::to_vec(&Borrowed { version: CACHE_VERSION, prefix, head, commits })?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::write::file_atomically(path, &bytes)
    }
}

/// `git log -p` over the content folder (all of it, or `range`), parsed as it streams: each
/// commit's field changes are worked out as soon as the commit is read, and its texts dropped.
fn log(dir: &Path, range: Option<&str>) -> Result<Vec<Commit>, String> {
    let mut args = vec![
        "-c",
        "core.quotepath=off",
        "log",
        "-M",
        "--relative",
        "-p",
        // The whole file as context: each change then carries both versions.
        "--unified=1000000",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s",
    ];
    args.extend(range);
    args.extend(["--", "."]);
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("git: {e}"))?;
    let stdout = child.stdout.take().expect("piped");
    let mut done: Vec<Commit> = Vec::new();
    let mut current: Option<(Commit, Vec<Read>)> = None;
    let mut memo = Memo::default();
    let mut reader = BufReader::new(stdout);
    let mut line = Vec::new();
    while {
        line.clear();
        reader.read_until(b'\n', &mut line).map_err(|e| format!("git log: {e}"))? > 0
    } {
        let text = String::from_utf8_lossy(&line);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        if let Some(header) = text.strip_prefix('\u{1e}') {
            if let Some((commit, files)) = current.take() {
                done.push(finish(commit, files, &mut memo));
            }
            let mut parts = header.split('\u{1f}');
            let mut next = || parts.next().unwrap_or("").to_string();
            let commit = Commit { id: next(), author: next(), email: next(), time: next(), subject: next(), files: Vec::new() };
            current = Some((commit, Vec::new()));
            continue;
        }
        let Some((_, files)) = current.as_mut() else { continue };
        if let Some(paths) = text.strip_prefix("diff --git ") {
            let (_, path) = split_diff_paths(paths);
            files.push(Read {
                change: FileChange { path, previous: None, kind: Kind::Modified, fields: None },
                before: None,
                after: None,
                binary: false,
            });
            continue;
        }
        let Some(file) = files.last_mut() else { continue };
        if text.starts_with("new file mode") {
            file.change.kind = Kind::Added;
        } else if text.starts_with("deleted file mode") {
            file.change.kind = Kind::Deleted;
        } else if let Some(from) = text.strip_prefix("rename from ") {
            file.change.kind = Kind::Renamed;
            file.change.previous = Some(unquote(from));
        } else if let Some(to) = text.strip_prefix("rename to ") {
            file.change.path = unquote(to);
        } else if text.starts_with("Binary files ") {
            file.binary = true;
        } else if text.starts_with("--- ") || text.starts_with("+++ ") || text.starts_with("@@ ") || text.starts_with('\\') {
            // Headers of the text that follows; "\ No newline at end of file".
        } else if let Some(rest) = text.strip_prefix(' ') {
            push_line(&mut file.before, rest);
            push_line(&mut file.after, rest);
        } else if let Some(rest) = text.strip_prefix('-') {
            push_line(&mut file.before, rest);
        } else if let Some(rest) = text.strip_prefix('+') {
            push_line(&mut file.after, rest);
        }
    }
    if let Some((commit, files)) = current.take() {
        done.push(finish(commit, files, &mut memo));
    }
    let status = child.wait().map_err(|e| format!("git log: {e}"))?;
    if !status.success() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        return Err(err.lines().next().unwrap_or("git log failed").to_string());
    }
    Ok(done)
}

/// The flattened "before" of each file seen so far, by path. Commits come newest first, so the
/// version a commit started from is the version the next (older) commit of that file made:
/// each version is parsed once, not twice.
#[derive(Default)]
struct Memo(HashMap<String, (u64, Arc<Flat>)>);

fn hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// A version of a file to remember for the next (older) commit: its path then, its hash, its leaves.
type Remembered = (String, u64, Arc<Flat>);

/// A commit with the field changes of its modified YAML files, parsed in parallel.
fn finish(mut commit: Commit, files: Vec<Read>, memo: &mut Memo) -> Commit {
    let worked: Vec<(FileChange, Option<Remembered>)> = files
        .into_par_iter()
        .map(|f| {
            let Read { mut change, before, after, binary } = f;
            let yaml = change.path.ends_with(".yaml") || change.path.ends_with(".yml");
            let small = before.as_ref().map_or(0, String::len).max(after.as_ref().map_or(0, String::len)) <= MAX_FIELDS_BYTES;
            let modified = matches!(change.kind, Kind::Modified | Kind::Renamed);
            if !(yaml && small && modified && !binary) {
                return (change, None);
            }
            let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
            let after_hash = hash(&after);
            let after_flat = match memo.0.get(&change.path) {
                Some((h, flat)) if *h == after_hash => Some(flat.clone()),
                _ => fields::flatten(&after).map(Arc::new),
            };
            let before_hash = hash(&before);
            let before_flat = fields::flatten(&before).map(Arc::new);
            change.fields = before_flat.as_ref().zip(after_flat.as_ref()).map(|(b, a)| fields::diff(b, a));
            let older_path = change.previous.clone().unwrap_or_else(|| change.path.clone());
            (change, before_flat.map(|flat| (older_path, before_hash, flat)))
        })
        .collect();
    for (change, remembered) in worked {
        memo.0.remove(&change.path);
        if let Some((path, h, flat)) = remembered {
            memo.0.insert(path, (h, flat));
        }
        commit.files.push(change);
    }
    commit
}

fn push_line(text: &mut Option<String>, line: &str) {
    let t = text.get_or_insert_with(String::new);
    t.push_str(line);
    t.push('\n');
}

/// `a/x b/y` (or quoted forms) → the two paths without their `a/` and `b/` prefixes. Used
/// only when no `rename to` line follows, when both paths are the same file.
fn split_diff_paths(paths: &str) -> (String, String) {
    if paths.starts_with('"') || paths.ends_with('"') {
        // Quoted paths: `"a/x y" "b/x y"`.
        let parts: Vec<&str> = paths.split("\" \"").collect();
        if parts.len() == 2 {
            let a = unquote(&format!("{}\"", parts[0]));
            let b = unquote(&format!("\"{}", parts[1]));
            return (strip_side(&a), strip_side(&b));
        }
    }
    // Unquoted: both halves are the same length when the path has not changed.
    let half = paths.len().saturating_sub(1) / 2;
    match (paths.get(..half), paths.get(half + 1..)) {
        (Some(a), Some(b)) if a.get(2..) == b.get(2..) => (strip_side(a), strip_side(b)),
        _ => {
            let b = paths.rsplit_once(" b/").map_or(paths, |(_, b)| b);
            (String::new(), b.to_string())
        }
    }
}

fn strip_side(path: &str) -> String {
    path.strip_prefix("a/").or_else(|| path.strip_prefix("b/")).unwrap_or(path).to_string()
}

/// A path as git prints it: as is, or in C-style quotes with escapes.
fn unquote(path: &str) -> String {
    let Some(inner) = path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) else {
        return path.to_string();
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = chars.peek() {
                        value = value * 8 + u32::from(n - b'0');
                        chars.next();
                    }
                }
                bytes.push(value as u8);
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// For each current path, the (commit, file) pairs that touched it under any name.
fn index(commits: &[Commit]) -> HashMap<String, Vec<(usize, usize)>> {
    // Walking from the newest commit back, `current` maps a name a file had to its name now.
    let mut current: HashMap<String, String> = HashMap::new();
    let mut by_file: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (c, commit) in commits.iter().enumerate() {
        for (f, file) in commit.files.iter().enumerate() {
            let now = current.get(&file.path).cloned().unwrap_or_else(|| file.path.clone());
            by_file.entry(now.clone()).or_default().push((c, f));
            if let Some(previous) = &file.previous {
                current.insert(previous.clone(), now);
            }
        }
    }
    by_file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_headers_give_the_paths() {
        assert_eq!(
            split_diff_paths("a/projects/p1.yaml b/projects/p1.yaml"),
            ("projects/p1.yaml".into(), "projects/p1.yaml".into())
        );
        assert_eq!(split_diff_paths("\"a/pages/x y.md\" \"b/pages/x y.md\"").1, "pages/x y.md");
        assert_eq!(unquote("\"pages/\\344\\270\\255.md\""), "pages/中.md");
        assert_eq!(unquote("plain.md"), "plain.md");
    }
}
