//! Changes a password with the one-call flow, printing each step.
//!
//! ```text
//! cargo run --example change_password                              # embedded mock tenant, no setup
//! cargo run --example change_password -- --api password-management # the same, per-resource API
//! SAIL_BASE_URL=… SAIL_CLIENT_ID=… SAIL_CLIENT_SECRET=… \
//!   cargo run --example change_password -- [--api API] USER SOURCE # a real tenant
//! ```
//!
//! `--api` picks the API line the flow calls: `v2024` (the default,
//! `/v2024/set-password`), `beta` (`/beta/set-password`; `--beta` is short
//! for it) or `password-management`, SailPoint's per-resource line
//! (`/set-password/v1`).
//!
//! Against a real tenant the new password comes from `SAIL_NEW_PASSWORD` or,
//! if unset, the first line of standard input; never from an argument, where
//! it would show in `ps` and shell history.

use sailpoint_isc::flow::{PasswordChange, PasswordChangeError, Step};
use sailpoint_isc::mock::{MockTenant, DEFAULT_ACCOUNT_ID, DEFAULT_SOURCE_NAME, DEFAULT_USER_NAME};
use sailpoint_isc::{Client, Password};
use std::io::BufRead;
use std::process::ExitCode;

const VARS: [&str; 3] = ["SAIL_BASE_URL", "SAIL_CLIENT_ID", "SAIL_CLIENT_SECRET"];

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: change_password [--api v2024|beta|password-management] USER SOURCE";

/// The API line the flow calls.
#[derive(Clone, Copy)]
enum Api {
    V2024,
    Beta,
    PasswordManagement,
}

impl Api {
    fn parse(name: &str) -> Result<Api, String> {
        match name {
            "v2024" => Ok(Api::V2024),
            "beta" => Ok(Api::Beta),
            "password-management" => Ok(Api::PasswordManagement),
            other => Err(format!("unknown API {other:?}; {USAGE}")),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Api::V2024 => "v2024",
            Api::Beta => "beta",
            Api::PasswordManagement => "password-management (per-resource, /set-password/v1)",
        }
    }
}

/// Takes `--api NAME`, `--api=NAME` and `--beta` out of `args`; the last one
/// given wins.
fn take_api(args: &mut Vec<String>) -> Result<Api, String> {
    let mut api = Api::V2024;
    let mut rest = Vec::with_capacity(args.len());
    let mut it = std::mem::take(args).into_iter();
    while let Some(arg) = it.next() {
        if arg == "--beta" {
            api = Api::Beta;
        } else if arg == "--api" {
            api = Api::parse(&it.next().ok_or(USAGE)?)?;
        } else if let Some(name) = arg.strip_prefix("--api=") {
            api = Api::parse(name)?;
        } else {
            rest.push(arg);
        }
    }
    *args = rest;
    Ok(api)
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let api = take_api(&mut args)?;
    let configured = VARS
        .iter()
        .filter(|v| std::env::var_os(v).is_some())
        .count();

    if configured == 0 {
        return run_against_mock(api).await;
    }
    // Some but not all set: from_env names the missing one.
    let client = Client::from_env()?;
    let [user, source] = <[String; 2]>::try_from(args).map_err(|_| USAGE)?;
    let password = read_password()?;
    println!(
        "token    : OAuth2 client credentials at {}/oauth/token",
        client.base_url()
    );
    let change = PasswordChange::new(user, source, password).with_progress(print_step);
    finish(&client, &change, api).await?;
    Ok(())
}

async fn run_against_mock(api: Api) -> Result<(), Box<dyn std::error::Error>> {
    println!("No SAIL_BASE_URL/SAIL_CLIENT_ID/SAIL_CLIENT_SECRET set: starting the embedded mock tenant.");
    let tenant = MockTenant::start().await?;
    println!("tenant   : {} (mock, 127.0.0.1 only)", tenant.base_url());
    let client = tenant.client();
    println!(
        "token    : OAuth2 client credentials at {}/oauth/token",
        tenant.base_url()
    );
    let new_password = "Corr3ct-Horse-Battery-Staple";
    let change = PasswordChange::new(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, new_password)
        .with_progress(print_step);
    finish(&client, &change, api).await?;
    println!(
        "tokens   : {} token request(s) for the whole run",
        tenant.token_requests()
    );
    match tenant.password_of(DEFAULT_USER_NAME, DEFAULT_SOURCE_NAME, DEFAULT_ACCOUNT_ID) {
        Some(p) if p == new_password => {
            println!("verified : the mock tenant decrypted exactly the password that was sent");
            Ok(())
        }
        _ => Err("the mock tenant did not record the password that was sent".into()),
    }
}

async fn finish(
    client: &Client,
    change: &PasswordChange,
    api: Api,
) -> Result<(), PasswordChangeError> {
    println!("api      : {}", api.name());
    let result = match api {
        Api::V2024 => client.v2024().change_password(change).await,
        Api::Beta => client.beta().change_password(change).await,
        Api::PasswordManagement => client.password_management().change_password(change).await,
    };
    match result {
        Ok(done) => {
            println!(
                "final    : FINISHED (request {}, {} polls)",
                done.request_id, done.polls
            );
            Ok(())
        }
        Err(PasswordChangeError::Failed { request_id, errors }) => {
            println!(
                "final    : FAILED (request {request_id}): {}",
                errors.join("; ")
            );
            Err(PasswordChangeError::Failed { request_id, errors })
        }
        Err(e) => Err(e),
    }
}

fn print_step(step: &Step) {
    match step {
        Step::Queried {
            identity_id,
            source_id,
            accounts,
            policies,
        } => {
            println!(
                "query    : identity {identity_id}, source {source_id}, {} account(s)",
                accounts.len()
            );
            if !policies.is_empty() {
                println!("policy   : {}", policies.join(", "));
            }
        }
        Step::AccountChosen(a) => println!(
            "account  : {}",
            a.name.as_deref().or(a.id.as_deref()).unwrap_or("?")
        ),
        Step::Encrypted {
            public_key_id,
            ciphertext_len,
        } => {
            println!("encrypt  : RSA PKCS#1 v1.5 with key {public_key_id} ({ciphertext_len} base64 chars)")
        }
        Step::Submitted { request_id } => {
            println!("submit   : set-password accepted, request {request_id}")
        }
        Step::Polled { poll, state } => println!("poll {poll:<3} : {state}"),
        other => println!("step     : {other:?}"),
    }
}

/// `SAIL_NEW_PASSWORD`, or the first line of standard input.
fn read_password() -> Result<Password, Box<dyn std::error::Error>> {
    if let Ok(p) = std::env::var("SAIL_NEW_PASSWORD") {
        return Ok(Password::new(p));
    }
    eprintln!("new password (one line on stdin):");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let p = line.trim_end_matches(['\r', '\n']);
    if p.is_empty() {
        return Err("no password given: set SAIL_NEW_PASSWORD or write it on stdin".into());
    }
    Ok(Password::new(p))
}
