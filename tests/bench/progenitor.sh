#!/usr/bin/env bash
# Progenitor baseline for the compile-time benchmark (prints figures; not a test).
#
#   bash tests/bench/progenitor.sh
#   CASES="v2024 beta" bash tests/bench/progenitor.sh
#
# Builds, in a temp crate, what progenitor 0.15.1 generates for SailPoint's
# full upstream spec through its main documented path, the macro
# `progenitor::generate_api!("spec.json")`, and measures it the way
# compile-times.sh measures include_api!: with the dependencies already
# built, the cold `cargo build` wall time of the crate, the peak RSS of rustc,
# and the rebuild after the same one-line spec edit (a new optional property
# on the first schema with properties).
#
# progenitor does not accept the upstream spec as it is, so
# tests/bench/progenitor-prepare.py makes mechanical edits first and prints
# each kind with its count. The rebuild figure is cargo alone, as for
# include_api! (the edit is made to the upstream YAML, then prepared again).
#
# Needs ../shared/specs/upstream beside the repo, python3 with PyYAML, and
# crates.io for the first resolution: the temp crate has its own Cargo.lock
# (`cargo generate-lockfile`); the repo's Cargo.lock is not used or touched.
# The same toolchain as the workspace (rust-toolchain.toml) compiles both.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
upstream="$repo/../shared/specs/upstream"
prepare="$repo/tests/bench/progenitor-prepare.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target"

# The dependencies progenitor's README lists for the macro (futures,
# progenitor, reqwest with json/query/stream, serde), plus chrono and uuid
# (the spec has date-time and uuid formats) and regress (it has patterns).
# reqwest without default features: no TLS stack, which the generated code
# does not name, to build. progenitor-client 0.15.1 needs reqwest 0.13.
crate="$work/progenitor-bench"
mkdir -p "$crate/src"
cp "$repo/rust-toolchain.toml" "$crate/"
cat > "$crate/Cargo.toml" <<'TOML'
[package]
name = "progenitor-bench"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
progenitor = "=0.15.1"
futures = "0.3"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream"] }
serde = { version = "1.0", features = ["derive"] }
serde_json = "1.0"
chrono = { version = "0.4", features = ["serde"] }
uuid = { version = "1.0", features = ["serde", "v4"] }
regress = "0.12"
[workspace]
TOML
echo 'pub fn nothing() {}' > "$crate/src/lib.rs"
echo "resolving and building dependencies once..."
(cd "$crate" && cargo generate-lockfile -q && cargo build -q --locked)
python3 - "$crate/Cargo.lock" <<'PY'
import re, sys
lock = open(sys.argv[1]).read()
pkgs = re.findall(r'name = "([^"]+)"\nversion = "([^"]+)"', lock)
wanted = ("progenitor", "progenitor-impl", "typify-impl", "serde", "reqwest")
print("resolved:", " ".join(f"{n} {v}" for n, v in pkgs if n in wanted))
PY
echo "rustc: $(cd "$crate" && rustc --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Same edit as compile-times.sh: a new optional property on the first schema
# with properties, one line of the YAML.
edit_yaml() {
  python3 - "$1" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r"(\n([ \t]*)properties:\n)", r"\1\2  benchEditedProperty: {type: string}\n", s, count=1)
open(p, "w").write(s)
PY
}

printf '\n%-12s %10s %12s %14s %12s\n' case operations cold-build peak-rustc-MB rebuild
for name in ${CASES:-v2024}; do
  spec="$upstream/deref-sailpoint-api.$name.yaml"
  if [ ! -e "$spec" ]; then
    printf '%-12s SKIPPED (%s not found)\n' "$name" "$spec"
    continue
  fi
  cp "$spec" "$work/spec.yaml"
  echo "edits for $name:" >&2
  python3 "$prepare" "$work/spec.yaml" "$crate/spec.json"
  ops=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for i in d["paths"].values() for o in i.values() if isinstance(o, dict) and "responses" in o))' "$crate/spec.json")
  echo 'progenitor::generate_api!("spec.json");' > "$crate/src/lib.rs"
  (cd "$crate" && cargo clean --offline -q -p progenitor-bench)
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" bash -c "cd '$crate' && cargo build --offline --locked -q"
  t1=$(date +%s.%N)
  rss_mb=$(( $(tail -n1 "$work/rss") / 1024 ))
  edit_yaml "$work/spec.yaml"
  python3 "$prepare" "$work/spec.yaml" "$crate/spec.json" 2>/dev/null
  t2=$(date +%s.%N)
  (cd "$crate" && cargo build --offline --locked -q)
  t3=$(date +%s.%N)
  printf '%-12s %10s %11.1fs %14s %11.1fs\n' "$name" "$ops" "$(python3 -c "print($t1 - $t0)")" "$rss_mb" "$(python3 -c "print($t3 - $t2)")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
