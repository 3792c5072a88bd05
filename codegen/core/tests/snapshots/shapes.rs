#[allow(unused_imports)]
use ::sailpoint_isc::__private::v1 as __rt;
/// The version path every operation of this API is under, from the spec's `servers`.
pub const BASE_PATH: &str = "/v2024";
static __ERRORS_404_1FBDEF1E: [__rt::ErrorDecoder; 1] = [
    __rt::ErrorDecoder {
        status: ::std::option::Option::Some(404),
        decode: __rt::decode_error::<ErrorBody>,
    },
];
static __NO_ERRORS: [__rt::ErrorDecoder; 0] = [];
/// Each operation of [`Api`] as a type: its facts and its body and answer types, for code that names an operation without calling it (mock rules, hooks, waiters).
pub mod ops {
    #[allow(unused_imports)]
    use ::sailpoint_isc::__private::v1 as __rt;
    /// The operation `getThing`, `GET /things/{thingId}`: [`Api::get_thing`](super::Api::get_thing).
    pub struct GetThing;
    impl __rt::ApiOperation for GetThing {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "getThing",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/things/{thingId}",
            errors: &super::__ERRORS_404_1FBDEF1E,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "thingId",
                location: __rt::ParamLocation::Path,
                required: true,
            },
            __rt::OperationParam {
                name: "fields",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "count",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "X-Trace-Id",
                location: __rt::ParamLocation::Header,
                required: false,
            },
        ];
        __rt::mock_example!("{\"id\":\"string\",\"name\":\"string\",\"size\":0}");
        type Body = ();
        type Answer = super::Thing;
    }
    /// The operation `putThing`, `PUT /things/{thingId}`: [`Api::put_thing`](super::Api::put_thing).
    pub struct PutThing;
    impl __rt::ApiOperation for PutThing {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "putThing",
            method: __rt::Method::PUT,
            base_path: super::BASE_PATH,
            path: "/things/{thingId}",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "thingId",
                location: __rt::ParamLocation::Path,
                required: true,
            },
        ];
        __rt::mock_example!("{\"id\":\"string\"}");
        type Body = super::Thing;
        type Answer = super::Receipt;
    }
    /// The operation `listThings`, `GET /things`: [`Api::list_things`](super::Api::list_things).
    pub struct ListThings;
    impl __rt::ApiOperation for ListThings {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "listThings",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/things",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "offset",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "limit",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "filters",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "sorters",
                location: __rt::ParamLocation::Query,
                required: false,
            },
        ];
        __rt::mock_example!("[{\"id\":\"string\",\"name\":\"string\",\"size\":0}]");
        type Body = ();
        type Answer = ::std::vec::Vec<super::Thing>;
    }
    /// The operation `createThing`, `POST /things`: [`Api::create_thing`](super::Api::create_thing).
    pub struct CreateThing;
    impl __rt::ApiOperation for CreateThing {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "createThing",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/things",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        const SUCCESS: u16 = 204;
        type Body = super::Thing;
        type Answer = ();
    }
    /// The operation `searchThings`, `POST /search`: [`Api::search_things`](super::Api::search_things).
    pub struct SearchThings;
    impl __rt::ApiOperation for SearchThings {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "searchThings",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/search",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "limit",
                location: __rt::ParamLocation::Query,
                required: false,
            },
        ];
        __rt::mock_example!("[{\"id\":\"string\",\"name\":\"string\",\"size\":0}]");
        type Body = super::Search;
        type Answer = ::std::vec::Vec<super::Thing>;
    }
    /// The operation `attachFile`, `POST /things/{thingId}/attachments`: [`Api::attach_file`](super::Api::attach_file).
    pub struct AttachFile;
    impl __rt::ApiOperation for AttachFile {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "attachFile",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/things/{thingId}/attachments",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "thingId",
                location: __rt::ParamLocation::Path,
                required: true,
            },
        ];
        const SUCCESS: u16 = 204;
        type Body = super::AttachFileRequest;
        type Answer = ();
    }
    /// The operation `exportThings`, `GET /things/export`: [`Api::export_things`](super::Api::export_things).
    pub struct ExportThings;
    impl __rt::ApiOperation for ExportThings {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "exportThings",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/things/export",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        type Body = ();
        type Answer = ::sailpoint_isc::Bytes;
    }
    /// The operation `getConfig`, `GET /config`: [`Api::get_config`](super::Api::get_config).
    pub struct GetConfig;
    impl __rt::ApiOperation for GetConfig {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "getConfig",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/config",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        __rt::mock_example!("{}");
        type Body = ();
        type Answer = ::std::option::Option<super::Config>;
    }
    /// The operation `listLegacyThings`, `GET /legacy-things`: [`Api::list_legacy_things`](super::Api::list_legacy_things).
    pub struct ListLegacyThings;
    impl __rt::ApiOperation for ListLegacyThings {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "listLegacyThings",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/legacy-things",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        __rt::mock_example!("[{}]");
        type Body = ();
        type Answer = ::std::vec::Vec<super::LegacyThing>;
    }
    /// The operation `listEvents`, `GET /events/{at}`: [`Api::list_events`](super::Api::list_events).
    pub struct ListEvents;
    impl __rt::ApiOperation for ListEvents {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "listEvents",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/events/{at}",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "at",
                location: __rt::ParamLocation::Path,
                required: true,
            },
            __rt::OperationParam {
                name: "since",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "days",
                location: __rt::ParamLocation::Query,
                required: false,
            },
            __rt::OperationParam {
                name: "X-As-Of",
                location: __rt::ParamLocation::Header,
                required: true,
            },
        ];
        __rt::mock_example!("{\"created\":\"2024-01-01T00:00:00Z\"}");
        type Body = ();
        type Answer = super::Event;
    }
    /// The operation `getSegment`, `GET /segments/{segmentId}`: [`Api::get_segment`](super::Api::get_segment).
    pub struct GetSegment;
    impl __rt::ApiOperation for GetSegment {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "getSegment",
            method: __rt::Method::GET,
            base_path: super::BASE_PATH,
            path: "/segments/{segmentId}",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "segmentId",
                location: __rt::ParamLocation::Path,
                required: true,
            },
        ];
        __rt::mock_example!("{}");
        type Body = ();
        type Answer = super::Target;
    }
    /// The operation `patchSegments`, `PATCH /segments`: [`Api::patch_segments`](super::Api::patch_segments).
    pub struct PatchSegments;
    impl __rt::ApiOperation for PatchSegments {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "patchSegments",
            method: __rt::Method::PATCH,
            base_path: super::BASE_PATH,
            path: "/segments",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[];
        const SUCCESS: u16 = 204;
        type Body = ();
        type Answer = ();
    }
    /// The operation `previewThing`, `POST /things/{thingId}/preview`: [`Api::preview_thing`](super::Api::preview_thing).
    pub struct PreviewThing;
    impl __rt::ApiOperation for PreviewThing {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "previewThing",
            method: __rt::Method::POST,
            base_path: super::BASE_PATH,
            path: "/things/{thingId}/preview",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "thingId",
                location: __rt::ParamLocation::Path,
                required: true,
            },
            __rt::OperationParam {
                name: "X-SailPoint-Experimental",
                location: __rt::ParamLocation::Header,
                required: true,
            },
        ];
        __rt::mock_example!("{}");
        type Body = super::Merged;
        type Answer = super::Identity;
    }
    /// The operation `patchTarget`, `PATCH /targets/{targetId}`: [`Api::patch_target`](super::Api::patch_target).
    pub struct PatchTarget;
    impl __rt::ApiOperation for PatchTarget {
        const OPERATION: &'static __rt::Operation = &__rt::Operation {
            id: "patchTarget",
            method: __rt::Method::PATCH,
            base_path: super::BASE_PATH,
            path: "/targets/{targetId}",
            errors: &super::__NO_ERRORS,
        };
        const PARAMS: &'static [__rt::OperationParam] = &[
            __rt::OperationParam {
                name: "targetId",
                location: __rt::ParamLocation::Path,
                required: true,
            },
        ];
        __rt::mock_example!("{}");
        type Body = ::std::vec::Vec<super::PatchTargetRequestItem>;
        type Answer = super::Target;
    }
}
/// The call [`Api::get_thing`](Api::get_thing) starts: set optional parameters by name, then `.await` it.
#[derive(::std::fmt::Debug)]
#[must_use = "a call does nothing until it is awaited"]
pub struct GetThingCall(::sailpoint_isc::Call<Thing>);
__rt::call_builder!(GetThingCall, Thing);
impl GetThingCall {
    /// Fields to return.
    ///
    /// Sets the query parameter `fields`; setting it again replaces the value.
    #[inline]
    pub fn fields(
        self,
        fields: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self(self.0.query("fields", __rt::into::<::std::string::String>(fields)))
    }
    /// Default: `false`.
    ///
    /// Sets the query parameter `count`; setting it again replaces the value.
    #[inline]
    pub fn count(self, count: bool) -> Self {
        Self(self.0.query("count", count))
    }
    /// Sets the header parameter `X-Trace-Id`; setting it again replaces the value.
    #[inline]
    pub fn x_trace_id(
        self,
        x_trace_id: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self(
            self.0.header("X-Trace-Id", __rt::into::<::std::string::String>(x_trace_id)),
        )
    }
}
/// The call [`Api::list_things`](Api::list_things) starts: set optional parameters by name, then `.await` it.
#[derive(::std::fmt::Debug)]
#[must_use = "a call does nothing until it is awaited"]
pub struct ListThingsCall(::sailpoint_isc::Call<::std::vec::Vec<Thing>>);
__rt::call_builder!(ListThingsCall, ::std::vec::Vec < Thing >, offset Thing, 250);
impl ListThingsCall {
    /// Default: `0`.
    ///
    /// Constraints: at least 0.
    ///
    /// Sets the query parameter `offset`; setting it again replaces the value.
    #[inline]
    pub fn offset(self, offset: i32) -> Self {
        Self(self.0.query("offset", offset))
    }
    /// Default: `250`.
    ///
    /// Constraints: at least 0, at most 250.
    ///
    /// Sets the query parameter `limit`; setting it again replaces the value.
    #[inline]
    pub fn limit(self, limit: i32) -> Self {
        Self(self.0.query("limit", limit))
    }
    /// Filter results using the standard syntax.
    ///
    /// Filtering is supported for the following fields and operators:
    ///
    /// **id**: *eq, in*
    ///
    /// **size**: *gt, le*
    ///
    /// **name** *sw*
    ///
    /// **created**: *gt, isnull*
    ///
    /// Supported composite operators are *and, or*
    ///
    /// Takes a [`Filter`](::sailpoint_isc::filter::Filter) of [`filters::ListThings`]'s fields (`filters::ListThings::id()…`, values quoted and escaped for you), or the filter's text, sent as it is.
    ///
    /// Sets the query parameter `filters`; setting it again replaces the value.
    #[inline]
    pub fn filters(
        self,
        filters: impl ::std::convert::Into<
            ::sailpoint_isc::filter::Filter<filters::ListThings>,
        >,
    ) -> Self {
        Self(
            self
                .0
                .query(
                    "filters",
                    __rt::into::<
                        ::sailpoint_isc::filter::Filter<filters::ListThings>,
                    >(filters),
                ),
        )
    }
    /// Sorting is supported for the following fields: **name, size**
    ///
    /// Takes [`sorters::ListThings`]'s fields (one, or an array: `[a, b.desc()]`), or the sorters' text, sent as it is.
    ///
    /// Sets the query parameter `sorters`; setting it again replaces the value.
    #[inline]
    pub fn sorters(
        self,
        sorters: impl ::std::convert::Into<
            ::sailpoint_isc::filter::Sorters<sorters::ListThings>,
        >,
    ) -> Self {
        Self(
            self
                .0
                .query(
                    "sorters",
                    __rt::into::<
                        ::sailpoint_isc::filter::Sorters<sorters::ListThings>,
                    >(sorters),
                ),
        )
    }
}
/// The call [`Api::search_things`](Api::search_things) starts: set optional parameters by name, then `.await` it.
#[derive(::std::fmt::Debug)]
#[must_use = "a call does nothing until it is awaited"]
pub struct SearchThingsCall(::sailpoint_isc::Call<::std::vec::Vec<Thing>>);
__rt::call_builder!(
    SearchThingsCall, ::std::vec::Vec < Thing >, search_after Thing, 10000
);
impl SearchThingsCall {
    /// Default: `10000`.
    ///
    /// Constraints: at least 0, at most 10000.
    ///
    /// Sets the query parameter `limit`; setting it again replaces the value.
    #[inline]
    pub fn limit(self, limit: i32) -> Self {
        Self(self.0.query("limit", limit))
    }
}
/// The call [`Api::list_events`](Api::list_events) starts: set optional parameters by name, then `.await` it.
#[derive(::std::fmt::Debug)]
#[must_use = "a call does nothing until it is awaited"]
pub struct ListEventsCall(::sailpoint_isc::Call<Event>);
__rt::call_builder!(ListEventsCall, Event);
impl ListEventsCall {
    /// Sets the query parameter `since`; setting it again replaces the value.
    #[inline]
    pub fn since(self, since: impl ::std::convert::Into<__rt::Date>) -> Self {
        Self(self.0.query("since", __rt::into::<__rt::Date>(since)))
    }
    /// Sets the query parameter `days`; setting it again replaces the value.
    #[inline]
    pub fn days(self, days: impl ::std::iter::IntoIterator<Item = __rt::Date>) -> Self {
        Self(self.0.query_each("days", days))
    }
}
/// The operations of Shapes.
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
    /// One thing
    ///
    /// Reads one thing.
    ///
    /// `GET /things/{thingId}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `thing_id` (path `thingId`): The thing's id.
    ///
    /// Optional parameters, set by name on the [`GetThingCall`] this returns: [`fields`](GetThingCall::fields), [`count`](GetThingCall::count), [`x_trace_id`](GetThingCall::x_trace_id).
    ///
    /// Returns [`Thing`] on success.
    ///
    /// Error bodies, available from [`ApiError::body`](::sailpoint_isc::ApiError::body)`::<T>()` on [`Error::Api`](::sailpoint_isc::Error::Api):
    /// - 404: [`ErrorBody`]
    ///
    /// Example:
    /// ```text
    /// let answer = api.get_thing("…")
    ///     .fields("…")
    ///     .count(false)
    ///     .x_trace_id("…")
    ///     .await?;
    /// ```
    #[inline]
    pub fn get_thing(&self, thing_id: &str) -> GetThingCall {
        GetThingCall(
            __rt::Call::json(
                &self.client,
                __rt::request(<ops::GetThing as __rt::ApiOperation>::OPERATION)
                    .path("thingId", thing_id),
            ),
        )
    }
    /// `PUT /things/{thingId}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `thing_id` (path `thingId`)
    ///
    /// Request body: [`Thing`].
    ///
    /// Returns [`Receipt`] on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.put_thing("…", &body).await?;
    /// ```
    #[inline]
    pub fn put_thing(
        &self,
        thing_id: &str,
        body: &Thing,
    ) -> ::sailpoint_isc::Call<Receipt> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::PutThing as __rt::ApiOperation>::OPERATION)
                .path("thingId", thing_id)
                .json(body),
        )
    }
    /// `GET /things`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Optional parameters, set by name on the [`ListThingsCall`] this returns: [`offset`](ListThingsCall::offset), [`limit`](ListThingsCall::limit), [`filters`](ListThingsCall::filters), [`sorters`](ListThingsCall::sorters).
    ///
    /// A list: [`ListThingsCall::stream`] reads every record lazily, by `offset` and `limit`, with the parameters set; [`ListThingsCall::pages`] page by page; [`ListThingsCall::pager`] sets a cap or a start first.
    ///
    /// Returns `Vec<`[`Thing`]`>` on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.list_things()
    ///     .offset(0)
    ///     .limit(250)
    ///     .filters("…")
    ///     .await?;
    /// ```
    #[inline]
    pub fn list_things(&self) -> ListThingsCall {
        ListThingsCall(
            __rt::Call::json(
                &self.client,
                __rt::request(<ops::ListThings as __rt::ApiOperation>::OPERATION),
            ),
        )
    }
    /// `POST /things`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Request body: [`Thing`].
    ///
    /// Returns `()` on success (no body).
    ///
    /// Example:
    /// ```text
    /// api.create_thing(&body).await?;
    /// ```
    #[inline]
    pub fn create_thing(&self, body: &Thing) -> ::sailpoint_isc::Call<()> {
        __rt::Call::empty(
            &self.client,
            __rt::request(<ops::CreateThing as __rt::ApiOperation>::OPERATION).json(body),
        )
    }
    /// `POST /search`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Optional parameters, set by name on the [`SearchThingsCall`] this returns: [`limit`](SearchThingsCall::limit).
    ///
    /// A list: [`SearchThingsCall::stream`] reads every record lazily, by `searchAfter` (the document `id` ends the sort), with the parameters set; [`SearchThingsCall::pages`] page by page; [`SearchThingsCall::pager`] sets a cap or a start first.
    ///
    /// Request body: [`Search`].
    ///
    /// Returns `Vec<`[`Thing`]`>` on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.search_things(&body)
    ///     .limit(10000)
    ///     .await?;
    /// ```
    #[inline]
    pub fn search_things(&self, body: &Search) -> SearchThingsCall {
        SearchThingsCall(
            __rt::Call::json(
                &self.client,
                __rt::request(<ops::SearchThings as __rt::ApiOperation>::OPERATION)
                    .json(body),
            ),
        )
    }
    /// `POST /things/{thingId}/attachments`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `thing_id` (path `thingId`)
    ///
    /// Request body: [`AttachFileRequest`].
    ///
    /// Returns `()` on success (no body).
    ///
    /// Example:
    /// ```text
    /// api.attach_file("…", &body).await?;
    /// ```
    #[inline]
    pub fn attach_file(
        &self,
        thing_id: &str,
        body: &AttachFileRequest,
    ) -> ::sailpoint_isc::Call<()> {
        __rt::Call::empty(
            &self.client,
            __rt::request(<ops::AttachFile as __rt::ApiOperation>::OPERATION)
                .path("thingId", thing_id)
                .multipart(body),
        )
    }
    /// `GET /things/export`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Returns the body as [`Bytes`](::sailpoint_isc::Bytes) on success (application/zip).
    ///
    /// Example:
    /// ```text
    /// let answer = api.export_things().await?;
    /// ```
    #[inline]
    pub fn export_things(&self) -> ::sailpoint_isc::Call<::sailpoint_isc::Bytes> {
        __rt::Call::bytes(
            &self.client,
            __rt::request(<ops::ExportThings as __rt::ApiOperation>::OPERATION)
                .accept("application/zip"),
        )
    }
    /// `GET /config`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Returns `Some(`[`Config`]`)` on a success with a body, `None` on one without (such as `204 No Content`).
    ///
    /// Example:
    /// ```text
    /// let answer = api.get_config().await?;
    /// ```
    #[inline]
    pub fn get_config(&self) -> ::sailpoint_isc::Call<::std::option::Option<Config>> {
        __rt::Call::optional(
            &self.client,
            __rt::request(<ops::GetConfig as __rt::ApiOperation>::OPERATION),
        )
    }
    /// `GET /legacy-things`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Returns `Vec<`[`LegacyThing`]`>` on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.list_legacy_things().await?;
    /// ```
    #[deprecated = "deprecated in the spec"]
    #[inline]
    pub fn list_legacy_things(
        &self,
    ) -> ::sailpoint_isc::Call<::std::vec::Vec<LegacyThing>> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::ListLegacyThings as __rt::ApiOperation>::OPERATION),
        )
    }
    /// `GET /events/{at}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `at` (path `at`)
    /// - `x_as_of` (header `X-As-Of`)
    ///
    /// Optional parameters, set by name on the [`ListEventsCall`] this returns: [`since`](ListEventsCall::since), [`days`](ListEventsCall::days).
    ///
    /// Returns [`Event`] on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.list_events("…", "…")
    ///     .since("…")
    ///     .await?;
    /// ```
    #[inline]
    pub fn list_events(
        &self,
        at: &__rt::DateTime,
        x_as_of: &__rt::DateTime,
    ) -> ListEventsCall {
        ListEventsCall(
            __rt::Call::json(
                &self.client,
                __rt::request(<ops::ListEvents as __rt::ApiOperation>::OPERATION)
                    .path("at", at)
                    .header("X-As-Of", x_as_of),
            ),
        )
    }
    /// `GET /segments/{segmentId}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `segment_id` (path `segmentId`, declared in the spec as `id`): The segment's id.
    ///
    /// Returns [`Target`] on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.get_segment("…").await?;
    /// ```
    #[inline]
    pub fn get_segment(&self, segment_id: &str) -> ::sailpoint_isc::Call<Target> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::GetSegment as __rt::ApiOperation>::OPERATION)
                .path("segmentId", segment_id),
        )
    }
    /// `PATCH /segments`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// The spec also declares the path parameter(s) `id`, which the path `/segments` has no place for; they are not arguments.
    ///
    /// Returns `()` on success (no body).
    ///
    /// Example:
    /// ```text
    /// api.patch_segments().await?;
    /// ```
    #[inline]
    pub fn patch_segments(&self) -> ::sailpoint_isc::Call<()> {
        __rt::Call::empty(
            &self.client,
            __rt::request(<ops::PatchSegments as __rt::ApiOperation>::OPERATION),
        )
    }
    /// **Experimental:** this API is subject to change based on feedback; the `X-SailPoint-Experimental: true` header it requires is sent for you.
    ///
    /// `POST /things/{thingId}/preview`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `thing_id` (path `thingId`)
    ///
    /// Request body: [`Merged`].
    ///
    /// Returns [`Identity`] on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.preview_thing("…", &body).await?;
    /// ```
    #[inline]
    pub fn preview_thing(
        &self,
        thing_id: &str,
        body: &Merged,
    ) -> ::sailpoint_isc::Call<Identity> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::PreviewThing as __rt::ApiOperation>::OPERATION)
                .path("thingId", thing_id)
                .header("X-SailPoint-Experimental", "true")
                .json(body),
        )
    }
    /// `PATCH /targets/{targetId}`
    ///
    /// Required OAuth scopes (any one scheme):
    /// - `userAuth`: `sp:things:read`
    ///
    /// Parameters:
    /// - `target_id` (path `targetId`)
    ///
    /// Request body: `Vec<`[`PatchTargetRequestItem`]`>`.
    ///
    /// Returns [`Target`] on success.
    ///
    /// Example:
    /// ```text
    /// let answer = api.patch_target("…", &body).await?;
    /// ```
    #[inline]
    pub fn patch_target(
        &self,
        target_id: &str,
        body: &::std::vec::Vec<PatchTargetRequestItem>,
    ) -> ::sailpoint_isc::Call<Target> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::PatchTarget as __rt::ApiOperation>::OPERATION)
                .path("targetId", target_id)
                .json_as("application/json-patch+json", body),
        )
    }
    /// [`patch_target`](Self::patch_target) with a [`Patch`](::sailpoint_isc::Patch) as its body: a diff of a value read and changed (`Patch::diff(&before, &after)`), with guards against a concurrent change, or a hand-written patch; see [`patch`](::sailpoint_isc::patch).
    ///
    /// The operation takes only `remove`, `replace` operations: a patch with another fails with `Error::Encode` before anything is sent.
    #[inline]
    pub fn patch_target_with(
        &self,
        target_id: &str,
        body: &::sailpoint_isc::Patch,
    ) -> ::sailpoint_isc::Call<Target> {
        __rt::Call::json(
            &self.client,
            __rt::request(<ops::PatchTarget as __rt::ApiOperation>::OPERATION)
                .path("targetId", target_id)
                .json_as(
                    "application/json-patch+json",
                    &__rt::patch_body(
                        &__rt::PatchShape {
                            wrap: ::std::option::Option::None,
                            ops: ::std::option::Option::Some(&["remove", "replace"]),
                        },
                        body,
                    ),
                ),
        )
    }
}
/// The filter fields of each list operation whose `filters` description lists them: `filters::ListThings::id().eq(…)`. Pass a filter built from them (combined with `&`, `|` and `!`), or the filter's text, to the operation's `filters` setter.
pub mod filters {
    /// The operator sets of the filter fields.
    pub mod operators {
        ::sailpoint_isc::filter_ops!(EqIn : eq in);
        ::sailpoint_isc::filter_ops!(Sw : sw);
        ::sailpoint_isc::filter_ops!(GtLe : gt le);
        ::sailpoint_isc::filter_ops!(GtIsnull : gt isnull);
    }
    /// The filter fields of `listThings` ([`Api::list_things`](super::Api::list_things)), for its `filters` setter: each offers the operators the spec lists for it.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy)]
    pub struct ListThings;
    impl ListThings {
        /// `id`: `eq`, `in`.
        pub const fn id() -> ::sailpoint_isc::filter::Field<
            Self,
            ::std::string::String,
            operators::EqIn,
        > {
            ::sailpoint_isc::filter::Field::new("id")
        }
        /// `size`: `gt`, `le`.
        pub const fn size() -> ::sailpoint_isc::filter::Field<
            Self,
            i64,
            operators::GtLe,
        > {
            ::sailpoint_isc::filter::Field::new("size")
        }
        /// `name`: `sw`.
        pub const fn name() -> ::sailpoint_isc::filter::Field<
            Self,
            ::std::string::String,
            operators::Sw,
        > {
            ::sailpoint_isc::filter::Field::new("name")
        }
        /// `created`: `gt`, `isnull`.
        pub const fn created() -> ::sailpoint_isc::filter::Field<
            Self,
            ::sailpoint_isc::DateTime,
            operators::GtIsnull,
        > {
            ::sailpoint_isc::filter::Field::new("created")
        }
    }
}
/// The sort fields of each list operation whose `sorters` description lists them: `sorters::ListThings::name().desc()`. Pass one, an array of them, or the sorters' text, to the operation's `sorters` setter.
pub mod sorters {
    /// The sort fields of `listThings` ([`Api::list_things`](super::Api::list_things)), for its `sorters` setter.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy)]
    pub struct ListThings;
    impl ListThings {
        /// `name`, ascending; `.desc()` for descending.
        pub const fn name() -> ::sailpoint_isc::filter::Sort<Self> {
            ::sailpoint_isc::filter::Sort::new("name")
        }
        /// `size`, ascending; `.desc()` for descending.
        pub const fn size() -> ::sailpoint_isc::filter::Sort<Self> {
            ::sailpoint_isc::filter::Sort::new("size")
        }
    }
}
/// Generated from `#/components/schemas/Thing`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct Thing {
    /// Read-only: required in responses; leave it `None` in requests.
    pub id: ::std::option::Option<::std::string::String>,
    #[allow(missing_docs)]
    pub name: ::std::string::String,
    #[allow(missing_docs)]
    pub size: i32,
    #[allow(missing_docs)]
    pub note: ::std::option::Option<::std::option::Option<::std::string::String>>,
    #[allow(missing_docs)]
    pub labels: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[allow(missing_docs)]
    pub anything: ::std::option::Option<__rt::serde_json::Value>,
    #[allow(missing_docs)]
    pub child: ::std::option::Option<::std::boxed::Box<Thing>>,
    #[allow(missing_docs)]
    pub children: ::std::option::Option<::std::vec::Vec<Thing>>,
    #[allow(missing_docs)]
    pub kind: ::std::option::Option<::std::option::Option<ThingKind>>,
    #[allow(missing_docs)]
    pub created: ::std::option::Option<__rt::DateTime>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Thing {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Thing")?;
        let v = Self {
            id: o.opt("id"),
            name: o.req("name")?,
            size: o.req("size")?,
            note: o.opt_null("note"),
            labels: o.opt("labels"),
            anything: o.opt("anything"),
            child: o.opt("child"),
            children: o.opt("children"),
            kind: o.opt_null("kind"),
            created: o.opt("created"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Thing {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("id", &self.id)
            .req("name", &self.name)
            .req("size", &self.size)
            .opt("note", &self.note)
            .opt("labels", &self.labels)
            .opt("anything", &self.anything)
            .opt("child", &self.child)
            .opt("children", &self.children)
            .opt("kind", &self.kind)
            .opt("created", &self.created)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Receipt`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct Receipt {
    #[allow(missing_docs)]
    pub id: ::std::string::String,
    #[allow(missing_docs)]
    pub thing: ::std::option::Option<Thing>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Receipt {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Receipt")?;
        let v = Self {
            id: o.req("id")?,
            thing: o.opt("thing"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Receipt {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .req("id", &self.id)
            .opt("thing", &self.thing)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Search`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct Search {
    #[allow(missing_docs)]
    pub indices: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    #[allow(missing_docs)]
    pub query: ::std::option::Option<SearchQuery>,
    #[allow(missing_docs)]
    pub sort: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    #[allow(missing_docs)]
    pub search_after: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Search {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Search")?;
        let v = Self {
            indices: o.opt("indices"),
            query: o.opt("query"),
            sort: o.opt("sort"),
            search_after: o.opt("searchAfter"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Search {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("indices", &self.indices)
            .opt("query", &self.query)
            .opt("sort", &self.sort)
            .opt("searchAfter", &self.search_after)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Config`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct Config {
    #[allow(missing_docs)]
    pub enabled: ::std::option::Option<bool>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Config {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Config")?;
        let v = Self {
            enabled: o.opt("enabled"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Config {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("enabled", &self.enabled)
            .extra(&self.extra)
            .finish()
    }
}
/// **Deprecated** in the spec.
///
/// Generated from `#/components/schemas/LegacyThing`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct LegacyThing {
    #[allow(missing_docs)]
    pub name: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for LegacyThing {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "LegacyThing")?;
        let v = Self {
            name: o.opt("name"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for LegacyThing {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("name", &self.name)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Event`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct Event {
    #[allow(missing_docs)]
    pub created: __rt::DateTime,
    #[allow(missing_docs)]
    pub day: ::std::option::Option<__rt::Date>,
    #[allow(missing_docs)]
    pub history: ::std::option::Option<::std::vec::Vec<__rt::DateTime>>,
    #[allow(missing_docs)]
    pub other: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Event {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Event")?;
        let v = Self {
            created: o.req("created")?,
            day: o.opt("day"),
            history: o.opt("history"),
            other: o.opt("other"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Event {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .req("created", &self.created)
            .opt("day", &self.day)
            .opt("history", &self.history)
            .opt("other", &self.other)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Target`.
///
/// Decoded as the variant that decodes the value and knows the most
/// of its properties (the first such one).
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub enum Target {
    #[allow(missing_docs)]
    Config(Config),
    #[allow(missing_docs)]
    Event(Event),
    #[allow(missing_docs)]
    Variant2(::std::string::String),
}
impl __rt::json::Decode for Target {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        __rt::decode_union(
            v,
            "Target",
            &[
                __rt::UnionVariant {
                    properties: ::std::option::Option::Some(&["enabled"]),
                    decode: |v| {
                        <Config as __rt::json::Decode>::decode(v).map(Self::Config)
                    },
                },
                __rt::UnionVariant {
                    properties: ::std::option::Option::Some(
                        &["created", "day", "history", "other"],
                    ),
                    decode: |v| <Event as __rt::json::Decode>::decode(v).map(Self::Event),
                },
                __rt::UnionVariant {
                    properties: ::std::option::Option::None,
                    decode: |v| {
                        <::std::string::String as __rt::json::Decode>::decode(v)
                            .map(Self::Variant2)
                    },
                },
            ],
        )
    }
}
impl __rt::json::Encode for Target {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        match self {
            Self::Config(v) => __rt::json::Encode::encode(v),
            Self::Event(v) => __rt::json::Encode::encode(v),
            Self::Variant2(v) => __rt::json::Encode::encode(v),
        }
    }
}
/// Generated from `#/components/schemas/Merged`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct Merged {
    #[allow(missing_docs)]
    pub enabled: ::std::option::Option<bool>,
    #[allow(missing_docs)]
    pub x: ::std::option::Option<::std::string::String>,
    #[allow(missing_docs)]
    pub y: bool,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Merged {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Merged")?;
        let v = Self {
            enabled: o.opt("enabled"),
            x: o.opt("x"),
            y: o.req("y")?,
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Merged {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("enabled", &self.enabled)
            .opt("x", &self.x)
            .req("y", &self.y)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Identity`.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct Identity {
    #[allow(missing_docs)]
    pub attributes: ::std::option::Option<
        ::std::collections::BTreeMap<
            ::std::string::String,
            ::std::option::Option<::std::string::String>,
        >,
    >,
    #[allow(missing_docs)]
    pub by_ref: ::std::option::Option<
        ::std::collections::BTreeMap<
            ::std::string::String,
            ::std::option::Option<MaybeName>,
        >,
    >,
    #[allow(missing_docs)]
    pub items: ::std::option::Option<::std::vec::Vec<::std::option::Option<i64>>>,
    #[allow(missing_docs)]
    pub ref_items: ::std::option::Option<
        ::std::vec::Vec<::std::option::Option<MaybeName>>,
    >,
    /// Properties not listed in the schema (`additionalProperties`).
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        __rt::serde_json::Value,
    >,
}
impl __rt::json::Decode for Identity {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Identity")?;
        let v = Self {
            attributes: o.opt("attributes"),
            by_ref: o.opt("byRef"),
            items: o.opt("items"),
            ref_items: o.opt("refItems"),
            additional_properties: o.rest(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Identity {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("attributes", &self.attributes)
            .opt("byRef", &self.by_ref)
            .opt("items", &self.items)
            .opt("refItems", &self.ref_items)
            .rest(&self.additional_properties)
            .finish()
    }
}
/// Generated from `#/components/schemas/MaybeName`.
pub type MaybeName = ::std::string::String;
/// Generated from `#/components/schemas/ErrorBody`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct ErrorBody {
    #[allow(missing_docs)]
    pub detail_code: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for ErrorBody {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "ErrorBody")?;
        let v = Self {
            detail_code: o.opt("detailCode"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for ErrorBody {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("detailCode", &self.detail_code)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/Api`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct Api2 {
    #[allow(missing_docs)]
    pub r#type: ::std::option::Option<::std::string::String>,
    #[allow(missing_docs)]
    pub self_: ::std::option::Option<::std::string::String>,
    #[allow(missing_docs)]
    pub type2: ::std::option::Option<i64>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for Api2 {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "Api2")?;
        let v = Self {
            r#type: o.opt("type"),
            self_: o.opt("self"),
            type2: o.opt("Type"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for Api2 {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("type", &self.r#type)
            .opt("self", &self.self_)
            .opt("Type", &self.type2)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/components/schemas/foo-bar`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct FooBar {
    #[allow(missing_docs)]
    pub a: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for FooBar {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "FooBar")?;
        let v = Self {
            a: o.opt("a"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for FooBar {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new().opt("a", &self.a).extra(&self.extra).finish()
    }
}
/// Generated from `#/components/schemas/FooBar`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct FooBar2 {
    #[allow(missing_docs)]
    pub b: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for FooBar2 {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "FooBar2")?;
        let v = Self {
            b: o.opt("b"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for FooBar2 {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new().opt("b", &self.b).extra(&self.extra).finish()
    }
}
/// Generated from `#/components/schemas/Thing/properties/kind`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum ThingKind {
    /// `a-b`
    AB,
    /// `C`
    C,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for ThingKind {
    const WIRE: &'static [&'static str] = &["a-b", "C"];
    #[inline]
    fn as_wire(&self) -> &str {
        match self {
            Self::AB => "a-b",
            Self::C => "C",
            Self::Other(v) => v,
        }
    }
    #[inline]
    fn known(i: usize, v: ::std::string::String) -> Self {
        match i {
            0 => Self::AB,
            1 => Self::C,
            _ => Self::Other(v),
        }
    }
}
/// Generated from `#/components/schemas/Search/properties/query`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::std::default::Default,
)]
pub struct SearchQuery {
    #[allow(missing_docs)]
    pub query: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for SearchQuery {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "SearchQuery")?;
        let v = Self {
            query: o.opt("query"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for SearchQuery {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .opt("query", &self.query)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/paths/~1things~1{thingId}~1attachments/post/requestBody/content/multipart~1form-data/schema`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct AttachFileRequest {
    #[allow(missing_docs)]
    pub file: ::sailpoint_isc::FilePart,
    #[allow(missing_docs)]
    pub comment: ::std::option::Option<::std::string::String>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for AttachFileRequest {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "AttachFileRequest")?;
        let v = Self {
            file: o.req("file")?,
            comment: o.opt("comment"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for AttachFileRequest {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .req("file", &self.file)
            .opt("comment", &self.comment)
            .extra(&self.extra)
            .finish()
    }
}
/// Generated from `#/paths/~1targets~1{targetId}/patch/requestBody/content/application~1json-patch+json/schema/items/properties/op`.
#[derive(::std::fmt::Debug, ::std::clone::Clone)]
pub enum PatchTargetRequestItemOp {
    /// `remove`
    Remove,
    /// `replace`
    Replace,
    /// A value this version of the spec does not list, kept as sent.
    Other(::std::string::String),
}
impl __rt::StringEnum for PatchTargetRequestItemOp {
    const WIRE: &'static [&'static str] = &["remove", "replace"];
    #[inline]
    fn as_wire(&self) -> &str {
        match self {
            Self::Remove => "remove",
            Self::Replace => "replace",
            Self::Other(v) => v,
        }
    }
    #[inline]
    fn known(i: usize, v: ::std::string::String) -> Self {
        match i {
            0 => Self::Remove,
            1 => Self::Replace,
            _ => Self::Other(v),
        }
    }
}
/// Generated from `#/paths/~1targets~1{targetId}/patch/requestBody/content/application~1json-patch+json/schema/items`.
///
/// Properties the schema does not list are kept in `extra` and sent back.
#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
pub struct PatchTargetRequestItem {
    #[allow(missing_docs)]
    pub op: PatchTargetRequestItemOp,
    #[allow(missing_docs)]
    pub path: ::std::string::String,
    #[allow(missing_docs)]
    pub value: ::std::option::Option<__rt::serde_json::Value>,
    /// Properties the schema does not list, as received; sent back
    /// when this value is encoded. Read one by wire name: `extra.get("name")`.
    pub extra: ::sailpoint_isc::json::Extra,
}
impl __rt::json::Decode for PatchTargetRequestItem {
    #[inline]
    fn decode(
        v: __rt::serde_json::Value,
    ) -> ::std::result::Result<Self, __rt::json::DecodeError> {
        let mut o = __rt::json::Object::new(v, "PatchTargetRequestItem")?;
        let v = Self {
            op: o.req("op")?,
            path: o.req("path")?,
            value: o.opt("value"),
            extra: o.extra(),
        };
        o.finish(v)
    }
}
impl __rt::json::Encode for PatchTargetRequestItem {
    #[inline]
    fn encode(&self) -> __rt::serde_json::Value {
        __rt::json::ObjectWriter::new()
            .req("op", &self.op)
            .req("path", &self.path)
            .opt("value", &self.value)
            .extra(&self.extra)
            .finish()
    }
}
__rt::serde_via_json!(
    Thing Receipt Search Config LegacyThing Event Target Merged Identity ErrorBody Api2
    FooBar FooBar2 ThingKind SearchQuery AttachFileRequest PatchTargetRequestItemOp
    PatchTargetRequestItem
);
__rt::string_enums!(ThingKind PatchTargetRequestItemOp);
