//! Issued bulletins and their corrections: records that cannot be read, notes about a month
//! never issued, figures that changed after issuing.

use crate::diagnostics::{Diagnostic, Text};
use crate::period::Month;

pub fn not_issued(month: Month) -> Diagnostic {
    Diagnostic::error(
        "not-issued",
        Text::new(
            format!("{month} 的简报还没有印发（没有 issued/{month}.json），无需更正说明"),
            format!("the {month} bulletin was never issued (no issued/{month}.json)"),
        ),
    )
    .field("month")
    .help(Text::new(
        "把 month 改成被更正的那一期简报的统计月份；还没印发的简报直接修改数据即可",
        "write the month of the issued bulletin this note corrects",
    ))
}

pub fn bad_record(detail: &str) -> Diagnostic {
    Diagnostic::error(
        "bad-record",
        Text::new(format!("印发记录无法读取：{detail}"), format!("the issue record cannot be read: {detail}")),
    )
    .help(Text::new(
        "印发记录由 bulletin issue 写出，不要手工修改；请从 git 历史中恢复这个文件（git checkout -- 文件名）",
        "issue records are written by `bulletin issue`; restore the file from git instead of editing it",
    ))
}

/// An issued bulletin whose figures, computed again from the data now, differ from the issued
/// ones. A warning, or an error under `corrections: require_note` when no note explains it.
pub fn restated(month: Month, issue: u32, changed: usize, error: bool) -> Diagnostic {
    let message = Text::new(
        format!("已印发的第{issue}期（{month}）简报有 {changed} 项数字与现在的数据不一致，网站会在该期上显示更正说明"),
        format!(
            "the issued bulletin {issue} ({month}) differs from the data now in {changed} figure(s); its page will show a correction"
        ),
    );
    let d = if error { Diagnostic::error("restated", message) } else { Diagnostic::warning("restated", message) };
    d.help(Text::new(
        format!(
            "确认是更正后，新建 corrections/日期.yaml 写明原因：month: {month}、reason: 更正原因、approved_by: 审核人；如果不是有意更正，请撤销对往月数据的修改"
        ),
        format!("if this is a correction, add corrections/DATE.yaml with month: {month}, reason and approved_by; if not, undo the change"),
    ))
}
