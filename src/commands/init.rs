//! `bulletin init` (not written yet).

use std::process::ExitCode;

pub fn run(_args: &crate::cli::InitArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bulletin init` is not available yet")
}
