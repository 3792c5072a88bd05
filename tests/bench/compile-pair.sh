#!/usr/bin/env bash
# Paired compile-time benchmark (prints figures; not a test): cold builds of
# a crate holding `include_api!` on the full upstream v2024 spec against this
# tree's runtime and against another checkout's, alternating, so that both
# see the same state of the host. Wall times on a shared 2-core host drift
# by 20% within an hour (the generation column of compile-times.sh, the same
# work, does too); a paired run is the comparison that holds.
#
#   bash tests/bench/compile-pair.sh OTHER_TREE [ROUNDS]
#
# e.g. `git worktree add /tmp/before <rev>` then
# `bash tests/bench/compile-pair.sh /tmp/before 3`. Each round builds the
# other tree first, then this one; each line gives the wall time, rustc's
# user time and peak memory. Needs ../shared/specs/upstream beside the repo.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
other=$(cd "${1:?usage: compile-pair.sh OTHER_TREE [ROUNDS]}" && pwd)
rounds=${2:-3}
spec="$repo/../shared/specs/upstream/deref-sailpoint-api.v2024.yaml"
if [ ! -f "$spec" ]; then
  echo "SKIPPED: $spec not found (../shared is not beside the repo)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

setup() { # label tree
  local d="$work/$1"
  mkdir -p "$d/src"
  cp "$2/Cargo.lock" "$2/rust-toolchain.toml" "$d/"
  printf '[package]\nname = "bench-crate"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n[dependencies]\nsailpoint-isc = { path = "%s/runtime" }\n[workspace]\n' "$2" > "$d/Cargo.toml"
  echo 'pub fn nothing() {}' > "$d/src/lib.rs"
  (cd "$d" && CARGO_TARGET_DIR="$d/target" cargo build --offline -q)
  cp "$spec" "$d/spec.yaml"
  echo 'pub mod api { sailpoint_isc::include_api!("spec.yaml"); }' > "$d/src/lib.rs"
}

echo "building dependencies once per tree..."
setup other "$other"
setup this "$repo"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  for label in other this; do
    d="$work/$label"
    (cd "$d" && CARGO_TARGET_DIR="$d/target" cargo clean --offline -q -p bench-crate)
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M %U' -o "$work/usage" bash -c "cd '$d' && CARGO_TARGET_DIR='$d/target' cargo build --offline -q"
    t1=$(date +%s.%N)
    read -r rss user < "$work/usage"
    printf 'round %s %-6s cold %5.1f s  user %5.1f s  peak %5d MB\n' "$r" "$label" \
      "$(python3 -c "print($t1 - $t0)")" "$user" $((rss / 1024))
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
