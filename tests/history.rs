//! The content folder's git history, read from real temporary repositories: who changed which
//! file, which fields, renames followed, shallow clones and folders outside git.

use std::fs;
use std::path::Path;
use std::process::Command;

use bulletin::record::git::{History, Kind, Status};

mod common;
use common::git;

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const P1: &str =
    "name: 茶叶项目\nmilestones:\n  signed: 2026-01-05\nfunds:\n  - month: 2026-03\n    amount: 13121\n    origin: 省外\n";

/// A repository whose content folder is a subfolder, with four commits by two clerks.
fn repository(root: &Path) {
    git(root, "张三", &["init", "-q", "-b", "main"]);
    write(root, "README.md", "网站\n");
    write(root, "content/projects/p1.yaml", P1);
    write(root, "content/projects/p2.yaml", "name: 钒项目\n");
    git(root, "张三", &["add", "."]);
    git(root, "张三", &["commit", "-q", "-m", "录入一季度项目"]);
    // A correction of March's money, by another clerk.
    write(root, "content/projects/p1.yaml", &P1.replace("13121", "93121"));
    git(root, "李四", &["commit", "-q", "-a", "-m", "更正 p1 三月到位资金"]);
    // A rename keeps the file's history.
    git(root, "张三", &["mv", "content/projects/p2.yaml", "content/projects/p2026-002.yaml"]);
    git(root, "张三", &["commit", "-q", "-m", "统一编号"]);
    // A change outside the content folder is not content history.
    write(root, "README.md", "网站说明\n");
    git(root, "张三", &["commit", "-q", "-a", "-m", "说明"]);
}

#[test]
fn commits_fields_and_renames_of_a_content_subfolder() {
    let tmp = tempfile::tempdir().unwrap();
    repository(tmp.path());
    let history = History::read(&tmp.path().join("content"));
    assert_eq!(history.status, Status::Complete);
    assert_eq!(history.notice(), None);
    let subjects: Vec<&str> = history.commits.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["统一编号", "更正 p1 三月到位资金", "录入一季度项目"], "newest first, content commits only");

    // p1: the correction names the field, its old and new value and who made it.
    let p1: Vec<_> = history.of_file("projects/p1.yaml").collect();
    assert_eq!(p1.len(), 2);
    let (commit, change) = p1[0];
    assert_eq!((commit.author.as_str(), commit.email.as_str()), ("李四", "李四@example.org"));
    assert_eq!(change.kind, Kind::Modified);
    let fields = change.fields.as_ref().unwrap();
    assert_eq!(fields.len(), 1, "{fields:?}");
    assert_eq!(fields[0].field, "funds[2026-03].amount");
    assert_eq!((fields[0].before.as_deref(), fields[0].after.as_deref()), (Some("13121"), Some("93121")));
    assert_eq!(commit.date().len(), 10);
    // The first commit added the file: it is new as a whole, with no field list.
    assert_eq!(p1[1].1.kind, Kind::Added);
    assert!(p1[1].1.fields.is_none());

    // p2026-002 was p2: both commits are in its history.
    let p2: Vec<_> = history.of_file("projects/p2026-002.yaml").map(|(c, f)| (c.subject.as_str(), f.kind)).collect();
    assert_eq!(p2, [("统一编号", Kind::Renamed), ("录入一季度项目", Kind::Added)]);

    // The commits after the first one, up to the newest.
    let first = &history.commits[2].id;
    let newest = &history.commits[0].id;
    let between: Vec<&str> = history.between(Some(first), newest).unwrap().iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(between, ["统一编号", "更正 p1 三月到位资金"]);
}

#[test]
fn a_shallow_clone_and_a_folder_outside_git_say_so_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let origin = tmp.path().join("origin");
    fs::create_dir_all(&origin).unwrap();
    repository(&origin);
    let url = format!("file://{}", origin.display());
    git(tmp.path(), "ci", &["clone", "-q", "--depth", "1", &url, "clone"]);
    let history = History::read(&tmp.path().join("clone/content"));
    assert_eq!(history.status, Status::Shallow);
    let notice = history.notice().unwrap();
    assert!(notice.contains("git fetch --unshallow") && !notice.contains('\n'), "{notice}");

    let outside = tmp.path().join("plain");
    fs::create_dir_all(&outside).unwrap();
    let history = History::read(&outside);
    assert_eq!(history.status, Status::NotInRepository);
    assert!(history.commits.is_empty());
    assert!(history.notice().unwrap().contains("git"));
}

#[test]
fn the_pre_commit_hook_stops_a_commit_with_a_content_error() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    git(root, "张三", &["init", "-q", "-b", "main"]);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for file in ["site.yaml", "units.yaml", "leaders.yaml", "chains.yaml", "targets/2026.yaml"] {
        write(root, &format!("data/content/{file}"), &fs::read_to_string(sample.join(file)).unwrap());
    }
    let install = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(["hooks", "install", "--content"])
        .arg(root.join("data/content"))
        .output()
        .unwrap();
    assert!(install.status.success(), "{}", String::from_utf8_lossy(&install.stderr));
    git(root, "张三", &["add", "."]);
    git(root, "张三", &["commit", "-q", "-m", "基础数据"]);

    // A broken project: the hook runs check and the commit is refused.
    write(root, "data/content/projects/p1.yaml", "name： 坏的\n");
    git(root, "张三", &["add", "."]);
    let refused = Command::new("git")
        .current_dir(root)
        .args(["-c", "user.name=张三", "-c", "user.email=z@example.org", "commit", "-q", "-m", "坏的"])
        .output()
        .unwrap();
    assert!(!refused.status.success(), "the commit went through");
    let said = String::from_utf8_lossy(&refused.stdout).into_owned() + &String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("projects/p1.yaml:1:") && said.contains("提交已取消"), "{said}");
    assert_eq!(git(root, "张三", &["rev-list", "--count", "HEAD"]).trim(), "1");

    // Fixed, it goes through.
    fs::remove_file(root.join("data/content/projects/p1.yaml")).unwrap();
    git(root, "张三", &["add", "-A"]);
    git(root, "张三", &["commit", "-q", "--allow-empty", "-m", "删除坏文件"]);
    assert_eq!(git(root, "张三", &["rev-list", "--count", "HEAD"]).trim(), "2");

    // A hook bulletin did not write is kept unless --force.
    fs::write(root.join(".git/hooks/pre-commit"), "#!/bin/sh\nexit 0\n").unwrap();
    let again = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(["hooks", "install", "--content"])
        .arg(root.join("data/content"))
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert_eq!(fs::read_to_string(root.join(".git/hooks/pre-commit")).unwrap(), "#!/bin/sh\nexit 0\n");
}
