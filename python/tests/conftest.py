"""Shared fixtures: the decruft command to compare with, and a dump of many sites."""

import os
import random
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli() -> str:
    """The `decruft` binary the bindings are compared with: $DECRUFT_BIN, else the release
    build, else the debug build."""
    for candidate in [
        os.environ.get("DECRUFT_BIN"),
        ROOT / "target" / "release" / "decruft",
        ROOT / "target" / "debug" / "decruft",
    ]:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    found = shutil.which("decruft")
    if not found:
        pytest.fail("no decruft binary: build it (cargo build --release) or set DECRUFT_BIN")
    return found


SITES = ["daily-harbour.example", "www.valley-courier.example", "metro-ledger.example", "northern-post.example"]
FOOTERS = [
    "Get the Harbour Briefing in your inbox every weekday morning.",
    "The Valley Courier is supported by readers like you. Become a member today.",
    "Copyright {year} Metro Ledger Media Group. All rights reserved.",
    "Northern Post journalism is free to read because our members pay for it.",
]
TOPICS = [
    ("ferry", "The ferry operator added a second crossing on {day} after queues reached the harbour gate."),
    ("library", "The county library reopened its reading room on {day}, with longer hours for students."),
    ("bridge", "Engineers closed the old rail bridge on {day} to replace two corroded bearings."),
    ("orchard", "Growers in the valley reported an early apple harvest on {day}, helped by a dry spring."),
    ("tram", "The tram depot tested a battery unit on {day}, the first of twelve ordered last year."),
    ("market", "Stallholders at the covered market agreed on {day} to a new rota for the winter months."),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
WORDS = (
    "harbour council budget river station school clinic road tunnel pier library depot market "
    "orchard bakery museum stadium theatre factory quarry canal lighthouse airport warehouse "
    "meadow bridge ferry garden chapel pool tower estate village borough district workshop"
).split()


def clause(rng: random.Random) -> str:
    """Words that make each sentence of the dump its own (digits alone would not: profiles
    read every number as the same token)."""
    return " ".join(rng.choice(WORDS) for _ in range(4))


def article(rng: random.Random, i: int) -> dict:
    """One record: real-looking prose, page junk of several kinds, the site's footer."""
    s = rng.randrange(len(SITES))
    topic, lead = TOPICS[rng.randrange(len(TOPICS))]
    title = f"{topic.capitalize()} update number {i} from the {SITES[s].split('.')[0].replace('www.', '')} desk"
    body = [lead.format(day=rng.choice(DAYS))[:-1] + f", near the {clause(rng)}."]
    if rng.random() < 0.3:
        body.append("Share\nX\nFacebook")
    body.append(
        f"Officials said the {topic} work would cost about {rng.randrange(2, 90)} million and finish by "
        f"{rng.choice(['spring', 'autumn', 'the end of the year'])}, according to the {clause(rng)} figures."
    )
    if rng.random() < 0.2:
        body.append("Advertisement")
    body.append(
        f"Residents who spoke at the meeting on {rng.choice(DAYS)} asked for {rng.randrange(3, 40)} more "
        f"days of notice before the {topic} closes again, citing the {clause(rng)}."
    )
    if rng.random() < 0.25:
        body.append(title)
    body.append(FOOTERS[s].format(year=rng.choice([2023, 2024, 2025])))
    rec = {"id": f"r{i:05d}", "url": f"https://{SITES[s]}/{topic}/{i}", "title": title, "text": "\n\n".join(body)}
    if rng.random() < 0.1:
        rec["lang"] = "en"
        rec["meta"] = {"crawl": 12.50, "tags": [topic, None, True]}
    return rec


def write_dump(path: Path, n: int, seed: int = 7, bad_lines: bool = True) -> None:
    import json

    rng = random.Random(seed)
    lines = []
    for i in range(n):
        rec = article(rng, i)
        if rng.random() < 0.03:
            # an HTML record: extraction, then cleaning
            rec["html"] = (
                f"<html><head><title>{rec['title']}</title></head><body><nav><a href=/>Home</a> "
                f"<a href=/news>News</a></nav><article><h1>{rec['title']}</h1>"
                + "".join(f"<p>{p}</p>" for p in rec["text"].split("\n\n"))
                + "</article></body></html>"
            )
            del rec["text"]
            del rec["title"]
        lines.append(json.dumps(rec, ensure_ascii=rng.random() < 0.5))
    if bad_lines:
        lines.insert(n // 3, '{"id": "broken", "text": ')
        lines.insert(n // 2, "")
        lines.insert(2 * n // 3, '{"id": "no-text"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def warc_bytes(rng: random.Random, start: int, n: int) -> bytes:
    """A WARC archive: a warcinfo record, then per page a request and a response."""
    out = [b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 10\r\n\r\nsoftware:x\r\n\r\n"]
    for i in range(start, start + n):
        rec = article(rng, i)
        html = (
            f"<!DOCTYPE html><html><head><title>{rec['title']}</title></head><body>"
            f"<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>{rec['title']}</h1>"
            + "".join(f"<p>{p}</p>" for p in rec["text"].split("\n\n"))
            + "</article><footer>Contact us</footer></body></html>"
        ).encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        for typ, block in [("request", b"GET / HTTP/1.1\r\n\r\n"), ("response", http)]:
            head = (
                f"WARC/1.0\r\nWARC-Type: {typ}\r\nWARC-Target-URI: {rec['url']}\r\n"
                f"WARC-Record-ID: <urn:uuid:{i:08d}-{typ}>\r\nContent-Length: {len(block)}\r\n\r\n"
            ).encode()
            out.append(head + block + b"\r\n\r\n")
    return b"".join(out)
