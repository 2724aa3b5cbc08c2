//! The wording of every content problem, in Chinese and English, in one place.
//!
//! Clerks are not programmers: each message says what is wrong in plain words, and each help
//! line says what to type instead. Codes are stable; `docs/content.md` lists them.

use crate::diagnostics::{Diagnostic, Text};

/// Chinese name of a field, by its last key, for messages like “字段 signed（签约日期）”.
pub fn field_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "标题",
        "county" => "县名",
        "issuer" => "编印单位",
        "locale" => "提示信息语言",
        "sample" => "示例数据标记",
        "rules" => "统计口径",
        "count_sign_types" => "计入项目目标的签约类型",
        "min_contract_amount" => "计入目标的最低合同引资额",
        "count_terminated" => "终止项目是否计入",
        "fulfilled_when" => "履约判定",
        "production_rate_base" => "投产率分母",
        "rates_include_continuing" => "四率是否含续建项目",
        "funds_origins" => "计入到位资金的来源",
        "rank_by" => "排名依据",
        "red_list_top" => "红榜名额",
        "black_list_bottom" => "黑榜名额",
        "not_started_months" => "未开工提醒月数",
        "stalled_months" => "停滞提醒月数",
        "problem_open_days" => "问题未解决提醒天数",
        "projects" => "项目",
        "funds" => "到位资金",
        "fdi" => "外资直投",
        "factory_occupancy" => "厂房入驻率",
        "trips_per_squad_month" => "小分队每月外出次数",
        "rates" => "四率目标",
        "fulfilment" => "履约率",
        "start" => "开工率 / 出发日期",
        "production" => "投产",
        "units" => "分解任务",
        "unit" => "单位",
        "id" => "编号",
        "name" => "名称",
        "kind" => "类别",
        "head" => "一把手",
        "cluster" => "产业集群",
        "chains" => "产业链",
        "key" => "重点产业链",
        "investor" => "投资方",
        "origin" => "来源",
        "province" => "省份",
        "city" => "城市",
        "country" => "国家或地区",
        "tags" => "标签",
        "chain" => "产业链",
        "content" => "建设内容",
        "method" => "招商方式",
        "platform" => "招商平台",
        "build_type" => "建设性质",
        "sign_type" => "签约类型",
        "total_investment" => "总投资",
        "contract_amount" => "合同引资额",
        "contract_fdi" => "合同外资",
        "town" => "落地镇办",
        "park" => "园区",
        "leader" => "包抓县级领导",
        "measures" => "推进措施",
        "introduced_by" => "引进者",
        "squad" => "小分队",
        "milestones" => "进展节点",
        "signed" => "签约日期",
        "contracted" => "转签合同日期",
        "registered" => "注册日期",
        "first_funds" => "首笔资金到位日期",
        "started" => "开工日期",
        "terminated" => "终止日期",
        "terminated_reason" => "终止原因",
        "month" => "月份",
        "amount" => "金额",
        "use" => "资金用途",
        "problems" => "存在问题",
        "text" => "内容",
        "opened" => "提出日期",
        "resolved" => "解决日期",
        "note" => "进展情况",
        "captain" => "队长",
        "formed" => "组建日期",
        "members" => "队员",
        "grade" => "职级",
        "regions" => "主攻区域",
        "trips" => "外出对接",
        "end" => "返回日期",
        "destination" => "目的地",
        "people" => "外出人数",
        "companies" => "拜访企业",
        "leads" => "有效线索",
        "leader_trip" => "一把手带队",
        "reported" => "成果报送日期",
        "summary" => "工作开展情况",
        "buildings" => "厂房",
        "area" => "面积",
        "completed" => "建成日期",
        "project" => "项目",
        "moved_in" => "入驻日期",
        "chair" => "主持领导",
        "items" => "交办事项",
        "task" => "交办内容",
        "deadline" => "办结时限",
        "closed" => "办结日期",
        "issue" => "期号",
        "issued" => "印发日期",
        "period" => "统计期",
        "recipients" => "报送范围",
        "report_to" => "报",
        "send_to" => "送",
        "distribute_to" => "发",
        "copies" => "印数",
        "order" => "顺序",
        _ => return None,
    })
}

/// `signed（签约日期）` for Chinese, `signed` for English.
fn named(path: &str) -> Text {
    let last = path.rsplit('.').next().unwrap_or(path);
    let last = last.split('[').next().unwrap_or(last);
    match field_label(last) {
        Some(label) => Text::new(format!("{path}（{label}）"), path.to_string()),
        None => Text::new(path.to_string(), path.to_string()),
    }
}

fn or_list(values: &[&str]) -> String {
    values.join("、")
}

fn suggestion_text(suggestion: Option<&str>) -> (String, String) {
    match suggestion {
        Some(s) => (format!("是不是想写 “{s}”？"), format!("Did you mean `{s}`? ")),
        None => (String::new(), String::new()),
    }
}

// ---- reading files ----------------------------------------------------------------------------

pub fn not_utf8() -> Diagnostic {
    Diagnostic::error("not-utf8", Text::new("文件不是 UTF-8 编码，无法读取", "the file is not UTF-8 text")).help(Text::new(
        "用记事本或 VS Code 打开，选择“另存为”，编码选 UTF-8 后保存",
        "open it in an editor and save it with UTF-8 encoding",
    ))
}

pub fn read_failed(e: &std::io::Error) -> Diagnostic {
    let (zh, en) = match e.kind() {
        std::io::ErrorKind::PermissionDenied => ("没有读取权限", "permission denied"),
        std::io::ErrorKind::NotFound => ("文件在读取时消失了", "the file disappeared while being read"),
        _ => ("读取出错", "read error"),
    };
    Diagnostic::error("read-failed", Text::new(format!("无法读取文件：{zh}（{e}）"), format!("cannot read the file: {en} ({e})")))
        .help(Text::new(
            "检查文件的读取权限，或者把它另存一份再放回原处；文件若已损坏，请从 git 历史中恢复",
            "check the file's permissions, or save a copy in its place; restore a damaged file from git",
        ))
}

pub fn symlink() -> Diagnostic {
    Diagnostic::error(
        "symlink",
        Text::new("这是一个符号链接（快捷方式），不会被读取", "this is a symbolic link, which is not followed"),
    )
    .help(Text::new(
        "把链接换成文件本身：符号链接可能把内容文件夹以外的文件发布到网站上，所以不读取",
        "replace the link with the file itself: a link could publish a file from outside the content folder",
    ))
}

pub fn too_large(limit_bytes: u64) -> Diagnostic {
    let mib = limit_bytes >> 20;
    Diagnostic::error(
        "too-large",
        Text::new(format!("文件太大（超过 {mib} MB），没有读取"), format!("the file is larger than {mib} MiB")),
    )
    .help(Text::new(
        "一个项目、小分队或简报一个文件，正常不会超过几十 KB；请检查是否误存了别的内容，图片请先压缩",
        "one project, squad or briefing per file is never this large: check what was saved; compress pictures",
    ))
}

pub fn not_content(is_yaml: bool) -> Diagnostic {
    let (zh, en) = if is_yaml {
        (
            "不是约定的文件名（site.yaml、units.yaml、leaders.yaml、chains.yaml、factories.yaml），不会被读取",
            "not one of the known file names (site.yaml, units.yaml, leaders.yaml, chains.yaml, factories.yaml)",
        )
    } else {
        ("不是网站的内容，不会被读取，也不会发布", "not content: it is neither read nor published")
    };
    Diagnostic::warning("ignored-file", Text::new(format!("这个文件不会被使用：{zh}"), format!("this file is not used: {en}")))
        .help(Text::new(
            "台账、草稿等请放在内容文件夹之外；网页要显示的图片或附件请放进 pages/ 文件夹",
            "keep ledgers and drafts outside the content folder; put pictures and attachments for pages in pages/",
        ))
}

pub fn not_asset(ext: &str) -> Diagnostic {
    let (zh, en) = match ext {
        "svg" => ("SVG 图片可能含有脚本，不会发布", "SVG pictures can carry scripts and are not published"),
        "html" | "htm" | "js" | "xhtml" => ("网页和脚本文件不会发布", "web pages and scripts are not published"),
        _ => ("这种文件不会发布", "this kind of file is not published"),
    };
    Diagnostic::warning("ignored-file", Text::new(format!("这个文件不会被使用：{zh}"), format!("this file is not used: {en}")))
        .help(Text::new(
            format!(
                "pages/ 里可以放网页（.md）、图片和附件（{}）；图片请另存为 PNG 或 JPG",
                super::load::ASSET_EXTENSIONS.join("、")
            ),
            format!("pages/ takes pages (.md), pictures and attachments ({})", super::load::ASSET_EXTENSIONS.join(", ")),
        ))
}

pub fn unsafe_file_name(rel: &str) -> Diagnostic {
    Diagnostic::error(
        "unsafe-file-name",
        Text::new(format!("文件名 “{rel}” 不能用作网页地址"), format!("the file name `{rel}` cannot be part of a web address")),
    )
    .help(Text::new(
        "文件夹名和文件名（不含扩展名）只用英文字母、数字、- 和 _，以字母或数字开头，不超过 64 个字符，例如 pages/photos/site-2026.jpg",
        "folder and file names (without the extension) may use only ASCII letters, digits, - and _, starting with a letter or digit, at most 64 characters",
    ))
}

pub fn other_folder(folder: &str, files: usize) -> Diagnostic {
    Diagnostic::warning(
        "ignored-folder",
        Text::new(
            format!("文件夹 {folder}/ 不是网站的内容，其中 {files} 个文件不会被读取"),
            format!("the folder {folder}/ is not content; its {files} file(s) are not read"),
        ),
    )
    .help(Text::new(
        "内容文件夹里只放 site.yaml 等文件和 targets/、projects/、squads/、meetings/、briefings/、pages/ 文件夹；其他文件（如生成的网站、台账）请移到内容文件夹之外",
        "the content folder holds site.yaml and friends and the folders targets/, projects/, squads/, meetings/, briefings/ and pages/; move anything else out",
    ))
}

pub fn missing_file(path: &str, what_zh: &str, what_en: &str) -> Diagnostic {
    Diagnostic::error(
        "missing-file",
        Text::new(format!("缺少文件 {path}（{what_zh}）"), format!("missing file {path} ({what_en})")),
    )
    .help(Text::new("按 docs/content.md 中的示例新建这个文件", "create it following the example in docs/content.md"))
}

pub fn ignored_file(reason_zh: &str, reason_en: &str) -> Diagnostic {
    Diagnostic::warning(
        "ignored-file",
        Text::new(format!("这个文件不会被使用：{reason_zh}"), format!("this file is not used: {reason_en}")),
    )
    .help(Text::new(
        "如果它是内容，把它移到对应的文件夹并改正扩展名（目录结构见 docs/content.md）；如果不是，把它移出内容文件夹",
        "if it is content, move it to its folder with the right extension (see docs/content.md); if not, move it out",
    ))
}

pub fn bad_file_name(expected_zh: &str, expected_en: &str) -> Diagnostic {
    Diagnostic::error(
        "bad-file-name",
        Text::new(format!("文件名不对：应为{expected_zh}"), format!("wrong file name: expected {expected_en}")),
    )
    .help(Text::new(
        "文件名决定它属于哪一年、哪个月或哪一次会议：按上面的格式给文件改名",
        "the file name says which year, month or meeting it is: rename it as shown",
    ))
}

pub fn empty_file() -> Diagnostic {
    Diagnostic::error("empty-file", Text::new("文件是空的", "the file is empty"))
        .help(Text::new("按 docs/content.md 中的示例填写内容，或删除这个文件", "fill it in as in docs/content.md, or delete it"))
}

pub fn yaml_syntax(detail: &str) -> Diagnostic {
    let (zh_hint, en_hint) = syntax_hint(detail);
    Diagnostic::error("yaml-syntax", Text::new(format!("格式错误，无法读取（{detail}）"), format!("not valid YAML: {detail}")))
        .label(Text::new("在这里或上一行附近", "here or on the line above"))
        .help(Text::new(zh_hint, en_hint))
}

fn syntax_hint(detail: &str) -> (&'static str, &'static str) {
    if detail.contains("mapping values are not allowed") {
        (
            "一行里出现了两个“冒号加空格”。值里有英文冒号时，请给整个值加英文双引号，如 note: \"进度: 80%\"",
            "a value contains `: `; put the whole value in double quotes",
        )
    } else if detail.contains("did not find expected") || detail.contains("could not find expected") {
        (
            "检查这一行和上一行：括号、引号是否成对，缩进是否和同级字段对齐（用两个空格）",
            "check brackets and quotes are closed and that indentation matches the sibling fields",
        )
    } else {
        (
            "检查这一行的缩进（两个空格，对齐同级字段）、冒号后的空格、引号和括号是否成对",
            "check indentation, the space after each colon, and matching quotes and brackets",
        )
    }
}

pub fn full_width_colon(key: &str) -> Diagnostic {
    Diagnostic::error(
        "full-width-colon",
        Text::new(format!("字段 {key} 后面用了中文冒号“：”"), format!("full-width colon `：` after `{key}`")),
    )
    .label(Text::new("这里应是英文冒号", "must be an ASCII colon"))
    .help(Text::new(format!("改成英文冒号加一个空格：{key}: "), format!("write `{key}: ` (ASCII colon and a space)")))
}

pub fn tab_indent() -> Diagnostic {
    Diagnostic::error("tab-indent", Text::new("缩进里有 Tab 键", "a tab is used for indentation"))
        .help(Text::new("删除 Tab，改用空格缩进（每级两个空格）", "indent with spaces (two per level) instead of tabs"))
}

pub fn several_documents() -> Diagnostic {
    Diagnostic::error(
        "several-documents",
        Text::new("一个文件里只能有一份内容（出现了第二个 ---）", "only one YAML document per file"),
    )
    .help(Text::new("删除多余的 --- 行，或把后面的内容拆成单独的文件", "remove the extra `---` or split the file"))
}

pub fn duplicate_key(key: &str) -> Diagnostic {
    Diagnostic::error("duplicate-key", Text::new(format!("字段 {key} 写了两次"), format!("the key `{key}` appears twice")))
        .label(Text::new("第二次出现", "second occurrence"))
        .help(Text::new("删除其中一个，保留正确的那个", "keep only one of them"))
}

pub fn too_many_aliases() -> Diagnostic {
    Diagnostic::error(
        "too-many-aliases",
        Text::new(
            format!("别名（*名称）重复引用的内容太多（超过 {} 项），没有读取", super::yaml::MAX_ALIAS_NODES),
            format!("aliases (`*name`) repeat more than {} values", super::yaml::MAX_ALIAS_NODES),
        ),
    )
    .label(Text::new("从这里起超出", "the limit is passed here"))
    .help(Text::new(
        "内容文件不需要锚点（&名称）和别名（*名称）：把要重复的内容直接写出来",
        "content files need no anchors (`&name`) or aliases (`*name`): write the values out",
    ))
}

pub fn too_many_values() -> Diagnostic {
    Diagnostic::error(
        "too-many-values",
        Text::new(
            format!("一个文件里的内容超过 {} 项，没有读取", super::yaml::MAX_NODES),
            format!("the file holds more than {} values", super::yaml::MAX_NODES),
        ),
    )
    .label(Text::new("从这里起超出", "the limit is passed here"))
    .help(Text::new(
        "一个项目、小分队或会议一个文件；检查这个文件是否误存了别的内容",
        "one project, squad or meeting per file: check what was saved in this file",
    ))
}

pub fn too_deep() -> Diagnostic {
    Diagnostic::error(
        "too-deep",
        Text::new(
            format!("列表和字段嵌套超过 {} 层，没有读取", super::yaml::MAX_DEPTH),
            format!("lists and mappings are nested more than {} levels deep", super::yaml::MAX_DEPTH),
        ),
    )
    .help(Text::new(
        "内容文件最多嵌套几层（见 docs/content.md 的示例）；检查缩进和括号是否多写了",
        "content files nest only a few levels (see docs/content.md); check the indentation and brackets",
    ))
}

pub fn missing_front_matter() -> Diagnostic {
    Diagnostic::error(
        "missing-front-matter",
        Text::new("开头缺少用 --- 包起来的简报信息", "missing front matter between `---` lines"),
    )
    .help(Text::new(
        "文件第一行写 ---，接着写 issue、title 等字段，再写一行 --- 后开始正文（见 docs/content.md）",
        "start the file with `---`, the fields, then `---` and the body (see docs/content.md)",
    ))
}

// ---- shapes and fields ------------------------------------------------------------------------

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

pub fn empty_text(path: &str) -> Diagnostic {
    let name = named(path);
    Diagnostic::error("empty-value", Text::new(format!("{} 不能为空", name.zh), format!("{} cannot be empty", name.en)))
        .field(path)
        .help(Text::new("填写内容，或者删除这一行", "fill it in or remove the line"))
}

/// What an id refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Unit,
    Leader,
    Chain,
    Squad,
    Project,
    Building,
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

pub fn unknown_placeholder(unknown: &super::placeholders::Unknown) -> Diagnostic {
    if unknown.unclosed {
        return Diagnostic::error("unknown-placeholder", Text::new("“{{” 没有对应的 “}}”", "`{{` is not closed with `}}`"))
            .help(Text::new("在名称后面补上 }}，例如 {{ funds }}", "close it, e.g. `{{ funds }}`"));
    }
    let hint = match unknown.closest {
        Some(c) => (format!("是不是想写 {{{{ {c} }}}}？"), format!("Did you mean `{{{{ {c} }}}}`? ")),
        None => (String::new(), String::new()),
    };
    Diagnostic::error(
        "unknown-placeholder",
        Text::new(
            format!("没有名为 “{}” 的数字或图表", unknown.written),
            format!("no figure or chart named `{}`", unknown.written),
        ),
    )
    .label(Text::new("无法填入数字", "cannot be filled in"))
    .help(Text::new(
        format!("{}可用的名称见 docs/content.md 的“正文中的实时数字”一节", hint.0),
        format!("{}see the list of names in docs/content.md", hint.1),
    ))
}

pub fn output_clash(path: &str, other_zh: &str, other_en: &str) -> Diagnostic {
    Diagnostic::error(
        "output-clash",
        Text::new(
            format!("这个文件生成的 {path} 与{other_zh}是同一个文件（不区分大小写），其中一个会被覆盖"),
            format!("this file makes {path}, which is also {other_en} (ignoring case): one would replace the other"),
        ),
    )
    .help(if path.ends_with("/index.html") {
        Text::new(
            "index 是网站列表页的名字，不能用作编号或页面名：给这个文件（或它的编号）换一个名字",
            "`index` is the name of the site's list pages and cannot be an id or page name: rename this file (or its id)",
        )
    } else {
        Text::new(
            "给其中一个文件换一个名字（只差大小写的名字在 Windows 共享文件夹里是同一个文件）",
            "rename one of the two (names that differ only in case are one file on a Windows share)",
        )
    })
}

pub fn too_many_charts() -> Diagnostic {
    let max = super::placeholders::MAX_CHARTS;
    Diagnostic::error(
        "too-many-charts",
        Text::new(
            format!("一个页面最多放 {max} 张图表，从这里起超出了"),
            format!("a page holds at most {max} charts; this is one more"),
        ),
    )
    .help(Text::new("删除重复的 {{ chart … }}；同一张图表放一次就够了", "remove repeated `{{ chart … }}` lines"))
}

pub fn external_image(url: &str) -> Diagnostic {
    Diagnostic::warning(
        "external-image",
        Text::new(
            format!("图片来自网站以外：{}；内网没有互联网时显示不出来", printable(url, 80)),
            format!(
                "the picture comes from outside the site: {}; an intranet without internet cannot show it",
                printable(url, 80)
            ),
        ),
    )
    .help(Text::new(
        "把图片下载下来放进 pages/ 文件夹，用相对路径引用，如 ![现场](../pages/photos/site.jpg)",
        "save the picture in pages/ and refer to it with a relative path",
    ))
}

pub fn unsafe_link(url: &str, image: bool) -> Diagnostic {
    let scheme = super::links::scheme(url).unwrap_or_default();
    let (what_zh, what_en) = if image { ("图片地址", "image address") } else { ("链接地址", "link address") };
    Diagnostic::error(
        "unsafe-link",
        Text::new(
            format!("{what_zh}不能以 “{scheme}:” 开头：{}", printable(url, 80)),
            format!("an {what_en} cannot start with `{scheme}:`: {}", printable(url, 80)),
        ),
    )
    .label(Text::new("这种地址可能运行脚本，网站不会显示它", "this kind of address can run a script"))
    .help(Text::new(
        "只能链接到网站内的页面（如 ../pages/about.html）、以 http:// 或 https:// 开头的网址，或 mailto: 邮箱地址；图片请放在 pages/ 文件夹里，用相对路径引用",
        "link to a page of the site (../pages/about.html), an http:// or https:// address, or a mailto: address; put images in pages/ and use a relative path",
    ))
}

/// At most `max` characters of `text`, for quoting a value in a message.
fn printable(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

// ---- data-quality warnings --------------------------------------------------------------------

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

// ---- helpers ---------------------------------------------------------------------------------

/// Which shape a field must have, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Text,
    List,
    Mapping,
    Empty,
}

impl Shape {
    fn zh(self) -> &'static str {
        match self {
            Shape::Text => "一个值",
            Shape::List => "列表",
            Shape::Mapping => "一组字段",
            Shape::Empty => "空值",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Shape::Text => "a single value",
            Shape::List => "a list",
            Shape::Mapping => "a set of fields",
            Shape::Empty => "nothing",
        }
    }
    fn zh_example(self) -> &'static str {
        match self {
            Shape::Text => "在冒号后直接写值，例如 name: 商南县茶叶加工项目",
            Shape::List => "写成列表：每项一行，以 “- ” 开头；或写成 [甲, 乙]",
            Shape::Mapping | Shape::Empty => "在下一行缩进两个空格，逐行写 字段: 值",
        }
    }
    fn en_example(self) -> &'static str {
        match self {
            Shape::Text => "write the value after the colon",
            Shape::List => "write one item per line starting with `- `, or `[a, b]`",
            Shape::Mapping | Shape::Empty => "write indented `key: value` lines below",
        }
    }
}

impl From<super::yaml::Shape> for Shape {
    fn from(s: super::yaml::Shape) -> Shape {
        match s {
            super::yaml::Shape::Empty => Shape::Empty,
            super::yaml::Shape::Text => Shape::Text,
            super::yaml::Shape::List => Shape::List,
            super::yaml::Shape::Mapping => Shape::Mapping,
        }
    }
}

/// The candidate most like `value`, if it is close enough to be a likely typo.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let value_lower = value.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&value_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}
