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
    /// Build, serve on 127.0.0.1 and rebuild and reload on every save (预览)
    Serve(ServeArgs),
    /// Create a new content folder that checks clean and builds (新建站点)
    Init(InitArgs),
    /// Create a project, squad, briefing or meeting file from a template (新建文件)
    New(NewArgs),
    /// Read an Excel ledger (台账) into project files, or with --month a monthly report (月报) into them (导入台账、月报)
    Import(ImportArgs),
    /// Write a month's bulletin tables as an Excel workbook (导出表格)
    Export(ExportArgs),
    /// Install the git hook that checks the content before each commit (提交前检查)
    Hooks(HooksArgs),
    /// Record a month's bulletin as issued: its page never changes after (印发简报)
    Issue(IssueArgs),
}

#[derive(clap::Args, Debug)]
pub struct IssueArgs {
    /// The content folder
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// The month of the bulletin to issue
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: crate::period::Month,
    /// The issue date printed on it (default: the briefing's `issued`, else today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Issue it again, replacing the record (the earlier issue is kept in the record's history)
    #[arg(long, requires = "reason")]
    pub reissue: bool,
    /// Why it is issued again (with --reissue)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Issue even though the content has changes not yet committed to git
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct HooksArgs {
    #[command(subcommand)]
    pub action: HooksAction,
}

#[derive(Subcommand, Debug)]
pub enum HooksAction {
    /// Install a pre-commit hook that runs `bulletin check` on the content folder
    Install {
        /// The content folder (inside a git repository)
        #[arg(long, default_value = "content", value_name = "DIR")]
        content: PathBuf,
        /// Replace a pre-commit hook that bulletin did not write
        #[arg(long)]
        force: bool,
    },
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The content folder; its parent may hold `templates/` and `theme/` overrides
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// Port on 127.0.0.1
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Serve the site as of this month (default: the latest briefing's month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The new content folder (must not exist, or be empty)
    pub dir: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    #[command(subcommand)]
    pub kind: NewKind,
    /// The content folder
    #[arg(long, default_value = "content", value_name = "DIR", global = true)]
    pub content: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum NewKind {
    /// A project file: projects/<ID>.yaml
    Project {
        /// Project id (letters, digits, - and _), e.g. p2026-061
        id: String,
        /// Project name (项目名称)
        #[arg(long)]
        name: Option<String>,
    },
    /// A squad file: squads/<ID>.yaml
    Squad {
        /// Squad id, e.g. squad-13
        id: String,
        /// Squad name (小分队名称)
        #[arg(long)]
        name: Option<String>,
    },
    /// The next month's briefing: briefings/<YYYY-MM>.md with the next issue number
    Briefing {
        /// The month (default: the month after the latest briefing)
        #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
        month: Option<crate::period::Month>,
    },
    /// A review meeting: meetings/<DATE>.yaml
    Meeting {
        /// Meeting date, YYYY-MM-DD
        date: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The Excel ledger (.xlsx) to read, or with --month the monthly report
    pub ledger: PathBuf,
    /// The content folder to write projects/ into
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// Sheet to read (default: the first sheet with a header; with --month, every sheet with a header)
    #[arg(long)]
    pub sheet: Option<String>,
    /// A YAML file mapping column headers to fields (default: the usual Chinese headers)
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Show what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Overwrite existing project files; with --month, replace a month or date the file
    /// already holds otherwise (a correction when that month was issued)
    #[arg(long)]
    pub force: bool,
    /// Read a monthly report (月报) for this month and merge its entries into the project files
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
    /// With --month: write the projects whose rows are fine even when other rows have problems
    #[arg(long, requires = "month")]
    pub partial: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The content folder
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// The month of the bulletin to export (default: the latest briefing's month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
    /// Output file (default: 招商引资简报-<YYYY-MM>.xlsx, .pdf or .docx, or 月报-<YYYY-MM>[-<unit>].xlsx)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// What to write: the tables as an Excel workbook, or the bulletin as PDF (printed by the
    /// system's Chromium or Chrome) or as a Word document
    #[arg(long, value_enum, default_value_t = ExportFormat::Xlsx)]
    pub format: ExportFormat,
    /// With --format pdf or docx: end the bulletin with the detailed lists as numbered 附件
    /// (default: as site.yaml `print: annexes` says)
    #[arg(long)]
    pub annexes: bool,
    /// Write a blank workbook to fill in instead: `monthly`, the monthly report (月报) a unit sends back
    #[arg(long, value_enum, value_name = "KIND")]
    pub template: Option<Template>,
    /// With --template: the unit (id or name) whose projects are listed (default: all projects)
    #[arg(long, requires = "template", value_name = "UNIT")]
    pub unit: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Monthly,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Xlsx,
    Pdf,
    Docx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Docx => "docx",
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// The content folder; its parent may hold `templates/` and `theme/` overrides
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// Where to write the site (replaced whole, only once the new site is complete; default:
    /// `public` beside the content folder)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Build as of the end of this month (default: the latest briefing's month)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<crate::period::Month>,
    /// Print every bulletin to bulletins/<YYYY-MM>.pdf too, with the system's Chromium or
    /// Chrome (site.yaml `print: pdf: true` does the same)
    #[arg(long)]
    pub pdf: bool,
}

impl BuildArgs {
    /// `--out`, or `public` beside the content folder: `--content site/content` builds
    /// `site/public`, never a `public/` in whatever folder the command was run from.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| beside(&self.content, "public"))
    }
}

/// `name` in the folder that holds `dir` (the current folder for a bare `content`).
pub fn beside(dir: &std::path::Path, name: &str) -> PathBuf {
    match dir.parent() {
        Some(parent) => parent.join(name),
        None => PathBuf::from(name),
    }
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

impl From<LangArg> for crate::diagnostics::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => crate::diagnostics::Lang::Zh,
            LangArg::En => crate::diagnostics::Lang::En,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

pub fn parse_month(s: &str) -> Result<crate::period::Month, String> {
    crate::period::Month::parse(s).ok_or_else(|| format!("`{s}` is not a month; write YYYY-MM, e.g. 2026-10"))
}

pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::period::parse_date(s).ok_or_else(|| format!("`{s}` is not a date; write YYYY-MM-DD, e.g. 2026-11-06"))
}
