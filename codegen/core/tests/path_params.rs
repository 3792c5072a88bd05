//! Path parameters the spec declares under another name than the path
//! template uses: the rule of `ir/operation.rs` on a small spec, and the
//! exact list of upstream v2024 operations it applies to.

use sailpoint_isc_codegen::unstable::ir;
use sailpoint_isc_codegen::{generate, load_file, load_str, render, Format, Settings};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use support::upstream_spec;

mod support;

const HEAD: &str = "openapi: 3.0.1\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://{tenant}.example.com/v9'}]\n";

#[test]
fn a_misnamed_path_parameter_is_one_argument_and_an_unplaceable_one_none() {
    let yaml = format!(
        r#"{HEAD}paths:
  /data-segments/{{segmentId}}:
    get:
      operationId: getDataSegment
      parameters:
        - {{name: id, in: path, required: true, description: The segment's id., schema: {{type: string}}}}
        - {{name: limit, in: query, schema: {{type: integer}}}}
      responses: {{'204': {{description: ok}}}}
  /suggested-entitlement-descriptions:
    patch:
      operationId: patchSed
      parameters:
        - {{name: id, in: path, required: true, schema: {{type: string}}}}
      responses: {{'204': {{description: ok}}}}
  /pairs/{{a}}/{{b}}:
    get:
      operationId: getPair
      parameters:
        - {{name: x, in: path, required: true, schema: {{type: string}}}}
        - {{name: y, in: path, required: true, schema: {{type: string}}}}
      responses: {{'204': {{description: ok}}}}
"#
    );
    let doc = load_str(&yaml, Path::new("test.yaml"), Format::Yaml).expect("spec loads");
    let out = generate(&doc, &Settings::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let text = render(&out.tokens).expect("output parses");
    let flat: String = text.split_whitespace().collect();
    for want in [
        // One argument, named after the template variable, sent under it.
        "pubfnget_data_segment(&self,segment_id:&str)->GetDataSegmentCall",
        ".path(\"segmentId\",segment_id)",
        "///-`segment_id`(path`segmentId`,declaredinthespecas`id`):Thesegment'sid.",
        // Declared but with no place in the template: not an argument.
        "pubfnpatch_sed(&self)->::sailpoint_isc::Call<()>",
        "///Thespecalsodeclaresthepathparameter(s)`id`,whichthepath`/suggested-entitlement-descriptions`hasnoplacefor;theyarenotarguments.",
        // Two misnamed, two undeclared: no pairing is guessed.
        "pubfnget_pair(&self,a:&str,b:&str)",
        "parameter(s)`x`,`y`,whichthepath`/pairs/{a}/{b}`",
    ] {
        assert!(flat.contains(want), "{want} missing:\n{text}");
    }
    assert!(!flat.contains(",id:&str"), "{text}");
}

/// The declared path parameters of every operation of `raw`, by
/// `operationId`, path-level ones included, `$ref`s to
/// `#/components/parameters` followed.
fn mismatched(raw: &Value) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let component = |p: &Value| -> Value {
        match p.get("$ref").and_then(Value::as_str) {
            Some(r) => raw["components"]["parameters"]
                [r.trim_start_matches("#/components/parameters/")]
            .clone(),
            None => p.clone(),
        }
    };
    let mut out = BTreeMap::new();
    let paths = raw["paths"].as_object().expect("paths");
    for (path, item) in paths {
        let vars: Vec<String> = path
            .split('{')
            .skip(1)
            .filter_map(|s| s.split('}').next())
            .map(str::to_owned)
            .collect();
        let shared = item["parameters"].as_array().cloned().unwrap_or_default();
        for (verb, op) in item.as_object().expect("path item") {
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let own = op["parameters"].as_array().cloned().unwrap_or_default();
            let mut declared: Vec<String> = shared
                .iter()
                .chain(&own)
                .map(component)
                .filter(|p| p["in"] == "path")
                .filter_map(|p| p["name"].as_str().map(str::to_owned))
                .collect();
            declared.sort();
            declared.dedup();
            let missing: Vec<String> = declared
                .iter()
                .filter(|d| !vars.contains(d))
                .cloned()
                .collect();
            let undeclared: Vec<String> = vars
                .iter()
                .filter(|v| !declared.contains(v))
                .cloned()
                .collect();
            if (!missing.is_empty() || !undeclared.is_empty()) && verb != "parameters" {
                out.insert(id.to_owned(), (missing, undeclared));
            }
        }
    }
    out
}

#[test]
fn upstream_v2024_operations_the_path_parameter_rule_applies_to() {
    let Some(path) = upstream_spec("deref-sailpoint-api.v2024.yaml") else {
        return;
    };
    let doc = load_file(&path).expect("upstream spec loads");
    let found = mismatched(&doc.raw);
    let (api, _) = ir::build(&doc, &Settings::default());
    let mut renamed = Vec::new();
    let mut unplaced = Vec::new();
    let mut undeclared = Vec::new();
    for op in &api.operations {
        for p in op.params.iter().filter(|p| p.declared_as.is_some()) {
            renamed.push(format!(
                "{}: {} as {}",
                op.id,
                p.declared_as.as_deref().unwrap_or_default(),
                p.wire
            ));
        }
        if !op.unplaced_path_params.is_empty() {
            unplaced.push(format!("{}: {}", op.id, op.unplaced_path_params.join(", ")));
        }
        if let Some((missing, vars)) = found.get(&op.id) {
            if missing.is_empty() {
                // The spec forgot to declare them; they are `String` arguments.
                assert!(vars.iter().all(|v| op.params.iter().any(|p| &p.wire == v)));
                undeclared.push(format!("{}: {}", op.id, vars.join(", ")));
            }
        }
    }
    assert_eq!(
        renamed,
        [
            "updateCampaignFilter: filterId as id",
            // In the order openapiv3 walks a path's methods.
            "deleteScheduledAction: scheduledActionId as id",
            "updateScheduledAction: scheduledActionId as id",
            "getDataSegment: id as segmentId",
            "deleteDataSegment: id as segmentId",
            "patchDataSegment: id as segmentId",
            "resetIdentity: identityId as id",
            "getNativeChangeDetectionConfig: id as sourceId",
            "putNativeChangeDetectionConfig: id as sourceId",
            "deleteNativeChangeDetectionConfig: id as sourceId",
            "compareIdentitySnapshotsAccessType: accessType as access-type",
            "getMachineClassificationConfig: id as sourceId",
            "setMachineClassificationConfig: id as sourceId",
            "deleteMachineClassificationConfig: id as sourceId",
            "listMachineAccountMappings: id as sourceId",
            "createMachineAccountMappings: id as sourceId",
            "deleteMachineAccountMappings: id as sourceId",
            "setMachineAccountMappings: id as sourceId",
        ]
    );
    assert_eq!(
        unplaced,
        [
            "getEntitlementDetailsForIdentity: identityId, entitlementId",
            "patchPotentialRole: sessionId",
            "patchSed: id",
            "getBulkUpdateStatusById: id",
        ]
    );
    assert_eq!(
        undeclared,
        [
            "publishDataSegment: segmentId",
            "getNotificationPreferences: key",
        ]
    );
    // The 24 operations whose declared path parameters and template differ
    // are exactly the ones above, each built.
    assert_eq!(found.len(), 24, "{found:#?}");
    assert_eq!(
        renamed.len() + unplaced.len() + undeclared.len(),
        found.len()
    );
}
