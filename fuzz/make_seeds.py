#!/usr/bin/env python3
"""Writes a starting corpus for one fuzz target into a directory, from corpus/.

The text target takes the articles and rule fixtures as they are; the other targets get
the same articles wrapped the way they arrive in the wild (HTML pages, JSON Lines dumps,
WARC records, gzip), so that the fuzzer starts from inputs that reach deep into each
reader instead of spending its time discovering the format.
"""
import glob
import gzip
import html
import json
import os
import shutil
import sys

target, out = sys.argv[1], sys.argv[2]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.makedirs(out, exist_ok=True)
texts = sorted(glob.glob(os.path.join(root, "corpus/articles/*.txt")))
fixtures = sorted(glob.glob(os.path.join(root, "corpus/fixtures/*.txt")))


def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()


def page(text):
    title, _, body = text.partition("\n")
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n") if p.strip())
    return (
        f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        f"</head><body><nav><a href=/>Home</a> &gt; <a href=/n>News</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{paras}</article>"
        f"<aside><ul><li><a href=/x>Next Story</a></li></ul></aside>"
        f"<footer>&copy; 2024 Example Media</footer></body></html>\n"
    )


def warc(pages):
    out = b""
    for i, (url, body) in enumerate(pages):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        out += (
            b"WARC/1.0\r\nWARC-Type: response\r\n"
            + f"WARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{i:08d}>\r\n".encode()
            + b"Content-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {len(http)}\r\n\r\n".encode()
            + http
            + b"\r\n\r\n"
        )
    return out


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


if target == "clean_text":
    for p in texts + fixtures:
        shutil.copy(p, out)
elif target == "extract_html":
    for p in texts:
        write(os.path.basename(p) + ".html", page(read(p)))
elif target == "read_jsonl":
    for i, p in enumerate(texts):
        t = read(p)
        title, _, body = t.partition("\n")
        recs = [
            {"id": i, "url": f"https://news.example/{i}", "title": title, "text": body.strip()},
            {"id": f"h{i}", "html": page(t), "lang": "en", "meta": {"n": [1, 2.5e3]}},
        ]
        data = "".join(json.dumps(r, ensure_ascii=(i % 2 == 0)) + "\n" for r in recs)
        write(f"{i:02d}.jsonl", data)
        if i < 2:
            write(f"{i:02d}.jsonl.gz", gzip.compress(data.encode()))
elif target == "read_warc":
    for i in range(0, len(texts), 3):
        pages = [
            (f"https://news.example/{j}", page(read(p)).encode())
            for j, p in enumerate(texts[i : i + 3])
        ]
        data = warc(pages)
        write(f"{i:02d}.warc", data)
        if i == 0:
            write("00.warc.gz", b"".join(gzip.compress(warc([pg])) for pg in pages))
elif target == "parse_config":
    for p in glob.glob(os.path.join(root, "tests/**/*.toml"), recursive=True):
        shutil.copy(p, os.path.join(out, os.path.basename(os.path.dirname(p)) + ".toml"))
    write(
        "rules.toml",
        'disable = ["J010"]\nenable = ["S005"]\nallow = ["Rolls Royce"]\n\n'
        "[settings.duplicate-paragraph]\nmin-words = 3\n\n"
        "[settings.keyword-teaser]\nmax-words = 50\n\n"
        "[settings.repeated-keyword]\nmin-paragraphs = 2\n\n"
        '[[rule]]\ncode = "U001"\nname = "promo-line"\nregex = "(?i)^promo: .*$"\n'
        'action = "drop-line"\nmessage = "promo line"\n\n'
        '[[rule]]\ncode = "U002"\nphrase = "Share"\naction = "drop-span"\n\n'
        '[per-file-ignores]\n"news/**" = ["J002", "S"]\n',
    )
else:
    sys.exit(f"unknown target {target}")
