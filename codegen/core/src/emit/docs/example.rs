//! The example call in each method's rustdoc: the method with its required
//! arguments and a few of its setters, filled from the spec's examples, so
//! a reader sees the call shape of that very operation.

use crate::ir::{Api, ModelKind, Operation, Param, Success, Ty};
use serde_json::Value;

/// How many setters an example shows at most.
const MAX_SETTERS: usize = 3;

/// The example as a fenced block (`text`, not a doctest: it needs a client and values
/// the spec cannot give, so it is shown, not compiled).
pub(crate) fn example_call(api: &Api, op: &Operation) -> String {
    let args: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.required && p.fixed.is_none())
        .map(|p| arg_value(api, p))
        .chain(
            op.body
                .iter()
                .filter(|b| b.required)
                .map(|_| "&body".to_owned()),
        )
        .collect();
    let mut lines = vec![format!("api.{}({})", op.method_name, args.join(", "))];
    // Text parameters with an example (filters, sorters) show the most;
    // the rest follow in spec order.
    let mut setters: Vec<&Param> = op.params.iter().filter(|p| p.is_setter()).collect();
    setters.sort_by_key(|p| !(p.ty == Ty::String && p.example.is_some()));
    lines.extend(
        setters
            .into_iter()
            .filter_map(|p| setter_value(api, p).map(|v| format!("    .{}({v})", p.name)))
            .take(MAX_SETTERS),
    );
    if op.body.as_ref().is_some_and(|b| !b.required) {
        lines.push("    .body(&body)".to_owned());
    }
    let binding = match op.success {
        Success::Empty => "",
        _ => "let answer = ",
    };
    let mut text = format!("Example:\n```text\n{binding}{}", lines.join("\n"));
    text.push_str(if lines.len() > 1 {
        "\n    .await?;\n```"
    } else {
        ".await?;\n```"
    });
    text
}

/// A required argument: the spec's example when it fits the type.
fn arg_value(api: &Api, p: &Param) -> String {
    match literal(api, &p.ty, p.example.as_ref()) {
        // A required array is a slice of owned strings.
        Some(v) if matches!(p.ty, Ty::Vec(_)) => format!(
            "&{}",
            v.replace("\",", "\".to_owned(),")
                .replace("\"]", "\".to_owned()]")
        ),
        Some(v) => v,
        None => p.name.to_string(),
    }
}

/// A setter's value, or `None` for a type the example does not show
/// (structured values, enums without an example).
fn setter_value(api: &Api, p: &Param) -> Option<String> {
    literal(api, &p.ty, p.example.as_ref())
}

/// A Rust literal of type `ty` from the example, or a neutral one.
fn literal(api: &Api, ty: &Ty, example: Option<&Value>) -> Option<String> {
    Some(match ty {
        Ty::String | Ty::DateTime | Ty::Date => {
            let text = match example {
                Some(Value::String(s)) => s.clone(),
                Some(v @ (Value::Number(_) | Value::Bool(_))) => v.to_string(),
                _ => "…".to_owned(),
            };
            format!("{text:?}")
        }
        Ty::I32 | Ty::I64 => match example {
            Some(Value::Number(n)) if n.is_i64() => n.to_string(),
            _ => "10".to_owned(),
        },
        Ty::F64 => match example {
            Some(Value::Number(n)) => format!("{:?}", n.as_f64().unwrap_or(1.0)),
            _ => "1.0".to_owned(),
        },
        Ty::Bool => match example {
            Some(Value::Bool(b)) => b.to_string(),
            _ => "true".to_owned(),
        },
        Ty::Vec(inner) if matches!(**inner, Ty::String) => {
            let items: Vec<String> = match example {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(|s| format!("{s:?}")))
                    .collect(),
                Some(Value::String(s)) => s.split(',').map(|s| format!("{s:?}")).collect(),
                _ => Vec::new(),
            };
            if items.is_empty() {
                "[\"…\"]".to_owned()
            } else {
                format!("[{}]", items.join(", "))
            }
        }
        Ty::Named(id) => match api.model(*id).map(|m| (&m.kind, &m.name)) {
            Some((ModelKind::StringEnum { variants, .. }, name)) => {
                let wanted = example.and_then(Value::as_str);
                let v = variants
                    .iter()
                    .find(|v| Some(v.wire.as_str()) == wanted)
                    .or_else(|| variants.first())?;
                format!("{name}::{}", v.name)
            }
            Some((ModelKind::Alias(t), _)) => return literal(api, t, example),
            _ => return None,
        },
        _ => return None,
    })
}
