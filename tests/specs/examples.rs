//! Every request and response example in the spec files this repo ships
//! (v2024, beta and the per-resource password-management files, bundled)
//! decodes into its generated type and encodes back to the same JSON; one
//! test per API line (`sailpoint_isc_tests::for_each_line!`).
//!
//! The test collects the examples by walking the spec files and checks that
//! each one has an entry in the table below, so an example added to a spec
//! without a check here fails the test.

use sailpoint_isc_tests::spec_diff::load_bundled;
use sailpoint_isc_tests::workspace_root;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

type Check = fn(&Value) -> Result<Value, String>;

fn round_trip<T: DeserializeOwned + Serialize>(example: &Value) -> Result<Value, String> {
    let typed: T = serde_json::from_value(example.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&typed).map_err(|e| e.to_string())
}

/// Every `example` and `examples.*.value` of every JSON media type, by the
/// pointer of the request body or response that holds it (responses of a
/// bundled spec by the pointer of their file in the bundle).
fn examples(spec: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    let mut holders: Vec<(String, &Value)> = Vec::new();
    if let Some(paths) = spec["paths"].as_object() {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for (verb, op) in item {
                let base = format!(
                    "/paths/{}/{verb}",
                    path.replace('~', "~0").replace('/', "~1")
                );
                holders.push((format!("{base}/requestBody"), &op["requestBody"]));
                if let Some(rs) = op["responses"].as_object() {
                    for (code, r) in rs {
                        holders.push((format!("{base}/responses/{code}"), r));
                    }
                }
            }
        }
    }
    if let Some(rs) = spec["components"]["responses"].as_object() {
        for (name, r) in rs {
            holders.push((format!("/components/responses/{name}"), r));
        }
    }
    if let Some(files) = spec["x-sailpoint-isc-files"].as_object() {
        for (key, file) in files.iter().filter(|(k, _)| k.contains("/responses/")) {
            let key = key.replace('~', "~0").replace('/', "~1");
            holders.push((format!("/x-sailpoint-isc-files/{key}"), file));
        }
    }
    for (at, holder) in holders {
        let Some(json) = holder["content"].get("application/json") else {
            continue;
        };
        if let Some(ex) = json.get("example") {
            out.push((at.clone(), "example".to_owned(), ex.clone()));
        }
        if let Some(exs) = json.get("examples").and_then(Value::as_object) {
            for (name, ex) in exs {
                out.push((at.clone(), format!("examples/{name}"), ex["value"].clone()));
            }
        }
    }
    out
}

fn check(version: &str, table: &[(String, Check)], spec: &Value) -> usize {
    let found = examples(spec);
    let mut failures = Vec::new();
    for (at, name, example) in &found {
        match table.iter().find(|(k, _)| k == at) {
            None => failures.push(format!(
                "{version} {at} {name}: no generated type listed for this example"
            )),
            Some((_, check)) => match check(example) {
                Ok(back) if &back == example => {}
                Ok(back) => failures.push(format!(
                    "{version} {at} {name}: re-encoded as {back} instead of {example}"
                )),
                Err(e) => failures.push(format!("{version} {at} {name}: does not decode: {e}")),
            },
        }
    }
    for (at, _) in table {
        if !found.iter().any(|(f, _, _)| f == at) {
            failures.push(format!(
                "{version} {at}: listed in the table but the spec has no example there"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    found.len()
}

/// A JSON pointer's escaping of one key.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

sailpoint_isc_tests::for_each_line! {
    /// (media type location, generated type) of every example of this
    /// line's spec: in its operations, and in its error responses (shared
    /// response files of a bundled spec, by the pointer of their file).
    fn table() -> Vec<(String, Check)> {
        let op = |path: &str, at: &str| format!("/paths/{}/{at}", escape(path));
        let response = |status: u16| {
            if line::BUNDLED {
                format!("/x-sailpoint-isc-files/..~1shared~1responses~1{status}.yaml")
            } else {
                format!("/components/responses/{status}")
            }
        };
        vec![
            (
                op(line::DIGIT_TOKEN_PATH, "post/requestBody"),
                round_trip::<line::DigitReset>,
            ),
            (
                op(line::DIGIT_TOKEN_PATH, "post/responses/200"),
                round_trip::<line::DigitToken>,
            ),
            (op(line::QUERY_PATH, "post/requestBody"), round_trip::<line::InfoQuery>),
            (op(line::QUERY_PATH, "post/responses/200"), round_trip::<line::Info>),
            (op(line::SET_PATH, "post/requestBody"), round_trip::<line::ChangeRequest>),
            (op(line::SET_PATH, "post/responses/202"), round_trip::<line::ChangeResponse>),
            (op(line::STATUS_PATH, "get/responses/200"), round_trip::<line::Status>),
            (response(401), round_trip::<line::UnauthorizedErr>),
            (response(403), round_trip::<line::ErrorDto>),
            (response(404), round_trip::<line::ErrorDto>),
            (response(429), round_trip::<line::TooManyErr>),
            (response(500), round_trip::<line::ErrorDto>),
        ]
    }

    #[test]
    fn every_example_in_the_spec_round_trips() {
        let path = workspace_root().join(line::SPEC);
        let spec: Value = if line::BUNDLED {
            load_bundled(&path).expect("the per-resource spec bundles")
        } else {
            let text = std::fs::read_to_string(&path).expect("spec file");
            serde_yaml::from_str(&text).expect("spec parses")
        };
        let n = check(line::NAME, &table(), &spec);
        assert!(n >= 12, "only {n} examples found");
    }
}
