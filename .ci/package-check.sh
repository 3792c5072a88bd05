#!/usr/bin/env bash
# Checks that the crates meant for crates.io work from their packages, as a
# registry user gets them:
#
# 1. `cargo package` (with verification: each package is unpacked and built
#    alone, against the others' packages) for every workspace member without
#    `publish = false`, in dependency order;
# 2. the runtime's package holds every spec file (v2024, beta, and the
#    per-resource password-management with the shared/ files it refers to)
#    as regular files (runtime/spec is a symlink to the top-level spec/);
# 3. every package holds the repository's LICENSE as a regular file, and
#    no package's metadata has a placeholder URL (example.invalid and the
#    like; a field with no real value yet is left out);
# 4. a fresh crate in a temp dir (.ci/downstream) depends on `sailpoint-isc`
#    by version, with [patch.crates-io] pointing at the crates unpacked from
#    the `.crate` files (never the workspace paths), runs `include_api!` on a
#    small spec of its own and makes one call through it and one through the
#    packaged bindings, to a loopback server.
#
# Offline: dependencies come from the local cargo registry cache, pinned by
# the workspace's Cargo.lock copied into the temp crate. Packages are
# verified with all features (as docs.rs builds them) and the temp crate
# enables the same ones and builds into the workspace's target dir, so it
# reuses the dependencies verification compiled; later runs reuse both.
set -euo pipefail
cd "$(dirname "$0")/.."

target=$(cargo metadata --no-deps --format-version=1 --offline | jq -r .target_directory)

# Every member that may be published (`publish = false` shows as []).
mapfile -t crates < <(cargo metadata --no-deps --format-version=1 --offline |
  jq -r '.packages[] | select(.publish != []) | .name')
version=$(cargo metadata --no-deps --format-version=1 --offline |
  jq -r '.packages[] | select(.name == "sailpoint-isc") | .version')
echo "publishable: ${crates[*]} (sailpoint-isc $version)"

# --allow-dirty so the check also runs before a commit; CI runs on a clean
# clone, where it changes nothing.
package_args=(--locked --offline --allow-dirty --all-features)
for c in "${crates[@]}"; do package_args+=(-p "$c"); done
# Verification resolves each package's dependencies on the others through a
# temporary registry under target/package, and cargo unpacks those crates
# into $CARGO_HOME/registry/src/<that registry's hash>/ only if they are not
# there yet: a checkout at a path used before would verify against the
# sources of an older commit with the same version. Our own crates never
# come from crates.io here, so their unpacked copies are removed first.
# Likewise cargo never rebuilds a registry crate it has built before, so the
# builds of those crates in the target dir go too (the workspace's own
# builds of them with it: they are rebuilt when next needed).
for c in "${crates[@]}"; do
  rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"$c-$version"
  lib=${c//-/_}
  rm -rf "$target"/debug/.fingerprint/"$c"-* "$target"/debug/deps/lib"$lib"-* "$target"/debug/deps/"$lib"-*.d
done
cargo package "${package_args[@]}"

# The spec files must be in the runtime's package as regular files ('-' in
# tar's listing), not as symlinks pointing out of it.
runtime_crate="$target/package/sailpoint-isc-$version.crate"
mapfile -t specs < <(find spec -type f -name '*.yaml' | sort)
[[ ${#specs[@]} -ge 24 ]] || { echo "expected at least 24 spec files, found ${#specs[@]}"; exit 1; }
for spec in "${specs[@]}"; do
  tar -tvzf "$runtime_crate" "sailpoint-isc-$version/$spec" | grep -q '^-' ||
    { echo "$runtime_crate has no regular file $spec"; exit 1; }
done

# Every package: the LICENSE, as a regular file with the repository's text
# (`license = "MIT"` alone leaves a registry user without the copyright
# notice the license asks to keep), and no placeholder URL in the metadata
# a registry shows (checked in the manifest cargo wrote into the package).
for c in "${crates[@]}"; do
  crate="$target/package/$c-$version.crate"
  tar -tvzf "$crate" "$c-$version/LICENSE" 2>/dev/null | grep -q '^-' ||
    { echo "$crate has no regular file LICENSE"; exit 1; }
  tar -xzOf "$crate" "$c-$version/LICENSE" | cmp -s - LICENSE ||
    { echo "$crate: LICENSE differs from the repository's"; exit 1; }
  if tar -xzOf "$crate" "$c-$version/Cargo.toml" |
    grep -Ein '^(repository|homepage|documentation) *=.*(example\.(invalid|com|org|net)|localhost|placeholder|todo)'; then
    echo "$crate: placeholder URL in its metadata"; exit 1
  fi
done

# Unpack the .crate files: the downstream crate builds from exactly what
# would be uploaded. A package whose contents changed is unpacked afresh with
# new mtimes (-m; the archive's are fixed), so cargo rebuilds it; an
# unchanged one (.cargo_vcs_info.json aside, which names the commit) is left
# as it was, so cargo does not.
work="$target/package-check"
rm -rf "$work/staging"
mkdir -p "$work/crates" "$work/staging"
patches=""
for c in "${crates[@]}"; do
  dir="$work/crates/$c-$version"
  tar -xzmf "$target/package/$c-$version.crate" -C "$work/staging"
  if ! diff -rq --exclude=.cargo_vcs_info.json "$work/staging/$c-$version" "$dir" >/dev/null 2>&1; then
    rm -rf "$dir"
    mv "$work/staging/$c-$version" "$dir"
  fi
  patches+="$c = { path = \"$dir\" }"$'\n'
done
rm -rf "$work/staging"

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
mkdir -p "$probe/src"
sed -e "s|@VERSION@|$version|" .ci/downstream/Cargo.toml.in |
  PATCHES="$patches" awk '{ if ($0 == "@PATCHES@") printf "%s", ENVIRON["PATCHES"]; else print }' \
    >"$probe/Cargo.toml"
cp .ci/downstream/spec.yaml "$probe/spec.yaml"
cp .ci/downstream/src/main.rs "$probe/src/main.rs"
cp Cargo.lock rust-toolchain.toml "$probe/"

# `cargo metadata` reads every package of the resolve, those of other
# platforms too (wasm-bindgen's bumpalo, windows-targets), which no build
# here downloaded: fetch them once (from the cache when they are there).
(cd "$probe" && cargo fetch --quiet)

# The runtime resolved must be the unpacked package, not a workspace path.
resolved=$(cd "$probe" && cargo metadata --format-version=1 --offline |
  jq -r '.packages[] | select(.name == "sailpoint-isc") | .manifest_path')
[[ "$resolved" == "$work/crates/sailpoint-isc-$version/Cargo.toml" ]] ||
  { echo "downstream resolved sailpoint-isc to $resolved"; exit 1; }

(cd "$probe" && CARGO_TARGET_DIR="$target" cargo run --offline --quiet)
echo "package check: ok (${crates[*]} from $target/package)"
