//! `bulletin`: parse the arguments, run the command, turn its outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

use bulletin::cli::{Cli, Command};
use bulletin::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    bulletin::excel::import::quiet_reader_panics();
    let outcome = match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Figures(args) => commands::figures::run(&args),
        Command::Build(args) => commands::build::run(&args),
        Command::Serve(args) => commands::serve::run(&args),
        Command::Init(args) => commands::init::run(&args),
        Command::New(args) => commands::new::run(&args),
        Command::Import(args) => commands::import::run(&args),
        Command::Export(args) => commands::export::run(&args),
        Command::Hooks(args) => commands::hooks::run(&args),
        Command::Issue(args) => commands::issue::run(&args),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            // Errors may quote file and sheet names: never pass a control character through.
            eprintln!("bulletin: {}", bulletin::diagnostics::render::printable(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
