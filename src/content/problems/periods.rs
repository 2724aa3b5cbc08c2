//! Report periods: years without targets, months before the data.

use crate::diagnostics::{Diagnostic, Text};

pub fn no_targets(year: i32) -> Diagnostic {
    Diagnostic::error(
        "no-targets",
        Text::new(
            format!("{year} 年没有目标任务文件，无法计算完成率"),
            format!("no targets for {year}, so completion cannot be computed"),
        ),
    )
    .help(Text::new(format!("新建 targets/{year}.yaml（格式见 docs/content.md）"), format!("create targets/{year}.yaml")))
}

/// Which years have targets, for messages: `有目标任务的年份：2025、2026年`.
fn target_years(years: &[i32]) -> (String, String) {
    if years.is_empty() {
        return ("目前还没有任何年度的目标任务文件".to_string(), "no year has targets yet".to_string());
    }
    let list: Vec<String> = years.iter().map(|y| y.to_string()).collect();
    (format!("有目标任务的年份：{}年", list.join("、")), format!("the years with targets: {}", list.join(", ")))
}

pub fn month_without_targets(month: crate::period::Month, years: &[i32]) -> Diagnostic {
    let year = month.year();
    let (zh_years, en_years) = target_years(years);
    Diagnostic::error(
        "month-without-targets",
        Text::new(
            format!("无法统计 {month}：没有 {year} 年的目标任务文件 targets/{year}.yaml"),
            format!("cannot report on {month}: there is no targets/{year}.yaml for {year}"),
        ),
    )
    .help(Text::new(
        format!("如要统计 {year} 年，请先新建 targets/{year}.yaml（格式见 docs/content.md）；否则请改为统计其他年份的月份（{zh_years}）"),
        format!("create targets/{year}.yaml (see docs/content.md) before reporting on {year}, or pick another month ({en_years})"),
    ))
}

pub fn month_before_data(month: crate::period::Month, first: crate::period::Month, years: &[i32]) -> Diagnostic {
    let year = month.year();
    let (zh_years, en_years) = target_years(years);
    Diagnostic::error(
        "month-before-data",
        Text::new(
            format!("无法统计 {month}：早于台账中最早的记录（{first}），也没有 {year} 年的目标任务文件 targets/{year}.yaml"),
            format!("cannot report on {month}: it is before the earliest record ({first}) and there is no targets/{year}.yaml"),
        ),
    )
    .help(Text::new(format!("请检查 --month 是否写错（{zh_years}）"), format!("check --month for a typo ({en_years})")))
}
