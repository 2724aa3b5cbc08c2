//! `gen-content --git`: makes the generated content folder a git repository whose history
//! builds that content up month by month, as an office's clerks would have committed it.
//!
//! The final files are generated first, exactly as without `--git`. Each line of each file then
//! gets the month from which it is true ("as of" that month): a project from its signing, a
//! fund entry from its month, a milestone from its date, a problem from its opening and its
//! `resolved` from that date, a trip from its start, a meeting from its day and an item's
//! `closed` from that date, a factory tenant from its move-in, a year's targets from January.
//! This is a line filter over the generator's own fixed YAML layout (not a YAML parser): the
//! view of a file as of month m is its lines true by m. One pass over the months writes each
//! changed file's view and commits it, a few commits a month by a few clerks. Now and then a
//! fund amount is committed wrong and corrected a month or two later (`更正 …`). Every file's
//! last view is checked to be its final text, so the working tree ends byte-identical to a
//! folder generated without `--git`.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::Datelike;

use super::rng::Rng;
use super::{Ctx, Kept, mi_first, mi_last, mi_parts, mi_text};

/// The office's clerks (name, e-mail). The first three keep the units' project ledgers and the
/// squads' and factories' records; the fourth (综合科) sets up the data and writes the targets,
/// the meeting minutes, the briefings and the corrections.
pub const CLERKS: [(&str, &str); 4] = [
    ("张三", "zhangsan@example.org"),
    ("李四", "lisi@example.org"),
    ("王五", "wangwu@example.org"),
    ("赵六", "zhaoliu@example.org"),
];
const REVIEWER: usize = 3;

/// How the history is written.
#[derive(Debug, Clone)]
pub struct GitOptions {
    /// Commits a month (the ledger's commits by unit fill what the other kinds leave), plus
    /// one per correction. 10 gives about 1 200 commits over 10 years.
    pub commits_per_month: usize,
}

impl Default for GitOptions {
    fn default() -> GitOptions {
        GitOptions { commits_per_month: 10 }
    }
}

/// A fund amount committed wrong in month `committed` and corrected in month `corrected`.
#[derive(Debug, Clone)]
pub struct Correction {
    /// `projects/p2026-013.yaml`.
    pub path: String,
    pub project: String,
    /// The fund entry's month, `2026-03`.
    pub month: String,
    pub wrong: String,
    pub right: String,
    /// Months as `year * 12 + month - 1`.
    pub committed: i32,
    pub corrected: i32,
}

/// What the history holds.
#[derive(Debug, Clone, Default)]
pub struct Made {
    pub commits: usize,
    pub months: usize,
    pub corrections: Vec<Correction>,
    /// Files written over all commits (each file's view, each time it changed).
    pub file_versions: usize,
    /// Time taken, in all and packing the repository at the end.
    pub millis: u128,
    pub pack_millis: u128,
}

/// What a changed line says about a project, for the commit message.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Other,
    Funds,
    Progress,
}

/// A line of a file (`start..end` in its text, with its newline) and the month it is true from.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    vis: i32,
    part: Part,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Base,
    Targets,
    /// The index of the project in the model.
    Project(usize),
    Factories,
    Squad,
    Meeting,
    Briefing,
}

/// The wrong amount of a correction: line `line` reads `wrong` in the views of months
/// `from..until`.
struct Typo {
    line: usize,
    wrong: String,
    from: i32,
    until: i32,
}

struct File {
    path: String,
    text: String,
    lines: Vec<Line>,
    kind: Kind,
    /// The month it first exists in (`first_mi - 1`: in the first commit).
    born: i32,
    /// Fund entries (month, line of the amount), for the corrections.
    funds: Vec<(i32, usize)>,
    typo: Option<Typo>,
}

impl File {
    /// The file as of month `m`; with the wrong amount where a correction says so.
    fn view(&self, m: i32, with_typo: bool) -> String {
        let mut s = String::with_capacity(self.text.len());
        for (i, l) in self.lines.iter().enumerate() {
            if l.vis > m {
                continue;
            }
            match &self.typo {
                Some(t) if with_typo && t.line == i && t.from <= m && m < t.until => s.push_str(&t.wrong),
                _ => s.push_str(&self.text[l.start..l.end]),
            }
        }
        s
    }
}

fn bad(path: &str, what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("gen-content --git: {path}: {what}"))
}

/// `2026-03` or `2026-03-15` → the month as one integer.
fn month_of(path: &str, value: &str) -> io::Result<i32> {
    let y: i32 = value.get(..4).and_then(|y| y.parse().ok()).ok_or_else(|| bad(path, &format!("not a date: {value}")))?;
    let m: i32 = value.get(5..7).and_then(|m| m.parse().ok()).ok_or_else(|| bad(path, &format!("not a date: {value}")))?;
    Ok(y * 12 + m - 1)
}

/// The lines of `text`, each with its newline: (start, end, the line without indentation's
/// newline).
fn split_lines(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        out.push((start, end, piece.trim_end_matches('\n')));
        start = end;
    }
    out
}

/// `  key: value` → (`key`, `value`), list dash and indentation removed.
fn key_value(line: &str) -> (&str, &str) {
    let s = line.trim_start().trim_start_matches("- ");
    match s.split_once(':') {
        Some((k, v)) => (k, v.trim()),
        None => (s, ""),
    }
}

/// One line for the whole file: it appears at once.
fn whole(text: &str, born: i32) -> Vec<Line> {
    vec![Line { start: 0, end: text.len(), vis: born, part: Part::Other }]
}

/// A project file's lines, its signing month and its fund entries (month, line of the amount).
struct Tagged {
    lines: Vec<Line>,
    born: i32,
    funds: Vec<(i32, usize)>,
}

/// A project file: exists from its signing; milestones from their dates; `terminated_reason`
/// with `terminated`; `note` with the milestone it names; fund and FDI entries from their
/// month; problems from `opened`, their `resolved` from its date.
fn tag_project(path: &str, text: &str) -> io::Result<Tagged> {
    let raw = split_lines(text);
    let mut milestones: HashMap<&str, i32> = HashMap::new();
    let mut in_milestones = false;
    for (_, _, s) in &raw {
        if !s.starts_with(' ') {
            in_milestones = *s == "milestones:";
        } else if in_milestones {
            let (k, v) = key_value(s);
            milestones.insert(k, month_of(path, v)?);
        }
    }
    let born = *milestones.get("signed").ok_or_else(|| bad(path, "no milestones.signed"))?;
    let milestone = |key: &str| milestones.get(key).copied().ok_or_else(|| bad(path, &format!("no milestones.{key}")));
    let mut lines: Vec<Line> = Vec::with_capacity(raw.len());
    let mut funds = Vec::new();
    let mut section = "";
    // The first line of the current list item, and its month once its dated key is read
    // (`kind` and `text` come before a problem's `opened`).
    let mut item: Option<(usize, Option<i32>)> = None;
    for &(start, end, s) in &raw {
        let (k, v) = key_value(s);
        let (vis, part) = if !s.starts_with(' ') {
            section = k;
            item = None;
            match k {
                // A list's or map's header: from its first entry (set below).
                "milestones" | "funds" | "fdi" | "problems" => (i32::MAX, Part::Other),
                "terminated_reason" => (milestone("terminated")?, Part::Progress),
                "note" => {
                    let key = match v {
                        "已终止" => "terminated",
                        "已竣工投产" => "production",
                        "项目建设中" => "started",
                        "已注册，正在办理前期手续" => "registered",
                        _ => "signed",
                    };
                    (milestone(key)?, Part::Progress)
                }
                _ => (born, Part::Other),
            }
        } else {
            let part = match section {
                "funds" | "fdi" => Part::Funds,
                _ => Part::Progress,
            };
            match section {
                "milestones" => (month_of(path, v)?, Part::Progress),
                "funds" | "fdi" | "problems" => {
                    if s.trim_start().starts_with("- ") {
                        item = Some((lines.len(), None));
                    }
                    let Some((first, at)) = &mut item else { return Err(bad(path, &format!("a line outside an entry: {s}"))) };
                    match k {
                        "month" | "opened" => {
                            let m = month_of(path, v)?;
                            *at = Some(m);
                            for l in &mut lines[*first..] {
                                l.vis = m;
                            }
                            if section == "funds" {
                                funds.push((m, usize::MAX));
                            }
                            (m, part)
                        }
                        "resolved" => (month_of(path, v)?.max(at.unwrap_or(born)), part),
                        _ => {
                            if section == "funds"
                                && k == "amount"
                                && let Some(f) = funds.last_mut()
                            {
                                f.1 = lines.len();
                            }
                            (at.unwrap_or(i32::MAX), part)
                        }
                    }
                }
                // `origin:` and `introduced_by:` entries.
                _ => (born, Part::Other),
            }
        };
        lines.push(Line { start, end, vis: vis.max(born), part });
    }
    // Headers: from their first entry.
    let mut header: Option<usize> = None;
    for i in 0..lines.len() {
        if !text[lines[i].start..].starts_with(' ') {
            header = (lines[i].vis == i32::MAX).then_some(i);
        } else if let Some(h) = header {
            lines[h].vis = lines[h].vis.min(lines[i].vis);
            lines[h].part = lines[i].part;
        }
    }
    if lines.iter().any(|l| l.vis == i32::MAX) || funds.iter().any(|f| f.1 == usize::MAX) {
        return Err(bad(path, "an entry without its date"));
    }
    Ok(Tagged { lines, born, funds })
}

/// A squad file: the squad from the first commit, a trip from its start, its `reported`
/// from that date.
fn tag_squad(path: &str, text: &str, born: i32) -> io::Result<Vec<Line>> {
    let mut lines = Vec::new();
    let mut trip: Option<i32> = None;
    let mut in_trips = false;
    for (start, end, s) in split_lines(text) {
        let (k, v) = key_value(s);
        let vis = if !in_trips {
            in_trips = s == "trips:";
            born
        } else if s.starts_with("  - start: ") {
            let m = month_of(path, v)?;
            trip = Some(m);
            m
        } else {
            let at = trip.ok_or_else(|| bad(path, "a trip without its start"))?;
            if k == "reported" { month_of(path, v)?.max(at) } else { at }
        };
        lines.push(Line { start, end, vis, part: Part::Other });
    }
    Ok(lines)
}

/// A meeting file: from its day; an item's `closed` from that date.
fn tag_meeting(path: &str, text: &str, born: i32) -> io::Result<Vec<Line>> {
    let mut lines = Vec::new();
    for (start, end, s) in split_lines(text) {
        let (k, v) = key_value(s);
        let vis = if k == "closed" && s.starts_with("    ") { month_of(path, v)?.max(born) } else { born };
        lines.push(Line { start, end, vis, part: Part::Other });
    }
    Ok(lines)
}

/// `factories.yaml`: the parks and buildings from the first commit (a building's completion
/// date may be ahead: the figures count it once built), a tenant (`project` and `moved_in`)
/// from its move-in, so that it never names a project not signed yet.
fn tag_factories(path: &str, text: &str, born: i32) -> io::Result<Vec<Line>> {
    let mut lines: Vec<Line> = Vec::new();
    for (start, end, s) in split_lines(text) {
        let (k, v) = key_value(s);
        let mut vis = born;
        if k == "moved_in" {
            vis = month_of(path, v)?.max(born);
            match lines.last_mut() {
                Some(prev) if key_value(&text[prev.start..prev.end]).0 == "project" => prev.vis = vis,
                _ => return Err(bad(path, "moved_in without its project")),
            }
        }
        lines.push(Line { start, end, vis, part: Part::Other });
    }
    Ok(lines)
}

/// Runs git in the repository with a clean, fixed configuration: nothing from the user's or
/// the system's config (a signing key, hooks, autocrlf) changes the commits, and no automatic
/// gc or maintenance runs in the middle.
struct Git {
    dir: PathBuf,
}

impl Git {
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new("git");
        c.arg("-C").arg(&self.dir);
        for config in [
            "gc.auto=0",
            "maintenance.auto=false",
            "core.autocrlf=false",
            "core.fsync=none",
            "core.untrackedCache=false",
            "commit.gpgsign=false",
        ] {
            c.args(["-c", config]);
        }
        c.args(args);
        for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR", "GIT_NAMESPACE"] {
            c.env_remove(var);
        }
        c.env("GIT_CONFIG_GLOBAL", "/dev/null").env("GIT_CONFIG_NOSYSTEM", "1").env("GIT_LITERAL_PATHSPECS", "1");
        c.stdout(Stdio::null()).stderr(Stdio::piped());
        c
    }

    fn run(&self, mut c: Command, input: Option<&[u8]>, what: &str) -> io::Result<()> {
        c.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
        let mut child = c.spawn().map_err(|e| io::Error::new(e.kind(), format!("git: {e}")))?;
        if let Some(input) = input {
            child.stdin.take().expect("piped").write_all(input)?;
        }
        let out = child.wait_with_output()?;
        if out.status.success() {
            Ok(())
        } else {
            Err(io::Error::other(format!("git {what}: {}", String::from_utf8_lossy(&out.stderr).trim())))
        }
    }

    fn init(dir: &Path) -> io::Result<Git> {
        let git = Git { dir: dir.to_path_buf() };
        git.run(git.command(&["init", "-q", "-b", "main"]), None, "init")?;
        Ok(git)
    }

    /// Stages exactly `paths` (never the whole tree) and commits them.
    fn commit(&self, paths: &[&str], clerk: usize, time: &str, message: &str) -> io::Result<()> {
        let mut list = Vec::new();
        for p in paths {
            list.extend_from_slice(p.as_bytes());
            list.push(0);
        }
        let add = self.command(&["add", "--pathspec-from-file=-", "--pathspec-file-nul"]);
        self.run(add, Some(&list), "add")?;
        let (name, email) = CLERKS[clerk];
        let mut c = self.command(&["commit", "-q", "--no-verify", "--untracked-files=no", "-m", message]);
        c.env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_AUTHOR_DATE", time)
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_COMMITTER_DATE", time);
        self.run(c, None, "commit")
    }
}

/// One planned commit: the files to write as of month `asof`, with the wrong amounts or not.
struct Planned {
    clerk: usize,
    message: String,
    files: Vec<usize>,
    asof: i32,
    with_typo: bool,
}

/// `2026年3月`.
fn month_label(mi: i32) -> String {
    let (y, m) = mi_parts(mi);
    format!("{y}年{m}月")
}

/// Turns `out`, just written with `files` (path, text), into a git repository whose history
/// builds it up month by month.
pub(super) fn write(c: &Ctx, out: &Path, files: Kept, opts: &GitOptions) -> io::Result<Made> {
    let started = Instant::now();
    let base = c.first_mi - 1;
    let project_ix: HashMap<&str, usize> = c.projects.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut model: Vec<File> = Vec::with_capacity(files.len());
    for (path, text) in files {
        let stem =
            |prefix: &str, suffix: &str| path.strip_prefix(prefix).and_then(|p| p.strip_suffix(suffix)).map(str::to_string);
        let mut funds = Vec::new();
        let (kind, born, lines) = if let Some(id) = stem("projects/", ".yaml") {
            let ix = *project_ix.get(id.as_str()).ok_or_else(|| bad(&path, "not a generated project"))?;
            let tagged = tag_project(&path, &text)?;
            funds = tagged.funds;
            (Kind::Project(ix), tagged.born, tagged.lines)
        } else if path.starts_with("squads/") {
            (Kind::Squad, base, tag_squad(&path, &text, base)?)
        } else if let Some(day) = stem("meetings/", ".yaml") {
            let born = month_of(&path, &day)?;
            (Kind::Meeting, born, tag_meeting(&path, &text, born)?)
        } else if let Some(month) = stem("briefings/", ".md") {
            let born = month_of(&path, &month)?;
            (Kind::Briefing, born, whole(&text, born))
        } else if let Some(year) = stem("targets/", ".yaml") {
            let year: i32 = year.parse().map_err(|_| bad(&path, "not a year"))?;
            let born = (year * 12).max(c.first_mi);
            (Kind::Targets, born, whole(&text, born))
        } else if path == "factories.yaml" {
            (Kind::Factories, base, tag_factories(&path, &text, base)?)
        } else {
            // site, units, leaders, chains, pages: from the first commit.
            (Kind::Base, base, whole(&text, base))
        };
        model.push(File { path, text, lines, kind, born, funds, typo: None });
    }

    // Every file is whole by the last month: its last view is the file generated.
    for f in &model {
        if f.lines.iter().any(|l| l.vis > c.last_mi) || f.view(c.last_mi, false) != f.text {
            return Err(bad(&f.path, "its last view is not the generated file"));
        }
    }

    let corrections = plan_corrections(c, &mut model);

    // The months in which each file changes.
    let mut changes: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, f) in model.iter().enumerate() {
        let mut months: Vec<i32> = f.lines.iter().map(|l| l.vis.max(f.born)).collect();
        months.sort_unstable();
        months.dedup();
        for m in months {
            changes.entry(m).or_default().push(i);
        }
    }

    let git = Git::init(out)?;
    let mut made = Made { months: (c.last_mi - c.first_mi + 1) as usize, ..Made::default() };
    for mi in c.first_mi..=c.last_mi {
        let plan = plan_month(c, &model, &corrections, &changes, mi, opts.commits_per_month);
        let closing = plan.last().is_some_and(|p| p.files.iter().all(|i| model[*i].kind == Kind::Briefing));
        let times = commit_times(c.seed, mi, plan.len(), closing);
        for (commit, time) in plan.iter().zip(&times) {
            let mut paths = Vec::with_capacity(commit.files.len());
            for &i in &commit.files {
                let f = &model[i];
                fs::write(out.join(&f.path), f.view(commit.asof, commit.with_typo))?;
                paths.push(f.path.as_str());
            }
            git.commit(&paths, commit.clerk, time, &commit.message)?;
            made.commits += 1;
            made.file_versions += paths.len();
        }
    }
    // A real office's repository is packed now and then by git's automatic gc (turned off
    // while writing, to stay fast): pack it once, as history is read from packs in practice.
    let packing = Instant::now();
    git.run(git.command(&["gc", "-q"]), None, "gc")?;
    made.pack_millis = packing.elapsed().as_millis();
    made.corrections = corrections;
    made.millis = started.elapsed().as_millis();
    Ok(made)
}

/// Every sixth month (from a month drawn from the seed), one project's fund amount of that
/// month is committed with its first digit wrong, and corrected one to three months later.
fn plan_corrections(c: &Ctx, model: &mut [File]) -> Vec<Correction> {
    let mut r = Rng::fork(c.seed, "git-corrections", 0);
    let offset = r.below(6) as i32;
    // Projects with exactly one fund entry in a month (so the entry is named by its month).
    let mut single: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, f) in model.iter().enumerate() {
        for &(m, _) in &f.funds {
            if f.funds.iter().filter(|e| e.0 == m).count() == 1 {
                single.entry(m).or_default().push(i);
            }
        }
    }
    let mut corrections = Vec::new();
    let mut mi = c.first_mi + offset;
    while mi <= c.last_mi {
        let until = mi + r.range(1, 3) as i32;
        let candidates: Vec<usize> =
            single.get(&mi).into_iter().flatten().copied().filter(|i| model[*i].typo.is_none()).collect();
        if until <= c.last_mi && !candidates.is_empty() {
            let i = candidates[r.below(candidates.len() as u64) as usize];
            let f = &mut model[i];
            let line = f.funds.iter().find(|e| e.0 == mi).expect("a candidate").1;
            let text = &f.text[f.lines[line].start..f.lines[line].end];
            let right = key_value(text).1.to_string();
            // A slip of the finger on the first digit: 13121 → 93121.
            let first = right.as_bytes()[0] - b'0';
            let wrong_digit = 1 + (first - 1 + r.range(1, 8) as u8) % 9;
            let wrong = format!("{}{}", wrong_digit, &right[1..]);
            let project = f.path.trim_start_matches("projects/").trim_end_matches(".yaml").to_string();
            f.typo = Some(Typo { line, wrong: text.replacen(&right, &wrong, 1), from: mi, until });
            corrections.push(Correction {
                path: f.path.clone(),
                project,
                month: mi_text(mi),
                wrong,
                right,
                committed: mi,
                corrected: until,
            });
        }
        mi += 6;
    }
    corrections
}

/// The commits of month `mi`, in order: the first commit (first month only), the corrections
/// of earlier months, the year's targets, the project ledger by unit, factories, squads,
/// meetings, the briefing.
fn plan_month(
    c: &Ctx,
    model: &[File],
    corrections: &[Correction],
    changes: &BTreeMap<i32, Vec<usize>>,
    mi: i32,
    per_month: usize,
) -> Vec<Planned> {
    let label = month_label(mi);
    let mut plan = Vec::new();
    let mut other = Vec::new();
    if mi == c.first_mi {
        let files: Vec<usize> = changes.get(&(mi - 1)).cloned().unwrap_or_default();
        other.push(Planned {
            clerk: REVIEWER,
            message: "建立简报数据：站点、责任单位、县级领导、产业链、小分队、标准化厂房、页面".to_string(),
            files,
            asof: mi - 1,
            with_typo: false,
        });
    }
    for fix in corrections.iter().filter(|f| f.corrected == mi) {
        let i = model.iter().position(|f| f.path == fix.path).expect("a corrected file");
        plan.push(Planned {
            clerk: REVIEWER,
            message: format!("更正 {} {}到位资金", fix.project, month_label(fix.committed)),
            files: vec![i],
            asof: mi - 1,
            with_typo: false,
        });
    }
    let changed = changes.get(&mi).map(Vec::as_slice).unwrap_or_default();
    let of_kind = |k: Kind| -> Vec<usize> { changed.iter().copied().filter(|i| model[*i].kind == k).collect() };
    let (year, month) = mi_parts(mi);
    let mut kinds: Vec<(Vec<usize>, usize, String)> =
        vec![(of_kind(Kind::Targets), REVIEWER, format!("{year}年 年度目标任务及分解"))];
    let projects: Vec<usize> = changed.iter().copied().filter(|i| matches!(model[*i].kind, Kind::Project(_))).collect();
    let meetings = of_kind(Kind::Meeting);
    let new_meeting = meetings.iter().any(|i| model[*i].born == mi);
    let after = vec![
        (of_kind(Kind::Factories), 0, format!("{label} 标准化厂房入驻")),
        (of_kind(Kind::Squad), 2, format!("{label} 小分队外出对接登记")),
        (meetings, REVIEWER, format!("{label} {}", if new_meeting { "交办联评会议交办事项" } else { "交办事项办结情况" })),
        (of_kind(Kind::Briefing), REVIEWER, format!("{label} 工作简报（第{month}期）")),
    ];
    let fixed = other.len() + kinds.iter().chain(&after).filter(|k| !k.0.is_empty()).count();
    // The project ledger fills the month's other commits: one per group of units.
    let groups = per_month.saturating_sub(fixed).max(1);
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for &i in &projects {
        let Kind::Project(p) = model[i].kind else { unreachable!() };
        buckets[c.projects[p].unit % groups].push(i);
    }
    for (b, files) in buckets.into_iter().enumerate() {
        if files.is_empty() {
            continue;
        }
        let mut units: Vec<usize> = files
            .iter()
            .map(|i| match model[*i].kind {
                Kind::Project(p) => c.projects[p].unit,
                _ => unreachable!(),
            })
            .collect();
        units.sort_unstable();
        units.dedup();
        let who = if units.len() == 1 {
            c.units[units[0]].name.clone()
        } else {
            format!("{}等{}个单位", c.units[units[0]].name, units.len())
        };
        let (mut signed, mut funds, mut progress) = (false, false, false);
        for &i in &files {
            let f = &model[i];
            if f.born == mi {
                signed = true;
                continue;
            }
            for l in f.lines.iter().filter(|l| l.vis == mi) {
                funds |= l.part == Part::Funds;
                progress |= l.part == Part::Progress;
            }
        }
        let what: Vec<&str> = [(signed, "新签约项目"), (funds, "到位资金"), (progress, "项目进度")]
            .into_iter()
            .filter_map(|(yes, s)| yes.then_some(s))
            .collect();
        kinds.push((files, b % REVIEWER, format!("{label} {who} {}", what.join("、"))));
    }
    for (files, clerk, message) in kinds.into_iter().chain(after) {
        if !files.is_empty() {
            plan.push(Planned { clerk, message, files, asof: mi, with_typo: true });
        }
    }
    other.extend(plan);
    other
}

/// `n` increasing times within month `mi`, in working hours, China time
/// (`2026-03-05T09:41:07+08:00`); with `closing`, the last one in the month's last three days
/// (the briefing, written once the month's data are in).
fn commit_times(seed: u64, mi: i32, n: usize, closing: bool) -> Vec<String> {
    let mut r = Rng::fork(seed, "git-times", mi as u64);
    let days = i64::from(mi_last(mi).day());
    let hours = |r: &mut Rng| r.range(8 * 3600 + 1800, 18 * 3600);
    let mut at: Vec<i64> = (0..n).map(|_| r.range(0, days - 4) * 86_400 + hours(&mut r)).collect();
    at.sort_unstable();
    if closing && let Some(last) = at.last_mut() {
        *last = r.range(days - 3, days - 1) * 86_400 + hours(&mut r);
    }
    for i in 1..at.len() {
        at[i] = at[i].max(at[i - 1] + 1);
    }
    let first = mi_first(mi);
    at.into_iter()
        .map(|s| {
            let day = first + chrono::TimeDelta::days(s / 86_400);
            let t = s % 86_400;
            format!("{day}T{:02}:{:02}:{:02}+08:00", t / 3600, t / 60 % 60, t % 60)
        })
        .collect()
}
