#!/usr/bin/env bash
# Edit-loop benchmark: what one edit of the user's own code costs with the
# full v2024 bindings, by layout (prints figures; not a test).
#
#   bash tests/bench/edit-loop.sh
#
# Layouts, each a workspace in a temp dir (one shared target dir, the
# runtime's dependencies built once first; default dev profile, as a new
# crate has it):
#   one-crate         include_api! on the full v2024 spec in the crate of main.rs;
#   two-crate-cli     the bindings in a crate of their own, written by
#                     `sailpoint-isc-codegen SPEC --crate bindings`, and an app
#                     crate depending on it;
#   two-crate-macro   the same with include_api! in the bindings crate.
# For each it prints the cold build of the layout (bindings included), then
# the median of 3 rebuilds after `touch src/main.rs` and of 3 after a
# one-line edit of main.rs, with the peak RSS of the largest process of
# those builds (rustc), the highest of the 3. And the load average, since
# the figures are only comparable on a quiet machine.
#
# LAYOUTS="one-crate two-crate-cli" bash tests/bench/edit-loop.sh runs only
# the named layouts. Needs ../shared/specs/upstream beside the repo.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
spec="$repo/../shared/specs/upstream/deref-sailpoint-api.v2024.yaml"
if [ ! -f "$spec" ]; then
  echo "SKIPPED: $spec not found (../shared is not beside the repo)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target"
runs=3
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

cargo build --release --locked -q -p sailpoint-isc-codegen --bin sailpoint-isc-codegen --manifest-path "$repo/Cargo.toml"
cli="$CARGO_TARGET_DIR/release/sailpoint-isc-codegen"

# A workspace dir with the repo's lockfile (offline, same versions) and toolchain.
new_workspace() {
  mkdir -p "$1"
  cp "$repo/Cargo.lock" "$repo/rust-toolchain.toml" "$1/"
}

# The user's main.rs: calls into the bindings at `$1` in code never run,
# and a line the edit rewrites.
main_rs() {
  cat <<RS
$2
fn main() {
    let client = sailpoint_isc::Client::builder()
        .base_url("http://127.0.0.1:9")
        .bearer_token("unused")
        .build()
        .expect("client");
    let api = $1::Api::new(client);
    let _later = async move {
        let accounts = api.list_accounts().limit(10).await;
        let source = api.get_source("2c9180835d191a86015d28455b4a2329").await;
        (accounts.is_ok(), source.is_ok())
    };
    println!("edit 0");
}
RS
}

pkg_toml() { # name, dependencies
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n' "$1" "$2"
}

runtime_dep="sailpoint-isc = { path = \"$repo/runtime\" }"

echo "building dependencies once..."
deps="$work/deps"
new_workspace "$deps"
{ pkg_toml edit-deps "$runtime_dep"; echo '[workspace]'; } > "$deps/Cargo.toml"
mkdir -p "$deps/src"
echo 'fn main() { let _ = sailpoint_isc::Client::builder(); }' > "$deps/src/main.rs"
(cd "$deps" && cargo build --offline -q)

# Sets $secs and $mb for one `cargo build` in $1.
timed_build() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" bash -c "cd '$1' && cargo build --offline -q"
  t1=$(date +%s.%N)
  secs=$(python3 -c "print($t1 - $t0)")
  mb=$(($(cat "$work/rss") / 1024))
}

median() { python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.1f}s')" "$@"; }
highest() { printf '%s\n' "$@" | sort -n | tail -1; }

printf '\n%-16s %10s %13s %13s %13s %13s\n' layout cold-build touch-main touch-peak-MB edit-main edit-peak-MB

# One layout: $1 name, $2 workspace dir, $3 the app crate's dir.
measure() {
  local name=$1 ws=$2 app=$3 i
  timed_build "$ws"
  local cold
  cold=$(python3 -c "print(f'{$secs:.1f}s')")
  local touch_s=() touch_mb=() edit_s=() edit_mb=()
  for i in $(seq $runs); do
    touch "$app/src/main.rs"
    timed_build "$ws"
    touch_s+=("$secs"); touch_mb+=("$mb")
  done
  for i in $(seq $runs); do
    sed -i -E "s/edit [0-9]+/edit $i/" "$app/src/main.rs"
    timed_build "$ws"
    edit_s+=("$secs"); edit_mb+=("$mb")
  done
  printf '%-16s %10s %13s %13s %13s %13s\n' "$name" "$cold" \
    "$(median "${touch_s[@]}")" "$(highest "${touch_mb[@]}")" \
    "$(median "${edit_s[@]}")" "$(highest "${edit_mb[@]}")"
}

want() { [ -z "${LAYOUTS:-}" ] || [[ " $LAYOUTS " == *" $1 "* ]]; }

if want one-crate; then
  ws="$work/one-crate"
  new_workspace "$ws"
  { pkg_toml edit-one-crate "$runtime_dep"; echo '[workspace]'; } > "$ws/Cargo.toml"
  mkdir -p "$ws/src"
  cp "$spec" "$ws/spec.yaml"
  main_rs api 'mod api { sailpoint_isc::include_api!("spec.yaml"); }' > "$ws/src/main.rs"
  measure one-crate "$ws" "$ws"
fi

# A two-crate workspace at $1 whose bindings crate the caller writes.
two_crate_workspace() {
  new_workspace "$1"
  printf '[workspace]\nresolver = "2"\nmembers = ["bindings", "app"]\n\n[patch.crates-io]\n%s\n' "$runtime_dep" > "$1/Cargo.toml"
  mkdir -p "$1/app/src"
  pkg_toml edit-app-$2 "bindings = { path = \"../bindings\", package = \"bindings-$2\" }
$runtime_dep" > "$1/app/Cargo.toml"
  main_rs bindings '' > "$1/app/src/main.rs"
}

if want two-crate-cli; then
  ws="$work/two-crate-cli"
  two_crate_workspace "$ws" cli
  "$cli" "$spec" --crate "$ws/bindings" --name bindings-cli
  measure two-crate-cli "$ws" "$ws/app"
fi

if want two-crate-macro; then
  ws="$work/two-crate-macro"
  two_crate_workspace "$ws" macro
  mkdir -p "$ws/bindings/src"
  pkg_toml bindings-macro "$runtime_dep" > "$ws/bindings/Cargo.toml"
  cp "$spec" "$ws/bindings/spec.yaml"
  echo 'sailpoint_isc::include_api!("spec.yaml");' > "$ws/bindings/src/lib.rs"
  measure two-crate-macro "$ws" "$ws/app"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
