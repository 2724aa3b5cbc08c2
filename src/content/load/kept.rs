//! What `serve` keeps from one read of the content folder for the next ([`ReadCache`]): each
//! file's text with the stamp it was read at, and each project's and squad's decoded record.
//! A save then reads again only the files that changed and decodes again only what they hold,
//! or what a changed list they refer to (units, leaders, chains, squads, projects) reaches.
//! Every check across files runs on every read, as on a first one.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use super::{Found, decode_one};
use crate::content::fields::Decoder;
use crate::content::model::{Project, Squad};
use crate::content::yaml::Node;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::{FileId, Sources, Text};

/// What `serve` keeps between saves (see the module's text).
#[derive(Default)]
pub struct ReadCache {
    texts: Mutex<HashMap<String, (Stamp, Text)>>,
    /// Paths the watcher named since the last read: read again whatever their stamps say.
    named: Mutex<HashSet<String>>,
    projects: Records<Project>,
    squads: Records<Squad>,
    /// A roll-up's members' own, by their folders (canonical).
    members: Mutex<HashMap<PathBuf, Arc<ReadCache>>>,
}

/// What the file system says of a file, to know it unchanged without reading it: its length,
/// its times of change and its inode (an editor that saves by renaming a new file over the old
/// one gives a new inode).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Stamp {
    len: u64,
    modified: SystemTime,
    changed: Option<(i64, i64)>,
    inode: u64,
}

/// A file is trusted unchanged by its stamp only if it was last written this long before it was
/// read: two saves within a file system's clock tick (two seconds on FAT) can leave the same
/// stamp, so a file that recent is read again next time, as git treats a "racily clean" file.
const TICK: Duration = Duration::from_secs(2);

impl Stamp {
    pub(super) fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (Some((meta.ctime(), meta.ctime_nsec())), meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (None, 0);
        Some(Stamp { len: meta.len(), modified: meta.modified().ok()?, changed, inode })
    }

    /// Written long enough before `now` that a later save must change the stamp.
    fn settled(&self, now: SystemTime) -> bool {
        self.modified + TICK <= now
    }
}

impl ReadCache {
    /// Forgets the texts of `paths` (relative to the content folder, `/` separators; a folder
    /// stands for everything under it): they are read again next time, whatever their stamps.
    pub fn forget<'a>(&self, paths: impl IntoIterator<Item = &'a Path>) {
        let mut named = self.named.lock().expect("read cache");
        for path in paths {
            let rel: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            named.insert(rel.join("/"));
        }
    }

    /// Forgets the texts of the files `changed` (as the watcher names them) inside `folder`,
    /// this cache's, or inside a member's folder.
    pub fn forget_changed(&self, folder: &Path, changed: &[PathBuf]) {
        // Named as the watcher was given the folders (perhaps through `..` or a link): compared
        // as canonical paths. A file gone is named by its folder's canonical path.
        let canonical = |p: &Path| p.canonicalize().ok().or_else(|| Some(p.parent()?.canonicalize().ok()?.join(p.file_name()?)));
        let changed: Vec<PathBuf> = changed.iter().filter_map(|p| canonical(p)).collect();
        if let Some(folder) = canonical(folder) {
            self.forget_within(&folder, &changed);
        }
    }

    fn forget_within(&self, folder: &Path, changed: &[PathBuf]) {
        self.forget(changed.iter().filter_map(|p| p.strip_prefix(folder).ok()));
        for (member, cache) in self.members.lock().expect("read cache").iter() {
            cache.forget_within(member, changed);
        }
    }

    /// What is kept of the member whose folder is `folder` (canonical).
    pub fn member(&self, folder: &Path) -> Arc<ReadCache> {
        self.members.lock().expect("read cache").entry(folder.to_path_buf()).or_default().clone()
    }

    /// Forgets the members whose folders are not among `folders`.
    pub fn keep_members(&self, folders: &[PathBuf]) {
        self.members.lock().expect("read cache").retain(|folder, _| folders.contains(folder));
    }

    /// The text kept for `rel` if the file still has `stamp` and was not named since.
    pub(super) fn text(&self, rel: &str, stamp: Stamp) -> Option<Text> {
        if self.is_named(rel) {
            return None;
        }
        let texts = self.texts.lock().expect("read cache");
        texts.get(rel).filter(|(kept, _)| *kept == stamp).map(|(_, text)| text.clone())
    }

    fn is_named(&self, rel: &str) -> bool {
        let named = self.named.lock().expect("read cache");
        !named.is_empty()
            && (named.contains("") || named.contains(rel) || rel.match_indices('/').any(|(i, _)| named.contains(&rel[..i])))
    }

    /// Keeps the texts of this read (`read_at`: when it began) for the next; files gone are
    /// forgotten, and so is every name the watcher gave.
    pub(super) fn keep_texts(&self, texts: Vec<(String, Stamp, Text)>, read_at: SystemTime) {
        let kept = texts.into_iter().filter(|(_, stamp, _)| stamp.settled(read_at)).map(|(rel, s, t)| (rel, (s, t))).collect();
        *self.texts.lock().expect("read cache") = kept;
        self.named.lock().expect("read cache").clear();
    }

    pub(super) fn projects(&self) -> &Records<Project> {
        &self.projects
    }

    pub(super) fn squads(&self) -> &Records<Squad> {
        &self.squads
    }
}

/// Records of one kind as last decoded, by file path.
pub(super) struct Records<T>(Mutex<HashMap<String, Decoded<T>>>);

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records(Mutex::new(HashMap::new()))
    }
}

/// One file as decoded: what it holds (or `None`) and the problems found in it, with the text
/// and the lookup tables (as one number) it was decoded with.
struct Decoded<T> {
    text: Text,
    tables: u64,
    item: Option<T>,
    problems: Vec<Diagnostic>,
}

/// What became of one file: its record kept from last time, decoded now (and kept for next
/// time), or decoded now and not kept (unreadable, or its text not shared).
enum Outcome<T> {
    Kept,
    Decoded(Decoded<T>),
    Unkept(Option<T>, Vec<Diagnostic>),
}

/// A record that names the file it came from, which may sit at another place in the next read's
/// list of files.
pub(super) trait Refile {
    fn refile(&mut self, file: FileId);
}

impl Refile for Project {
    fn refile(&mut self, file: FileId) {
        self.origin.file = file;
        for problem in &mut self.problems {
            problem.origin.file = file;
        }
    }
}

impl Refile for Squad {
    fn refile(&mut self, file: FileId) {
        self.origin.file = file;
    }
}

impl<T: Clone + Send + Sync + Refile> Records<T> {
    /// `files` (named by their ids) decoded, reusing each record whose file has the same text
    /// and was decoded with the same `tables` as last time.
    pub(super) fn decode(
        &self,
        sources: &Sources,
        files: &[(&str, &Found)],
        diags: &mut Diagnostics,
        tables: u64,
        decode: &(dyn Fn(&mut Decoder, &Node, &str) -> Option<T> + Sync),
    ) -> Vec<Option<T>> {
        let mut old = std::mem::take(&mut *self.0.lock().expect("read cache"));
        let outcomes: Vec<Outcome<T>> = files
            .par_iter()
            .map(|(id, f)| {
                let src = sources.get(f.file);
                match src.shared_text() {
                    _ if f.unreadable => Outcome::Unkept(None, Vec::new()),
                    Some(text) => {
                        let same = |e: &Decoded<T>| e.tables == tables && (e.text.same(text) || e.text.as_str() == text.as_str());
                        if old.get(&src.path).is_some_and(same) {
                            return Outcome::Kept;
                        }
                        let (item, problems) = decode_one(sources, id, f, decode);
                        Outcome::Decoded(Decoded { text: text.clone(), tables, item, problems })
                    }
                    None => {
                        let (item, problems) = decode_one(sources, id, f, decode);
                        Outcome::Unkept(item, problems)
                    }
                }
            })
            .collect();
        let mut kept = HashMap::with_capacity(files.len());
        let mut items = Vec::with_capacity(files.len());
        for ((_, f), outcome) in files.iter().zip(outcomes) {
            let path = &sources.get(f.file).path;
            let mut entry = match outcome {
                Outcome::Kept => old.remove(path).expect("a kept record"),
                Outcome::Decoded(entry) => entry,
                Outcome::Unkept(item, problems) => {
                    diags.extend(problems);
                    items.push(item);
                    continue;
                }
            };
            // The file's place in this read's list may differ from last time's.
            if let Some(item) = &mut entry.item {
                item.refile(f.file);
            }
            for d in &mut entry.problems {
                d.file = d.file.map(|_| f.file);
            }
            diags.extend(entry.problems.iter().cloned());
            items.push(entry.item.clone());
            kept.insert(path.clone(), entry);
        }
        *self.0.lock().expect("read cache") = kept;
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_the_watcher_named_is_read_again_and_a_folder_stands_for_its_files() {
        let cache = ReadCache::default();
        cache.forget([Path::new("projects/p1.yaml"), Path::new("squads")]);
        assert!(cache.is_named("projects/p1.yaml"));
        assert!(cache.is_named("squads/squad-01.yaml"), "a file in a folder named");
        assert!(!cache.is_named("projects/p10.yaml"), "a path that only starts like a named one");
        assert!(!cache.is_named("squads-old/s.yaml"), "a folder that only starts like a named one");
        assert!(!cache.is_named("units.yaml"));
        cache.keep_texts(Vec::new(), SystemTime::now());
        assert!(!cache.is_named("projects/p1.yaml"), "forgotten once read again");
        // The content folder itself: everything.
        cache.forget([Path::new("")]);
        assert!(cache.is_named("units.yaml") && cache.is_named("projects/p2.yaml"));
    }

    #[test]
    fn a_change_the_watcher_names_in_a_members_folder_is_forgotten_by_that_member() {
        let tmp = tempfile::tempdir().unwrap();
        let (city, county) = (tmp.path().join("city"), tmp.path().join("county"));
        std::fs::create_dir_all(city.join("briefings")).unwrap();
        std::fs::create_dir_all(county.join("projects")).unwrap();
        std::fs::write(county.join("projects/p1.yaml"), "name: a\n").unwrap();
        let cache = ReadCache::default();
        let member = cache.member(&county.canonicalize().unwrap());
        // Named through the city's folder and `..`, as the watcher may name it; and a file gone.
        let named = [city.join("../county/projects/p1.yaml"), county.join("projects/gone.yaml")];
        cache.forget_changed(&city, &named);
        assert!(member.is_named("projects/p1.yaml") && member.is_named("projects/gone.yaml"));
        assert!(!cache.is_named("projects/p1.yaml"), "not the city's own file");
        cache.forget_changed(&city, &[city.join("briefings/2026-10.md")]);
        assert!(cache.is_named("briefings/2026-10.md"));
        cache.keep_members(&[]);
        assert!(cache.members.lock().unwrap().is_empty(), "a member no longer listed is forgotten");
    }

    #[test]
    fn a_file_written_within_a_clock_tick_of_its_read_is_not_trusted_by_its_stamp() {
        let now = SystemTime::now();
        let stamp = |ago: u64| Stamp { len: 1, modified: now - Duration::from_millis(ago), changed: None, inode: 1 };
        assert!(!stamp(500).settled(now));
        assert!(stamp(2500).settled(now));
        let cache = ReadCache::default();
        cache.keep_texts(
            vec![
                ("a.yaml".into(), stamp(500), Text::new("a: 1".into())),
                ("b.yaml".into(), stamp(2500), Text::new("b: 1".into())),
            ],
            now,
        );
        assert!(cache.text("a.yaml", stamp(500)).is_none(), "written just before it was read: read again");
        assert_eq!(cache.text("b.yaml", stamp(2500)).map(|t| t.as_str().to_string()).as_deref(), Some("b: 1"));
        assert!(cache.text("b.yaml", stamp(2400)).is_none(), "another stamp");
    }
}
