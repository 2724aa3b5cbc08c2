//! Briefings and pages: placeholders, links, pictures, and output files that would clash.

use crate::diagnostics::{Diagnostic, Text};

pub fn unknown_placeholder(unknown: &crate::content::placeholders::Unknown) -> Diagnostic {
    if unknown.unclosed {
        return Diagnostic::error("unknown-placeholder", Text::new("“{{” 没有对应的 “}}”", "`{{` is not closed with `}}`"))
            .help(Text::new("在名称后面补上 }}，例如 {{ funds }}", "close it, e.g. `{{ funds }}`"));
    }
    let hint = match unknown.closest() {
        Some(c) if unknown.chart => {
            (format!("是不是想写 {{{{ chart {c} }}}}？"), format!("Did you mean `{{{{ chart {c} }}}}`? "))
        }
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
    let max = crate::content::placeholders::MAX_CHARTS;
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
    let scheme = crate::content::links::scheme(url).unwrap_or_default();
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
