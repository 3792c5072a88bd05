//! The command line, parsed by hand: a handful of options do not need an
//! argument-parsing crate in the generator's build.

use std::ffi::OsString;
use std::path::PathBuf;

/// `--help`'s text. The CLI test checks it lists every option.
pub const USAGE: &str = "\
sailpoint-isc-codegen: writes the code include_api! expands to, formatted.

Usage:
  sailpoint-isc-codegen SPEC [OPTIONS]
  sailpoint-isc-codegen [--dir DIR] --resources A,B [OPTIONS]

The spec and the filters, as include_api!'s options:
  SPEC                 the spec file (.json as JSON, else YAML); relative to
                       the current directory
  --suffix S           appended to every type name (suffix = \"S\")
  --operations A,B     keep only these operationIds (operations = [...])
  --tags A,B           keep only operations with these tags (tags = [...]);
                       with --operations, an operation named by either is kept
  --crate-path PATH    the runtime's path in the code, if sailpoint-isc is
                       renamed (crate = \"PATH\"); default ::sailpoint_isc
  --resources A,B      several per-resource specs, one module each and
                       `shared` (resources = [...]); each a spec file or a
                       directory holding openapi.yaml
  --dir DIR            where the --resources entries are (dir = \"DIR\")
Lists are comma-separated; giving a list option again adds to it.

Where the code goes (default: stdout):
  -o, --output FILE    write FILE (left untouched if it already holds the code)
  --crate DIR          write a crate: DIR/src/lib.rs with the code, and
                       DIR/Cargo.toml depending on sailpoint-isc at this
                       generator's exact version (kept if it exists)
  --name NAME          the package name for --crate (default: DIR's name)

  -h, --help           print this and exit
  -V, --version        print the version and exit

Spec problems print as file:line:col: message; the exit status is 1 then,
and 2 for a malformed command line.
";

/// Where the code goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
    Crate { dir: PathBuf, name: Option<String> },
}

/// A parsed command line that generates.
#[derive(Debug)]
pub struct Generate {
    pub spec: Option<PathBuf>,
    pub dir: Option<PathBuf>,
    pub resources: Option<Vec<String>>,
    pub suffix: Option<String>,
    pub operations: Vec<String>,
    pub tags: Vec<String>,
    pub crate_path: Option<String>,
    pub target: Target,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Generate(Box<Generate>),
}

/// Parses the arguments after the program name; `Err` is the message for
/// a malformed command line.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let mut g = Generate {
        spec: None,
        dir: None,
        resources: None,
        suffix: None,
        operations: Vec::new(),
        tags: Vec::new(),
        crate_path: None,
        target: Target::Stdout,
    };
    let (mut output, mut krate, mut name) = (None, None, None);
    let mut only_positional = false;
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {a:?} is not UTF-8"))?;
        if only_positional || !arg.starts_with('-') || arg == "-" {
            if g.spec.is_some() {
                return Err(format!(
                    "unexpected argument `{arg}`: give one SPEC (or --resources for several)"
                ));
            }
            g.spec = Some(PathBuf::from(arg));
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            _ => {}
        }
        let mut value = || -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| format!("`{flag}` needs a value")),
            }
        };
        match flag.as_str() {
            "--suffix" => once(&mut g.suffix, value()?, &flag)?,
            "--operations" => g.operations.extend(split(&value()?, &flag)?),
            "--tags" => g.tags.extend(split(&value()?, &flag)?),
            "--crate-path" => once(&mut g.crate_path, value()?, &flag)?,
            "--resources" => g
                .resources
                .get_or_insert_with(Vec::new)
                .extend(split(&value()?, &flag)?),
            "--dir" => once(&mut g.dir, PathBuf::from(value()?), &flag)?,
            "-o" | "--output" => once(&mut output, PathBuf::from(value()?), "--output")?,
            "--crate" => once(&mut krate, PathBuf::from(value()?), &flag)?,
            "--name" => once(&mut name, value()?, &flag)?,
            _ => return Err(format!("unknown option `{flag}`")),
        }
    }
    match (&g.spec, &g.resources) {
        (None, None) => return Err("expected a SPEC file, or --resources".into()),
        (Some(_), Some(_)) => return Err("give either a SPEC file or --resources, not both".into()),
        (Some(_), None) if g.dir.is_some() => {
            return Err(
                "--dir is for --resources: the SPEC path is relative to the current directory"
                    .into(),
            )
        }
        _ => {}
    }
    g.target = match (output, krate) {
        (Some(_), Some(_)) => return Err("give either --output or --crate, not both".into()),
        (Some(file), None) => Target::File(file),
        (None, Some(dir)) => Target::Crate { dir, name },
        (None, None) if name.is_some() => return Err("--name is for --crate".into()),
        (None, None) => Target::Stdout,
    };
    Ok(Command::Generate(Box::new(g)))
}

/// Sets an option that may be given once.
fn once<T>(slot: &mut Option<T>, value: T, flag: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err(format!("`{flag}` is given twice"));
    }
    *slot = Some(value);
    Ok(())
}

/// A comma-separated list, without empty entries.
fn split(value: &str, flag: &str) -> Result<Vec<String>, String> {
    let items: Vec<String> = value.split(',').map(|s| s.trim().to_owned()).collect();
    if items.iter().any(String::is_empty) {
        return Err(format!(
            "`{flag} {value}` has an empty entry; lists are comma-separated: {flag} a,b"
        ));
    }
    Ok(items)
}
