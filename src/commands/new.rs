//! `bulletin new` (not written yet).

use std::process::ExitCode;

pub fn run(_args: &crate::cli::NewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bulletin new` is not available yet")
}
