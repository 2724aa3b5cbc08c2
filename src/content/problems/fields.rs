//! Field values: shapes, unknown and missing fields, dates, months, numbers, choices, ranges.

use super::{Shape, closest, field_label, named, or_list, suggestion_text};
use crate::diagnostics::{Diagnostic, Text};

pub fn wrong_shape(path: &str, expected: Shape, found: Shape) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "wrong-shape",
        Text::new(
            format!("{} 应该是{}，这里写成了{}", name.zh, expected.zh(), found.zh()),
            format!("{} must be {}, found {}", name.en, expected.en(), found.en()),
        ),
    )
    .field(path)
    .help(Text::new(expected.zh_example(), expected.en_example()))
}

pub fn unknown_field(path: &str, key: &str, known: &[&str]) -> Diagnostic {
    let suggestion = closest(key, known.iter().copied());
    let zh_s = match suggestion {
        Some(s) => match field_label(s) {
            Some(label) => format!("是不是想写 “{s}”（{label}）？"),
            None => format!("是不是想写 “{s}”？"),
        },
        None => String::new(),
    };
    let en_s = suggestion.map(|s| format!("Did you mean `{s}`? ")).unwrap_or_default();
    Diagnostic::error("unknown-field", Text::new(format!("不认识的字段 “{key}”"), format!("unknown field `{key}`")))
        .field(path)
        .label(Text::new("这个字段名不存在", "no such field"))
        .help(Text::new(
            format!("{zh_s}这里可以写的字段有：{}", known.join(", ")),
            format!("{en_s}Allowed here: {}", known.join(", ")),
        ))
}

pub fn more_problems(more: usize) -> Diagnostic {
    Diagnostic::error(
        "more-problems",
        Text::new(format!("这个文件另有 {more} 个问题没有列出"), format!("{more} more problems in this file are not listed")),
    )
    .help(Text::new(
        "先改正上面列出的问题再检查一次；问题这么多时，常常是整个文件存错了或格式不对",
        "fix the problems listed and check again; so many problems often mean the whole file is wrong",
    ))
}

pub fn more_unknown_fields(prefix: &str, more: usize, known: &[&str]) -> Diagnostic {
    let (zh, en) = if prefix.is_empty() {
        ("这个文件".to_string(), "this file".to_string())
    } else {
        (format!("{prefix} "), prefix.to_string())
    };
    Diagnostic::error(
        "unknown-field",
        Text::new(
            format!("{zh}里另有 {more} 个不认识的字段（未逐一列出）"),
            format!("{en} has {more} more unknown fields (not listed)"),
        ),
    )
    .help(Text::new(
        format!("这个文件可能不是内容文件，或被别的程序改写过；这里可以写的字段有：{}", known.join(", ")),
        format!("the file may not be a content file; allowed here: {}", known.join(", ")),
    ))
}

pub fn missing_field(path: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "missing-field",
        Text::new(format!("缺少必填字段 {}", name.zh), format!("missing required field {}", name.en)),
    )
    .field(path)
    .help(Text::new(
        format!("在这里加上一行 {}: …（格式见 docs/content.md）", path.rsplit('.').next().unwrap_or(path)),
        format!("add `{}: …` here (see docs/content.md)", path.rsplit('.').next().unwrap_or(path)),
    ))
}

pub fn bad_date(path: &str, value: &str, fixed: Option<String>) -> Diagnostic {
    let name = named(path);
    let help = match fixed {
        Some(f) => {
            Text::new(format!("日期写成 年-月-日，月和日都用两位数，例如 {f}"), format!("write the date as YYYY-MM-DD, e.g. {f}"))
        }
        None => {
            Text::new("日期写成 年-月-日，月和日都用两位数，例如 2026-03-15", "write the date as YYYY-MM-DD, e.g. 2026-03-15")
        }
    };
    Diagnostic::error(
        "bad-date",
        Text::new(format!("{} 不是有效日期：“{value}”", name.zh), format!("{} is not a valid date: `{value}`", name.en)),
    )
    .field(path)
    .help(help)
}

pub fn bad_month(path: &str, value: &str, fixed: Option<String>) -> Diagnostic {
    let name = named(path);
    let example = fixed.unwrap_or_else(|| "2026-03".to_string());
    Diagnostic::error(
        "bad-month",
        Text::new(format!("{} 不是有效月份：“{value}”", name.zh), format!("{} is not a valid month: `{value}`", name.en)),
    )
    .field(path)
    .help(Text::new(format!("月份写成 年-月，月用两位数，例如 {example}"), format!("write the month as YYYY-MM, e.g. {example}")))
}

/// What kind of number a field holds, for messages.
#[derive(Clone, Copy, Debug)]
pub enum NumberKind {
    Wan,
    UsdWan,
    Count,
    Percent,
    Area,
}

impl NumberKind {
    fn zh(self) -> &'static str {
        match self {
            NumberKind::Wan => "金额（万元）",
            NumberKind::UsdWan => "金额（万美元）",
            NumberKind::Count => "非负整数",
            NumberKind::Percent => "百分数",
            NumberKind::Area => "面积（平方米）",
        }
    }

    fn unit_zh(self) -> &'static str {
        match self {
            NumberKind::Wan => "万元",
            NumberKind::UsdWan => "万美元",
            NumberKind::Count => "个",
            NumberKind::Percent => "%",
            NumberKind::Area => "平方米",
        }
    }

    fn en(self) -> &'static str {
        match self {
            NumberKind::Wan => "an amount in 万元",
            NumberKind::UsdWan => "an amount in 万美元",
            NumberKind::Count => "a whole number",
            NumberKind::Percent => "a percentage",
            NumberKind::Area => "an area in m²",
        }
    }
}

pub fn bad_number(path: &str, value: &str, kind: NumberKind) -> Diagnostic {
    let name = named(path);
    let has_unit = !value.is_ascii();
    let (zh, en) = if value.contains(',') || value.contains('，') {
        ("去掉千位分隔的逗号，只写数字，例如 12000".to_string(), "remove the thousands separators, e.g. 12000".to_string())
    } else if has_unit {
        (
            format!("只写数字，不写单位（单位固定为{}），例如 1200", kind.unit_zh()),
            "write the number only, without a unit, e.g. 1200".to_string(),
        )
    } else if matches!(kind, NumberKind::Count) {
        ("写一个不带小数点的整数，例如 4".to_string(), "write a whole number, e.g. 4".to_string())
    } else {
        ("只写数字，例如 1200 或 350.5".to_string(), "write a plain number, e.g. 1200 or 350.5".to_string())
    };
    Diagnostic::error(
        "bad-number",
        Text::new(
            format!("{} 应为{}，这里写的是 “{value}”", name.zh, kind.zh()),
            format!("{} must be {}, found `{value}`", name.en, kind.en()),
        ),
    )
    .field(path)
    .help(Text::new(zh, en))
}

pub fn negative_amount(path: &str, value: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "negative-amount",
        Text::new(format!("{} 不能是负数：“{value}”", name.zh), format!("{} cannot be negative: `{value}`", name.en)),
    )
    .field(path)
    .help(Text::new(
        "金额只登记实际发生的正数；如需冲减，请直接改正原来那一笔",
        "record only positive amounts; to correct an earlier entry, edit that entry",
    ))
}

pub fn too_precise(path: &str, value: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "too-precise",
        Text::new(format!("{} 小数位太多：“{value}”", name.zh), format!("{} has too many decimals: `{value}`", name.en)),
    )
    .field(path)
    .help(Text::new("金额最多保留 4 位小数（万元的 4 位小数就是元）", "use at most 4 decimals (1 元 = 0.0001 万元)"))
}

pub fn bad_choice(path: &str, value: &str, allowed: &[&str]) -> Diagnostic {
    let name = named(path);
    let (zh_s, en_s) = suggestion_text(closest(value, allowed.iter().copied()));
    Diagnostic::error(
        "bad-choice",
        Text::new(format!("{} 不能写 “{value}”", name.zh), format!("{} cannot be `{value}`", name.en)),
    )
    .field(path)
    .help(Text::new(format!("{zh_s}只能写：{}", or_list(allowed)), format!("{en_s}Allowed: {}", allowed.join(", "))))
}

pub fn bad_bool(path: &str, value: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "bad-choice",
        Text::new(
            format!("{} 只能写 true 或 false，这里写的是 “{value}”", name.zh),
            format!("{} must be true or false, found `{value}`", name.en),
        ),
    )
    .field(path)
    .help(Text::new("写 true（是）或 false（否）", "write true or false"))
}

pub fn bad_base_url(value: &str) -> Diagnostic {
    Diagnostic::error(
        "bad-base-url",
        Text::new(format!("网站地址 base_url “{value}” 不是完整的网址"), format!("base_url `{value}` is not a full web address")),
    )
    .field("base_url")
    .help(Text::new(
        "写网站首页的完整地址，以 http:// 或 https:// 开头，不带 ? 和 #，例如 http://zsj.example.gov.cn/jianbao/ ；没有固定地址时删除这一行",
        "write the full address of the site's home page, starting with http:// or https://, without ? or #, e.g. http://zsj.example.gov.cn/jianbao/; remove the line if the site has no fixed address",
    ))
}

pub fn empty_text(path: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error("empty-value", Text::new(format!("{} 不能为空", name.zh), format!("{} cannot be empty", name.en)))
        .field(path)
        .help(Text::new("填写内容，或者删除这一行", "fill it in or remove the line"))
}

/// A value outside what the field can hold; `allowed_zh`/`allowed_en` say what it can be.
pub fn bad_range(path: &str, value: &str, zh: &str, en: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error("out-of-range", Text::new(format!("{} “{value}” {zh}", name.zh), format!("{} `{value}` {en}", name.en)))
        .field(path)
        .help(Text::new("百分数写 0 到 100 之间的数，例如 85 或 85%", "write a percentage from 0 to 100, e.g. 85 or 85%"))
}

/// A whole number outside `min..=max`.
pub fn count_out_of_range(path: &str, value: u64, min: u32, max: u32) -> Diagnostic {
    let name = named(path);
    Diagnostic::error(
        "out-of-range",
        Text::new(
            format!("{} 是 {value}，超出了允许的范围 {min}～{max}", name.zh),
            format!("{} is {value}, outside the allowed range {min}..{max}", name.en),
        ),
    )
    .field(path)
    .help(Text::new(format!("写一个 {min} 到 {max} 之间的整数"), format!("write a whole number from {min} to {max}")))
}
