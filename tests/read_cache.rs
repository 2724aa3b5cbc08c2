//! Issue 18: `serve` keeps, between saves, each file's text and each project's and squad's
//! decoded record (`content::load::ReadCache`). Whatever the edits, a read that reuses them
//! must find exactly what a first read of the same files finds: the same problems at the same
//! files and lines, the same content and the same figures.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use bulletin::content::load::{ReadCache, from_files, from_files_with, load, load_with, read_folder};
use bulletin::content::{Content, Loaded};
use bulletin::diagnostics::{Lang, render};

type Files = Vec<(String, std::io::Result<Vec<u8>>)>;

fn copy(files: &Files) -> Files {
    files.iter().map(|(path, bytes)| (path.clone(), Ok(bytes.as_ref().expect("the sample reads").clone()))).collect()
}

/// What a read found, as a clerk and the figures would see it: the problems, and the latest
/// month's figures with every record read (`Debug`, so a squad's trip that points at the wrong
/// project shows).
fn seen(loaded: &Loaded) -> (Vec<String>, Option<String>) {
    let problems = loaded.diagnostics.0.iter().map(|d| render::text(d, &loaded.sources, Lang::En, false)).collect();
    let figures = loaded.content.as_ref().map(|c: &Content| {
        let month = c.latest_period().expect("a briefing");
        let figures = serde_json::to_string(&bulletin::figures::snapshot(c, month)).expect("serializes");
        format!("{figures}\n{c:?}")
    });
    (problems, figures)
}

fn edit(files: &mut Files, path: &str, f: impl Fn(&str) -> String) {
    let (_, bytes) = files.iter_mut().find(|(p, _)| p == path).unwrap_or_else(|| panic!("{path}"));
    let text = String::from_utf8(bytes.as_ref().unwrap().clone()).unwrap();
    *bytes = Ok(f(&text).into_bytes());
}

#[test]
fn a_read_reusing_the_decoded_projects_finds_what_a_first_read_finds() {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = read_folder(&sample).expect("the sample reads");
    let cache = ReadCache::default();
    let check = |files: &Files, what: &str| {
        let cached = seen(&from_files_with(copy(files), Some(&cache)));
        let first = seen(&from_files(copy(files)));
        assert_eq!(cached, first, "{what}");
        cached
    };
    let (problems, figures) = check(&files, "the sample");
    assert!(problems.is_empty() && figures.is_some(), "{problems:?}");

    // A unit the projects refer to is renamed: every project naming it is now wrong, though
    // none of their files changed.
    edit(&mut files, "units.yaml", |t| t.replacen("id: nongye", "id: nongye2", 1));
    let (problems, _) = check(&files, "a unit renamed");
    assert!(problems.iter().any(|p| p.contains("p2025-002.yaml") && p.contains("nongye")), "{problems:?}");
    edit(&mut files, "units.yaml", |t| t.replacen("id: nongye2", "id: nongye", 1));
    check(&files, "the unit back");

    // A file sorting before every project shifts every file's place in the list: the problems
    // kept from last time must still point at their own files and lines.
    edit(&mut files, "projects/p2025-002.yaml", |t| t.replacen("contract_amount:", "contract_amount: 十\nx_amount:", 1));
    let early = std::fs::read(sample.join("projects/p2025-003.yaml")).unwrap();
    files.push(("projects/a-first.yaml".to_string(), Ok(early)));
    let (problems, _) = check(&files, "a file added before the others, one project broken");
    assert!(problems.iter().any(|p| p.contains("p2025-002.yaml")), "{problems:?}");
    files.retain(|(path, _)| path != "projects/a-first.yaml");
    check(&files, "the file removed again");

    // An amount changed: the figures follow.
    edit(&mut files, "projects/p2025-002.yaml", |t| t.replacen("contract_amount: 十\nx_amount:", "contract_amount:", 1));
    let (_, before) = check(&files, "the project mended");
    let funds_line =
        String::from_utf8(files.iter().find(|(p, _)| p == "projects/p2025-002.yaml").unwrap().1.as_ref().unwrap().clone())
            .unwrap();
    let amount = funds_line.lines().find(|l| l.trim_start().starts_with("amount:")).expect("a fund entry").to_string();
    edit(&mut files, "projects/p2025-002.yaml", |t| t.replacen(&amount, &format!("{amount}1"), 1));
    let (_, after) = check(&files, "an amount changed");
    assert_ne!(before, after, "the figures changed with the amount");
}

/// Sets a file's time of last change (an hour ago: long settled, so a read may trust its stamp).
fn set_modified(path: &Path, at: SystemTime) {
    std::fs::File::options().write(true).open(path).and_then(|f| f.set_modified(at)).unwrap_or_else(|e| panic!("{path:?}: {e}"));
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_read_from_disk_reusing_the_kept_texts_finds_what_a_first_read_finds() {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    copy_folder(&sample, &dir);
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(&dir).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        set_modified(entry.path(), hour_ago);
    }
    let cache = ReadCache::default();
    let check = |what: &str| {
        let cached = seen(&load_with(&dir, Some(&cache)).expect("reads"));
        let first = seen(&load(&dir).expect("reads"));
        assert_eq!(cached, first, "{what}");
        cached
    };
    let (problems, before) = check("the sample");
    assert!(problems.is_empty() && before.is_some(), "{problems:?}");
    let rewrite = |rel: &str, f: &dyn Fn(&str) -> String| {
        let path = dir.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, f(&text)).unwrap();
    };

    // An amount changed to another of the same length, and the file's time of change put back:
    // its length and time of change are those kept, but the file was still written since.
    let project = "projects/p2025-002.yaml";
    let text = std::fs::read_to_string(dir.join(project)).unwrap();
    let line = text.lines().find(|l| l.trim_start().starts_with("amount:")).expect("a fund entry").to_string();
    let digit = line.rfind(|c: char| c.is_ascii_digit()).expect("an amount");
    let other = if &line[digit..=digit] == "1" { "2" } else { "1" };
    let changed = format!("{}{other}{}", &line[..digit], &line[digit + 1..]);
    rewrite(project, &|t| t.replacen(&line, &changed, 1));
    set_modified(&dir.join(project), hour_ago);
    let (_, after) = check("an amount of the same length, the time of change put back");
    assert_ne!(before, after, "the figures follow the amount");

    // A project added that sorts before every other: every squad's trips point at projects by
    // their place in the list, so the squads kept from last time no longer hold.
    let first_squad = std::fs::read_to_string(dir.join("squads/squad-01.yaml")).unwrap();
    assert!(first_squad.contains("projects: ["), "the sample's squads name projects");
    std::fs::copy(dir.join("projects/p2025-003.yaml"), dir.join("projects/a-first.yaml")).unwrap();
    check("a project added before the others");
    // A squad's file edited: it alone is decoded again.
    rewrite("squads/squad-01.yaml", &|t| t.replacen("projects: [", "projects: [a-first, ", 1));
    let (problems, _) = check("a squad names the new project");
    assert!(problems.is_empty(), "{problems:?}");
    rewrite("squads/squad-01.yaml", &|t| t.replacen("projects: [a-first, ", "projects: [", 1));
    std::fs::remove_file(dir.join("projects/a-first.yaml")).unwrap();
    check("the project removed again");

    // A file that is no longer UTF-8, then mended.
    let units = std::fs::read(dir.join("units.yaml")).unwrap();
    std::fs::write(dir.join("units.yaml"), [&units[..], b"\xff\n"].concat()).unwrap();
    let (problems, _) = check("units.yaml not UTF-8");
    assert!(problems.iter().any(|p| p.contains("units.yaml")), "{problems:?}");
    std::fs::write(dir.join("units.yaml"), &units).unwrap();
    set_modified(&dir.join("units.yaml"), hour_ago);
    let (_, mended) = check("units.yaml mended");
    assert_eq!(mended, after, "back to the figures before");
}

#[test]
fn a_roll_up_read_again_reuses_each_members_kept_files_and_finds_what_a_first_read_finds() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    // The city beside its first member's folder, as examples/city has it (`../../content`).
    let city = tmp.path().join("examples/city");
    copy_folder(&repo.join("examples/city"), &city);
    copy_folder(&repo.join("content"), &tmp.path().join("content"));
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(tmp.path()).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        set_modified(entry.path(), hour_ago);
    }
    let cache = ReadCache::default();
    let check = |what: &str| {
        let cached = seen(&bulletin::rollup::load_any_with(&city, Some(&cache)).expect("reads"));
        let first = seen(&bulletin::rollup::load_any(&city).expect("reads"));
        assert_eq!(cached, first, "{what}");
        cached
    };
    let (problems, before) = check("the city");
    assert!(problems.is_empty() && before.is_some(), "{problems:?}");

    // A member's project amount changed, its time of change put back: the city's figures follow.
    let member = city.join("members/danfeng");
    let project = walkdir::WalkDir::new(member.join("projects"))
        .into_iter()
        .map(Result::unwrap)
        .find(|e| e.file_type().is_file() && std::fs::read_to_string(e.path()).unwrap().contains("amount:"))
        .expect("a project with money")
        .into_path();
    let text = std::fs::read_to_string(&project).unwrap();
    let line = text.lines().find(|l| l.trim_start().starts_with("amount:")).unwrap().to_string();
    let digit = line.rfind(|c: char| c.is_ascii_digit()).unwrap();
    let other = if &line[digit..=digit] == "1" { "2" } else { "1" };
    std::fs::write(&project, text.replacen(&line, &format!("{}{other}{}", &line[..digit], &line[digit + 1..]), 1)).unwrap();
    set_modified(&project, hour_ago);
    let (_, after) = check("a member's amount changed");
    assert_ne!(before, after, "the city's figures follow the member's");

    // A member's file broken: named with its member, as on a first read.
    let units = member.join("units.yaml");
    let good = std::fs::read_to_string(&units).unwrap();
    std::fs::write(&units, format!("{good}\n- id: [\n")).unwrap();
    let (problems, _) = check("a member's units.yaml broken");
    assert!(problems.iter().any(|p| p.contains("units.yaml")), "{problems:?}");
    std::fs::write(&units, good).unwrap();
    check("mended");
}

/// A file swapped for a link between two saves is refused on the next read, as on a first one:
/// a kept text never stands in for a link, and the link is never followed.
#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_link_between_saves_is_refused_not_followed() {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    copy_folder(&sample, &dir);
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(&dir).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        set_modified(entry.path(), hour_ago);
    }
    let cache = ReadCache::default();
    let (problems, _) = seen(&load_with(&dir, Some(&cache)).expect("reads"));
    assert!(problems.is_empty(), "{problems:?}");
    // The project's text outside the folder, and a link to it where the project was.
    let project = dir.join("projects/p2025-002.yaml");
    let outside = tmp.path().join("outside.yaml");
    std::fs::rename(&project, &outside).unwrap();
    std::os::unix::fs::symlink(&outside, &project).unwrap();
    let cached = seen(&load_with(&dir, Some(&cache)).expect("reads"));
    assert_eq!(cached, seen(&load(&dir).expect("reads")), "as a first read");
    assert!(cached.0.iter().any(|p| p.contains("p2025-002.yaml") && p.to_lowercase().contains("link")), "{:?}", cached.0);
    assert!(cached.1.is_none(), "the content is refused while the link is there");
}
