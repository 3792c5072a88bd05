//! Typed filters and sorters (issue 24) as a server receives them: a
//! loopback server reads the `filters` query parameter with a parser of
//! ISC's filter language (`sailpoint_isc_tests::filter_lang`) and sees the
//! expression the filter was built as. Values with quotes, backslashes,
//! parentheses, ` or `, `%`, `#`, `&`, `+` and non-ASCII text arrive as
//! one value, exactly; the injection `x" or name pr or name eq "y` stays
//! one string.

use sailpoint_isc::{Client, DateTime};
use sailpoint_isc_tests::filter_lang::{parse, Expr, Value};
use sailpoint_isc_tests::scripted::{Reply, Scripted};
use serde_json::json;

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("runtime/filters.yaml");
}
use api::filters::ListAccounts as f;
use api::sorters::ListAccounts as s;
use api::Api;

async fn server() -> (Scripted, Api) {
    let (server, base) = Scripted::start().await;
    let client = Client::builder()
        .base_url(&base)
        .bearer_token("t")
        .build()
        .expect("a valid configuration");
    (server, Api::new(client))
}

/// The query pairs of the one request received, decoded as a form (`+`
/// is a space there, so an unencoded `+` would show).
fn received(server: &Scripted) -> Vec<(String, String)> {
    let seen = server.take();
    assert_eq!(seen.len(), 1);
    let uri: http::Uri = format!("/?{}", seen[0].query.as_deref().unwrap_or(""))
        .parse()
        .expect("a query");
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&uri)
        .expect("a form-encoded query")
        .0
}

/// The one value of the query parameter `name`.
fn one(pairs: &[(String, String)], name: &str) -> String {
    let values: Vec<&String> = pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v)
        .collect();
    assert_eq!(values.len(), 1, "{pairs:?}");
    values[0].clone()
}

const NASTY: &[&str] = &[
    r#"x" or name pr or name eq "y"#,
    r#"a"b"#,
    r"back\slash\",
    r#"\""#,
    "it's",
    "(paren) and (more",
    "a or b",
    " or ",
    "100% sure",
    "#hash",
    "a&b=c",
    "1+1",
    "é日本語🙂",
    "",
];

#[tokio::test]
async fn every_value_reaches_the_server_as_one_comparison_with_the_exact_value() {
    let (server, api) = server().await;
    for value in NASTY {
        server.reply(Reply::json(200, json!([])));
        api.list_accounts()
            .filters(f::name().eq(*value))
            .await
            .expect("the call succeeds");
        let text = one(&received(&server), "filters");
        assert_eq!(
            parse(&text),
            Ok(Expr::Compare {
                field: "name".into(),
                op: "eq".into(),
                value: Value::Str((*value).into()),
            }),
            "{value:?} sent as {text:?}"
        );
    }
}

#[tokio::test]
async fn list_values_each_arrive_whole() {
    let (server, api) = server().await;
    server.reply(Reply::json(200, json!([])));
    api.list_accounts()
        .filters(f::name().in_(NASTY.iter().copied()))
        .await
        .expect("the call succeeds");
    let text = one(&received(&server), "filters");
    let values = NASTY.iter().map(|v| Value::Str((*v).into())).collect();
    assert_eq!(
        parse(&text),
        Ok(Expr::List {
            field: "name".into(),
            op: "in".into(),
            values
        })
    );
}

#[tokio::test]
async fn a_combined_filter_arrives_with_its_precedence_and_typed_values() {
    let (server, api) = server().await;
    server.reply(Reply::json(200, json!([])));
    let since = DateTime::parse("2024-05-17T08:30:00+02:00").expect("RFC 3339");
    let filter = (f::name().sw("a\" or pr name or \"") | f::recommendation_method().isnull())
        & !f::has_entitlements().eq(true)
        & f::created().ge(since)
        & f::size_limit().gt(5)
        & f::tags().ca(["x", "y"])
        | f::name().pr();
    api.list_accounts()
        .filters(filter)
        .sorters([s::name(), s::created().desc()])
        .await
        .expect("the call succeeds");
    let pairs = received(&server);
    assert_eq!(one(&pairs, "sorters"), "name,-created");
    let text = one(&pairs, "filters");
    let cmp = |field: &str, op: &str, value: Value| Expr::Compare {
        field: field.into(),
        op: op.into(),
        value,
    };
    let and = |a, b| Expr::And(Box::new(a), Box::new(b));
    let expected = Expr::Or(
        Box::new(and(
            and(
                and(
                    and(
                        Expr::Or(
                            Box::new(cmp("name", "sw", Value::Str("a\" or pr name or \"".into()))),
                            Box::new(Expr::IsNull("recommendation.method".into())),
                        ),
                        Expr::Not(Box::new(cmp(
                            "hasEntitlements",
                            "eq",
                            Value::Bare("true".into()),
                        ))),
                    ),
                    cmp(
                        "created",
                        "ge",
                        Value::Bare("2024-05-17T08:30:00+02:00".into()),
                    ),
                ),
                cmp("sizeLimit", "gt", Value::Bare("5".into())),
            ),
            Expr::List {
                field: "tags".into(),
                op: "ca".into(),
                values: vec![Value::Str("x".into()), Value::Str("y".into())],
            },
        )),
        Box::new(Expr::Present("name".into())),
    );
    assert_eq!(parse(&text), Ok(expected), "{text}");
}

#[tokio::test]
async fn the_text_form_is_sent_as_it_is() {
    let (server, api) = server().await;
    server.reply(Reply::json(200, json!([])));
    api.list_accounts()
        .filters("name eq \"raw\"")
        .sorters(String::from("-name"))
        .await
        .expect("the call succeeds");
    let pairs = received(&server);
    assert_eq!(one(&pairs, "filters"), "name eq \"raw\"");
    assert_eq!(one(&pairs, "sorters"), "-name");
}
