//! `bulletin serve`: preview with live reload (see [`crate::serve`]).

use std::process::ExitCode;

use crate::cli::ServeArgs;
use crate::serve::{self, ServeOptions};

pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    if !args.content.is_dir() {
        anyhow::bail!("cannot read the content folder {}: not a folder", args.content.display());
    }
    serve::run(ServeOptions { content: args.content.clone(), port: args.port, month: args.month })?;
    Ok(ExitCode::SUCCESS)
}
