//! The three Password Management API lines the runtime ships (`v2024`,
//! `beta` and the per-resource `password_management`) under one set of
//! names, so that a test is written once and run on every line
//! ([`for_each_line!`](crate::for_each_line)).
//!
//! The lines differ only in names (of types, methods and paths) and in the
//! spec file they come from; the table at the end of this file is the one
//! place those differences are written down.

/// Writes `items` once per API line: each copy is in a module named after
/// the line (`v2024`, `beta`, `password_management`), sees the enclosing
/// module's items, and names its line's module of this file `line`.
///
/// ```text
/// sailpoint_isc_tests::for_each_line! {
///     #[tokio::test]
///     async fn query_sends_the_names() {
///         let api = line::api(&client);
///         line::query(&api, &line::InfoQuery::default()).await?;
///     }
/// }
/// ```
#[macro_export]
macro_rules! for_each_line {
    ($($item:item)*) => {
        mod v2024 {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::lines::v2024 as line;
            $($item)*
        }
        mod beta {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::lines::beta as line;
            $($item)*
        }
        mod password_management {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::lines::password_management as line;
            $($item)*
        }
    };
}

/// One row of the table: a module `$line` with the line's generated types
/// under common names, its four methods as functions, its paths and its
/// spec files.
macro_rules! api_line {
    (
        $line:ident,
        name: $name:literal,
        api: $api:ident,
        types: { $($generated:ident as $common:ident),* $(,)? },
        methods: {
            query: $query:ident,
            set: $set:ident,
            status: $status:ident,
            digit_token: $digit:ident $(,)?
        },
        paths: {
            query: $query_path:literal,
            set: $set_path:literal,
            status: $status_path:literal,
            digit_token: $digit_path:literal $(,)?
        },
        experimental: $experimental:literal,
        spec: $spec:literal,
        bundled: $bundled:literal,
        upstream: $upstream:expr,
        upstream_name: $upstream_name:literal,
        operations: $operations:expr,
        errors: $errors:expr,
        status_errors: $status_errors:expr $(,)?
    ) => {
        #[doc = concat!("The `", $name, "` line (`sailpoint_isc::", stringify!($line), "`).")]
        pub mod $line {
            pub use sailpoint_isc::$line::{$api as Api, BASE_PATH, $($generated as $common),*};
            use sailpoint_isc::{Call, Client};

            /// The line's name, as the example's `--api` switch spells it.
            pub const NAME: &str = $name;
            /// The line's operations on `client`.
            pub fn api(client: &Client) -> Api {
                client.$line()
            }
            /// `queryPasswordInfo`.
            pub fn query(api: &Api, q: &InfoQuery) -> Call<Info> {
                api.$query(q)
            }
            /// `setPassword`.
            pub fn set(api: &Api, r: &ChangeRequest) -> Call<ChangeResponse> {
                api.$set(r)
            }
            /// `getPasswordChangeStatus`.
            pub fn status(api: &Api, id: &str) -> Call<Status> {
                api.$status(id)
            }
            /// `createDigitToken` (experimental on v2024 and per resource).
            pub fn digit_token(api: &Api, r: &DigitReset) -> Call<DigitToken> {
                api.$digit(r)
            }
            /// The operations' paths as the spec writes them (after
            /// [`BASE_PATH`] on the wire).
            pub const QUERY_PATH: &str = $query_path;
            /// See [`QUERY_PATH`].
            pub const SET_PATH: &str = $set_path;
            /// See [`QUERY_PATH`]; `{id}` is the request id.
            pub const STATUS_PATH: &str = $status_path;
            /// See [`QUERY_PATH`].
            pub const DIGIT_TOKEN_PATH: &str = $digit_path;
            /// The request path of an operation, base path included.
            pub fn wire_path(path: &str) -> String {
                format!("{BASE_PATH}{path}")
            }
            /// Whether `createDigitToken` is marked experimental (sends
            /// `X-SailPoint-Experimental: true`): beta's is not.
            pub const DIGIT_TOKEN_EXPERIMENTAL: bool = $experimental;
            /// The spec file, from the repository root.
            pub const SPEC: &str = $spec;
            /// Whether the spec is split into files and compared bundled.
            pub const BUNDLED: bool = $bundled;
            /// The upstream spec this line's file follows (`None` when
            /// `../shared` is absent outside CI).
            pub fn upstream() -> Option<std::path::PathBuf> {
                $upstream
            }
            /// [`upstream`]'s path as reports print it.
            pub const UPSTREAM_NAME: &str = $upstream_name;
            /// The operation ids the spec file keeps.
            pub const OPERATIONS: &[&str] = &$operations;
            /// The error statuses the spec documents for the query, set and
            /// digit-token operations.
            pub const ERRORS: &[u16] = &$errors;
            /// The error statuses the spec documents for the status
            /// operation.
            pub const STATUS_ERRORS: &[u16] = &$status_errors;
        }
    };
}

api_line! {
    v2024,
    name: "v2024",
    api: Api,
    types: {
        ErrorResponseDto as ErrorDto,
        LocaleOrigin as LocaleOrigin,
        PasswordChangeRequest as ChangeRequest,
        PasswordChangeResponse as ChangeResponse,
        PasswordChangeResponseState as ChangeState,
        PasswordDigitToken as DigitToken,
        PasswordDigitTokenReset as DigitReset,
        PasswordInfo as Info,
        PasswordInfoQueryDto as InfoQuery,
        PasswordStatus as Status,
        PasswordStatusState as StatusState,
        TooManyRequestsError as TooManyErr,
        UnauthorizedError as UnauthorizedErr,
    },
    methods: {
        query: query_password_info,
        set: set_password,
        status: get_password_change_status,
        digit_token: create_digit_token,
    },
    paths: {
        query: "/query-password-info",
        set: "/set-password",
        status: "/password-change-status/{id}",
        digit_token: "/generate-password-reset-token/digit",
    },
    experimental: true,
    spec: "spec/v2024/password-management.yaml",
    bundled: false,
    upstream: crate::upstream_spec("deref-sailpoint-api.v2024.yaml"),
    upstream_name: "../shared/specs/upstream/deref-sailpoint-api.v2024.yaml",
    operations: crate::spec_diff::V2024_OPERATIONS,
    errors: [400, 401, 403, 429, 500],
    status_errors: [400, 401, 403, 404, 429, 500],
}

api_line! {
    beta,
    name: "beta",
    api: ApiBeta,
    types: {
        ErrorResponseDtoBeta as ErrorDto,
        LocaleOriginBeta as LocaleOrigin,
        PasswordChangeRequestBeta as ChangeRequest,
        PasswordChangeResponseBeta as ChangeResponse,
        PasswordChangeResponseStateBeta as ChangeState,
        PasswordDigitTokenBeta as DigitToken,
        PasswordDigitTokenResetBeta as DigitReset,
        PasswordInfoBeta as Info,
        PasswordInfoQueryDtoBeta as InfoQuery,
        PasswordStatusBeta as Status,
        PasswordStatusStateBeta as StatusState,
        TooManyRequestsErrorBeta as TooManyErr,
        UnauthorizedErrorBeta as UnauthorizedErr,
    },
    methods: {
        query: query_password_info,
        set: set_identity_password,
        status: get_identity_password_change_status,
        digit_token: create_digit_token,
    },
    paths: {
        query: "/query-password-info",
        set: "/set-password",
        status: "/password-change-status/{id}",
        digit_token: "/generate-password-reset-token/digit",
    },
    experimental: false,
    spec: "spec/beta/password-management.yaml",
    bundled: false,
    upstream: crate::upstream_spec("deref-sailpoint-api.beta.yaml"),
    upstream_name: "../shared/specs/upstream/deref-sailpoint-api.beta.yaml",
    operations: crate::spec_diff::BETA_OPERATIONS,
    errors: [400, 401, 403, 429, 500],
    // Upstream documents no 429 for beta's status operation.
    status_errors: [400, 401, 403, 404, 500],
}

api_line! {
    password_management,
    name: "password-management",
    api: Api,
    types: {
        ErrorResponseDto as ErrorDto,
        LocaleOrigin as LocaleOrigin,
        PasswordChangeRequest as ChangeRequest,
        PasswordChangeResponse as ChangeResponse,
        PasswordChangeResponseState as ChangeState,
        PasswordDigitToken as DigitToken,
        PasswordDigitTokenReset as DigitReset,
        PasswordInfo as Info,
        PasswordInfoQueryDto as InfoQuery,
        PasswordStatus as Status,
        PasswordStatusState as StatusState,
        TooManyRequestsError as TooManyErr,
        UnauthorizedError as UnauthorizedErr,
    },
    methods: {
        query: query_password_info_v1,
        set: set_password_v1,
        status: get_password_change_status_v1,
        digit_token: create_digit_token_v1,
    },
    paths: {
        query: "/query-password-info/v1",
        set: "/set-password/v1",
        status: "/password-change-status/v1/{id}",
        digit_token: "/generate-password-reset-token/v1/digit",
    },
    experimental: true,
    spec: "spec/password-management/openapi.yaml",
    bundled: true,
    upstream: crate::resource_spec("password-management"),
    upstream_name: "../shared/specs/idn/apis/password-management/openapi.yaml",
    operations: crate::spec_diff::RESOURCE_OPERATIONS,
    errors: [400, 401, 403, 429, 500],
    status_errors: [400, 401, 403, 404, 429, 500],
}
