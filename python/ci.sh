#!/usr/bin/env bash
# The Python bindings and the Spark job in CI: build the wheel, install it in a fresh
# virtual environment, run the pytest suite (which runs the Spark job in local[2] mode and
# compares it byte for byte with the decruft binary given as $1).
#
# The wheel is built in the dev profile on purpose: `cargo test` has already built the
# library and every dependency in that profile, so only pyo3 and the binding crate compile.
# A release wheel would recompile the library (pyo3 turns on once_cell's `default` feature,
# which changes the hash of tempfile and so of decruft).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:?usage: python/ci.sh PATH-TO-DECRUFT-BINARY}")"
java -version 2>&1 | head -1
venv=target/python-ci
rm -rf "$venv"
python3 -m venv "$venv"
pip() { "$venv/bin/python" -m pip --quiet --disable-pip-version-check "$@"; }
pip install maturin==1.9.6 pytest==8.4.2 pyspark==3.5.8 py4j==0.10.9.7
rm -rf target/python-wheels
"$venv/bin/maturin" build --locked --manifest-path python/Cargo.toml --out target/python-wheels
pip install --no-deps target/python-wheels/decruft-*.whl
DECRUFT_BIN="$bin" DECRUFT_REQUIRE_SPARK=1 "$venv/bin/pytest" -q python/tests
