//! `bulletin issue --month YYYY-MM`: records the month's bulletin as issued, in
//! `issued/<YYYY-MM>.json` inside the content folder, to be committed with the data. From then
//! on the site builds that bulletin from the record alone; a later change to the data that
//! would change a figure it shows is announced as a correction, never applied silently.
//!
//! It refuses a month `check` rejects, a content folder with changes not committed to git
//! (unless `--force`: the record then says so), and an existing record (unless `--reissue` with
//! a `--reason`, which the new record keeps beside the earlier issue's date and commit).

use std::process::{Command, ExitCode};

use anyhow::Context;

use crate::cli::IssueArgs;
use crate::figures::annex::Annex;
use crate::figures::{self, format as fmt};
use crate::record::frozen::FrozenTable;
use crate::record::git::History;
use crate::record::issued::{self, Record, Reissue};
use crate::record::{Archive, changelog};
use crate::render::markdown;
use crate::report::MonthTables;
use crate::report::text::bulletin_text;

pub fn run(args: &IssueArgs) -> anyhow::Result<ExitCode> {
    let month = args.month;
    let Some((content, sources)) = super::load_or_report(&args.content)? else {
        eprintln!("没有印发：内容有错误，请先改正（bulletin check）。");
        return Ok(ExitCode::from(1));
    };
    if let Err(problem) = content.check_report_month(month) {
        super::report_problem(&problem)?;
        eprintln!("没有印发。");
        return Ok(ExitCode::from(1));
    }
    let Some(briefing) = content.briefings.iter().find(|b| b.period == month) else {
        anyhow::bail!("{month} 还没有简报（briefings/{month}.md），无法印发 / there is no briefing for {month}");
    };
    let (records, unreadable) = issued::records(&content, Some(&sources));
    if !unreadable.is_empty() {
        super::report_diagnostics(&unreadable, &sources)?;
        eprintln!("没有印发：已有的印发记录无法读取。");
        return Ok(ExitCode::from(1));
    }

    // Where in git the content stands.
    let history = History::read_shared(&args.content);
    let head = history.commits.first().map(|c| c.id.clone());
    let dirty = uncommitted(&args.content);
    if dirty && !args.force {
        eprintln!(
            "没有印发：内容文件夹里有还没提交到 git 的修改。请先提交（git add、git commit），让印发记录对应一个确定的版本；\n\
             确有必要时可加 --force，记录中会注明印发时有未提交的修改。"
        );
        return Ok(ExitCode::from(1));
    }

    let earlier = records.get(&month).cloned();
    if let Some(old) = &earlier
        && !args.reissue
    {
        eprintln!(
            "没有印发：{} 的简报已于 {} 印发（issued/{month}.json）。印发后的简报不再改动；数据有误时请更正数据并写更正说明（corrections/），\n\
             网站会在该期上公布更正。确需重新印发时，用 --reissue --reason \"原因\"。",
            fmt::period_text(month),
            old.recorded.get(..10).unwrap_or(&old.recorded)
        );
        return Ok(ExitCode::from(1));
    }

    let archive = Archive::new(&content, records, history.clone());
    let s = figures::snapshot(&content, month);
    let tables = MonthTables::of(&content, &s, &Annex::of(&content, month));
    let mut text = bulletin_text(&content, briefing, &s);
    let issued_on = args.date.or(briefing.issued).unwrap_or_else(|| chrono::Local::now().date_naive());
    text.issued = fmt::date_zh(issued_on);
    text.printed = format!("{}印发", fmt::date_zh(issued_on));
    let mut reissues = earlier.as_ref().map(|r| r.reissues.clone()).unwrap_or_default();
    if let Some(old) = &earlier {
        reissues.push(Reissue {
            recorded: old.recorded.clone(),
            commit: old.commit.clone(),
            reason: args.reason.clone().unwrap_or_default(),
        });
    }
    let record = Record {
        schema: issued::SCHEMA,
        month,
        issue: briefing.issue,
        title: briefing.title.clone(),
        recorded: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        commit: head.clone(),
        uncommitted: dirty,
        reissues,
        text,
        body: briefing.body.clone(),
        figures: markdown::figures_of(&briefing.body, &s, &content),
        tables: tables.all().into_iter().map(FrozenTable::of).collect(),
        changes: changelog::of(&content, month, &archive, head.as_deref()),
        snapshot: s,
    };
    let path = args.content.join(format!("issued/{month}.json"));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    crate::write::file_atomically(&path, &record.to_json()).with_context(|| format!("cannot write {}", path.display()))?;

    println!(
        "已{}第{}期（{}）：{}",
        if earlier.is_some() { "重新印发" } else { "印发" },
        record.issue,
        fmt::period_text(month),
        path.display()
    );
    match (&head, dirty) {
        (Some(h), false) => println!("对应提交 {}。", &h[..h.len().min(7)]),
        (Some(h), true) => println!("对应提交 {}，另有未提交的修改（--force）。", &h[..h.len().min(7)]),
        (None, _) => println!("内容不在 git 中，记录里没有提交号。"),
    }
    println!("请提交这条记录：git add {} && git commit -m \"印发第{}期简报\"", path.display(), record.issue);
    Ok(ExitCode::SUCCESS)
}

/// Whether the content folder has changes git has not committed (outside git: no). Records
/// of other months in `issued/` do not count: they hold no data (issuing month after month
/// needs no commit in between).
fn uncommitted(dir: &std::path::Path) -> bool {
    let out = Command::new("git").arg("-C").arg(dir).args(["status", "--porcelain", "--", ".", ":(exclude)issued"]).output();
    match out {
        Ok(o) if o.status.success() => !o.stdout.is_empty(),
        _ => false,
    }
}
