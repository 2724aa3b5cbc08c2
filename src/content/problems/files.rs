//! Reading files: encodings, sizes, names, YAML syntax, front matter.

use crate::diagnostics::{Diagnostic, Text};

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
                crate::content::load::ASSET_EXTENSIONS.join("、")
            ),
            format!("pages/ takes pages (.md), pictures and attachments ({})", crate::content::load::ASSET_EXTENSIONS.join(", ")),
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
            format!("别名（*名称）重复引用的内容太多（超过 {} 项），没有读取", crate::content::yaml::MAX_ALIAS_NODES),
            format!("aliases (`*name`) repeat more than {} values", crate::content::yaml::MAX_ALIAS_NODES),
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
            format!("一个文件里的内容超过 {} 项，没有读取", crate::content::yaml::MAX_NODES),
            format!("the file holds more than {} values", crate::content::yaml::MAX_NODES),
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
            format!("列表和字段嵌套超过 {} 层，没有读取", crate::content::yaml::MAX_DEPTH),
            format!("lists and mappings are nested more than {} levels deep", crate::content::yaml::MAX_DEPTH),
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
