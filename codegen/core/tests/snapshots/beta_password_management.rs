#[allow(unused_imports)]
use ::sailpoint_isc::__private::v1 as __rt;
/// The version path every operation of this API is under, from the spec's `servers`.
pub const BASE_PATH: &str = "/beta";
static __ERRORS_400_401_403_429_500_53054251: [__rt::ErrorDecoder; 5] = [
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(400),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(401),
        decode: __rt::decode_error::<UnauthorizedErrorBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(403),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(429),
        decode: __rt::decode_error::<TooManyRequestsErrorBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(500),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
];
static __ERRORS_400_401_403_404_500_4DC0FDF3: [__rt::ErrorDecoder; 5] = [
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(400),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(401),
        decode: __rt::decode_error::<UnauthorizedErrorBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(403),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(404),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(500),
        decode: __rt::decode_error::<ErrorResponseDtoBeta>,
    },
];
/// Each operation of [`ApiBeta`] as a type: its facts and its body and answer types, for code that names an operation without calling it (mock rules, hooks, waiters).
pub mod ops {
    #[allow(unused_imports)]
    use ::sailpoint_isc::__private::v1 as __rt;
    /// The operation `createDigitToken`, `POST /generate-password-reset-token/digit`: [`ApiBeta::create_digit_token`](super::ApiBeta::create_digit_token).
    pub struct CreateDigitTokenBeta;
    impl __rt::ApiOperation for CreateDigitTokenBeta {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "createDigitToken",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/generate-password-reset-token/digit",
            errors: &super::__ERRORS_400_401_403_429_500_53054251,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        __rt::mock_example!(
            "{\"digitToken\":\"09087713\",\"requestId\":\"e1267ecd-fcd9-4c73-9c55-12555efad136\"}"
        );
        type Body = super::PasswordDigitTokenResetBeta;
        type Answer = super::PasswordDigitTokenBeta;
    }
    /// The operation `queryPasswordInfo`, `POST /query-password-info`: [`ApiBeta::query_password_info`](super::ApiBeta::query_password_info).
    pub struct QueryPasswordInfoBeta;
    impl __rt::ApiOperation for QueryPasswordInfoBeta {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "queryPasswordInfo",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/query-password-info",
            errors: &super::__ERRORS_400_401_403_429_500_53054251,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        __rt::mock_example!(
            "{\"identityId\":\"2c918085744fec4301746f9a5bce4611\",\"sourceId\":\"2c918083746f642c01746f9908840111\",\"publicKeyId\":\"N2M1OTJiMGEtMDJlZS00ZWU3LTkyYTEtNjA5YmI5NWE3ZWVA\",\"publicKey\":\"AIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuGFkWi2J75TztpbaPKd36bJnIB3J8gZ6UcoS9oSDYsqBzPpTsfZXYaEf4Y4BKGgJIXmE/lwhwuj7mU1itdZ2qTSNFtnXA8Fn75c3UUkk+h+wdZbkuSmqlsJo3R1OnJkwkJggcAy9Jvk9jlcrNLWorpQ1w9raUvxtvfgkSdq153KxotenQ1HciSyZ0nA/Kw0UaucLnho8xdRowZs11afXGXA9IT9H6D8T6zUdtSxm0nAyH+mluma5LdTfaM50W3l/L8q56Vrqmx2pZIiwdx/0+g3Y++jV70zom0ZBkC1MmSoLMrQYG5OICNjr72f78B2PaGXfarQHqARLjKpMVt9YIQIDAQAB\",\"accounts\":[{\"accountId\":\"CN=Abby Smith,OU=Austin,OU=Americas,OU=Demo,DC=seri,DC=acme,DC=com\",\"accountName\":\"Abby.Smith\"}],\"policies\":[\"passwordRepeatedChar is 3\",\"passwordMinAlpha is 1\",\"passwordMinLength is 5\",\"passwordMinNumeric is 1\"]}"
        );
        type Body = super::PasswordInfoQueryDtoBeta;
        type Answer = super::PasswordInfoBeta;
    }
    /// The operation `setIdentityPassword`, `POST /set-password`: [`ApiBeta::set_identity_password`](super::ApiBeta::set_identity_password).
    pub struct SetIdentityPasswordBeta;
    impl __rt::ApiOperation for SetIdentityPasswordBeta {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "setIdentityPassword",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/set-password",
            errors: &super::__ERRORS_400_401_403_429_500_53054251,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        const SUCCESS: u16 = 202;
        __rt::mock_example!(
            "{\"state\":\"IN_PROGRESS\",\"requestId\":\"089899f13a8f4da7824996191587bab9\"}"
        );
        type Body = super::PasswordChangeRequestBeta;
        type Answer = super::PasswordChangeResponseBeta;
    }
    /// The operation `getIdentityPasswordChangeStatus`, `GET /password-change-status/{id}`: [`ApiBeta::get_identity_password_change_status`](super::ApiBeta::get_identity_password_change_status).
    pub struct GetIdentityPasswordChangeStatusBeta;
    impl __rt::ApiOperation for GetIdentityPasswordChangeStatusBeta {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "getIdentityPasswordChangeStatus",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/password-change-status/{id}",
            errors: &super::__ERRORS_400_401_403_404_500_4DC0FDF3,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "id",
                location: __rt::ParamLocation::Path,
                required: true,
            },
        ];
        __rt::mock_example!(
            "{\"requestId\":\"089899f13a8f4da7824996191587bab9\",\"state\":\"IN_PROGRESS\",\"errors\":[],\"sourceIds\":[\"2c918083746f642c01746f990884012a\"]}"
        );
        type Body = ();
        type Answer = super::PasswordStatusBeta;
    }
}
/// The operations of Identity Security Cloud beta API: Password Management.
///
/// Wraps a configured client; cheap to clone.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub struct ApiBeta {
    client: ::sailpoint_isc::Client,
}
impl ApiBeta {
    /// Uses `client` (its base URL, token and retry settings) for every call.
    pub fn new(client: ::sailpoint_isc::Client) -> Self {
        Self { client }
    }
    /// The underlying client.
    pub fn client(&self) -> &::sailpoint_isc::Client {
        &self.client
    }
    /// Generate a digit token
    ///
    /// This API is used to generate a digit token for password management. Requires authorization scope of "idn:password-digit-token:create".
    ///
    /// `POST /generate-password-reset-token/digit`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-digit-token:create`
    /// - `applicationAuth`: `idn:password-digit-token:create`
    ///
    /// Request body: [`PasswordDigitTokenResetBeta`].
    ///
    /// Returns [`PasswordDigitTokenBeta`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDtoBeta`]
    /// - 401: [`UnauthorizedErrorBeta`]
    /// - 403: [`ErrorResponseDtoBeta`]
    /// - 429: [`TooManyRequestsErrorBeta`]
    /// - 500: [`ErrorResponseDtoBeta`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.create_digit_token(&body).await?;
    /// ```
    #[inline]
    pub fn create_digit_token(
        &self,
        body: &PasswordDigitTokenResetBeta,
    ) -> ::sailpoint_isc::Call<PasswordDigitTokenBeta> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::CreateDigitTokenBeta as __rt::ApiOperation>::OPERATION)
                .json(body),
        )
    }
    /// Query password info
    ///
    /// This API is used to query password related information.
    ///
    /// A token with [API authority](https://developer.sailpoint.com/idn/api/authentication#client-credentials-grant-flow)
    /// is required to call this API. "API authority" refers to a token that only has the "client_credentials"
    /// grant type, and therefore no user context. A [personal access token](https://developer.sailpoint.com/idn/api/authentication#personal-access-tokens)
    /// or a token generated with the [authorization_code](https://developer.sailpoint.com/idn/api/authentication#authorization-code-grant-flow)
    /// grant type will **NOT** work on this endpoint, and a `403 Forbidden` response
    /// will be returned.
    ///
    /// `POST /query-password-info`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-info:read`
    /// - `applicationAuth`: `idn:password-info:read`
    ///
    /// Request body: [`PasswordInfoQueryDtoBeta`].
    ///
    /// Returns [`PasswordInfoBeta`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDtoBeta`]
    /// - 401: [`UnauthorizedErrorBeta`]
    /// - 403: [`ErrorResponseDtoBeta`]
    /// - 429: [`TooManyRequestsErrorBeta`]
    /// - 500: [`ErrorResponseDtoBeta`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.query_password_info(&body).await?;
    /// ```
    #[inline]
    pub fn query_password_info(
        &self,
        body: &PasswordInfoQueryDtoBeta,
    ) -> ::sailpoint_isc::Call<PasswordInfoBeta> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::QueryPasswordInfoBeta as __rt::ApiOperation>::OPERATION)
                .json(body),
        )
    }
    /// Set identity's password
    ///
    /// This API is used to set a password for an identity.
    ///
    /// An identity can change their own password (as well as any of their accounts' passwords) if they use a token generated by their ISC user, such as a [personal access token](https://developer.sailpoint.com/idn/api/authentication#personal-access-tokens) or ["authorization_code" derived OAuth token](https://developer.sailpoint.com/idn/api/authentication#authorization-code-grant-flow).
    ///
    /// A token with [API authority](https://developer.sailpoint.com/idn/api/authentication#client-credentials-grant-flow) can be used to change **any** identity's password or the password of any of the identity's accounts.
    /// "API authority" refers to a token that only has the "client_credentials" grant type.
    ///
    /// >**Note: If you want to set an identity's source account password, you must enable `PASSWORD` as one of the source's features. You can use the [PATCH Source endpoint](https://developer.sailpoint.com/docs/api/v3/update-source) to add the `PASSWORD` feature.**
    ///
    /// You can use this endpoint to generate an `encryptedPassword` (RSA encrypted using publicKey).
    /// To do so, follow these steps:
    ///
    /// 1. Use [Query Password Info](https://developer.sailpoint.com/idn/api/v3/query-password-info) to get the following information: `identityId`, `sourceId`, `publicKeyId`, `publicKey`, `accounts`, and `policies`.
    ///
    /// 2. Choose an account from the previous response that you will provide as an `accountId` in your request to set an encrypted password.
    ///
    /// 3. Use [Set Identity's Password](https://developer.sailpoint.com/idn/api/v3/set-password) and provide the information you got from your earlier query. Then add this code to your request to get the encrypted password:
    ///
    /// ```java
    /// import javax.crypto.Cipher;
    /// import java.security.KeyFactory;
    /// import java.security.PublicKey;
    /// import java.security.spec.X509EncodedKeySpec;
    /// import java util.Base64;
    ///
    /// String encrypt(String publicKey, String toEncrypt) throws Exception {
    ///   byte[] publicKeyBytes = Base64.getDecoder().decode(publicKey);
    ///   byte[] encryptedBytes = encryptRsa(publicKeyBytes, toEncrypt.getBytes("UTF-8"));
    ///   return Base64.getEncoder().encodeToString(encryptedBytes);
    /// }
    ///
    /// private byte[] encryptRsa(byte[] publicKeyBytes, byte[] toEncryptBytes) throws Exception {
    ///   PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyBytes));
    ///   String transformation = "RSA/ECB/PKCS1Padding";
    ///   Cipher cipher = Cipher.getInstance(transformation);
    ///   cipher.init(1, key);
    ///   return cipher.doFinal(toEncryptBytes);
    /// }
    /// ```
    ///
    /// In this example, `toEncrypt` refers to the plain text password you are setting and then encrypting, and the `publicKey` refers to the publicKey you got from the first request you sent.
    ///
    /// You can then use [Get Password Change Request Status](https://developer.sailpoint.com/idn/api/v3/get-password-change-status) to check the password change request status. To do so, you must provide the `requestId` from your earlier request to set the password.
    ///
    /// `POST /set-password`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-change:manage`
    /// - `applicationAuth`: `idn:password-change:manage`
    ///
    /// Request body: [`PasswordChangeRequestBeta`].
    ///
    /// Returns [`PasswordChangeResponseBeta`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDtoBeta`]
    /// - 401: [`UnauthorizedErrorBeta`]
    /// - 403: [`ErrorResponseDtoBeta`]
    /// - 429: [`TooManyRequestsErrorBeta`]
    /// - 500: [`ErrorResponseDtoBeta`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.set_identity_password(&body).await?;
    /// ```
    #[inline]
    pub fn set_identity_password(
        &self,
        body: &PasswordChangeRequestBeta,
    ) -> ::sailpoint_isc::Call<PasswordChangeResponseBeta> {
        __rt::Call::json(
            &self.client,
            __rt::request(
                    <ops::SetIdentityPasswordBeta as __rt::ApiOperation>::OPERATION,
                )
                .json(body),
        )
    }
    /// Get password change request status
    ///
    /// This API returns the status of a password change request. A token with identity owner or trusted API client application authority is required to call this API.
    ///
    /// `GET /password-change-status/{id}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `idn:password-change:read`
    /// - `applicationAuth`: `idn:password-change:read`
    ///
    /// Parameters:
    /// - `id` (path `id`)
    ///
    /// Returns [`PasswordStatusBeta`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 400: [`ErrorResponseDtoBeta`]
    /// - 401: [`UnauthorizedErrorBeta`]
    /// - 403: [`ErrorResponseDtoBeta`]
    /// - 404: [`ErrorResponseDtoBeta`]
    /// - 500: [`ErrorResponseDtoBeta`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.get_identity_password_change_status("…").await?;
    /// ```
    #[inline]
    pub fn get_identity_password_change_status(
        &self,
        id: &str,
    ) -> ::sailpoint_isc::Call<PasswordStatusBeta> {
        __rt::Call::json(
            &self.client,
            __rt::request(
                    <ops::GetIdentityPasswordChangeStatusBeta as __rt::ApiOperation>::OPERATION,
                )
                .path("id", id),
        )
    }
    /// Waits for the password change to end, polling [`get_identity_password_change_status`](Self::get_identity_password_change_status).
    ///
    /// `.await` answers [`Done`](::sailpoint_isc::wait::Done) or [`WaitError`](::sailpoint_isc::wait::WaitError); `.max_wait(..)`, `.on_poll(..)` and the other options are on the [`Waiter`](::sailpoint_isc::Waiter). Statuses are read as [`PASSWORD_CHANGE`](::sailpoint_isc::wait::PASSWORD_CHANGE) reads them.
    #[inline]
    pub fn wait_for_password_change(
        &self,
        id: &str,
    ) -> ::sailpoint_isc::Waiter<PasswordStatusBeta> {
        __rt::wait::Waiter::family(
            &__rt::wait::PASSWORD_CHANGE,
            self.get_identity_password_change_status(id),
        )
    }
}
/// Error Message Dto
///
/// Generated from `#/components/schemas/ErrorMessageDto`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct ErrorMessageDtoBeta {
    /// The locale for the message text, a BCP 47 language tag.
    ///
    /// Example: `en-US`
    pub locale: ::std::option::Option<::std::string::String>,
    #[allow(missing_docs)]
    pub locale_origin: ::std::option::Option<LocaleOriginBeta>,
    /// Actual text of the error message in the indicated locale.
    ///
    /// Example: `The request was syntactically correct but its content is semantically invalid.`
    pub text: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for ErrorMessageDtoBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "ErrorMessageDtoBeta")?;
        let v = Self {
            locale: o.opt("locale"),
            locale_origin: o.opt("localeOrigin"),
            text: o.opt("text"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for ErrorMessageDtoBeta {
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
/// Generated from `#/components/schemas/ErrorResponseDto`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct ErrorResponseDtoBeta {
    /// Fine-grained error code providing more detail of the error.
    ///
    /// Example: `400.1 Bad Request Content`
    pub detail_code: ::std::option::Option<::std::string::String>,
    /// Unique tracking id for the error.
    ///
    /// Example: `e7eab60924f64aa284175b9fa3309599`
    pub tracking_id: ::std::option::Option<::std::string::String>,
    /// Generic localized reason for error
    pub messages: ::std::option::Option<::std::vec::Vec<ErrorMessageDtoBeta>>,
    /// Plain-text descriptive reasons to provide additional detail to the text provided in the messages field
    pub causes: ::std::option::Option<::std::vec::Vec<ErrorMessageDtoBeta>>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for ErrorResponseDtoBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "ErrorResponseDtoBeta")?;
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
impl __rt::json::Encode for ErrorResponseDtoBeta {
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
/// An indicator of how the locale was selected. *DEFAULT* means the locale is the system default. *REQUEST* means the locale was selected from the request context (i.e., best match based on the *Accept-Language* header). Additional values may be added in the future without notice.
///
/// Example: `DEFAULT`
///
/// Generated from `#/components/schemas/LocaleOrigin`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum LocaleOriginBeta {
    /// `DEFAULT`
    Default,
    /// `REQUEST`
    Request,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for LocaleOriginBeta {
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
/// Password Change Request
///
/// Generated from `#/components/schemas/PasswordChangeRequest`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordChangeRequestBeta {
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
impl __rt::json::Decode for PasswordChangeRequestBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordChangeRequestBeta")?;
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
impl __rt::json::Encode for PasswordChangeRequestBeta {
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
/// Password Change Response
///
/// Generated from `#/components/schemas/PasswordChangeResponse`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordChangeResponseBeta {
    /// The password change request ID
    ///
    /// Example: `089899f13a8f4da7824996191587bab9`
    pub request_id: ::std::option::Option<::std::string::String>,
    /// Password change state
    pub state: ::std::option::Option<PasswordChangeResponseStateBeta>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordChangeResponseBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordChangeResponseBeta")?;
        let v = Self {
            request_id: o.opt("requestId"),
            state: o.opt("state"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordChangeResponseBeta {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("requestId", &self.request_id)
            .opt("state", &self.state)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Digit Token
///
/// Generated from `#/components/schemas/PasswordDigitToken`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordDigitTokenBeta {
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
impl __rt::json::Decode for PasswordDigitTokenBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordDigitTokenBeta")?;
        let v = Self {
            digit_token: o.opt("digitToken"),
            request_id: o.opt("requestId"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordDigitTokenBeta {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("digitToken", &self.digit_token)
            .opt("requestId", &self.request_id)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Digit Token Reset
///
/// Generated from `#/components/schemas/PasswordDigitTokenReset`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct PasswordDigitTokenResetBeta {
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
impl __rt::json::Decode for PasswordDigitTokenResetBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordDigitTokenResetBeta")?;
        let v = Self {
            user_id: o.req("userId")?,
            length: o.opt("length"),
            duration_minutes: o.opt("durationMinutes"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordDigitTokenResetBeta {
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
/// Password Info
///
/// Generated from `#/components/schemas/PasswordInfo`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordInfoBeta {
    /// Example: `2c918085744fec4301746f9a5bce4605`
    pub identity_id: ::std::option::Option<::std::string::String>,
    /// Example: `2c918083746f642c01746f990884012a`
    pub source_id: ::std::option::Option<::std::string::String>,
    /// Example: `N2M1OTJiMGEtMDJlZS00ZWU3LTkyYTEtNjA5YmI5NWE3ZWVh`
    pub public_key_id: ::std::option::Option<::std::string::String>,
    /// User's public key with Base64 encoding
    ///
    /// Example: `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuGFkWi2J75TztpbaPKd36bJnIB3J8gZ6UcoS9oSDYsqBzPpTsfZXYaEf4Y4BKGgJIXmE/lwhwuj7mU1itdZ2qTSNFtnXA8Fn75c3UUkk+h+wdZbkuSmqlsJo3R1OnJkwkJggcAy9Jvk9jlcrNLWorpQ1w9raUvxtvfgkSdq153KxotenQ1HciSyZ0nA/Kw0UaucLnho8xdRowZs11afXGXA9IT9H6D8T6zUdtSxm0nAyH+mluma5LdTfaM50W3l/L8q56Vrqmx2pZIiwdx/0+g3Y++jV70zom0ZBkC1MmSoLMrQYG5OICNjr72f78B2PaGXfarQHqARLjKpMVt9YIQIDAQAB`
    pub public_key: ::std::option::Option<::std::string::String>,
    /// Account info related to queried identity and source
    pub accounts: ::std::option::Option<::std::vec::Vec<PasswordInfoAccountBeta>>,
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
impl __rt::json::Decode for PasswordInfoBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordInfoBeta")?;
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
impl __rt::json::Encode for PasswordInfoBeta {
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
/// Password Info Account
///
/// Generated from `#/components/schemas/PasswordInfoAccount`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordInfoAccountBeta {
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
impl __rt::json::Decode for PasswordInfoAccountBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordInfoAccountBeta")?;
        let v = Self {
            account_id: o.opt("accountId"),
            account_name: o.opt("accountName"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordInfoAccountBeta {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("accountId", &self.account_id)
            .opt("accountName", &self.account_name)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Info Query DTO
///
/// Generated from `#/components/schemas/PasswordInfoQueryDTO`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordInfoQueryDtoBeta {
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
impl __rt::json::Decode for PasswordInfoQueryDtoBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordInfoQueryDtoBeta")?;
        let v = Self {
            user_name: o.opt("userName"),
            source_name: o.opt("sourceName"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PasswordInfoQueryDtoBeta {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("userName", &self.user_name)
            .opt("sourceName", &self.source_name)
            .extra(&self.extra)
            .finish()
    }
}
/// Password Status
///
/// Generated from `#/components/schemas/PasswordStatus`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct PasswordStatusBeta {
    /// The password change request ID
    ///
    /// Example: `089899f13a8f4da7824996191587bab9`
    pub request_id: ::std::option::Option<::std::string::String>,
    /// Password change state
    pub state: ::std::option::Option<PasswordStatusStateBeta>,
    /// The errors during the password change request
    pub errors: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// List of source IDs in the password change request
    pub source_ids: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PasswordStatusBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PasswordStatusBeta")?;
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
impl __rt::json::Encode for PasswordStatusBeta {
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
/// Generated from `#/components/responses/401/content/application~1json/schema`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct UnauthorizedErrorBeta {
    /// A message describing the error
    ///
    /// Example: `JWT validation failed: JWT is expired`
    pub error: ::std::option::Option<__rt::serde_json::Value>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for UnauthorizedErrorBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "UnauthorizedErrorBeta")?;
        let v = Self {
            error: o.opt("error"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for UnauthorizedErrorBeta {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("error", &self.error)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/responses/429/content/application~1json/schema`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct TooManyRequestsErrorBeta {
    /// A message describing the error
    ///
    /// Example: ` Rate Limit Exceeded `
    pub message: ::std::option::Option<__rt::serde_json::Value>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for TooManyRequestsErrorBeta {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "TooManyRequestsErrorBeta")?;
        let v = Self {
            message: o.opt("message"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for TooManyRequestsErrorBeta {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("message", &self.message)
            .extra(&self.extra)
            .finish()
    }
}
/// Password change state
///
/// Generated from `#/components/schemas/PasswordChangeResponse/properties/state`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum PasswordChangeResponseStateBeta {
    /// `IN_PROGRESS`
    InProgress,
    /// `FINISHED`
    Finished,
    /// `FAILED`
    Failed,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for PasswordChangeResponseStateBeta {
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
/// Password change state
///
/// Generated from `#/components/schemas/PasswordStatus/properties/state`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum PasswordStatusStateBeta {
    /// `IN_PROGRESS`
    InProgress,
    /// `FINISHED`
    Finished,
    /// `FAILED`
    Failed,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for PasswordStatusStateBeta {
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
__rt::serde_via_json!(
    ErrorMessageDtoBeta ErrorResponseDtoBeta LocaleOriginBeta PasswordChangeRequestBeta
    PasswordChangeResponseBeta PasswordDigitTokenBeta PasswordDigitTokenResetBeta
    PasswordInfoBeta PasswordInfoAccountBeta PasswordInfoQueryDtoBeta PasswordStatusBeta
    UnauthorizedErrorBeta TooManyRequestsErrorBeta PasswordChangeResponseStateBeta
    PasswordStatusStateBeta
);
__rt::string_enums!(
    LocaleOriginBeta PasswordChangeResponseStateBeta PasswordStatusStateBeta
);
