//! Every request and response example in the spec files this repo ships
//! (v2024, beta and the per-resource password-management files, bundled)
//! decodes into its generated type and encodes back to the same JSON.
//!
//! The test collects the examples by walking the spec files and checks that
//! each one has an entry in the table below, so an example added to a spec
//! without a check here fails the test.

use sailpoint_isc::{beta, password_management as pm, v2024};
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

/// (media type location, generated type) for each version.
fn table(version: &str) -> Vec<(&'static str, Check)> {
    match version {
        "v2024" => vec![
            (
                "/paths/~1generate-password-reset-token~1digit/post/requestBody",
                round_trip::<v2024::PasswordDigitTokenReset>,
            ),
            (
                "/paths/~1generate-password-reset-token~1digit/post/responses/200",
                round_trip::<v2024::PasswordDigitToken>,
            ),
            (
                "/paths/~1query-password-info/post/requestBody",
                round_trip::<v2024::PasswordInfoQueryDto>,
            ),
            (
                "/paths/~1query-password-info/post/responses/200",
                round_trip::<v2024::PasswordInfo>,
            ),
            (
                "/paths/~1set-password/post/requestBody",
                round_trip::<v2024::PasswordChangeRequest>,
            ),
            (
                "/paths/~1set-password/post/responses/202",
                round_trip::<v2024::PasswordChangeResponse>,
            ),
            (
                "/paths/~1password-change-status~1{id}/get/responses/200",
                round_trip::<v2024::PasswordStatus>,
            ),
            (
                "/components/responses/401",
                round_trip::<v2024::UnauthorizedError>,
            ),
            (
                "/components/responses/403",
                round_trip::<v2024::ErrorResponseDto>,
            ),
            (
                "/components/responses/404",
                round_trip::<v2024::ErrorResponseDto>,
            ),
            (
                "/components/responses/429",
                round_trip::<v2024::TooManyRequestsError>,
            ),
            (
                "/components/responses/500",
                round_trip::<v2024::ErrorResponseDto>,
            ),
        ],
        "password-management" => resource_table(),
        _ => vec![
            (
                "/paths/~1generate-password-reset-token~1digit/post/requestBody",
                round_trip::<beta::PasswordDigitTokenResetBeta>,
            ),
            (
                "/paths/~1generate-password-reset-token~1digit/post/responses/200",
                round_trip::<beta::PasswordDigitTokenBeta>,
            ),
            (
                "/paths/~1query-password-info/post/requestBody",
                round_trip::<beta::PasswordInfoQueryDtoBeta>,
            ),
            (
                "/paths/~1query-password-info/post/responses/200",
                round_trip::<beta::PasswordInfoBeta>,
            ),
            (
                "/paths/~1set-password/post/requestBody",
                round_trip::<beta::PasswordChangeRequestBeta>,
            ),
            (
                "/paths/~1set-password/post/responses/202",
                round_trip::<beta::PasswordChangeResponseBeta>,
            ),
            (
                "/paths/~1password-change-status~1{id}/get/responses/200",
                round_trip::<beta::PasswordStatusBeta>,
            ),
            (
                "/components/responses/401",
                round_trip::<beta::UnauthorizedErrorBeta>,
            ),
            (
                "/components/responses/403",
                round_trip::<beta::ErrorResponseDtoBeta>,
            ),
            (
                "/components/responses/404",
                round_trip::<beta::ErrorResponseDtoBeta>,
            ),
            (
                "/components/responses/429",
                round_trip::<beta::TooManyRequestsErrorBeta>,
            ),
            (
                "/components/responses/500",
                round_trip::<beta::ErrorResponseDtoBeta>,
            ),
        ],
    }
}

/// The per-resource file's examples: in its path files (inlined under
/// `paths` by the bundle) and in the shared response files.
fn resource_table() -> Vec<(&'static str, Check)> {
    vec![
        (
            "/paths/~1generate-password-reset-token~1v1~1digit/post/requestBody",
            round_trip::<pm::PasswordDigitTokenReset>,
        ),
        (
            "/paths/~1generate-password-reset-token~1v1~1digit/post/responses/200",
            round_trip::<pm::PasswordDigitToken>,
        ),
        (
            "/paths/~1query-password-info~1v1/post/requestBody",
            round_trip::<pm::PasswordInfoQueryDto>,
        ),
        (
            "/paths/~1query-password-info~1v1/post/responses/200",
            round_trip::<pm::PasswordInfo>,
        ),
        (
            "/paths/~1set-password~1v1/post/requestBody",
            round_trip::<pm::PasswordChangeRequest>,
        ),
        (
            "/paths/~1set-password~1v1/post/responses/202",
            round_trip::<pm::PasswordChangeResponse>,
        ),
        (
            "/paths/~1password-change-status~1v1~1{id}/get/responses/200",
            round_trip::<pm::PasswordStatus>,
        ),
        (
            "/x-sailpoint-isc-files/..~1shared~1responses~1401.yaml",
            round_trip::<pm::UnauthorizedError>,
        ),
        (
            "/x-sailpoint-isc-files/..~1shared~1responses~1403.yaml",
            round_trip::<pm::ErrorResponseDto>,
        ),
        (
            "/x-sailpoint-isc-files/..~1shared~1responses~1404.yaml",
            round_trip::<pm::ErrorResponseDto>,
        ),
        (
            "/x-sailpoint-isc-files/..~1shared~1responses~1429.yaml",
            round_trip::<pm::TooManyRequestsError>,
        ),
        (
            "/x-sailpoint-isc-files/..~1shared~1responses~1500.yaml",
            round_trip::<pm::ErrorResponseDto>,
        ),
    ]
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

fn check_version(version: &str) -> usize {
    let path = workspace_root().join(format!("spec/{version}/password-management.yaml"));
    let text = std::fs::read_to_string(&path).expect("spec file");
    let spec: Value = serde_yaml::from_str(&text).expect("spec parses");
    check(version, &spec)
}

fn check(version: &str, spec: &Value) -> usize {
    let table = table(version);
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
    for (at, _) in &table {
        if !found.iter().any(|(f, _, _)| f == at) {
            failures.push(format!(
                "{version} {at}: listed in the table but the spec has no example there"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    found.len()
}

#[test]
fn every_example_in_the_v2024_spec_round_trips() {
    let n = check_version("v2024");
    assert!(n >= 12, "only {n} examples found");
}

#[test]
fn every_example_in_the_beta_spec_round_trips() {
    let n = check_version("beta");
    assert!(n >= 12, "only {n} examples found");
}

#[test]
fn every_example_in_the_per_resource_spec_round_trips() {
    let path = workspace_root().join("spec/password-management/openapi.yaml");
    let spec = load_bundled(&path).expect("the per-resource spec bundles");
    let n = check("password-management", &spec);
    assert!(n >= 12, "only {n} examples found");
}
