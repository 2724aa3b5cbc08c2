//! `bulletin import` (not written yet).

use std::process::ExitCode;

pub fn run(_args: &crate::cli::ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bulletin import` is not available yet")
}
