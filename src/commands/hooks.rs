//! `bulletin hooks install`: a git pre-commit hook that runs `bulletin check` on the content
//! folder, so a commit with a content error is stopped on the clerk's machine, before CI.
//!
//! The hook goes where git looks for hooks (`git rev-parse --git-path hooks`, which follows
//! `core.hooksPath` and worktrees). It checks the working folder as `bulletin check` would;
//! `git commit --no-verify` skips it. A hook bulletin did not write is replaced only with
//! `--force`.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::Context;

use crate::cli::{HooksAction, HooksArgs};

/// The first lines of every hook this command writes, to recognise it later.
const MARK: &str = "# Installed by `bulletin hooks install`";

pub fn run(args: &HooksArgs) -> anyhow::Result<ExitCode> {
    let HooksAction::Install { content, force } = &args.action;
    install(content, *force)?;
    Ok(ExitCode::SUCCESS)
}

fn install(content: &Path, force: bool) -> anyhow::Result<()> {
    anyhow::ensure!(content.is_dir(), "the content folder {} does not exist", content.display());
    let git = |args: &[&str]| -> anyhow::Result<String> {
        let out = Command::new("git").arg("-C").arg(content).args(args).output().context("cannot run git")?;
        anyhow::ensure!(
            out.status.success(),
            "内容文件夹 {} 不在 git 仓库中，无法安装提交前检查 / not in a git repository: {}",
            content.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    // The content folder as seen from the top of the repository, where git runs hooks.
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    let prefix = prefix.trim_end_matches('/');
    // Relative to the folder git ran in (the content folder) unless absolute.
    let hooks = content.join(git(&["rev-parse", "--git-path", "hooks"])?);
    std::fs::create_dir_all(&hooks).with_context(|| format!("cannot create {}", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&hook)
        && !existing.contains(MARK)
        && !force
    {
        anyhow::bail!(
            "{} 已有别的提交前钩子，没有覆盖；要替换它请加 --force / a pre-commit hook bulletin did not write exists; use --force to replace it",
            hook.display()
        );
    }
    let exe = std::env::current_exe().context("cannot find the bulletin program")?;
    let script = format!(
        "#!/bin/sh\n{MARK}: checks the content before each commit.\n\
         # `git commit --no-verify` skips it. Re-run `bulletin hooks install` after moving bulletin.\n\
         BULLETIN={exe}\n\
         [ -x \"$BULLETIN\" ] || BULLETIN=bulletin\n\
         cd \"$(git rev-parse --show-toplevel)\" || exit 1\n\
         if ! \"$BULLETIN\" check --content {content}; then\n\
         \x20 echo \"提交已取消：内容有错误，请按上面的提示改正后再提交（bulletin check）。\" >&2\n\
         \x20 exit 1\n\
         fi\n",
        exe = shell_quote(&exe.display().to_string()),
        content = shell_quote(if prefix.is_empty() { "." } else { prefix }),
    );
    crate::write::file_atomically(&hook, script.as_bytes()).with_context(|| format!("cannot write {}", hook.display()))?;
    make_executable(&hook)?;
    println!("已安装提交前检查：{}", hook.display());
    println!("每次 git commit 前会检查 {}；有错误时提交会被取消。", if prefix.is_empty() { "." } else { prefix });
    Ok(())
}

/// `text` in single quotes for sh.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(unix)]
fn make_executable(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .with_context(|| format!("cannot make {} executable", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}
