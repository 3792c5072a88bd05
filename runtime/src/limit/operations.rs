//! The limits some operations have of their own, on top of the API line's.
//! SailPoint states them in prose only (a `429` description, the
//! documentation), so they are a table here, looked up by `operationId`
//! and version path from the [`Operation`](crate::Operation) a call
//! carries; no generated code repeats them.

use std::time::Duration;

/// One operation's own limit: `requests` per `window`, counted per tenant
/// (every client id of the tenant shares it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OperationLimit {
    pub(crate) requests: u32,
    pub(crate) window: Duration,
}

const TEN_SECONDS: Duration = Duration::from_secs(10);

/// `(operationId, version paths, limit)`.
const TABLE: &[(&str, &[&str], OperationLimit)] = &[
    // "The list form instances operation is limited to 50 requests per 10
    // seconds per tenant" (the 429 response of GET /form-instances).
    (
        "searchFormInstancesByTenant",
        &["/v2024", "/v2025", "/beta"],
        OperationLimit {
            requests: 50,
            window: TEN_SECONDS,
        },
    ),
    // Testing a workflow runs it live; SailPoint's documentation limits it
    // to 5 per 10 seconds.
    (
        "testWorkflow",
        &["/v3", "/v2024", "/v2025", "/beta"],
        OperationLimit {
            requests: 5,
            window: TEN_SECONDS,
        },
    ),
];

/// The limit of `operation_id` on the API line `line`, if it has one.
pub(crate) fn operation_limit(operation_id: &str, line: &str) -> Option<OperationLimit> {
    TABLE
        .iter()
        .find(|(id, lines, _)| *id == operation_id && lines.contains(&line))
        .map(|(_, _, limit)| *limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_looked_up_by_id_and_line() {
        assert_eq!(
            operation_limit("searchFormInstancesByTenant", "/v2024").map(|l| l.requests),
            Some(50)
        );
        assert_eq!(
            operation_limit("testWorkflow", "/beta").map(|l| l.requests),
            Some(5)
        );
        assert_eq!(operation_limit("testWorkflow", "/v9"), None);
        assert_eq!(operation_limit("listAccounts", "/v2024"), None);
    }
}
