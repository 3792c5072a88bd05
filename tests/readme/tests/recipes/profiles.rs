//! "Read and update one object": the guarded patch is sent, and a refused
//! patch whose guard no longer holds is `Ok(None)`.

use super::{decode, start};
use my_app::isc::ops::{GetAccessProfile, PatchAccessProfile};
use my_app::isc::{AccessProfile, ErrorResponseDto};
use my_app::profiles::set_description;

fn profile(modified: &str, description: &str) -> AccessProfile {
    decode(&format!(
        r#"{{"id": "ap-1", "name": "Finance", "description": "{description}",
            "modified": "{modified}", "owner": {{"type": "IDENTITY", "id": "id-1"}},
            "source": {{"type": "SOURCE", "id": "src-1"}}}}"#
    ))
}

#[tokio::test]
async fn the_patch_tests_modified_then_replaces_the_description() {
    let (server, api) = start().await;
    server
        .rule::<GetAccessProfile>()
        .path("id", "ap-1")
        .then_output(profile("2026-12-01T00:00:00Z", "old"))
        .mount()
        .unwrap();
    let patched = server
        .rule::<PatchAccessProfile>()
        .path("id", "ap-1")
        .then_output(profile("2026-12-07T00:00:00Z", "new"))
        .expect(1)
        .mount()
        .unwrap();

    let saved = set_description(&api, "ap-1", "new").await.unwrap();
    assert_eq!(
        saved.and_then(|p| p.description).flatten().as_deref(),
        Some("new")
    );
    let sent = String::from_utf8_lossy(patched.requests()[0].raw_body()).into_owned();
    let test = sent.find(r#""op":"test","path":"/modified""#);
    let replace = sent.find(r#""op":"replace","path":"/description","value":"new""#);
    assert!(
        test.is_some() && replace.is_some() && test < replace,
        "{sent}"
    );
    server.verify();
}

#[tokio::test]
async fn a_refused_patch_after_someone_elses_change_is_none() {
    let (server, api) = start().await;
    server
        .rule::<GetAccessProfile>()
        .path("id", "ap-1")
        .then_output(profile("2026-12-01T00:00:00Z", "old"))
        .then_output(profile("2026-12-02T00:00:00Z", "changed meanwhile"))
        .expect(2)
        .mount()
        .unwrap();
    let refused: ErrorResponseDto = decode(r#"{"detailCode": "400.1 Bad Request Content"}"#);
    server
        .rule::<PatchAccessProfile>()
        .then_error(400, &refused)
        .expect(1)
        .mount()
        .unwrap();

    assert_eq!(set_description(&api, "ap-1", "new").await.unwrap(), None);
    server.verify();
}
