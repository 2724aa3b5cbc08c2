//! `bulletin new project|squad|briefing|meeting`: one file from a template. Never overwrites.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{NewArgs, NewKind};
use crate::content::fields::is_safe_id;
use crate::content::{self, Content};
use crate::period::{self, Month};
use crate::scaffold;

pub fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    let dir = &content_folder(&args.content);
    if !dir.is_dir() {
        anyhow::bail!("{} 不是内容文件夹（先运行 bulletin init {}）", dir.display(), dir.display());
    }
    // The new file refers to existing ids when the folder loads; otherwise to placeholders.
    let loaded = content::load(dir)?;
    let c = loaded.content.as_ref();
    let today = chrono::Local::now().date_naive();
    let first_unit = c.and_then(|c| c.units.first()).map_or("（单位编号）".to_string(), |u| u.id.clone());

    let (path, text) = match &args.kind {
        NewKind::Project { id, name } => {
            check_id(id)?;
            refuse_duplicate(dir, "projects", id, c.map(|c| c.projects.iter().map(|p| p.id.as_str()).collect()))?;
            let chain = c
                .and_then(|c| c.chains.iter().find(|ch| ch.id == "other").or(c.chains.first()))
                .map_or("other".into(), |ch| ch.id.clone());
            let leader = c.and_then(|c| c.leaders.first()).map(|l| l.id.clone());
            let name = name.clone().unwrap_or_else(|| "（请填写项目名称）".to_string());
            (
                dir.join("projects").join(format!("{id}.yaml")),
                scaffold::project_yaml(&name, &chain, &first_unit, leader.as_deref(), today),
            )
        }
        NewKind::Squad { id, name } => {
            check_id(id)?;
            refuse_duplicate(dir, "squads", id, c.map(|c| c.squads.iter().map(|s| s.id.as_str()).collect()))?;
            let name = name.clone().unwrap_or_else(|| "（请填写小分队名称）".to_string());
            (dir.join("squads").join(format!("{id}.yaml")), scaffold::squad_yaml(&name, &first_unit, today, None))
        }
        NewKind::Briefing { month: asked } => {
            let (month, issue) = next_briefing(c, *asked, today);
            let why = match (asked, c.and_then(|c| c.briefings.last())) {
                (Some(_), _) => "按 --month 指定".to_string(),
                (None, Some(latest)) => {
                    format!("最新一期简报是 {}，这是它的下一个月；要别的月份请加 --month YYYY-MM", latest.period)
                }
                (None, None) => "还没有简报，按上一个整月；要别的月份请加 --month YYYY-MM".to_string(),
            };
            eprintln!("新建 {}年{}月 的简报（第{issue}期）：{why}。", month.year(), month.number());
            if c.is_some_and(|c| !c.targets.contains_key(&month.year())) {
                eprintln!("注意：还没有 targets/{}.yaml，请先新建该年的目标任务文件，否则 check 会报错。", month.year());
            }
            (dir.join("briefings").join(format!("{month}.md")), scaffold::briefing_md(month, issue))
        }
        NewKind::Meeting { date } => {
            if period::parse_date(date).is_none() {
                anyhow::bail!("“{date}” 不是日期，请写成 年-月-日，例如 2026-03-20");
            }
            let chair = c.and_then(|c| c.leaders.first()).map(|l| l.id.clone());
            (dir.join("meetings").join(format!("{date}.yaml")), scaffold::meeting_yaml(chair.as_deref()))
        }
    };
    if path.exists() {
        anyhow::bail!("{} 已存在，没有写入任何文件（不会覆盖已有文件）", path.display());
    }
    write_new(&path, &text)?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn check_id(id: &str) -> anyhow::Result<()> {
    if !is_safe_id(id) {
        anyhow::bail!("“{id}” 不能用作编号：只用英文字母、数字、- 和 _（编号会成为文件名），例如 p2026-061");
    }
    Ok(())
}

/// Refuses an id already used (ignoring case, as file shares do).
fn refuse_duplicate(dir: &Path, folder: &str, id: &str, known: Option<Vec<&str>>) -> anyhow::Result<()> {
    let taken = known.unwrap_or_default().iter().any(|k| k.eq_ignore_ascii_case(id))
        || fs::read_dir(dir.join(folder)).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.rsplit_once('.').is_some_and(|(stem, _)| stem.eq_ignore_ascii_case(id))
            })
        });
    if taken {
        anyhow::bail!("{folder}/{id} 已存在（大小写不同也算重复），请换一个编号；没有写入任何文件");
    }
    Ok(())
}

/// The content folder: `dir` as given, or — when the default `content` is not here — the
/// content folder the command runs inside (the nearest folder up with a `site.yaml`), so that
/// `bulletin new project …` works from `content/` or `content/projects/` too.
fn content_folder(dir: &Path) -> PathBuf {
    if dir != Path::new("content") || dir.join("site.yaml").is_file() {
        return dir.to_path_buf();
    }
    let Ok(here) = std::env::current_dir() else { return dir.to_path_buf() };
    here.ancestors().take(4).find(|a| a.join("site.yaml").is_file()).map_or_else(|| dir.to_path_buf(), Path::to_path_buf)
}

/// The month after the latest briefing (or the last full month), and its issue number.
fn next_briefing(c: Option<&Content>, month: Option<Month>, today: chrono::NaiveDate) -> (Month, u32) {
    let latest = c.and_then(|c| c.briefings.last());
    let month = month.unwrap_or_else(|| match latest {
        Some(b) => b.period.next(),
        None => Month::of(today).prev(),
    });
    let issue = c
        .map(|c| {
            c.briefings.iter().filter(|b| b.period.year() == month.year() && b.period < month).map(|b| b.issue).max().unwrap_or(0)
        })
        .unwrap_or(0)
        + 1;
    (month, issue)
}

fn write_new(path: &PathBuf, text: &str) -> anyhow::Result<()> {
    fs::create_dir_all(path.parent().expect("a file in a folder"))?;
    // create_new: never overwrite, even if the file appeared since we looked.
    let mut f = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    std::io::Write::write_all(&mut f, text.as_bytes())?;
    Ok(())
}
