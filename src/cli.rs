//! Command-line arguments (clap types only).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "bulletin",
    version,
    about = "招商引资工作简报网站生成器 — a static-site generator for investment-promotion bulletins"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the content folder and report every problem at once (检查数据)
    Check(CheckArgs),
    /// Print the figures of a month as a table or as JSON (打印某月数据)
    Figures(FiguresArgs),
    /// Build the static site (生成网站)
    Build(BuildArgs),
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// The content folder; its parent may hold `templates/` and `theme/` overrides
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// Where to write the site (replaced whole, only once the new site is complete)
    #[arg(long, default_value = "public", value_name = "DIR")]
    pub out: PathBuf,
    /// Build as of the end of this month (default: the latest briefing's month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
}

#[derive(clap::Args, Debug)]
pub struct FiguresArgs {
    /// The content folder
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// The report month (default: the latest briefing's month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FiguresFormat::Table)]
    pub format: FiguresFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FiguresFormat {
    Table,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The content folder
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// Language of the messages (default: the site's locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Judge time-dependent warnings as of the end of this month (default: the latest briefing's month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

pub fn parse_month(s: &str) -> Result<crate::period::Month, String> {
    crate::period::Month::parse(s).ok_or_else(|| format!("`{s}` is not a month; write YYYY-MM, e.g. 2026-10"))
}
