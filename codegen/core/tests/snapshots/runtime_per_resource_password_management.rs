#[allow(unused_imports)]
use ::sailpoint_isc::__private::v1 as __rt;
/// The version path every operation of this API is under, from the spec's `servers`.
pub const BASE_PATH: &str = "";
static __ERRORS_400_401_403_429_500_0D1E488B: [__rt::ErrorDecoder; 5] = [
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(400),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(401),
        decode: __rt::decode_error::<UnauthorizedError>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(403),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(429),
        decode: __rt::decode_error::<TooManyRequestsError>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(500),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
];
static __ERRORS_400_401_403_404_429_500_DD103A1A: [__rt::ErrorDecoder; 6] = [
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(400),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(401),
        decode: __rt::decode_error::<UnauthorizedError>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(403),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(404),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(429),
        decode: __rt::decode_error::<TooManyRequestsError>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(500),
        decode: __rt::decode_error::<ErrorResponseDto>,
    },
];
/// Each operation of [`Api`] as a type: its facts and its body and answer types, for code that names an operation without calling it (mock rules, hooks, waiters).
pub mod ops {
    #[allow(unused_imports)]
    use ::sailpoint_isc::__private::v1 as __rt;
    /// The operation `queryPasswordInfoV1`, `POST /query-password-info/v1`: [`Api::query_password_info_v1`](super::Api::query_password_info_v1).
    pub struct QueryPasswordInfoV1;
    impl __rt::ApiOperation for QueryPasswordInfoV1 {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "queryPasswordInfoV1",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/query-password-info/v1",
            errors: &super::__ERRORS_400_401_403_429_500_0D1E488B,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        __rt::mock_example!(
            "{\"identityId\":\"2c918085744fec4301746f9a5bce4605\",\"sourceId\":\"2c918083746f642c01746f990884012a\",\"publicKeyId\":\"N2M1OTJiMGEtMDJlZS00ZWU3LTkyYTEtNjA5YmI5NWE3ZWVh\",\"publicKey\":\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuGFkWi2J75TztpbaPKd36bJnIB3J8gZ6UcoS9oSDYsqBzPpTsfZXYaEf4Y4BKGgJIXmE/lwhwuj7mU1itdZ2qTSNFtnXA8Fn75c3UUkk+h+wdZbkuSmqlsJo3R1OnJkwkJggcAy9Jvk9jlcrNLWorpQ1w9raUvxtvfgkSdq153KxotenQ1HciSyZ0nA/Kw0UaucLnho8xdRowZs11afXGXA9IT9H6D8T6zUdtSxm0nAyH+mluma5LdTfaM50W3l/L8q56Vrqmx2pZIiwdx/0+g3Y++jV70zom0ZBkC1MmSoLMrQYG5OICNjr72f78B2PaGXfarQHqARLjKpMVt9YIQIDAQAB\",\"accounts\":[{\"accountId\":\"CN=Abby Smith,OU=Austin,OU=Americas,OU=Demo,DC=seri,DC=acme,DC=com\",\"accountName\":\"Abby.Smith\"}],\"policies\":[\"passwordRepeatedChar is 3\",\"passwordMinAlpha is 1\",\"passwordMinLength is 5\",\"passwordMinNumeric is 1\"]}"
        );
        type Body = super::PasswordInfoQueryDto;
        type Answer = super::PasswordInfo;
    }
    /// The operation `setPasswordV1`, `POST /set-password/v1`: [`Api::set_password_v1`](super::Api::set_password_v1).
    pub struct SetPasswordV1;
    impl __rt::ApiOperation for SetPasswordV1 {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "setPasswordV1",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/set-password/v1",
            errors: &super::__ERRORS_400_401_403_429_500_0D1E488B,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        const SUCCESS: u16 = 202;
        __rt::mock_example!(
            "{\"state\":\"IN_PROGRESS\",\"requestId\":\"089899f13a8f4da7824996191587bab9\"}"
        );
        type Body = super::PasswordChangeRequest;
        type Answer = super::PasswordChangeResponse;
    }
    /// The operation `getPasswordChangeStatusV1`, `GET /password-change-status/v1/{id}`: [`Api::get_password_change_status_v1`](super::Api::get_password_change_status_v1).
    pub struct GetPasswordChangeStatusV1;
    impl __rt::ApiOperation for GetPasswordChangeStatusV1 {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "getPasswordChangeStatusV1",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/password-change-status/v1/{id}",
            errors: &super::__ERRORS_400_401_403_404_429_500_DD103A1A,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "id",
                location: __rt::ParamLocation::Path,
                required: true,
            },
        ];
        __rt::mock_example!(
            "{\"requestId\":\"089899f13a8f4da7824996191587bab9\",\"state\":\"FINISHED\",\"errors\":[],\"sourceIds\":[\"2c918083746f642c01746f990884012a\"]}"
        );
        type Body = ();
        type Answer = super::PasswordStatus;
    }
    /// The operation `createDigitTokenV1`, `POST /generate-password-reset-token/v1/digit`: [`Api::create_digit_token_v1`](super::Api::create_digit_token_v1).
    pub struct CreateDigitTokenV1;
    impl __rt::ApiOperation for CreateDigitTokenV1 {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "createDigitTokenV1",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/generate-password-reset-token/v1/digit",
            errors: &super::__ERRORS_400_401_403_429_500_0D1E488B,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "X-SailPoint-Experimental",
                location: __rt::ParamLocation::Header,
                required: true,
            },
        ];
        __rt::mock_example!(
            "{\"digitToken\":\"9087713\",\"requestId\":\"e1267ecd-fcd9-4c73-9c55-12555efad136\"}"
        );
        type Body = super::PasswordDigitTokenReset;
        type Answer = super::PasswordDigitToken;
    }
}
/// The operations of Identity Security Cloud API - Password Management.
///
/// Wraps a configured client; cheap to clone.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub struct Api {
    client: ::sailpoint_isc::Client,
}
impl Api {
    /// Uses `client` (its base URL, token and retry settings) for every call.
    pub fn new(client: ::sailpoint_isc::Client) -> Self {
        Self { client }
    }
    /// The underlying client.
    pub fn client(&self) -> &::sailpoint_isc::Client {
        &self.client
    }
    /// Query password info
    ///
    /// This API is used to query password related information.
    ///
    /// `POST /query-password-info/v1`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-info:read`
    /// - `applicationAuth`: `idn:password-info:read`
    ///
    /// Request body: [`PasswordInfoQueryDto`].
    ///
    /// Returns [`PasswordInfo`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDto`]
    /// - 401: [`UnauthorizedError`]
    /// - 403: [`ErrorResponseDto`]
    /// - 429: [`TooManyRequestsError`]
    /// - 500: [`ErrorResponseDto`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.query_password_info_v1(&body).await?;
    /// ```
    #[inline]
    pub fn query_password_info_v1(
        &self,
        body: &PasswordInfoQueryDto,
    ) -> ::sailpoint_isc::Call<PasswordInfo> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::QueryPasswordInfoV1 as __rt::ApiOperation>::OPERATION)
                .json(body),
        )
    }
    /// Set identity's password
    ///
    /// This API is used to set a password for an identity.
    ///
    /// An identity can change their own password (as well as any of their accounts' passwords) if they use a token generated by their ISC user, such as a [personal access token](https://developer.sailpoint.com/idn/api/authentication#personal-access-tokens) or ["authorization_code" derived OAuth token](https://developer.sailpoint.com/idn/api/authentication#authorization-code-grant-flow).
    ///
    /// >**Note: If you want to set an identity's source account password, you must enable `PASSWORD` as one of the source's features. You can use the [PATCH Source endpoint](https://developer.sailpoint.com/docs/api/update-source-v-1) to add the `PASSWORD` feature.**
    ///
    /// To generate the encryptedPassword (RSA encrypted using publicKey) for the request body, run the following command:
    ///
    /// ```bash
    /// echo -n "myPassword" | openssl pkeyutl -encrypt -inkey public_key.pem -pubin | base64
    /// ```
    ///
    /// In this example, myPassword is the plain text password being set and encrypted, and public_key.pem is the path to the public key file. You can retrieve the required publicKey, along with other information like identityId, sourceId, publicKeyId, accounts, and policies, using the Query Password Info endpoint.
    ///
    /// To successfully run this command, you must have OpenSSL installed on your machine. If OpenSSL is unavailable, consider using the Virtual Appliance (VA), which has OpenSSL pre-installed and configured.
    ///
    /// If you are using a Windows machine, refer to this [guide](https://tecadmin.net/install-openssl-on-windows/) for instructions on installing OpenSSL.
    ///
    /// You can then use [Get Password Change Request Status](https://developer.sailpoint.com/docs/api/get-password-change-status-v-1) to check the password change request status. To do so, you must provide the `requestId` from your earlier request to set the password.
    ///
    /// `POST /set-password/v1`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-change:manage`
    /// - `applicationAuth`: `idn:password-change:manage`
    ///
    /// Request body: [`PasswordChangeRequest`].
    ///
    /// Returns [`PasswordChangeResponse`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDto`]
    /// - 401: [`UnauthorizedError`]
    /// - 403: [`ErrorResponseDto`]
    /// - 429: [`TooManyRequestsError`]
    /// - 500: [`ErrorResponseDto`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.set_password_v1(&body).await?;
    /// ```
    #[inline]
    pub fn set_password_v1(
        &self,
        body: &PasswordChangeRequest,
    ) -> ::sailpoint_isc::Call<PasswordChangeResponse> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::SetPasswordV1 as __rt::ApiOperation>::OPERATION)
                .json(body),
        )
    }
    /// Get password change request status
    ///
    /// This API returns the status of a password change request.
    ///
    /// `GET /password-change-status/v1/{id}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-change:read`
    /// - `applicationAuth`: `idn:password-change:read`
    ///
    /// Parameters:
    /// - `id` (path `id`): Password change request ID. Example: `089899f13a8f4da7824996191587bab9`
    ///
    /// Returns [`PasswordStatus`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDto`]
    /// - 401: [`UnauthorizedError`]
    /// - 403: [`ErrorResponseDto`]
    /// - 404: [`ErrorResponseDto`]
    /// - 429: [`TooManyRequestsError`]
    /// - 500: [`ErrorResponseDto`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.get_password_change_status_v1("089899f13a8f4da7824996191587bab9").await?;
    /// ```
    #[inline]
    pub fn get_password_change_status_v1(
        &self,
        id: &str,
    ) -> ::sailpoint_isc::Call<PasswordStatus> {
        __rt::Call::json(
            &self.client,
            __rt::request(
                    <ops::GetPasswordChangeStatusV1 as __rt::ApiOperation>::OPERATION,
                )
                .path("id", id),
        )
    }
    /// Generate a digit token
    ///
    /// **Experimental:** this API is subject to change based on feedback; the `X-SailPoint-Experimental: true` header it requires is sent for you.
    ///
    /// This API is used to generate a digit token for password management. Requires authorization scope of "idn:password-digit-token:create".
    ///
    /// `POST /generate-password-reset-token/v1/digit`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-digit-token:create`
    /// - `applicationAuth`: `idn:password-digit-token:create`
    ///
    /// Request body: [`PasswordDigitTokenReset`].
    ///
    /// Returns [`PasswordDigitToken`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDto`]
    /// - 401: [`UnauthorizedError`]
    /// - 403: [`ErrorResponseDto`]
    /// - 429: [`TooManyRequestsError`]
    /// - 500: [`ErrorResponseDto`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.create_digit_token_v1(&body).await?;
    /// ```
    #[inline]
    pub fn create_digit_token_v1(
        &self,
        body: &PasswordDigitTokenReset,
    ) -> ::sailpoint_isc::Call<PasswordDigitToken> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::CreateDigitTokenV1 as __rt::ApiOperation>::OPERATION)
                .header("X-SailPoint-Experimental", "true")
                .json(body),
        )
    }
    /// Waits for the password change to end, polling [`get_password_change_status_v1`](Self::get_password_change_status_v1).
    ///
    /// `.await` answers [`Done`](::sailpoint_isc::wait::Done) or [`WaitError`](::sailpoint_isc::wait::WaitError); `.max_wait(..)`, `.on_poll(..)` and the other options are on the [`Waiter`](::sailpoint_isc::Waiter). Statuses are read as [`PASSWORD_CHANGE`](::sailpoint_isc::wait::PASSWORD_CHANGE) reads them.
    #[inline]
    pub fn wait_for_password_change_v1(
        &self,
        id: &str,
    ) -> ::sailpoint_isc::Waiter<PasswordStatus> {
        __rt::wait::Waiter::family(
            &__rt::wait::PASSWORD_CHANGE,
            self.get_password_change_status_v1(id),
        )
    }
}
/// Password Info Query DTO
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordinfoquerydto.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordInfoQueryDto {
    /// The login name of the user
    ///
    /// Example: `Abby.Smith`
    pub user_name: ::std::option::Option<::std::string::String>,
    /// The display name of the source
    ///
    /// Example: `My-AD`
    pub source_name: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordInfoQueryDto {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordInfoQueryDto")?;
        let v = Self {
            user_name: o.opt("userName"),
            source_name: o.opt("sourceName"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordInfoQueryDto {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("userName", &self.user_name)
            .opt("sourceName", &self.source_name)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Info Account
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordinfoaccount.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordInfoAccount {
    /// Account ID of the account. This is specified per account schema in the source configuration. It is used to distinguish accounts. More info can be found here <https://community.sailpoint.com/t5/IdentityNow-Connectors/How-do-I-designate-an-account-attribute-as-the-Account-ID-for-a/ta-p/80350>
    ///
    /// Example: `CN=Abby Smith,OU=Austin,OU=Americas,OU=Demo,DC=seri,DC=acme,DC=com`
    pub account_id: ::std::option::Option<::std::string::String>,
    /// Display name of the account. This is specified per account schema in the source configuration. It is used to display name of the account. More info can be found here <https://community.sailpoint.com/t5/IdentityNow-Connectors/How-do-I-designate-an-account-attribute-as-the-Account-Name-for/ta-p/74008>
    ///
    /// Example: `Abby.Smith`
    pub account_name: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordInfoAccount {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordInfoAccount")?;
        let v = Self {
            account_id: o.opt("accountId"),
            account_name: o.opt("accountName"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordInfoAccount {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("accountId", &self.account_id)
            .opt("accountName", &self.account_name)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Info
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordinfo.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordInfo {
    /// Identity ID
    ///
    /// Example: `2c918085744fec4301746f9a5bce4605`
    pub identity_id: ::std::option::Option<::std::string::String>,
    /// source ID
    ///
    /// Example: `2c918083746f642c01746f990884012a`
    pub source_id: ::std::option::Option<::std::string::String>,
    /// public key ID
    ///
    /// Example: `N2M1OTJiMGEtMDJlZS00ZWU3LTkyYTEtNjA5YmI5NWE3ZWVh`
    pub public_key_id: ::std::option::Option<::std::string::String>,
    /// User's public key with Base64 encoding
    ///
    /// Example: `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuGFkWi2J75TztpbaPKd36bJnIB3J8gZ6UcoS9oSDYsqBzPpTsfZXYaEf4Y4BKGgJIXmE/lwhwuj7mU1itdZ2qTSNFtnXA8Fn75c3UUkk+h+wdZbkuSmqlsJo3R1OnJkwkJggcAy9Jvk9jlcrNLWorpQ1w9raUvxtvfgkSdq153KxotenQ1HciSyZ0nA/Kw0UaucLnho8xdRowZs11afXGXA9IT9H6D8T6zUdtSxm0nAyH+mluma5LdTfaM50W3l/L8q56Vrqmx2pZIiwdx/0+g3Y++jV70zom0ZBkC1MmSoLMrQYG5OICNjr72f78B2PaGXfarQHqARLjKpMVt9YIQIDAQAB`
    pub public_key: ::std::option::Option<::std::string::String>,
    /// Account info related to queried identity and source
    pub accounts: ::std::option::Option<::std::vec::Vec<PasswordInfoAccount>>,
    /// Password constraints
    ///
    /// Example:
    /// ```json
    /// [
    ///   "passwordRepeatedChar is 3",
    ///   "passwordMinAlpha is 1",
    ///   "passwordMinLength is 5",
    ///   "passwordMinNumeric is 1"
    /// ]
    /// ```
    pub policies: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordInfo {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordInfo")?;
        let v = Self {
            identity_id: o.opt("identityId"),
            source_id: o.opt("sourceId"),
            public_key_id: o.opt("publicKeyId"),
            public_key: o.opt("publicKey"),
            accounts: o.opt("accounts"),
            policies: o.opt("policies"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordInfo {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("identityId", &self.identity_id)
            .opt("sourceId", &self.source_id)
            .opt("publicKeyId", &self.public_key_id)
            .opt("publicKey", &self.public_key)
            .opt("accounts", &self.accounts)
            .opt("policies", &self.policies)
            .extra(&self.extra)
            .finish()
    }
}
/// An indicator of how the locale was selected. *DEFAULT* means the locale is the system default. *REQUEST* means the locale was selected from the request context (i.e., best match based on the *Accept-Language* header). Additional values may be added in the future without notice.
///
/// Example: `DEFAULT`
///
/// Generated from `#/x-sailpoint-isc-files/..~1shared~1schemas~1localeorigin.yaml`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum LocaleOrigin {
    /// `DEFAULT`
    Default,
    /// `REQUEST`
    Request,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for LocaleOrigin {
    const WIRE: &'static [&'static str] = &["DEFAULT", "REQUEST"];
    #[inline]
    fn as_wire(&self) -> &str {
        match self {
            Self::Default => "DEFAULT",
            Self::Request => "REQUEST",
            Self::Other(v) => v,
        }
    }
    #[inline]
    fn known(i: usize, v: ::std::string::String) -> Self {
        match i {
            0 => Self::Default,
            1 => Self::Request,
            _ => Self::Other(v),
        }
    }
}
/// Error Message Dto
///
/// Generated from `#/x-sailpoint-isc-files/..~1shared~1schemas~1errormessagedto.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct ErrorMessageDto {
    /// The locale for the message text, a BCP 47 language tag.
    ///
    /// Example: `en-US`
    pub locale: ::std::option::Option<::std::string::String>,
    #[allow(missing_docs)]
    pub locale_origin: ::std::option::Option<LocaleOrigin>,
    /// Actual text of the error message in the indicated locale.
    ///
    /// Example: `The request was syntactically correct but its content is semantically invalid.`
    pub text: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for ErrorMessageDto {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "ErrorMessageDto")?;
        let v = Self {
            locale: o.opt("locale"),
            locale_origin: o.opt("localeOrigin"),
            text: o.opt("text"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for ErrorMessageDto {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("locale", &self.locale)
            .opt("localeOrigin", &self.locale_origin)
            .opt("text", &self.text)
            .extra(&self.extra)
            .finish()
    }
}
/// Error Response Dto
///
/// Generated from `#/x-sailpoint-isc-files/..~1shared~1schemas~1errorresponsedto.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct ErrorResponseDto {
    /// Fine-grained error code providing more detail of the error.
    ///
    /// Example: `400.1 Bad Request Content`
    pub detail_code: ::std::option::Option<::std::string::String>,
    /// Unique tracking id for the error.
    ///
    /// Example: `e7eab60924f64aa284175b9fa3309599`
    pub tracking_id: ::std::option::Option<::std::string::String>,
    /// Generic localized reason for error
    pub messages: ::std::option::Option<::std::vec::Vec<ErrorMessageDto>>,
    /// Plain-text descriptive reasons to provide additional detail to the text provided in the messages field
    pub causes: ::std::option::Option<::std::vec::Vec<ErrorMessageDto>>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for ErrorResponseDto {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "ErrorResponseDto")?;
        let v = Self {
            detail_code: o.opt("detailCode"),
            tracking_id: o.opt("trackingId"),
            messages: o.opt("messages"),
            causes: o.opt("causes"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for ErrorResponseDto {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("detailCode", &self.detail_code)
            .opt("trackingId", &self.tracking_id)
            .opt("messages", &self.messages)
            .opt("causes", &self.causes)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/x-sailpoint-isc-files/..~1shared~1responses~1401.yaml/content/application~1json/schema`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct UnauthorizedError {
    /// A message describing the error
    ///
    /// Example: `JWT validation failed: JWT is expired`
    pub error: ::std::option::Option<__rt::serde_json::Value>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for UnauthorizedError {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "UnauthorizedError")?;
        let v = Self {
            error: o.opt("error"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for UnauthorizedError {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("error", &self.error)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/x-sailpoint-isc-files/..~1shared~1responses~1429.yaml/content/application~1json/schema`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct TooManyRequestsError {
    /// A message describing the error
    ///
    /// Example: ` Rate Limit Exceeded `
    pub message: ::std::option::Option<__rt::serde_json::Value>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for TooManyRequestsError {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "TooManyRequestsError")?;
        let v = Self {
            message: o.opt("message"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for TooManyRequestsError {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("message", &self.message)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Change Request
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordchangerequest.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordChangeRequest {
    /// The identity ID that requested the password change
    ///
    /// Example: `8a807d4c73c545510173c545f0a002ff`
    pub identity_id: ::std::option::Option<::std::string::String>,
    /// The RSA encrypted password
    ///
    /// Example: `XzN+YwKgr2C+InkMYFMBG3UtjMEw5ZIql/XFlXo8cJNeslmkplx6vn4kd4/43IF9STBk5RnzR6XmjpEO+FwHDoiBwYZAkAZK/Iswxk4OdybG6Y4MStJCOCiK8osKr35IMMSV/mbO4wAeltoCk7daTWzTGLiI6UaT5tf+F2EgdjJZ7YqM8W8r7aUWsm3p2Xt01Y46ZRx0QaM91QruiIx2rECFT2pUO0wr+7oQ77jypATyGWRtADsu3YcvCk/6U5MqCnXMzKBcRas7NnZdSL/d5H1GglVGz3VLPMaivG4/oL4chOMmFCRl/zVsGxZ9RhN8rxsRGFFKn+rhExTi+bax3A==`
    pub encrypted_password: ::std::option::Option<::std::string::String>,
    /// The encryption key ID
    ///
    /// Example: `YWQ2NjQ4MTItZjY0NC00MWExLWFjMjktOGNmMzU3Y2VlNjk2`
    pub public_key_id: ::std::option::Option<::std::string::String>,
    /// Account ID of the account This is specified per account schema in the source configuration. It is used to distinguish accounts. More info can be found here <https://community.sailpoint.com/t5/IdentityNow-Connectors/How-do-I-designate-an-account-attribute-as-the-Account-ID-for-a/ta-p/80350>
    ///
    /// Example: `CN=Abby Smith,OU=Austin,OU=Americas,OU=Demo,DC=seri,DC=acme,DC=com`
    pub account_id: ::std::option::Option<::std::string::String>,
    /// The ID of the source for which identity is requesting the password change
    ///
    /// Example: `8a807d4c73c545510173c545d4b60246`
    pub source_id: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordChangeRequest {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordChangeRequest")?;
        let v = Self {
            identity_id: o.opt("identityId"),
            encrypted_password: o.opt("encryptedPassword"),
            public_key_id: o.opt("publicKeyId"),
            account_id: o.opt("accountId"),
            source_id: o.opt("sourceId"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordChangeRequest {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("identityId", &self.identity_id)
            .opt("encryptedPassword", &self.encrypted_password)
            .opt("publicKeyId", &self.public_key_id)
            .opt("accountId", &self.account_id)
            .opt("sourceId", &self.source_id)
            .extra(&self.extra)
            .finish()
    }
}
/// Password change state
///
/// Example: `IN_PROGRESS`
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordchangeresponse.yaml/properties/state`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum PasswordChangeResponseState {
    /// `IN_PROGRESS`
    InProgress,
    /// `FINISHED`
    Finished,
    /// `FAILED`
    Failed,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for PasswordChangeResponseState {
    const WIRE: &'static [&'static str] = &["IN_PROGRESS", "FINISHED", "FAILED"];
    #[inline]
    fn as_wire(&self) -> &str {
        match self {
            Self::InProgress => "IN_PROGRESS",
            Self::Finished => "FINISHED",
            Self::Failed => "FAILED",
            Self::Other(v) => v,
        }
    }
    #[inline]
    fn known(i: usize, v: ::std::string::String) -> Self {
        match i {
            0 => Self::InProgress,
            1 => Self::Finished,
            2 => Self::Failed,
            _ => Self::Other(v),
        }
    }
}
/// Password Change Response
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordchangeresponse.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordChangeResponse {
    /// The password change request ID
    ///
    /// Example: `089899f13a8f4da7824996191587bab9`
    pub request_id: ::std::option::Option<::std::string::String>,
    /// Password change state
    ///
    /// Example: `IN_PROGRESS`
    pub state: ::std::option::Option<PasswordChangeResponseState>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordChangeResponse {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordChangeResponse")?;
        let v = Self {
            request_id: o.opt("requestId"),
            state: o.opt("state"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordChangeResponse {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("requestId", &self.request_id)
            .opt("state", &self.state)
            .extra(&self.extra)
            .finish()
    }
}
/// Password change state
///
/// Example: `IN_PROGRESS`
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordstatus.yaml/properties/state`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum PasswordStatusState {
    /// `IN_PROGRESS`
    InProgress,
    /// `FINISHED`
    Finished,
    /// `FAILED`
    Failed,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for PasswordStatusState {
    const WIRE: &'static [&'static str] = &["IN_PROGRESS", "FINISHED", "FAILED"];
    #[inline]
    fn as_wire(&self) -> &str {
        match self {
            Self::InProgress => "IN_PROGRESS",
            Self::Finished => "FINISHED",
            Self::Failed => "FAILED",
            Self::Other(v) => v,
        }
    }
    #[inline]
    fn known(i: usize, v: ::std::string::String) -> Self {
        match i {
            0 => Self::InProgress,
            1 => Self::Finished,
            2 => Self::Failed,
            _ => Self::Other(v),
        }
    }
}
/// Password Status
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passwordstatus.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordStatus {
    /// The password change request ID
    ///
    /// Example: `089899f13a8f4da7824996191587bab9`
    pub request_id: ::std::option::Option<::std::string::String>,
    /// Password change state
    ///
    /// Example: `IN_PROGRESS`
    pub state: ::std::option::Option<PasswordStatusState>,
    /// The errors during the password change request
    ///
    /// Example:
    /// ```json
    /// [
    ///   "The password change payload is invalid"
    /// ]
    /// ```
    pub errors: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// List of source IDs in the password change request
    ///
    /// Example:
    /// ```json
    /// [
    ///   "2c918083746f642c01746f990884012a"
    /// ]
    /// ```
    pub source_ids: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordStatus {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordStatus")?;
        let v = Self {
            request_id: o.opt("requestId"),
            state: o.opt("state"),
            errors: o.opt("errors"),
            source_ids: o.opt("sourceIds"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordStatus {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("requestId", &self.request_id)
            .opt("state", &self.state)
            .opt("errors", &self.errors)
            .opt("sourceIds", &self.source_ids)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Digit Token Reset
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passworddigittokenreset.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct PasswordDigitTokenReset {
    /// The uid of the user requested for digit token
    ///
    /// Example: `Abby.Smith`
    pub user_id: ::std::string::String,
    /// The length of digit token. It should be from 6 to 18, inclusive. The default value is 6.
    ///
    /// Example: `8`
    pub length: ::std::option::Option<i64>,
    /// The time to live for the digit token in minutes. The default value is 5 minutes.
    ///
    /// Example: `5`
    pub duration_minutes: ::std::option::Option<i64>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordDigitTokenReset {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordDigitTokenReset")?;
        let v = Self {
            user_id: o.req("userId")?,
            length: o.opt("length"),
            duration_minutes: o.opt("durationMinutes"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordDigitTokenReset {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .req("userId", &self.user_id)
            .opt("length", &self.length)
            .opt("durationMinutes", &self.duration_minutes)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Digit Token
///
/// Generated from `#/x-sailpoint-isc-files/schemas~1passworddigittoken.yaml`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordDigitToken {
    /// The digit token for password management
    ///
    /// Example: `9087713`
    pub digit_token: ::std::option::Option<::std::string::String>,
    /// The reference ID of the digit token generation request
    ///
    /// Example: `e1267ecd-fcd9-4c73-9c55-12555efad136`
    pub request_id: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordDigitToken {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordDigitToken")?;
        let v = Self {
            digit_token: o.opt("digitToken"),
            request_id: o.opt("requestId"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordDigitToken {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("digitToken", &self.digit_token)
            .opt("requestId", &self.request_id)
            .extra(&self.extra)
            .finish()
    }
}
__rt::serde_via_json!(
    PasswordInfoQueryDto PasswordInfoAccount PasswordInfo LocaleOrigin ErrorMessageDto
    ErrorResponseDto UnauthorizedError TooManyRequestsError PasswordChangeRequest
    PasswordChangeResponseState PasswordChangeResponse PasswordStatusState PasswordStatus
    PasswordDigitTokenReset PasswordDigitToken
);
__rt::string_enums!(LocaleOrigin PasswordChangeResponseState PasswordStatusState);
