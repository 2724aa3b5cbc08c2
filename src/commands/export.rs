//! `bulletin export` (not written yet).

use std::process::ExitCode;

pub fn run(_args: &crate::cli::ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bulletin export` is not available yet")
}
