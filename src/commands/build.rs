//! `bulletin build`: content → figures → pages → the output folder, swapped in whole.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::render::{self, Options, Reload, theme};
use crate::write;

pub fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let Some((content, _)) = super::load_or_report(&args.content)? else {
        eprintln!("没有生成网站：{} 保持不变。", args.out.display());
        return Ok(ExitCode::from(1));
    };
    let Some(month) = args.month.or_else(|| content.latest_period()) else {
        anyhow::bail!("there is no briefing yet, so no month to build: add content/briefings/YYYY-MM.md or pass --month YYYY-MM");
    };
    let theme = theme::load(site_root(&args.content))?;
    let pages = render::site(&content, &theme, Options { month, reload: Reload::Off })?;
    write::atomically(&pages, &args.out)?;
    eprintln!(
        "已生成 {} 个文件到 {}（截至 {}，用时 {} 毫秒）",
        pages.len(),
        args.out.display(),
        month.last_day(),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

/// The folder holding `content/`, where a site's own `templates/` and `theme/` live.
pub fn site_root(content: &Path) -> Option<&Path> {
    let parent = content.parent()?;
    Some(if parent.as_os_str().is_empty() { Path::new(".") } else { parent })
}
