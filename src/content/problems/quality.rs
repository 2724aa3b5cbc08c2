//! Data-quality warnings: judged as of a report month, they do not stop a build.

use crate::diagnostics::{Diagnostic, Text};

pub fn five_one_missing(field: &str) -> Diagnostic {
    let label = match field {
        "leader" => "包抓县级领导",
        "measures" => "推进措施",
        _ => "责任部门",
    };
    Diagnostic::warning(
        "five-one-missing",
        Text::new(format!("“五个一”不完整：缺少 {field}（{label}）"), format!("五个一 incomplete: missing {field}")),
    )
    .field(field)
    .help(Text::new(
        "每个项目都要有一名包抓县级领导（leader）、一套推进措施（measures）、一个责任部门（unit）",
        "every project needs leader, measures and unit",
    ))
}

pub fn squad_no_trip(month: &str, needed: u32, made: u32) -> Diagnostic {
    Diagnostic::warning(
        "squad-no-trip",
        Text::new(
            format!("{month} 外出对接 {made} 次，少于每月 {needed} 次的要求"),
            format!("{made} trip(s) in {month}, fewer than the required {needed}"),
        ),
    )
    .field("trips")
    .help(Text::new(
        "如有外出未登记，请补录到 trips；确未外出的，将在简报中点名",
        "record any missing trips; squads without trips are named in the bulletin",
    ))
}

pub fn not_started(signed: &str, months: i32) -> Diagnostic {
    Diagnostic::warning(
        "not-started",
        Text::new(
            format!("签约（{signed}）已 {months} 个月仍未开工"),
            format!("signed on {signed}, not started after {months} months"),
        ),
    )
    .field("milestones.started")
    .help(Text::new(
        "已开工请补填 milestones.started；未开工请在 problems 中写明原因",
        "fill in milestones.started, or record the cause under problems",
    ))
}

pub fn problem_open(opened: &str, days: i64) -> Diagnostic {
    Diagnostic::warning(
        "problem-open",
        Text::new(
            format!("问题自 {opened} 提出，已 {days} 天未解决"),
            format!("problem open since {opened}, {days} days unresolved"),
        ),
    )
    .help(Text::new(
        "已解决请补填 resolved 日期；未解决请提交交办联评会议",
        "fill in `resolved`, or bring it to the review meeting",
    ))
}

pub fn target_split(metric_zh: &str, metric_en: &str, sum: &str, county: &str) -> Diagnostic {
    Diagnostic::warning(
        "target-split",
        Text::new(
            format!("各单位{metric_zh}任务合计 {sum}，与全县目标 {county} 不一致"),
            format!("unit {metric_en} targets add up to {sum}, not the county target {county}"),
        ),
    )
    .help(Text::new("核对 units 下各单位的分解任务", "check the unit shares"))
}
