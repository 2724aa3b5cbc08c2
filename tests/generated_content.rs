//! The content generator (`examples/gen-content.rs`, logic in `examples/gen_content/`) writes
//! folders that load with no error at every size, the same bytes for the same options, and
//! plain-page sites that build; with `--git`, a history that builds the same folder up month by
//! month, valid at every commit, with corrections that the history reader names.

#[path = "../examples/gen_content/mod.rs"]
mod gen_content;

use std::fs;
use std::path::Path;
use std::process::Command;

use gen_content::history::{CLERKS, GitOptions};
use gen_content::{Options, generate, generate_plain, generate_with_history};

mod common;
use common::files;

/// Loads `dir` and panics with the first errors if there are any.
fn load_clean(dir: &Path) -> bulletin::content::Content {
    let loaded = bulletin::content::load(dir).expect("the folder reads");
    let errors: Vec<String> = loaded.diagnostics.errors().take(5).map(|d| format!("{d:?}")).collect();
    assert!(errors.is_empty(), "{} has errors:\n{}", dir.display(), errors.join("\n"));
    loaded.content.expect("no errors, so content")
}

#[test]
fn every_size_loads_without_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let mut sizes = [
        (Options::new(50, 1), 10),
        (Options { pages: 5, last_month: 12, ..Options::new(300, 3) }, 36),
        (Options::new(0, 2), 22),
        (Options { units: Some(2), squads: Some(1), leaders: Some(1), ..Options::new(120, 2) }, 22),
    ];
    sizes[0].0.seed = 7;
    for (i, (opts, months)) in sizes.iter().enumerate() {
        let dir = tmp.path().join(format!("c{i}"));
        let summary = generate(opts, &dir).unwrap();
        let content = load_clean(&dir);
        assert_eq!(content.projects.len(), opts.projects, "{opts:?}");
        assert_eq!(content.briefings.len(), *months, "a briefing for every month: {opts:?}");
        assert_eq!(content.targets.len(), opts.years as usize, "targets for every year: {opts:?}");
        assert_eq!(content.pages.len(), opts.pages + 1);
        assert_eq!(summary.projects, opts.projects);
        assert_eq!(content.squads.len(), summary.squads);
        assert!(content.squads.iter().all(|s| !s.trips.is_empty()), "every squad travels");
        if opts.projects > 0 {
            assert!(content.projects.iter().any(|p| !p.funds.is_empty()), "some funds arrive");
            assert!(!content.meetings.is_empty(), "meetings every year");
            assert!(content.parks.iter().flat_map(|p| &p.buildings).any(|b| b.project.is_some()), "a factory is let");
        }
        // The unit shares add up to the county's targets: no `target-split` warning.
        let last = content.latest_period().unwrap();
        let warnings = bulletin::figures::warnings::data_quality(&content, last);
        assert!(warnings.iter().all(|w| w.code != "target-split"), "{:?}", warnings.iter().find(|w| w.code == "target-split"));
    }
}

#[test]
fn check_passes_on_generated_content() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    generate(&Options { pages: 2, ..Options::new(200, 2) }, &dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bulletin")).arg("check").arg("--content").arg(&dir).output().unwrap();
    assert!(out.status.success(), "bulletin check failed:\n{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn the_same_options_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = Options { pages: 3, ..Options::new(150, 2) };
    generate(&opts, &tmp.path().join("a")).unwrap();
    generate(&opts, &tmp.path().join("b")).unwrap();
    generate(&Options { seed: 99, ..opts.clone() }, &tmp.path().join("c")).unwrap();
    let a = files(&tmp.path().join("a"));
    assert_eq!(a, files(&tmp.path().join("b")));
    assert_ne!(a, files(&tmp.path().join("c")), "another seed gives other content");
}

#[test]
fn refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.txt"), "mine").unwrap();
    assert!(generate(&Options::new(10, 1), tmp.path()).is_err());
    assert!(generate_plain(3, 1, tmp.path(), None).is_err());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "nothing written");
}

#[test]
fn plain_page_sites_load_and_match_hugo_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let (ours, hugo) = (tmp.path().join("ours"), tmp.path().join("hugo"));
    generate_plain(25, 1, &ours, Some(&hugo)).unwrap();
    let content = load_clean(&ours);
    assert_eq!(content.pages.len(), 25);
    assert!(content.projects.is_empty());
    let hugo_pages = fs::read_dir(hugo.join("content/pages")).unwrap().count();
    assert_eq!(hugo_pages, 25 + 1, "the same pages and the section's _index.md");
    assert!(hugo.join("layouts/_default/single.html").is_file());
    // An empty site (the start-up benchmark) loads too.
    generate_plain(0, 1, &tmp.path().join("empty"), None).unwrap();
    load_clean(&tmp.path().join("empty"));
}

/// Runs git in `dir` with no user or system configuration; its output.
fn git(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Every file of `commit`'s tree: path → bytes (one `git cat-file --batch`).
fn tree_files(repo: &Path, commit: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let names = String::from_utf8(git(repo, &["-c", "core.quotepath=off", "ls-tree", "-r", "--name-only", commit])).unwrap();
    let names: Vec<&str> = names.lines().collect();
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input: String = names.iter().map(|n| format!("{commit}:{n}\n")).collect();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    // Each object: "<id> blob <size>\n<bytes>\n".
    let mut files = std::collections::BTreeMap::new();
    let mut rest = out.stdout.as_slice();
    for name in names {
        let eol = rest.iter().position(|b| *b == b'\n').unwrap();
        let header = std::str::from_utf8(&rest[..eol]).unwrap();
        let size: usize = header.rsplit(' ').next().unwrap().parse().unwrap();
        files.insert(name.to_string(), rest[eol + 1..eol + 1 + size].to_vec());
        rest = &rest[eol + 2 + size..];
    }
    files
}

#[test]
fn a_git_history_builds_the_same_folder_month_by_month() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain, repo) = (tmp.path().join("plain"), tmp.path().join("repo"));
    let opts = Options::new(200, 1); // January … October 2026
    let per_month = 6;
    generate(&opts, &plain).unwrap();
    let (_, made) = generate_with_history(&opts, &repo, &GitOptions { commits_per_month: per_month }).unwrap();

    // The working tree and HEAD's tree are byte for byte the folder written without --git.
    let expected = files(&plain);
    let mut worktree = files(&repo);
    worktree.retain(|path, _| !path.starts_with(".git/"));
    assert_eq!(worktree, expected);
    assert_eq!(tree_files(&repo, "HEAD"), expected);
    assert!(git(&repo, &["status", "--porcelain", "--untracked-files=all"]).is_empty());

    // Ten months of six commits (the ledger's commits by unit fill what the squads, meetings,
    // factories, briefing and, in January, the first commit and the targets leave), plus one
    // commit per correction.
    assert!(!made.corrections.is_empty(), "every sixth month has a correction");
    let count: usize = String::from_utf8(git(&repo, &["rev-list", "--count", "HEAD"])).unwrap().trim().parse().unwrap();
    assert_eq!(count, 10 * per_month + made.corrections.len());
    assert_eq!(made.commits, count);

    // check passes on HEAD (the folder itself, .git and all).
    let out = Command::new(env!("CARGO_BIN_EXE_bulletin")).arg("check").arg("--content").arg(&repo).output().unwrap();
    assert!(out.status.success(), "bulletin check failed:\n{}", String::from_utf8_lossy(&out.stdout));

    // The history reader finds every commit, by the four clerks, dated in the month it names.
    let history = bulletin::record::git::History::read(&repo);
    assert_eq!(history.status, bulletin::record::git::Status::Complete);
    assert_eq!(history.commits.len(), count);
    let clerks: Vec<(&str, &str)> = CLERKS.to_vec();
    for c in &history.commits {
        assert!(clerks.contains(&(c.author.as_str(), c.email.as_str())), "{} <{}>", c.author, c.email);
        assert!(c.time.ends_with("+08:00"), "{}", c.time);
        if let Some(month) = c.subject.strip_prefix("2026年").and_then(|s| s.split_once('月')).map(|(m, _)| m) {
            assert_eq!(&c.time[..7], format!("2026-{:02}", month.parse::<u32>().unwrap()), "{}", c.subject);
        }
    }
    let first = history.commits.last().unwrap();
    assert_eq!(first.time.get(..7), Some("2026-01"));
    assert!(first.files.iter().any(|f| f.path == "units.yaml") && first.files.iter().all(|f| !f.path.starts_with("projects/")));

    // Each correction: one commit by 赵六 changing one field, wrong → right, where an earlier
    // commit by another clerk entered the wrong amount; HEAD has the right one.
    for fix in &made.corrections {
        let (y, m) = fix.month.split_once('-').unwrap();
        let subject = format!("更正 {} {y}年{}月到位资金", fix.project, m.parse::<u32>().unwrap());
        let at = history.commits.iter().position(|c| c.subject == subject).unwrap_or_else(|| panic!("no commit {subject}"));
        let commit = &history.commits[at];
        assert_eq!((commit.author.as_str(), commit.email.as_str()), ("赵六", "zhaoliu@example.org"));
        assert_eq!(commit.files.len(), 1);
        assert_eq!(commit.files[0].path, fix.path);
        let field = format!("funds[{}].amount", fix.month);
        let fields = commit.files[0].fields.as_ref().expect("both versions parse");
        assert_eq!(fields.len(), 1, "{fields:?}");
        assert_eq!(fields[0].field, field);
        assert_eq!(
            (fields[0].before.as_deref(), fields[0].after.as_deref()),
            (Some(fix.wrong.as_str()), Some(fix.right.as_str()))
        );
        assert_ne!(fix.wrong, fix.right);
        let text = String::from_utf8(expected[&fix.path].clone()).unwrap();
        assert!(text.contains(&format!("  - month: {}\n    amount: {}\n", fix.month, fix.right)), "{text}");
        // The wrong amount came in with its month's entry (one change for the whole new
        // entry: `funds[M]`, its fields in one value), from a clerk of the ledger.
        let item = format!("funds[{}]", fix.month);
        let entered = history
            .of_file(&fix.path)
            .find(|(_, f)| f.fields.iter().flatten().any(|c| c.field == item && c.before.is_none()))
            .unwrap();
        assert!(entered.0.subject.starts_with(&format!("{y}年{}月 ", m.parse::<u32>().unwrap())), "{}", entered.0.subject);
        assert_ne!(entered.0.author, "赵六");
        let value = entered.1.fields.iter().flatten().find(|c| c.field == item).unwrap();
        let after = value.after.as_deref().unwrap();
        assert!(after.starts_with(&format!("month: {}, amount: {}, ", fix.month, fix.wrong)), "{after}");
    }

    // Every commit is valid content, not only the last.
    let ids: Vec<&str> = history.commits.iter().map(|c| c.id.as_str()).collect();
    for (k, id) in ids.iter().enumerate() {
        let dir = tmp.path().join(format!("at-{k}"));
        fs::create_dir_all(&dir).unwrap();
        for (path, bytes) in tree_files(&repo, id) {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        load_clean(&dir);
        fs::remove_dir_all(&dir).unwrap();
    }

    // The same options give the same commits.
    let again = tmp.path().join("again");
    generate_with_history(&opts, &again, &GitOptions { commits_per_month: per_month }).unwrap();
    assert_eq!(git(&again, &["rev-parse", "HEAD"]), git(&repo, &["rev-parse", "HEAD"]));
}
