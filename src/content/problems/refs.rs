//! Ids and references between files, and fields that depend on each other.

use super::named;
use crate::diagnostics::{Diagnostic, Text};

/// What an id refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Unit,
    Leader,
    Chain,
    Squad,
    Project,
    Building,
    /// A roll-up's member (`members.yaml`).
    Member,
}

impl RefKind {
    pub fn zh(self) -> &'static str {
        match self {
            RefKind::Unit => "单位",
            RefKind::Leader => "县级领导",
            RefKind::Chain => "产业链",
            RefKind::Squad => "小分队",
            RefKind::Project => "项目",
            RefKind::Building => "厂房",
            RefKind::Member => "成员",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            RefKind::Unit => "unit",
            RefKind::Leader => "leader",
            RefKind::Chain => "chain",
            RefKind::Squad => "squad",
            RefKind::Project => "project",
            RefKind::Building => "building",
            RefKind::Member => "member",
        }
    }

    pub fn home_zh(self) -> &'static str {
        match self {
            RefKind::Unit => "units.yaml",
            RefKind::Leader => "leaders.yaml",
            RefKind::Chain => "chains.yaml",
            RefKind::Squad => "squads/ 文件夹（文件名就是编号）",
            RefKind::Project => "projects/ 文件夹（文件名就是编号）",
            RefKind::Building => "factories.yaml",
            RefKind::Member => "members.yaml",
        }
    }
}

/// A reference to an id that does not exist. `by_name` is the id whose *name* equals what was
/// written (a clerk wrote 城关街道 where the id `chengguan` belongs).
pub fn unknown_ref(path: &str, kind: RefKind, value: &str, closest_id: Option<&str>, by_name: Option<&str>) -> Diagnostic {
    let name = named(path);
    let help = if let Some(id) = by_name {
        Text::new(
            format!("这里要写{}的编号而不是名称：把 “{value}” 改成 {id}", kind.zh()),
            format!("write the {}'s id, not its name: `{id}`", kind.en()),
        )
    } else if let Some(id) = closest_id {
        Text::new(
            format!("最接近的已有编号是 {id}；如果确实是新的{}，先在 {} 中添加", kind.zh(), kind.home_zh()),
            format!("the closest existing id is `{id}`; if it is new, add it first"),
        )
    } else {
        Text::new(
            format!("先在 {} 中添加这个{}，或改成已有的编号", kind.home_zh(), kind.zh()),
            format!("add the {} first, or use an existing id", kind.en()),
        )
    };
    Diagnostic::error(
        "unknown-ref",
        Text::new(
            format!("{} 引用的{}编号 “{value}” 不存在", name.zh, kind.zh()),
            format!("{} refers to {} `{value}`, which does not exist", name.en, kind.en()),
        ),
    )
    .field(path)
    .label(Text::new("没有这个编号", "no such id"))
    .help(help)
}

pub fn duplicate_id(path: &str, kind: RefKind, id: &str, first: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate-id",
        Text::new(
            format!("{}编号 “{id}” 重复了，第一次出现在 {first}", kind.zh()),
            format!("duplicate {} id `{id}`, first used at {first}", kind.en()),
        ),
    )
    .field(path)
    .help(Text::new(
        "每个编号只能用一次（大小写不同也算重复），请改用一个新编号",
        "each id must be unique (ignoring case); choose a new one",
    ))
}

pub fn unsafe_id(path: &str, id: &str) -> Diagnostic {
    let name = if path.is_empty() { Text::new("文件名", "the file name") } else { named(path) };
    Diagnostic::error(
        "unsafe-id",
        Text::new(format!("{} “{id}” 不能用作编号", name.zh), format!("{} `{id}` cannot be used as an id", name.en)),
    )
    .field(path)
    .help(Text::new(
        "编号会成为网页文件名：只用英文字母、数字、- 和 _，以字母或数字开头，不超过 64 个字符，例如 p2026-001；con、nul、com1 等是 Windows 的保留名，也不能用",
        "ids become file names: use only ASCII letters, digits, - and _, start with a letter or digit, at most 64 characters; Windows device names (con, nul, com1…) are not allowed",
    ))
}

pub fn date_order(path: &str, later: &str, earlier_path: &str, earlier: &str) -> Diagnostic {
    let a = named(path);
    let b = named(earlier_path);
    Diagnostic::error(
        "milestone-order",
        Text::new(format!("{} {later} 早于 {} {earlier}", a.zh, b.zh), format!("{} {later} is before {} {earlier}", a.en, b.en)),
    )
    .field(path)
    .help(Text::new(
        "进展节点要按先后顺序：签约 → 注册/到资 → 开工 → 投产。请核对这两个日期",
        "milestones must be in order: signed → registered/funds → started → production",
    ))
}

pub fn before_signing(path: &str, month: &str, signed: &str) -> Diagnostic {
    Diagnostic::error(
        "before-signing",
        Text::new(
            format!("{month} 的资金登记在签约（{signed}）之前"),
            format!("money recorded in {month}, before signing on {signed}"),
        ),
    )
    .field(path)
    .help(Text::new(
        "资金只能登记在签约当月或之后；请核对月份或签约日期",
        "funds can only be recorded from the signing month on; check the month or the signing date",
    ))
}

pub fn needs_field(path: &str, because_zh: &str, because_en: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "missing-field",
        Text::new(format!("缺少 {}：{because_zh}", name.zh), format!("missing {}: {because_en}", name.en)),
    )
    .field(path)
    .help(Text::new(
        format!("加上 {}", path.rsplit('.').next().unwrap_or(path)),
        format!("add `{}`", path.rsplit('.').next().unwrap_or(path)),
    ))
}

pub fn not_allowed_here(path: &str, because_zh: &str, because_en: &str) -> Diagnostic {
    let name = named(path);
    let key = path.rsplit('.').next().unwrap_or(path);
    Diagnostic::error(
        "not-allowed",
        Text::new(format!("{} 不应填写：{because_zh}", name.zh), format!("{} does not belong here: {because_en}", name.en)),
    )
    .field(path)
    .help(Text::new(
        format!("删除 {key} 这一行，或改正与它相关的字段"),
        format!("remove the `{key}` line or correct the field it depends on"),
    ))
}

pub fn mismatch(path: &str, value: &str, expected: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "mismatch",
        Text::new(
            format!("{} 写的是 {value}，和文件名 {expected} 不一致", name.zh),
            format!("{} is {value} but the file name says {expected}", name.en),
        ),
    )
    .field(path)
    .help(Text::new("删除这一行（以文件名为准），或把文件改名", "remove the line (the file name counts) or rename the file"))
}

pub fn duplicate_issue(issue: u32, first: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate-issue",
        Text::new(format!("第{issue}期 已用于 {first} 的简报"), format!("issue {issue} is already used by the {first} briefing")),
    )
    .field("issue")
    .help(Text::new("同一年内每个期号只能用一次，请核对期号", "each issue number is used once a year"))
}

pub fn wrong_unit_kind(path: &str, id: &str, expected_zh: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "wrong-unit-kind",
        Text::new(
            format!("{} 应是{expected_zh}，但 {id} 不是", name.zh),
            format!("{} must be a {expected_zh} unit; `{id}` is not", name.en),
        ),
    )
    .field(path)
    .help(Text::new(
        format!("改成 units.yaml 中 kind 为{expected_zh}的单位编号；如果 {id} 的类别写错了，改正 units.yaml"),
        format!("use the id of a {expected_zh} unit from units.yaml, or correct the kind of `{id}` there"),
    ))
}
