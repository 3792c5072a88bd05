//! The flow's three calls for each API line: thin mappings between the
//! generated types of `v2024`, `beta` and the per-resource
//! `password_management` and the flow's own. The three differ only in names
//! (of types, methods and paths), so one macro writes all of them.

use super::PasswordChangeError;
use super::{
    run, Account, Backend, Info, PasswordChange, PasswordChangeOutcome, SetRequest, Status,
};
use crate::error::Result;
use crate::{beta, password_management, v2024};

macro_rules! backend {
    (
        $api:ty,
        query: $query_fn:ident($query:ty),
        request: $request:ty,
        set: $set:ident,
        status: $status:ident,
        doc: $doc:literal
    ) => {
        impl Backend for $api {
            async fn query(&self, user_name: &str, source_name: &str) -> Result<Info> {
                type Query = $query;
                let i = self
                    .$query_fn(&Query {
                        user_name: Some(user_name.to_owned()),
                        source_name: Some(source_name.to_owned()),
                        ..Default::default()
                    })
                    .await?;
                Ok(Info {
                    identity_id: i.identity_id,
                    source_id: i.source_id,
                    public_key_id: i.public_key_id,
                    public_key: i.public_key,
                    accounts: i
                        .accounts
                        .unwrap_or_default()
                        .into_iter()
                        .map(|a| Account {
                            id: a.account_id,
                            name: a.account_name,
                        })
                        .collect(),
                    policies: i.policies.unwrap_or_default(),
                })
            }

            async fn set(&self, r: SetRequest) -> Result<(Option<String>, Option<String>)> {
                type Request = $request;
                let out = self
                    .$set(&Request {
                        identity_id: Some(r.identity_id),
                        encrypted_password: Some(r.encrypted_password),
                        public_key_id: Some(r.public_key_id),
                        account_id: r.account_id,
                        source_id: Some(r.source_id),
                        ..Default::default()
                    })
                    .await?;
                Ok((out.request_id, out.state.map(|s| s.as_str().to_owned())))
            }

            async fn status(&self, request_id: &str) -> Result<Status> {
                let s = self.$status(request_id).await?;
                Ok(Status {
                    state: s.state.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                    errors: s.errors.unwrap_or_default(),
                    source_ids: s.source_ids.unwrap_or_default(),
                })
            }
        }

        impl $api {
            #[doc = $doc]
            ///
            /// Queries password info, picks the account, encrypts, sets the
            /// password once and polls until the change is `FINISHED` (see
            /// [`crate::flow`]). `FAILED` is
            /// [`PasswordChangeError::Failed`] with the server's errors; a
            /// failed call is [`PasswordChangeError::Call`].
            pub async fn change_password(
                &self,
                change: &PasswordChange,
            ) -> Result<PasswordChangeOutcome, PasswordChangeError> {
                run(self, change).await
            }
        }
    };
}

backend!(
    v2024::Api,
    query: query_password_info(v2024::PasswordInfoQueryDto),
    request: v2024::PasswordChangeRequest,
    set: set_password,
    status: get_password_change_status,
    doc: "Changes a password in one call with the `v2024` operations."
);

backend!(
    beta::ApiBeta,
    query: query_password_info(beta::PasswordInfoQueryDtoBeta),
    request: beta::PasswordChangeRequestBeta,
    set: set_identity_password,
    status: get_identity_password_change_status,
    doc: "Changes a password in one call with the `beta` operations."
);

backend!(
    password_management::Api,
    query: query_password_info_v1(password_management::PasswordInfoQueryDto),
    request: password_management::PasswordChangeRequest,
    set: set_password_v1,
    status: get_password_change_status_v1,
    doc: "Changes a password in one call with the per-resource operations \
          (`/query-password-info/v1`, `/set-password/v1`, \
          `/password-change-status/v1/{id}`)."
);
