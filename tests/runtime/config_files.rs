//! `ClientBuilder::from_config_sources`: the SDKs' order (variables, then
//! `./config.json`, then the sail CLI's `~/.sailpoint/config.yaml`) with a
//! temporary home and working directory, each file form and each error.

use sailpoint_isc::{ClientBuilder, ConfigSources, Error};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::Path;
use tempfile::TempDir;

const SECRET: &str = "Very-Secret-Value-42";

/// A temporary working directory and home, and variables.
struct Setup {
    cwd: TempDir,
    home: TempDir,
    vars: HashMap<&'static str, &'static str>,
}

impl Setup {
    fn new(vars: &[(&'static str, &'static str)]) -> Setup {
        Setup {
            cwd: TempDir::new().unwrap(),
            home: TempDir::new().unwrap(),
            vars: vars.iter().copied().collect(),
        }
    }

    fn config_json(self, text: &str) -> Setup {
        std::fs::write(self.cwd.path().join("config.json"), text).unwrap();
        self
    }

    fn config_yaml(self, text: &str) -> Setup {
        let dir = self.home.path().join(".sailpoint");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.yaml"), text).unwrap();
        self
    }

    fn sources(&self) -> ConfigSources {
        let vars = self.vars.clone();
        ConfigSources::from_process()
            .with_env(move |name| vars.get(name).map(OsString::from))
            .with_working_dir(self.cwd.path())
            .with_home(self.home.path())
    }

    /// The base URL of the client built, or the error's text.
    fn base_url(&self) -> Result<String, String> {
        ClientBuilder::from_config_sources(&self.sources())
            .and_then(ClientBuilder::build)
            .map(|c| c.base_url().to_owned())
            .map_err(|e| {
                let text = e.to_string();
                assert!(!text.contains(SECRET), "{text}");
                assert!(matches!(e, Error::Config(_)), "{e:?}");
                text
            })
    }
}

const ENV_ALL: [(&str, &str); 3] = [
    ("SAIL_BASE_URL", "https://env.api.identitynow.com"),
    ("SAIL_CLIENT_ID", "env-id"),
    ("SAIL_CLIENT_SECRET", SECRET),
];
const ENV_CREDENTIALS: [(&str, &str); 2] =
    [("SAIL_CLIENT_ID", "env-id"), ("SAIL_CLIENT_SECRET", SECRET)];
const JSON: &str = r#"{
  "BaseURL": "https://json.api.identitynow.com",
  "ClientId": "json-id",
  "ClientSecret": "Very-Secret-Value-42"
}"#;
const YAML: &str = "\
activeenvironment: prod
authtype: pat
environments:
  sandbox:
    baseurl: https://sandbox.api.identitynow.com
  prod:
    baseurl: https://prod.api.identitynow.com
    tenanturl: https://prod.identitynow.com
";

#[test]
fn the_variables_come_first() {
    let s = Setup::new(&ENV_ALL).config_json(JSON).config_yaml(YAML);
    assert_eq!(s.base_url().unwrap(), "https://env.api.identitynow.com");
}

#[test]
fn then_config_json_in_the_working_directory() {
    let s = Setup::new(&ENV_CREDENTIALS)
        .config_json(JSON)
        .config_yaml(YAML);
    assert_eq!(s.base_url().unwrap(), "https://json.api.identitynow.com");
}

#[test]
fn then_the_sail_cli_file_with_credentials_from_the_variables() {
    let s = Setup::new(&ENV_CREDENTIALS).config_yaml(YAML);
    assert_eq!(s.base_url().unwrap(), "https://prod.api.identitynow.com");
    // Without baseurl, the tenant URL gives the API URL.
    let s = Setup::new(&ENV_CREDENTIALS).config_yaml(
        "activeenvironment: acme\nenvironments:\n  acme:\n    tenanturl: https://acme.identitynow.com/\n",
    );
    assert_eq!(s.base_url().unwrap(), "https://acme.api.identitynow.com");
}

#[test]
fn nothing_complete_names_every_place_and_what_it_lacked() {
    let s = Setup::new(&[("SAIL_CLIENT_SECRET", SECRET)]);
    let err = s.base_url().unwrap_err();
    for part in [
        "(1) the environment: SAIL_BASE_URL is not set, SAIL_CLIENT_ID is not set",
        "(2) ",
        "config.json: not found",
        "(3) ",
        "config.yaml: not found",
    ] {
        assert!(err.contains(part), "{part:?} in {err}");
    }
    assert!(err.contains(&s.cwd.path().display().to_string()), "{err}");
    assert!(err.contains(&s.home.path().display().to_string()), "{err}");

    // Files that are there but incomplete say what they lack.
    let s = Setup::new(&[("SAIL_CLIENT_ID", "x")])
        .config_json(r#"{"BaseURL": "https://json.api.identitynow.com", "ClientId": " "}"#)
        .config_yaml("activeenvironment: gone\nenvironments:\n  prod:\n    baseurl: https://p.api.identitynow.com\n");
    let err = s.base_url().unwrap_err();
    for part in [
        "SAIL_BASE_URL is not set, SAIL_CLIENT_SECRET is not set",
        "ClientId is missing or empty, ClientSecret is missing or empty",
        "environments has no `gone` (the activeenvironment), SAIL_CLIENT_SECRET is not set (the sail CLI keeps it in the keyring)",
    ] {
        assert!(err.contains(part), "{part:?} in {err}");
    }
    let s = Setup::new(&ENV_CREDENTIALS).config_yaml("authtype: pat\n");
    assert!(s
        .base_url()
        .unwrap_err()
        .contains("activeenvironment is missing or empty"));
    let s = Setup::new(&ENV_CREDENTIALS)
        .config_yaml("activeenvironment: a\nenvironments:\n  a:\n    tenanturl: ''\n");
    assert!(s
        .base_url()
        .unwrap_err()
        .contains("has neither baseurl nor a tenanturl"));
}

#[test]
fn a_malformed_file_is_an_error_naming_the_file_and_line() {
    let file = |dir: &Path, name: &str| dir.join(name).display().to_string();
    let s = Setup::new(&ENV_CREDENTIALS).config_json("{\n  \"BaseURL\": \"https://x\",\n  oops\n}");
    let err = s.base_url().unwrap_err();
    assert!(err.contains(&file(s.cwd.path(), "config.json")), "{err}");
    assert!(err.contains("line 3"), "{err}");
    // A wrong type would make serde quote the value: it is described instead.
    let s = Setup::new(&[]).config_json(&format!(
        "{{\"BaseURL\": \"https://x\",\n\"ClientSecret\": [\"{SECRET}\"]}}"
    ));
    let err = s.base_url().unwrap_err();
    assert!(
        err.contains("line 2") && err.contains("must be strings"),
        "{err}"
    );
    // Even with a complete one further down the list.
    let s = Setup::new(&ENV_CREDENTIALS)
        .config_yaml("activeenvironment: prod\nenvironments:\n  prod: [unclosed\n");
    let err = s.base_url().unwrap_err();
    assert!(
        err.contains(&file(&s.home.path().join(".sailpoint"), "config.yaml")),
        "{err}"
    );
    assert!(err.contains("line "), "{err}");
    let s = Setup::new(&ENV_CREDENTIALS).config_yaml(&format!(
        "activeenvironment: prod\nenvironments:\n  prod:\n    baseurl: [\"{SECRET}\"]\n"
    ));
    let err = s.base_url().unwrap_err();
    assert!(
        err.contains("line 4") && err.contains("must be strings"),
        "{err}"
    );
}

#[test]
fn a_bad_url_names_the_setting_it_came_from() {
    let s = Setup::new(&ENV_CREDENTIALS).config_json(
        r#"{"BaseURL": "http://json.example.com", "ClientId": "i", "ClientSecret": "Very-Secret-Value-42"}"#,
    );
    assert!(s.base_url().unwrap_err().contains("BaseURL (config.json)"));
}

#[test]
fn sources_and_builders_do_not_print_secrets() {
    let s = Setup::new(&ENV_ALL);
    let debug = format!("{:?}", s.sources());
    assert!(!debug.contains(SECRET) && debug.contains("home"), "{debug}");
    let builder = ClientBuilder::from_config_sources(&s.sources()).unwrap();
    let debug = format!("{builder:?}");
    assert!(!debug.contains(SECRET), "{debug}");
}
