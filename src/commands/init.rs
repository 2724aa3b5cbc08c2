//! `bulletin init DIR`: a new content folder that checks clean and builds.

use std::fs;
use std::process::ExitCode;

use chrono::Datelike;

use crate::cli::InitArgs;
use crate::period::Month;
use crate::scaffold;

pub fn run(args: &InitArgs) -> anyhow::Result<ExitCode> {
    let dir = &args.dir;
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        anyhow::bail!("{} 已存在且不是空文件夹，请换一个新文件夹名", dir.display());
    }
    let today = chrono::Local::now().date_naive();
    // The first bulletin reports the last full month (or January, early in the year).
    let this_month = Month::of(today);
    let month = if this_month.number() > 1 { this_month.prev() } else { this_month };
    let first = month.first_day();
    let files = [
        ("site.yaml".to_string(), scaffold::site_yaml()),
        (format!("targets/{}.yaml", today.year()), scaffold::targets_yaml(today.year())),
        ("units.yaml".to_string(), scaffold::units_yaml()),
        ("leaders.yaml".to_string(), scaffold::leaders_yaml()),
        ("chains.yaml".to_string(), scaffold::chains_yaml()),
        (
            "squads/squad-01.yaml".to_string(),
            scaffold::squad_yaml("第一招商小分队", "zhaoshang", first, Some(first + chrono::Duration::days(9))),
        ),
        (
            format!("projects/p{}-001.yaml", today.year()),
            scaffold::project_yaml(
                "（请填写项目名称）",
                "other",
                "zhaoshang",
                Some("leader-01"),
                first + chrono::Duration::days(14),
            ),
        ),
        (format!("briefings/{month}.md"), scaffold::briefing_md(month, 1)),
        ("pages/about.md".to_string(), scaffold::about_md()),
    ];
    for (path, text) in &files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("files are in the folder"))?;
        fs::write(&path, text)?;
    }
    println!("已新建 {}：", dir.display());
    for (path, _) in &files {
        println!("  {}", dir.join(path).display());
    }
    println!(
        "下一步：修改 site.yaml 中的名称，然后运行 bulletin check --content {0} 和 bulletin serve --content {0}",
        dir.display()
    );
    println!(
        "用 git 管理内容时，运行 bulletin hooks install --content {} 安装提交前检查：有错误的内容提交不进去（见 docs/workflow.md）。",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
