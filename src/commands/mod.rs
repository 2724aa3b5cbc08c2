//! One module per subcommand, each with a `run` that returns the process exit code:
//! 0 success, 1 content problems, 2 bad usage or I/O failure (returned as `Err`).

pub mod check;
