"""Clean a JSONL or WARC dump with decruft on Spark: learn the site profile, then clean.

The output is the same, byte for byte, as on one machine:

    decruft learn -o profile.json INPUT...
    decruft clean --profile profile.json --out clean.jsonl --summary-json summary.json INPUT...

Steps:
  1. learn: every partition counts its records into a Profile (mapPartitions); the
     partition profiles are merged with treeReduce (counts add up, so the merged profile
     equals the one-pass profile) and pruned with --min-docs/--min-share;
  2. the pruned profile is broadcast as JSON;
  3. clean: every partition builds a Cleaner with it and cleans its records in order
     (mapPartitionsWithIndex); each partition also emits its counts, summed on the driver.

Order: JSONL inputs are read with textFile, whose partitions follow the order of the input
files and of the lines in them; WARC inputs are one partition per file, in the order given.
No step shuffles, so part-00000, part-00001, ... of --out concatenated in name order are the
records in input order (`cat OUT/part-* > clean.jsonl`, or `hdfs dfs -getmerge OUT
clean.jsonl`).

All cleaning is done by the decruft extension: this file only moves records around.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import decruft

# records handed to the extension at once: one GIL release per chunk
CHUNK = 512


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("inputs", nargs="+", help="JSONL (.jsonl, .jsonl.gz) or WARC (.warc, .warc.gz) files or directories")
    p.add_argument("--format", choices=["jsonl", "warc"], default="jsonl")
    p.add_argument("--out", required=True, help="output directory (part files of clean JSONL)")
    p.add_argument("--summary", help="write the run's counts as JSON to this local file")
    p.add_argument("--profile-out", help="also write the learnt profile to this local file")
    p.add_argument("--no-learn", action="store_true", help="clean without a site profile")
    p.add_argument("--min-docs", type=int, default=5, help="as `decruft learn --min-docs`")
    p.add_argument("--min-share", type=float, default=0.2, help="as `decruft learn --min-share`")
    p.add_argument("--site", help="count every record for this site key (as --site)")
    p.add_argument("--config", help="a decruft.toml, read on the driver and shipped as text")
    for f in ["text", "html", "title", "id", "url"]:
        p.add_argument(f"--{f}-field", default=f, help=f"JSONL field of the {f}")
    p.add_argument("--partitions", type=int, help="minimum JSONL partitions (textFile's minPartitions)")
    p.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    a = p.parse_args(argv)
    if not 0.0 <= a.min_share <= 1.0:
        p.error("--min-share must be between 0 and 1")
    return a


def expand(inputs: list[str]) -> list[str]:
    """Local directories become their files, sorted by name (as `decruft` walks them);
    anything else (files, hdfs:// or s3a:// URLs) is passed to Spark as given."""
    out = []
    for path in inputs:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
        else:
            out.append(path)
    return out


def chunks(items, size=CHUNK):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def main(argv: list[str]) -> int:
    a = parse_args(argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("decruft-clean-dump")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    config = None
    if a.config:
        with open(a.config, encoding="utf-8") as f:
            config = f.read()
    fields = {f: getattr(a, f"{f}_field") for f in ["text", "html", "title", "id", "url"]}
    site = a.site
    paths = expand(a.inputs)
    if not paths:
        print("error: no input files", file=sys.stderr)
        return 2
    start = time.monotonic()

    if a.format == "jsonl":
        records = sc.textFile(",".join(paths), minPartitions=a.partitions)
    else:
        records = sc.parallelize(list(enumerate(paths)), len(paths))

    def warc_pages(items):
        for _, path in items:
            yield from decruft.read_warc(path)

    # 1. learn: one profile per partition, merged as a tree
    profile_json = None
    if not a.no_learn:

        def learn(items):
            profile = decruft.Profile()
            if a.format == "jsonl":
                profile.add(items, site=site, fields=fields, skip_errors=True)
            else:
                profile.add(warc_pages(items), site=site)
            yield profile

        profile = records.mapPartitions(learn).treeReduce(lambda x, y: x.merge(y), depth=2)
        profile.prune(min_docs=a.min_docs, min_share=a.min_share)
        profile_json = profile.to_json()
        if a.profile_out:
            with open(a.profile_out, "w", encoding="utf-8") as f:
                f.write(profile_json)
    shared = sc.broadcast(profile_json)

    # 2. clean: records in order, then the partition's counts
    def clean(index, items):
        profile = decruft.Profile.from_json(shared.value) if shared.value else None
        cleaner = decruft.Cleaner(config=config, profile=profile, site=site, fields=fields)
        skipped = 0
        warc_errors = []
        if a.format == "jsonl":
            number = 1
            for chunk in chunks(items):
                for line in cleaner.clean_jsonl_lines(chunk, first_line=number):
                    yield (0, line)
                number += len(chunk)
        else:
            for _, path in items:
                reader = decruft.read_warc(path)
                for chunk in chunks(reader):
                    for line in cleaner.clean_warc_records(chunk, path=path):
                        yield (0, line)
                skipped += reader.skipped
                warc_errors.extend(reader.errors)
        messages = [f"partition {index}: {m}" for m in cleaner.take_messages()] + warc_errors
        counts = cleaner.summary()
        counts["errors"] += len(warc_errors)
        counts["skipped"] = skipped
        counts["messages"] = messages[:100]
        yield (1, json.dumps(counts))

    results = records.mapPartitionsWithIndex(clean).persist(StorageLevel.MEMORY_AND_DISK)
    results.filter(lambda kv: kv[0] == 0).map(lambda kv: kv[1]).saveAsTextFile(a.out)
    parts = results.filter(lambda kv: kv[0] == 1).map(lambda kv: json.loads(kv[1])).collect()
    results.unpersist()
    seconds = time.monotonic() - start

    summary = {
        "files": len(paths),
        "records": 0,
        "bytes_in": 0,
        "bytes_out": 0,
        "changed": 0,
        "removals": {},
        "errors": 0,
        "skipped": 0,
    }
    for part in parts:
        for k in ["records", "bytes_in", "bytes_out", "changed", "errors", "skipped"]:
            summary[k] += part[k]
        for code, n in part["removals"].items():
            summary["removals"][code] = summary["removals"].get(code, 0) + n
        for m in part["messages"]:
            print(f"error: {m}", file=sys.stderr)
    summary["removals"] = dict(sorted(summary["removals"].items()))
    summary["seconds"] = round(seconds, 3)
    summary["records_per_second"] = round(summary["records"] / seconds, 1) if seconds else 0.0
    summary["mb_per_second"] = round(summary["bytes_in"] / 1e6 / seconds, 2) if seconds else 0.0
    text = json.dumps(summary, indent=2) + "\n"
    if a.summary:
        with open(a.summary, "w", encoding="utf-8") as f:
            f.write(text)
    print(text, end="", file=sys.stderr)
    spark.stop()
    return 2 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
