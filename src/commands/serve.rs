//! `bulletin serve` (not written yet).

use std::process::ExitCode;

pub fn run(_args: &crate::cli::ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bulletin serve` is not available yet")
}
