//! A type as doc text: the generated models and the runtime's types as
//! intra-doc links, the rest as code. A model is linked by its bare name,
//! which is in scope wherever generated docs name it: in its own module,
//! and in a resource module, which re-exports the shared types it uses
//! (the same reason [`ty_tokens`](super::super::tokens::ty_tokens) can
//! spell them bare). A runtime type is linked by the runtime's absolute
//! path, as generated code names it.

use super::super::tokens::Rt;
use crate::ir::{Api, Ty};

/// One piece of a type's doc text.
enum Piece {
    /// Text shown as code.
    Code(String),
    /// A link shown as code: the name, and the path when it is not the name.
    Link(String, Option<String>),
}

/// `ty` as Markdown: `Vec<`[`Account`]`>`, [`PasswordInfo`], `String`.
pub(crate) fn ty_link(api: &Api, rt: &Rt, ty: &Ty) -> String {
    wrapped_link(api, rt, "", ty, "")
}

/// `ty` as Markdown between the code `open` and `close`:
/// `Some(`[`PasswordInfo`]`)`.
pub(crate) fn wrapped_link(api: &Api, rt: &Rt, open: &str, ty: &Ty, close: &str) -> String {
    let mut pieces = vec![Piece::Code(open.to_owned())];
    push_pieces(api, &rt.doc_root(), ty, &mut pieces);
    pieces.push(Piece::Code(close.to_owned()));
    render(&pieces)
}

/// A link to the runtime's item at `path` (`ApiError::body`), shown as
/// `text`.
pub(crate) fn runtime_link(rt: &Rt, text: &str, path: &str) -> String {
    format!("[`{text}`]({}::{path})", rt.doc_root())
}

fn push_pieces(api: &Api, root: &str, ty: &Ty, out: &mut Vec<Piece>) {
    let code = |s: &str| Piece::Code(s.to_owned());
    let runtime = |name: &str| Piece::Link(name.to_owned(), Some(format!("{root}::{name}")));
    let wrap = |open: &str, inner: &Ty, out: &mut Vec<Piece>| {
        out.push(code(open));
        push_pieces(api, root, inner, out);
        out.push(code(">"));
    };
    match ty {
        Ty::String => out.push(code("String")),
        Ty::Bool => out.push(code("bool")),
        Ty::I32 => out.push(code("i32")),
        Ty::I64 => out.push(code("i64")),
        Ty::F64 => out.push(code("f64")),
        Ty::DateTime => out.push(runtime("DateTime")),
        Ty::Date => out.push(runtime("Date")),
        Ty::File => out.push(runtime("FilePart")),
        Ty::Json => out.push(code("serde_json::Value")),
        Ty::JsonObject => out.push(code("serde_json::Map<String, serde_json::Value>")),
        Ty::Vec(inner) => wrap("Vec<", inner, out),
        Ty::Map(inner) => wrap("BTreeMap<String, ", inner, out),
        Ty::Option(inner) => wrap("Option<", inner, out),
        Ty::Named(id) => out.push(match api.model(*id) {
            Some(m) => Piece::Link(m.name.to_string(), None),
            None => code("serde_json::Value"),
        }),
    }
}

/// The pieces as Markdown, neighbouring code in one code span.
fn render(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut code = String::new();
    let flush = |code: &mut String, out: &mut String| {
        if !code.is_empty() {
            out.push_str(&format!("`{code}`"));
            code.clear();
        }
    };
    for piece in pieces {
        match piece {
            Piece::Code(text) => code.push_str(text),
            Piece::Link(name, path) => {
                flush(&mut code, &mut out);
                match path {
                    Some(path) => out.push_str(&format!("[`{name}`]({path})")),
                    None => out.push_str(&format!("[`{name}`]")),
                }
            }
        }
    }
    flush(&mut code, &mut out);
    out
}
