#!/usr/bin/env bash
# Installs the Debian packages that minidynamo's build, tests and reference outputs need.
# Idempotent and quick when everything is present (one dpkg-query); says what it installs.
# Writes only to stderr, so callers' stdout stays clean.
set -euo pipefail

packages=(
  bazel-bootstrap    # Bazel 4.2.3, works offline with the local repositories in WORKSPACE
  bazel-rules-java   # @rules_java for Bazel 4.2.3
  g++                # the C++17 toolchain Bazel auto-configures
  pkg-config         # third_party/system_library.bzl reads library flags from it
  libabsl-dev        # Abseil 20220623
  libre2-dev         # RE2, behind the `re` module
  libtorch-dev       # LibTorch 1.13.1 (CPU), behind the `torch` module
  libgtest-dev       # GoogleTest
  libgmock-dev       # GoogleMock
  libbenchmark-dev   # Google Benchmark
  python3.11         # CPython 3.11: expected outputs and the speed reference
  python3-torch      # PyTorch 1.13 for CPython: expected outputs of eager torch programs
  clang-format       # Google style for every C++ file
)

missing=()
for p in "${packages[@]%% *}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "bootstrap: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install packages" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >&2
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
echo "bootstrap: done" >&2
