//! `sailpoint-isc-codegen`: the code `include_api!` expands to, formatted,
//! on stdout, in a file or as a crate of its own. A front end over
//! [`sailpoint_isc_codegen::build::Builder`], as `build.rs` helpers are;
//! `--help` lists the options.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod args;
mod krate;

use args::{Command, Generate, Target};
use sailpoint_isc_codegen::build::Builder;
use std::io::Write as _;
use std::process::ExitCode;

const NAME: &str = "sailpoint-isc-codegen";

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("{NAME} {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Generate(g)) => run(&g),
        Err(message) => {
            eprintln!("{NAME}: {message}\nRun `{NAME} --help` for the options.");
            ExitCode::from(2)
        }
    }
}

/// The builder the options describe: the same options, under the same
/// names, as `include_api!` and a build script give it.
fn builder(g: &Generate) -> Builder {
    let mut b = match (&g.spec, &g.resources) {
        (Some(spec), _) => Builder::new(spec),
        (None, resources) => Builder::resources(resources.iter().flatten().cloned()),
    };
    if let Some(dir) = &g.dir {
        b = b.dir(dir);
    }
    if let Some(s) = &g.suffix {
        b = b.suffix(s.clone());
    }
    if let Some(p) = &g.crate_path {
        b = b.crate_path(p.clone());
    }
    b.operations(g.operations.iter().cloned())
        .tags(g.tags.iter().cloned())
}

fn run(g: &Generate) -> ExitCode {
    let generated = match builder(g).generate() {
        Ok(generated) => generated,
        Err(e) => {
            // One problem a line, each `file:line:col: message`.
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let written = match &g.target {
        Target::Stdout => std::io::stdout()
            .lock()
            .write_all(generated.code().as_bytes())
            .map_err(|e| format!("stdout: {e}")),
        Target::File(path) => generated.write(path).map(|_| ()).map_err(|e| e.to_string()),
        Target::Crate { dir, name } => krate::write(dir, name.as_deref(), &generated),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{NAME}: {message}");
            ExitCode::FAILURE
        }
    }
}
