"""The Spark job (examples/spark/clean_dump.py) in local mode against the command line on
one machine: the same profile, the same output bytes in the same order, the same counts.

Needs pyspark and Java; skipped without them unless DECRUFT_REQUIRE_SPARK=1 (CI)."""

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, warc_bytes, write_dump

JOB = ROOT / "examples" / "spark" / "clean_dump.py"
COMPARED = ["records", "changed", "bytes_in", "bytes_out", "removals", "errors", "skipped"]


@pytest.fixture(scope="module")
def spark_env():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("DECRUFT_REQUIRE_SPARK") == "1":
            pytest.fail("pyspark is not installed")
        pytest.skip("pyspark is not installed")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return env


def run_cli(cli, args, ok=(0, 2)):
    r = subprocess.run([cli, "--no-config", *args], capture_output=True, text=True)
    assert r.returncode in ok, r.stderr
    return r


def run_job(env, inputs, tmp_path, *args):
    out = tmp_path / "spark-out"
    summary, profile = tmp_path / "spark-summary.json", tmp_path / "spark-profile.json"
    r = subprocess.run(
        [sys.executable, str(JOB), *map(str, inputs), "--master", "local[2]", "--out", str(out),
         "--summary", str(summary), "--profile-out", str(profile), *args],
        capture_output=True, text=True, env=env,
    )
    assert r.returncode in (0, 2), r.stderr[-5000:]
    parts = sorted(out.glob("part-*"))
    assert parts, "no part files"
    joined = b"".join(p.read_bytes() for p in parts)
    return joined, json.loads(summary.read_text()), profile.read_text(), len(parts)


def compare(cli, env, inputs, tmp_path, job_args=(), learn_args=()):
    prof = tmp_path / "cli-profile.json"
    run_cli(cli, ["learn", "-q", *learn_args, "-o", str(prof), *map(str, inputs)])
    out, summ = tmp_path / "cli.jsonl", tmp_path / "cli-summary.json"
    run_cli(cli, ["clean", "-q", "--profile", str(prof), "--out", str(out), "--summary-json", str(summ), *map(str, inputs)])
    joined, summary, profile, parts = run_job(env, inputs, tmp_path, *job_args, *learn_args)
    assert profile == prof.read_text()
    assert joined == out.read_bytes()
    expected = json.loads(summ.read_text())
    assert {k: summary[k] for k in COMPARED} == {k: expected[k] for k in COMPARED}
    return summary, parts


def test_jsonl_dump_cleaned_on_spark_equals_the_cli(cli, spark_env, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    write_dump(a, 2500, seed=11)
    plain = tmp_path / "b.jsonl"
    write_dump(plain, 1000, seed=12, bad_lines=False)
    b.write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    summary, parts = compare(cli, spark_env, [a, b], tmp_path, job_args=["--partitions", "4"])
    assert parts >= 3  # the plain file was split, so order across partitions was tested
    assert summary["records"] == 3500 and summary["errors"] == 2
    assert summary["removals"]["J020"] > 500, summary["removals"]


def test_warc_files_one_partition_each_equal_the_cli(cli, spark_env, tmp_path):
    rng = random.Random(5)
    files = []
    for k in range(3):
        f = tmp_path / f"seg-{k}.warc.gz"
        f.write_bytes(gzip.compress(warc_bytes(rng, k * 60, 60)))
        files.append(f)
    summary, parts = compare(cli, spark_env, files, tmp_path, job_args=["--format", "warc"], learn_args=["--min-docs", "3"])
    assert parts == 3
    assert summary["records"] == 180 and summary["skipped"] == 183
    assert summary["removals"]["X001"] > 0 and summary["removals"]["J020"] > 0, summary["removals"]
