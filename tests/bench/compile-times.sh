#!/usr/bin/env bash
# Compile-time benchmark for include_api! (prints figures; not a test).
#
#   bash tests/bench/compile-times.sh
#
# For the unmodified upstream v2024 and beta specs, the full v2024 spec
# filtered to the Password Management tag, and the two Password Management
# spec files in spec/, it measures, in a crate holding only the macro call
# with its dependencies already built:
#   - generation alone through the library (median of 5 runs, release);
#   - cold `cargo build` wall time of that crate and the peak RSS of rustc;
#   - rebuild time after a one-line edit of the spec.
# Needs ../shared/specs/upstream beside the repo for the upstream rows.
#
# Two more rows take six of SailPoint's per-resource specs
# (../shared/specs/idn/apis: password-management, accounts, identities,
# search, sources, access-profiles, with shared/), copied into the crate:
#   - resources-6-one-call: one include_api!(dir = ..., resources = [...]),
#     the types the resources share generated once;
#   - resources-6-separate: six include_api! of the same files, one module
#     each, every shared type generated once per resource.
# Their one-line edit is in a file every resource reads
# (shared/schemas/errorresponsedto.yaml).
#
# CASES="pm-v2024 resources-6-one-call" bash tests/bench/compile-times.sh
# runs only the named cases.
#
# MACRO_OPT=3 bash tests/bench/compile-times.sh measures the same with
# `[profile.dev.build-override] opt-level = 3` in the bench crate, the
# setting the README suggests for big specs (the generator then runs
# optimized inside rustc instead of at opt-level 0).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
upstream="$repo/../shared/specs/upstream"
apis="$repo/../shared/specs/idn/apis"
resources="password-management accounts identities search sources access-profiles"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target"

cargo build --release --locked -q -p sailpoint-isc-codegen --example bench_generate --manifest-path "$repo/Cargo.toml"
gen="$CARGO_TARGET_DIR/release/examples/bench_generate"

# name | spec file | macro options
cases=(
  "pm-v2024|$repo/spec/v2024/password-management.yaml|"
  "pm-beta|$repo/spec/beta/password-management.yaml|, suffix = \"Beta\""
  "full-v2024-filtered-pm|$upstream/deref-sailpoint-api.v2024.yaml|, tags = [\"Password Management\"]"
  "full-v2024|$upstream/deref-sailpoint-api.v2024.yaml|"
  "full-beta|$upstream/deref-sailpoint-api.beta.yaml|, suffix = \"Beta\""
  "resources-6-one-call|$apis|resources"
  "resources-6-separate|$apis|separate"
)

crate="$work/bench-crate"
mkdir -p "$crate/src"
cp "$repo/Cargo.lock" "$crate/"
cp "$repo/rust-toolchain.toml" "$crate/"
cat > "$crate/Cargo.toml" <<TOML
[package]
name = "bench-crate"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
sailpoint-isc = { path = "$repo/runtime" }
[workspace]
TOML
if [ -n "${MACRO_OPT:-}" ]; then
  printf '[profile.dev.build-override]\nopt-level = %s\n' "$MACRO_OPT" >> "$crate/Cargo.toml"
  echo "proc macros and build scripts at opt-level $MACRO_OPT"
fi
echo 'pub fn nothing() {}' > "$crate/src/lib.rs"
echo "building dependencies once..."
(cd "$crate" && cargo build --offline -q)

printf '\n%-24s %10s %12s %14s %12s\n' case generate cold-build peak-rustc-MB rebuild
# The crate's lib.rs for a resources case: one call, or one per resource.
resources_lib() {
  local list
  if [ "$1" = resources ]; then
    list=$(printf '"%s", ' $resources)
    echo "pub mod api { sailpoint_isc::include_api!(dir = \"apis\", resources = [$list]); }"
  else
    for r in $resources; do
      echo "pub mod ${r//-/_} { sailpoint_isc::include_api!(\"apis/$r/openapi.yaml\"); }"
    done
  fi
}

for c in "${cases[@]}"; do
  IFS='|' read -r name spec opts <<<"$c"
  if [ -n "${CASES:-}" ] && [[ " $CASES " != *" $name "* ]]; then
    continue
  fi
  if [ ! -e "$spec" ]; then
    printf '%-24s SKIPPED (%s not found)\n' "$name" "$spec"
    continue
  fi
  rm -rf "$crate/apis" "$crate/spec.yaml"
  case "$opts" in
    resources|separate)
      list=$(echo $resources | tr ' ' ',')
      sep=(); [ "$opts" = separate ] && sep=(--separate)
      g=$("$gen" "$spec" 5 --resources "$list" "${sep[@]}" | sed -E 's/.*total ([^ ]+)$/\1/')
      mkdir -p "$crate/apis"
      for r in $resources shared; do cp -r "$spec/$r" "$crate/apis/"; done
      resources_lib "$opts" > "$crate/src/lib.rs"
      edited="$crate/apis/shared/schemas/errorresponsedto.yaml"
      ;;
    *)
      filter_args=()
      case "$opts" in *tags*) filter_args=(--tag "Password Management");; esac
      g=$("$gen" "$spec" 5 "${filter_args[@]}" | sed -E 's/.*total ([^ ]+)$/\1/')
      cp "$spec" "$crate/spec.yaml"
      echo "pub mod api { sailpoint_isc::include_api!(\"spec.yaml\"$opts); }" > "$crate/src/lib.rs"
      edited="$crate/spec.yaml"
      ;;
  esac
  (cd "$crate" && cargo clean --offline -q -p bench-crate)
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" bash -c "cd '$crate' && cargo build --offline -q"
  t1=$(date +%s.%N)
  rss_mb=$(( $(cat "$work/rss") / 1024 ))
  # One-line edit: a new optional property on the first schema that has properties.
  python3 - "$edited" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r"(\n([ \t]*)properties:\n)", r"\1\2  benchEditedProperty: {type: string}\n", s, count=1)
open(p, "w").write(s)
PY
  t2=$(date +%s.%N)
  (cd "$crate" && cargo build --offline -q)
  t3=$(date +%s.%N)
  printf '%-24s %10s %11.1fs %14s %11.1fs\n' "$name" "$g" "$(python3 -c "print($t1 - $t0)")" "$rss_mb" "$(python3 -c "print($t3 - $t2)")"
done
