//! Which operations get a waiter: the status operations of ISC's
//! long-running jobs, found by `operationId`. A per-resource spec carries
//! the same operations with a version suffix (`getTaskStatusV1`), which
//! the waiter's name keeps (`wait_for_task_v1`), as the methods do.
//!
//! Each entry is data for the runtime: the poll operation and the name of
//! the runtime's job family that reads its answers (`sailpoint_isc::wait::TASK`).
//! Every line of a spec (v3, v2024, v2025, beta, per-resource) and every
//! filtered build that keeps the poll operation gets the waiter.

use super::model::{Api, Operation, ParamIn, Success, Ty};
use crate::names::Ident;

/// A waiter method to emit on the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiter {
    /// The method's name (`wait_for_task`, `wait_for_task_v1`).
    pub name: Ident,
    /// The runtime's family constant (`TASK`).
    pub family: &'static str,
    /// What the job is, for the method's docs.
    pub job: &'static str,
    /// The poll operation, by index in `Api::operations`.
    pub poll: usize,
    /// For an aggregation: `getTaskStatus`, polled once the aggregation's
    /// own status answers `404`.
    pub fallback: Option<usize>,
}

/// One known status operation.
struct Known {
    poll: &'static [&'static str],
    waiter: &'static str,
    family: &'static str,
    job: &'static str,
}

/// ISC's job families, by their status operations (issue 22's table).
/// Role propagation and campaigns are not here: see the runtime's docs.
const KNOWN: &[Known] = &[
    Known {
        poll: &["getTaskStatus"],
        waiter: "wait_for_task",
        family: "TASK",
        job: "the task",
    },
    Known {
        poll: &["getAccountAggregationStatus"],
        waiter: "wait_for_account_aggregation",
        family: "ACCOUNT_AGGREGATION",
        job: "the account aggregation",
    },
    Known {
        poll: &["getSpConfigExportStatus"],
        waiter: "wait_for_sp_config_export",
        family: "SP_CONFIG_EXPORT",
        job: "the sp-config export",
    },
    Known {
        poll: &["getSpConfigImportStatus"],
        waiter: "wait_for_sp_config_import",
        family: "SP_CONFIG_IMPORT",
        job: "the sp-config import",
    },
    Known {
        poll: &["getReportResult"],
        waiter: "wait_for_report",
        family: "REPORT",
        job: "the report",
    },
    Known {
        poll: &["getDeploy"],
        waiter: "wait_for_deploy",
        family: "DEPLOY",
        job: "the deploy",
    },
    Known {
        poll: &["getNonEmployeeBulkUploadStatus"],
        waiter: "wait_for_non_employee_bulk_upload",
        family: "NON_EMPLOYEE_BULK_UPLOAD",
        job: "the non-employee bulk upload",
    },
    Known {
        poll: &["getBulkUpdateStatusById"],
        waiter: "wait_for_role_bulk_update",
        family: "ROLE_BULK_UPDATE",
        job: "the role metadata bulk update",
    },
    Known {
        poll: &["getPasswordChangeStatus", "getIdentityPasswordChangeStatus"],
        waiter: "wait_for_password_change",
        family: "PASSWORD_CHANGE",
        job: "the password change",
    },
];

/// The operation id without a per-resource version suffix, and the suffix
/// (`getTaskStatusV1` → `getTaskStatus`, `V1`).
pub(crate) fn split_suffix(id: &str) -> (&str, &str) {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = &id[..id.len() - digits];
    match head.strip_suffix('V') {
        Some(base) if digits > 0 && !base.is_empty() => (base, &id[base.len()..]),
        _ => (id, ""),
    }
}

/// The waiters `api` gets.
pub(super) fn detect(api: &Api) -> Vec<Waiter> {
    let taken = |name: &str| {
        api.operations
            .iter()
            .any(|op| op.method_name.as_str() == name)
    };
    let mut out = Vec::new();
    for (i, op) in api.operations.iter().enumerate() {
        let (base, suffix) = split_suffix(&op.id);
        let Some(known) = KNOWN.iter().find(|k| k.poll.contains(&base)) else {
            continue;
        };
        if !pollable(api, op) {
            continue;
        }
        let fallback = (known.family == "ACCOUNT_AGGREGATION")
            .then(|| task_status(api, suffix))
            .flatten()
            .filter(|t| same_arguments(op, &api.operations[*t]));
        let name = format!(
            "{}{}",
            known.waiter,
            suffix.to_ascii_lowercase().replace('v', "_v")
        );
        if taken(&name) || out.iter().any(|w: &Waiter| w.name.as_str() == name) {
            continue;
        }
        out.push(Waiter {
            name: Ident::new(&name),
            family: known.family,
            job: known.job,
            poll: i,
            fallback,
        });
    }
    out
}

/// A status call the runtime can read: a JSON object answered, and one
/// required argument, a path parameter (the job's id).
fn pollable(api: &Api, op: &Operation) -> bool {
    let json_object =
        matches!(&op.success, Success::Json(Ty::Named(id)) if api.model(*id).is_some());
    json_object && required_args(op).count() == 1 && op.body.is_none()
}

fn required_args(op: &Operation) -> impl Iterator<Item = &super::model::Param> {
    op.params
        .iter()
        .filter(|p| p.fixed.is_none() && !p.is_setter())
}

fn same_arguments(a: &Operation, b: &Operation) -> bool {
    let args = |op| {
        required_args(op)
            .map(|p| (p.location, p.ty.clone()))
            .collect::<Vec<_>>()
    };
    args(a) == args(b) && args(a).iter().all(|(l, _)| *l == ParamIn::Path)
}

/// `getTaskStatus`, with the same suffix preferred.
fn task_status(api: &Api, suffix: &str) -> Option<usize> {
    let tasks = || {
        api.operations
            .iter()
            .enumerate()
            .filter(|(_, op)| split_suffix(&op.id).0 == "getTaskStatus" && pollable(api, op))
    };
    tasks()
        .find(|(_, op)| split_suffix(&op.id).1 == suffix)
        .or_else(|| tasks().next())
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::split_suffix;

    #[test]
    fn suffixes() {
        assert_eq!(split_suffix("getTaskStatusV1"), ("getTaskStatus", "V1"));
        assert_eq!(
            split_suffix("listProvisioningPoliciesV2"),
            ("listProvisioningPolicies", "V2")
        );
        assert_eq!(split_suffix("getTaskStatus"), ("getTaskStatus", ""));
        assert_eq!(split_suffix("getV2"), ("get", "V2"));
        assert_eq!(split_suffix("V1"), ("V1", ""));
        assert_eq!(split_suffix("getPasswordV"), ("getPasswordV", ""));
    }
}
