//! Where the official SailPoint SDKs find a tenant and credentials, in
//! their order: the `SAIL_*` variables, then `./config.json`, then the
//! `sail` CLI's `~/.sailpoint/config.yaml`. The first place that has a
//! complete configuration is used; a file that is there but malformed is
//! an error, never skipped.

use super::{ENV_BASE_URL, ENV_CLIENT_ID, ENV_CLIENT_SECRET};
use crate::error::ConfigError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads one variable.
type EnvLookup = dyn Fn(&str) -> Option<OsString> + Send + Sync;

/// The places [`ClientBuilder::from_default_config`](crate::ClientBuilder::from_default_config)
/// reads: the environment, a working directory (for `config.json`) and a
/// home directory (for `.sailpoint/config.yaml`).
/// [`ConfigSources::from_process`] is this process's; the `with_*` methods
/// replace each, for tests or for a tool that keeps its files elsewhere.
///
/// ```
/// use sailpoint_isc::ConfigSources;
///
/// let sources = ConfigSources::from_process()
///     .with_home("/srv/isc-sync")
///     .with_env(|_| None);
/// # let _ = sources;
/// ```
#[derive(Clone)]
pub struct ConfigSources {
    env: Arc<EnvLookup>,
    working_dir: Option<PathBuf>,
    home: Option<PathBuf>,
}

impl fmt::Debug for ConfigSources {
    /// The directories only: the variables may hold the client secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigSources")
            .field("working_dir", &self.working_dir)
            .field("home", &self.home)
            .finish_non_exhaustive()
    }
}

impl ConfigSources {
    /// This process's environment, current directory and home directory
    /// (`HOME`, or `USERPROFILE` on Windows).
    pub fn from_process() -> Self {
        let home = std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        ConfigSources {
            env: Arc::new(|name| std::env::var_os(name)),
            working_dir: std::env::current_dir().ok(),
            home,
        }
    }

    /// Reads the variables through `lookup` instead of the environment.
    pub fn with_env(
        mut self,
        lookup: impl Fn(&str) -> Option<OsString> + Send + Sync + 'static,
    ) -> Self {
        self.env = Arc::new(lookup);
        self
    }

    /// Looks for `config.json` in `dir`.
    pub fn with_working_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.working_dir = Some(dir.into());
        self
    }

    /// Looks for `.sailpoint/config.yaml` in `dir`.
    pub fn with_home(mut self, dir: impl Into<PathBuf>) -> Self {
        self.home = Some(dir.into());
        self
    }
}

/// A complete configuration and where it came from.
pub(crate) struct Found {
    pub(crate) base_url: String,
    pub(crate) client_id: String,
    pub(crate) client_secret: String,
    /// How the settings are named in later errors (a malformed URL).
    pub(crate) names: super::Names,
}

/// What one place lacked, for the error that lists them all.
struct Looked {
    place: String,
    missing: Vec<String>,
}

/// Reads the first complete configuration, in the SDKs' order.
pub(crate) fn find(sources: &ConfigSources) -> Result<Found, ConfigError> {
    let mut looked = Vec::new();
    let var = |name: &str| -> Result<String, String> {
        let value = (sources.env)(name).ok_or_else(|| format!("{name} is not set"))?;
        let value = value
            .into_string()
            .map_err(|_| format!("{name} is not valid UTF-8"))?;
        if value.trim().is_empty() {
            return Err(format!("{name} is empty"));
        }
        Ok(value)
    };
    // The secret is taken as it is: only URLs and ids are trimmed.
    let id = var(ENV_CLIENT_ID).map(|v| v.trim().to_owned());
    let secret = var(ENV_CLIENT_SECRET);

    // 1. The variables.
    match (var(ENV_BASE_URL), &id, &secret) {
        (Ok(url), Ok(id), Ok(secret)) => {
            return Ok(Found {
                base_url: url.trim().to_owned(),
                client_id: id.clone(),
                client_secret: secret.clone(),
                names: super::ENV_NAMES,
            })
        }
        (url, id, secret) => looked.push(Looked {
            place: "the environment".to_owned(),
            missing: [url.err(), id.clone().err(), secret.clone().err()]
                .into_iter()
                .flatten()
                .collect(),
        }),
    }

    // 2. ./config.json, as the Go and Python SDKs read it.
    match &sources.working_dir {
        None => looked.push(Looked {
            place: "./config.json".to_owned(),
            missing: vec!["no working directory".to_owned()],
        }),
        Some(dir) => {
            let path = dir.join("config.json");
            match read(&path)? {
                None => looked.push(not_found(&path)),
                Some(text) => {
                    let file: JsonFile = serde_json::from_str(&text)
                        .map_err(|e| malformed(&path, e.line(), e.column(), &json_message(&e)))?;
                    let field = |v: Option<String>, name: &str| {
                        v.filter(|v| !v.trim().is_empty())
                            .ok_or_else(|| format!("{name} is missing or empty"))
                    };
                    match (
                        field(file.base_url, "BaseURL"),
                        field(file.client_id, "ClientId"),
                        field(file.client_secret, "ClientSecret"),
                    ) {
                        (Ok(url), Ok(id), Ok(secret)) => {
                            return Ok(Found {
                                base_url: url.trim().to_owned(),
                                client_id: id.trim().to_owned(),
                                client_secret: secret,
                                names: super::Names {
                                    base_url: "BaseURL (config.json)",
                                    client_id: "ClientId (config.json)",
                                    client_secret: "ClientSecret (config.json)",
                                },
                            })
                        }
                        (url, id, secret) => looked.push(Looked {
                            place: path.display().to_string(),
                            missing: [url.err(), id.err(), secret.err()]
                                .into_iter()
                                .flatten()
                                .collect(),
                        }),
                    }
                }
            }
        }
    }

    // 3. The sail CLI's file: the URL from the active environment, the
    // credentials from the variables (the CLI keeps them in the keyring).
    match &sources.home {
        None => looked.push(Looked {
            place: "~/.sailpoint/config.yaml".to_owned(),
            missing: vec!["no home directory (HOME is not set)".to_owned()],
        }),
        Some(home) => {
            let path = home.join(".sailpoint").join("config.yaml");
            match read(&path)? {
                None => looked.push(not_found(&path)),
                Some(text) => {
                    let url = cli_base_url(&path, &text)?;
                    match (url, &id, &secret) {
                        (Ok(url), Ok(id), Ok(secret)) => {
                            return Ok(Found {
                                base_url: url,
                                client_id: id.clone(),
                                client_secret: secret.clone(),
                                names: super::Names {
                                    base_url: "baseurl (~/.sailpoint/config.yaml)",
                                    client_id: ENV_CLIENT_ID,
                                    client_secret: ENV_CLIENT_SECRET,
                                },
                            })
                        }
                        (url, id, secret) => looked.push(Looked {
                            place: path.display().to_string(),
                            missing: [
                                url.err(),
                                id.clone()
                                    .err()
                                    .map(|m| format!("{m} (the sail CLI keeps it in the keyring)")),
                                secret
                                    .clone()
                                    .err()
                                    .map(|m| format!("{m} (the sail CLI keeps it in the keyring)")),
                            ]
                            .into_iter()
                            .flatten()
                            .collect(),
                        }),
                    }
                }
            }
        }
    }

    let places: Vec<String> = looked
        .iter()
        .enumerate()
        .map(|(i, l)| format!("({}) {}: {}", i + 1, l.place, l.missing.join(", ")))
        .collect();
    Err(ConfigError::new(
        "configuration",
        format!(
            "no complete configuration found; looked in order at {}",
            places.join("; ")
        ),
    ))
}

#[derive(Deserialize)]
struct JsonFile {
    #[serde(rename = "BaseURL")]
    base_url: Option<String>,
    #[serde(rename = "ClientId")]
    client_id: Option<String>,
    #[serde(rename = "ClientSecret")]
    client_secret: Option<String>,
}

#[derive(Deserialize)]
struct CliFile {
    activeenvironment: Option<String>,
    #[serde(default)]
    environments: BTreeMap<String, CliEnvironment>,
}

#[derive(Deserialize)]
struct CliEnvironment {
    baseurl: Option<String>,
    tenanturl: Option<String>,
}

/// The API URL of the CLI file's active environment: its `baseurl`, else
/// its `tenanturl` (`https://acme.identitynow.com`) made the API URL
/// (`https://acme.api.identitynow.com`). `Err(Ok(..))` is a malformed
/// file; the inner `Err` what is missing.
fn cli_base_url(path: &Path, text: &str) -> Result<Result<String, String>, ConfigError> {
    let file: CliFile = serde_yaml_ng::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        malformed(path, line, column, &yaml_message(&e))
    })?;
    let Some(name) = file.activeenvironment.filter(|n| !n.trim().is_empty()) else {
        return Ok(Err("activeenvironment is missing or empty".to_owned()));
    };
    let Some(env) = file.environments.get(&name) else {
        return Ok(Err(format!(
            "environments has no `{name}` (the activeenvironment)"
        )));
    };
    let nonempty = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    if let Some(url) = nonempty(&env.baseurl) {
        return Ok(Ok(url));
    }
    match nonempty(&env.tenanturl).and_then(|t| api_url_of_tenant(&t)) {
        Some(url) => Ok(Ok(url)),
        None => Ok(Err(format!(
            "environments.{name} has neither baseurl nor a tenanturl of the form https://<tenant>.identitynow.com"
        ))),
    }
}

/// `https://acme.identitynow.com` → `https://acme.api.identitynow.com`.
fn api_url_of_tenant(tenant_url: &str) -> Option<String> {
    let url = reqwest::Url::parse(tenant_url).ok()?;
    let host = url.host_str()?;
    let (tenant, domain) = host.split_once('.')?;
    if tenant.is_empty() || domain.starts_with("api.") {
        return Some(tenant_url.trim_end_matches('/').to_owned());
    }
    Some(format!("{}://{tenant}.api.{domain}", url.scheme()))
}

/// The file's text, `None` when there is no file.
fn read(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError::new(
            path.display().to_string(),
            format!("cannot be read: {e}"),
        )),
    }
}

fn not_found(path: &Path) -> Looked {
    Looked {
        place: path.display().to_string(),
        missing: vec!["not found".to_owned()],
    }
}

fn malformed(path: &Path, line: usize, column: usize, message: &str) -> ConfigError {
    ConfigError::new(
        path.display().to_string(),
        format!("is malformed at line {line}, column {column}: {message}"),
    )
}

/// The parser's message without a location of its own or any value: a
/// type error would otherwise quote the secret it found.
fn json_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => "not valid JSON".to_owned(),
        Category::Data => {
            "BaseURL, ClientId and ClientSecret must be strings in an object".to_owned()
        }
        Category::Io => "cannot be read".to_owned(),
    }
}

fn yaml_message(e: &serde_yaml_ng::Error) -> String {
    // A scanner error names the problem in YAML terms and quotes no
    // value; a type error may quote one, so it is described instead.
    let text = e.to_string();
    if text.contains("invalid type") || text.contains("expected") && !text.contains("while") {
        "activeenvironment and environments.<name>.baseurl/tenanturl must be strings in mappings"
            .to_owned()
    } else {
        text.split(" at line ")
            .next()
            .unwrap_or("not valid YAML")
            .to_owned()
    }
}
