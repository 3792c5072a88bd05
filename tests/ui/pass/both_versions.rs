//! Both API versions side by side in one crate, as a user would write it.
//!
//! The glob imports do not clash because every beta type carries the `Beta`
//! suffix (`PasswordInfoQueryDto` vs `PasswordInfoQueryDtoBeta`, `Api` vs
//! `ApiBeta`). Only `BASE_PATH` exists in both; an ambiguous glob name is an
//! error only where it is used, so it is reached through its module path.

use sailpoint_isc::beta::*;
use sailpoint_isc::v2024::*;
use sailpoint_isc::{beta, v2024, Client, Error};

/// Calls all eight generated methods; compiled, never run (it would need a
/// tenant).
async fn call_everything(client: &Client) -> Result<(), Error> {
    // v2024: the client struct from the glob import, built explicitly.
    let v2024_api: Api = Api::new(client.clone());
    let info: PasswordInfo = v2024_api
        .query_password_info(&PasswordInfoQueryDto {
            user_name: Some("Abby.Smith".into()),
            source_name: Some("My-AD".into()),
            ..Default::default()
        })
        .await?;
    let _: Option<Vec<PasswordInfoAccount>> = info.accounts;
    let changed: PasswordChangeResponse = v2024_api
        .set_password(&PasswordChangeRequest {
            identity_id: Some("8a807d4c73c545510173c545f0a002ff".into()),
            encrypted_password: Some("XzN+YwKgr2C+InkMYFMBG3UtjMEw5ZIql".into()),
            public_key_id: Some("YWQ2NjQ4MTItZjY0NC00MWExLWFjMjktOGNmMzU3Y2VlNjk2".into()),
            account_id: Some("Abby.Smith".into()),
            source_id: Some("8a807d4c73c545510173c545d4b60246".into()),
            ..Default::default()
        })
        .await?;
    let status: PasswordStatus = v2024_api
        .get_password_change_status(changed.request_id.as_deref().unwrap_or_default())
        .await?;
    if let Some(PasswordStatusState::Other(unknown)) = status.state {
        println!("a state this spec does not list: {unknown}");
    }
    // The required experimental header is filled in by the method.
    let token: PasswordDigitToken = v2024_api
        .create_digit_token(&PasswordDigitTokenReset {
            user_id: "Abby.Smith".into(),
            length: Some(8),
            duration_minutes: None,
            extra: Default::default(),
        })
        .await?;
    let _: Option<String> = token.digit_token;

    // beta: through the client's accessor, with suffixed types.
    let beta_api: ApiBeta = client.beta();
    let info: PasswordInfoBeta = beta_api
        .query_password_info(&PasswordInfoQueryDtoBeta {
            user_name: Some("Abby.Smith".into()),
            source_name: None,
            ..Default::default()
        })
        .await?;
    let _: Option<String> = info.public_key;
    let changed: PasswordChangeResponseBeta = beta_api
        .set_identity_password(&PasswordChangeRequestBeta {
            identity_id: Some("8a807d4c73c545510173c545f0a002ff".into()),
            ..Default::default()
        })
        .await?;
    let id = changed.request_id.unwrap_or_default();
    let status: PasswordStatusBeta = beta_api.get_identity_password_change_status(&id).await?;
    let _: Option<PasswordStatusStateBeta> = status.state;
    let token: PasswordDigitTokenBeta = beta_api
        .create_digit_token(&PasswordDigitTokenResetBeta {
            user_id: "Abby.Smith".into(),
            length: None,
            duration_minutes: Some(5),
            extra: Default::default(),
        })
        .await?;
    let _: Option<String> = token.request_id;
    Ok(())
}

/// Error handling as documented: each status's body has its own type.
async fn handle_errors(client: &Client) {
    let query = v2024::PasswordInfoQueryDto::default();
    match client.v2024().query_password_info(&query).await {
        Ok(info) => println!("{:?}", info.identity_id),
        Err(Error::Api(e)) => {
            if let Some(body) = e.body::<v2024::ErrorResponseDto>() {
                println!(
                    "{} {:?} {:?}",
                    e.status(),
                    body.detail_code,
                    body.tracking_id
                );
            } else if let Some(body) = e.body::<v2024::UnauthorizedError>() {
                println!("401: {:?}", body.error);
            } else if let Some(body) = e.body::<TooManyRequestsError>() {
                println!("429: {:?}, retry after {:?}", body.message, e.retry_after());
            }
        }
        Err(other) => println!("{other}"),
    }
    if let Err(Error::Api(e)) = client
        .beta()
        .get_identity_password_change_status("089899f13a8f4da7824996191587bab9")
        .await
    {
        let _: Option<&beta::ErrorResponseDtoBeta> = e.body();
    }
}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    // The versions' paths, named through their modules (see the note above).
    assert_eq!(v2024::BASE_PATH, "/v2024");
    assert_eq!(beta::BASE_PATH, "/beta");

    let client = Client::builder()
        .base_url("https://acme.api.identitynow.com")
        .bearer_token("a token obtained elsewhere")
        .build()
        .expect("a valid configuration");
    // Futures are lazy: building them sends nothing. They are `Send`, so they
    // can be handed to `tokio::spawn`.
    let calls = call_everything(&client);
    assert_send(&calls);
    drop(calls);
    let errors = handle_errors(&client);
    assert_send(&errors);
    drop(errors);
}
