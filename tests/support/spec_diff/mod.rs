//! The differ behind the mechanical agreement between our Password Management spec files and
//! SailPoint's upstream specifications (issue 2, "Spec files"), so that drift is caught, not
//! argued about (`tests/specs/agreement.rs` applies it).
//!
//! For each checked operation, found by `operationId` in both files, [`compare`] builds a
//! normalised *view* of everything that shapes the generated client, then diffs the two views:
//!
//! - the path and HTTP method, `tags` (as a set), `deprecated`, operation-level `security`
//!   (alternatives and scopes as sets) and `servers`;
//! - parameters (path-level and operation-level, keyed by `in:name`): `name`, `in`, `required`,
//!   `style`/`explode`/`allowEmptyValue`/`allowReserved`, `default`, `schema` and `content`;
//! - the request body: `required`, media types, schema;
//! - the set of response status codes and, per response, its media types and schema;
//! - the document's `servers` (url, variables with `default` and `enum`), its top-level
//!   `security`, the security schemes used by either file or defined by ours (type, flows with
//!   their URLs and scope names, and the other fields that shape a request);
//! - every schema our file defines under `components/schemas`, which must exist upstream.
//!
//! Every `$ref` is resolved recursively (a schema already being expanded becomes a `$recursive`
//! marker, so cycles terminate). Schemas keep only the keys that affect generated types: `type`,
//! `format`, `properties`, `required` (a set), `enum` (in order), `nullable`, `items`,
//! `additionalProperties`, `allOf`/`oneOf`/`anyOf`, `discriminator`, `default`, `readOnly`,
//! `writeOnly`. `description`, `title`, `example`, `examples` and `x-*` extensions are ignored:
//! our files may correct upstream examples (e.g. the digit-token numbers) on purpose.
//!
//! Every normalised node remembers the JSON pointer it came from (`$source`, never compared), so
//! a difference is reported with the pointer into the view (which names the operation) *and*,
//! for each file, the JSON pointer where the differing value lives or is missing.

use serde_json::Value;

mod diff;
mod load;
mod normalize;
#[cfg(test)]
mod tests;

pub use diff::{compare, Comparison, Difference};
pub use load::{load_bundled, load_spec};

/// The v2024 Password Management operations, as our file and upstream name them.
pub const V2024_OPERATIONS: [&str; 4] = [
    "createDigitToken",
    "getPasswordChangeStatus",
    "queryPasswordInfo",
    "setPassword",
];
/// The beta Password Management operations.
pub const BETA_OPERATIONS: [&str; 4] = [
    "createDigitToken",
    "getIdentityPasswordChangeStatus",
    "queryPasswordInfo",
    "setIdentityPassword",
];

/// The per-resource Password Management operations (`idn/apis/password-management`).
pub const RESOURCE_OPERATIONS: [&str; 4] = [
    "createDigitTokenV1",
    "getPasswordChangeStatusV1",
    "queryPasswordInfoV1",
    "setPasswordV1",
];

/// Key holding a node's origin in the view; skipped by the diff.
const SOURCE: &str = "$source";
/// View keys starting with this are synthetic: they name a view node but are not a key of the
/// file, so they are left out of the file pointer (and the prefix out of the view pointer).
const SYNTHETIC: char = '@';
const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
/// Longest value printed in a report, in characters.
const MAX_SHOWN: usize = 1500;

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn child(at: &str, segment: &str) -> String {
    format!("{at}/{}", escape(segment))
}

/// `#/a/b` → the `Value::pointer` form `/a/b`.
fn lookup<'a>(doc: &'a Value, at: &str) -> Option<&'a Value> {
    doc.pointer(at.strip_prefix('#')?)
}
