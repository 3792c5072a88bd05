//! The job families of ISC as data: where each one's status answer keeps
//! its status, messages and progress, and which statuses end the wait.
//! Generated waiters name one of these constants; the reading is done
//! here, once, on the answer encoded as JSON, so generated code stays one
//! line per waiter.
//!
//! ISC's vocabulary is not consistent (`COMPLETE`, `COMPLETED`,
//! `FINISHED` and `SUCCESS` all mean done; `TEMPERROR` and `TEMP_ERROR`
//! both appear; tenants send `Success` where the enum says `SUCCESS`), so
//! statuses are compared after [`normalize`]: upper case, without `_`, `-`
//! or spaces. A status no list holds, or none at all, is still running.

use super::policy::WaitPolicy;
use serde_json::Value;
use std::time::Duration;

/// What a status says about the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Not finished yet (also: a status the family does not know, or none).
    Running,
    /// Finished; `warnings` may say it finished with warnings.
    Finished,
    /// Ended without finishing: failed, cancelled, terminated.
    Failed,
}

/// A job's progress as its status answer reports it, for a progress bar
/// or a log line.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Progress {
    /// Percent complete (`percentComplete` of a task).
    pub percent: Option<f64>,
    /// Items done (`processedAccounts` of an aggregation).
    pub done: Option<u64>,
    /// Items in all (`totalAccounts`).
    pub total: Option<u64>,
    /// The job's own words (`progress` of a task: `Processing 300 of 1200`).
    pub text: Option<String>,
}

impl Progress {
    /// Whether the answer reported nothing about progress.
    pub fn is_empty(&self) -> bool {
        self.percent.is_none() && self.done.is_none() && self.total.is_none() && self.text.is_none()
    }
}

/// One status answer, read: what the waiter decides from and reports.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Observation {
    /// Running, finished or failed.
    pub state: State,
    /// The status as the server sent it (`Success`, `IN_PROGRESS`), or
    /// `None` when the answer had none (a running task's `null`).
    pub status: Option<String>,
    /// The job's messages (a task's `messages`, a password change's
    /// `errors`, a deploy's `message`), as text.
    pub messages: Vec<String>,
    /// Messages that are warnings: those typed `WARN`, or all of them when
    /// the status itself is a warning (`WARNING`).
    pub warnings: Vec<String>,
    /// Progress, where the answer reports it.
    pub progress: Progress,
}

impl Observation {
    /// An answer with `state` and the raw `status`, nothing else.
    pub fn new(state: State, status: Option<&str>) -> Self {
        Observation {
            state,
            status: status.map(str::to_owned),
            messages: Vec::new(),
            warnings: Vec::new(),
            progress: Progress::default(),
        }
    }

    /// Still running, with the status seen.
    pub fn running(status: Option<&str>) -> Self {
        Observation::new(State::Running, status)
    }

    /// Finished, with the status seen.
    pub fn finished(status: Option<&str>) -> Self {
        Observation::new(State::Finished, status)
    }

    /// Failed, with the status seen and the job's messages.
    pub fn failed(status: Option<&str>, messages: Vec<String>) -> Self {
        Observation {
            messages,
            ..Observation::new(State::Failed, status)
        }
    }

    /// The same, with `progress`.
    pub fn with_progress(mut self, progress: Progress) -> Self {
        self.progress = progress;
        self
    }
}

/// A status compared by [`Family`]: upper case, without `_`, `-` and
/// spaces, so `TEMP_ERROR`, `TEMPERROR` and `temp-error` are one word.
pub fn normalize(status: &str) -> String {
    status
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_uppercase)
        .collect()
}

/// One kind of ISC job: where its status answer keeps what a waiter
/// reads, which statuses end the wait, and how long to wait by default.
/// Data only; [`observe`](Self::observe) reads an answer with it. Define
/// your own for a job the SDK does not know and pass it to
/// [`Waiter::family`](super::Waiter::family).
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// What the job is, for messages (`task`, `sp-config export`).
    pub name: &'static str,
    /// The property holding the status (`completionStatus`, `status`, `state`).
    pub status: &'static str,
    /// Statuses that mean finished.
    pub finished: &'static [&'static str],
    /// Statuses that mean finished with warnings.
    pub warning: &'static [&'static str],
    /// Statuses that mean the job ended without finishing.
    pub failed: &'static [&'static str],
    /// Properties holding the job's messages: strings, lists of strings,
    /// or lists of message objects (`{type, localizedText: {message}}`).
    pub messages: &'static [&'static str],
    /// The property holding percent complete.
    pub percent: Option<&'static str>,
    /// The properties holding items done and items in all.
    pub counts: Option<(&'static str, &'static str)>,
    /// The property holding progress in words.
    pub progress_text: Option<&'static str>,
    /// Delays and the cap a waiter of this family uses unless told otherwise.
    pub policy: WaitPolicy,
}

/// What all of ISC's families say for "done".
pub const DONE: &[&str] = &["COMPLETE", "COMPLETED", "FINISHED", "SUCCESS"];
/// What all of ISC's families say for "ended badly".
pub const ENDED: &[&str] = &[
    "ERROR",
    "FAILED",
    "FAILURE",
    "TERMINATED",
    "CANCELLED",
    "CANCELED",
    "TEMPERROR",
];

const MINUTE: Duration = Duration::from_secs(60);

/// Tasks (`getTaskStatus`, `/task-status/{id}`): entitlement imports,
/// identity processing, asynchronous deletes, and an aggregation after
/// its own status is gone. `completionStatus` is `null` while running.
pub const TASK: Family = Family {
    name: "task",
    status: "completionStatus",
    finished: DONE,
    warning: &["WARNING"],
    failed: ENDED,
    messages: &["messages"],
    percent: Some("percentComplete"),
    counts: None,
    progress_text: Some("progress"),
    policy: WaitPolicy::new(
        Duration::from_secs(2),
        Duration::from_secs(30),
        MINUTE.saturating_mul(60),
    ),
};

/// Account aggregations (`getAccountAggregationStatus`); statuses
/// `STARTED`, `ACCOUNTS_COLLECTED`, `RETRIED` and `NOT_FOUND` are running.
pub const ACCOUNT_AGGREGATION: Family = Family {
    name: "account aggregation",
    status: "status",
    finished: DONE,
    warning: &[],
    failed: ENDED,
    messages: &[],
    percent: None,
    counts: Some(("processedAccounts", "totalAccounts")),
    progress_text: None,
    policy: WaitPolicy::new(
        Duration::from_secs(2),
        Duration::from_secs(30),
        MINUTE.saturating_mul(60),
    ),
};

/// sp-config exports (`getSpConfigExportStatus`); the result is
/// `getSpConfigExport` (`/sp-config/export/{id}/download`).
pub const SP_CONFIG_EXPORT: Family = Family {
    name: "sp-config export",
    status: "status",
    finished: DONE,
    warning: &[],
    failed: ENDED,
    messages: &["message"],
    percent: None,
    counts: None,
    progress_text: None,
    policy: WaitPolicy::new(
        Duration::from_secs(1),
        Duration::from_secs(15),
        MINUTE.saturating_mul(30),
    ),
};

/// sp-config imports (`getSpConfigImportStatus`); the result is
/// `getSpConfigImport` (`/sp-config/import/{id}/download`).
pub const SP_CONFIG_IMPORT: Family = Family {
    name: "sp-config import",
    ..SP_CONFIG_EXPORT
};

/// Reports (`getReportResult`); the file is `getReport`.
pub const REPORT: Family = Family {
    name: "report",
    warning: &["WARNING"],
    messages: &[],
    policy: WaitPolicy::new(
        Duration::from_secs(2),
        Duration::from_secs(30),
        MINUTE.saturating_mul(60),
    ),
    ..SP_CONFIG_EXPORT
};

/// Configuration Hub deploys (`getDeploy`).
pub const DEPLOY: Family = Family {
    name: "deploy",
    ..SP_CONFIG_EXPORT
};

/// Non-employee bulk uploads (`getNonEmployeeBulkUploadStatus`).
pub const NON_EMPLOYEE_BULK_UPLOAD: Family = Family {
    name: "non-employee bulk upload",
    messages: &[],
    ..SP_CONFIG_EXPORT
};

/// Role metadata bulk updates (`getBulkUpdateStatusById`).
pub const ROLE_BULK_UPDATE: Family = Family {
    name: "role bulk update",
    messages: &[],
    ..SP_CONFIG_EXPORT
};

/// Password changes (`getPasswordChangeStatus`, beta's
/// `getIdentityPasswordChangeStatus`): `state` `FINISHED` or `FAILED`, the
/// server's reasons in `errors`.
pub const PASSWORD_CHANGE: Family = Family {
    name: "password change",
    status: "state",
    finished: DONE,
    warning: &[],
    failed: ENDED,
    messages: &["errors"],
    percent: None,
    counts: None,
    progress_text: None,
    policy: WaitPolicy::new(
        Duration::from_millis(500),
        Duration::from_secs(5),
        Duration::from_secs(120),
    ),
};

impl Family {
    /// What `status` says: compared after [`normalize`], so case and
    /// underscores do not matter; unknown or `None` is running.
    pub fn classify(&self, status: Option<&str>) -> State {
        let Some(status) = status else {
            return State::Running;
        };
        let s = normalize(status);
        let is = |list: &[&str]| list.iter().any(|w| normalize(w) == s);
        if is(self.finished) || is(self.warning) {
            State::Finished
        } else if is(self.failed) {
            State::Failed
        } else {
            State::Running
        }
    }

    /// Reads a status answer (as JSON) with this family's properties.
    pub fn observe(&self, answer: &Value) -> Observation {
        let status = answer.get(self.status).and_then(text);
        let state = self.classify(status.as_deref());
        let mut messages = Vec::new();
        let mut typed_warnings = Vec::new();
        for field in self.messages {
            if let Some(v) = answer.get(*field) {
                collect_messages(v, &mut messages, &mut typed_warnings);
            }
        }
        let is_warning_status = status
            .as_deref()
            .is_some_and(|s| self.warning.iter().any(|w| normalize(w) == normalize(s)));
        let warnings = if typed_warnings.is_empty() && is_warning_status {
            messages.clone()
        } else {
            typed_warnings
        };
        let number = |f: Option<&str>| f.and_then(|f| answer.get(f)).and_then(Value::as_f64);
        let count = |f: Option<&str>| f.and_then(|f| answer.get(f)).and_then(Value::as_u64);
        let progress = Progress {
            percent: number(self.percent),
            done: count(self.counts.map(|c| c.0)),
            total: count(self.counts.map(|c| c.1)),
            text: self
                .progress_text
                .and_then(|f| answer.get(f))
                .and_then(text),
        };
        Observation {
            state,
            status,
            messages,
            warnings,
            progress,
        }
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Message texts from a string, a list, or message objects; those typed
/// `WARN`/`WARNING` also go to `warnings`.
fn collect_messages(v: &Value, out: &mut Vec<String>, warnings: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.is_empty() => out.push(s.clone()),
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_messages(i, out, warnings)),
        Value::Object(o) => {
            let words = o
                .get("localizedText")
                .and_then(|l| l.get("message"))
                .or_else(|| o.get("message"))
                .or_else(|| o.get("text"))
                .or_else(|| o.get("key"))
                .and_then(text);
            if let Some(words) = words {
                let kind = o.get("type").and_then(Value::as_str).map(normalize);
                if matches!(kind.as_deref(), Some("WARN" | "WARNING")) {
                    warnings.push(words.clone());
                }
                out.push(words);
            }
        }
        _ => {}
    }
}
