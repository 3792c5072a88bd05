//! A typed filter offers exactly what the spec documents: a field its
//! `filters` description does not list, an operator it does not list for
//! a field, a value of the wrong type and a field of another operation's
//! set are compile errors. The text form stays open.

#[allow(dead_code)]
mod api {
    sailpoint_isc::include_api!("specs/shapes.yaml");
}
use api::filters::ListThings as f;
use api::*;

async fn calls(api: &Api) {
    // `kind` is a property of `Thing`, but not a documented filter field.
    let _ = api.list_things().filters(f::kind().eq("A")).await;
    // `id` takes `eq` and `in`, not `gt`.
    let _ = api.list_things().filters(f::id().gt("x")).await;
    // `size` is an integer.
    let _ = api.list_things().filters(f::size().gt("big")).await;
    // `sorters` takes the sort fields, not a filter.
    let _ = api.list_things().sorters(f::id().eq("x")).await;
}

fn main() {
    let _ = calls;
}
