"""The bindings against the command line: same clean text, same lines, same counts."""

import json
import pickle
import random
import subprocess
import threading
from pathlib import Path

import pytest

import decruft
from conftest import warc_bytes, write_dump

ARTICLE = (
    "Tram depot tests battery unit\n\n"
    "Tram depot tests battery unit\n"
    "Share\nX\n\n"
    "The depot tested a battery unit on Monday, with Goldman Sachs funding the first twelve.\n\n"
    "Next Story\n"
)


def test_clean_removes_junk_and_keeps_names():
    r = decruft.clean(ARTICLE)
    assert r["title"] == "Tram depot tests battery unit"
    assert r["text"] == "The depot tested a battery unit on Monday, with Goldman Sachs funding the first twelve."
    codes = [f["code"] for f in r["findings"]]
    assert codes == ["J001", "J002", "J002", "J003"], r["findings"]
    share = r["findings"][1]
    assert ARTICLE[share["start"] : share["end"]] == share["text"] == "Share"
    assert share["line"] == 4 and share["action"] == "drop-line"
    assert set(share) == {"code", "name", "action", "line", "start", "end", "text", "message"}


def test_clean_matches_the_cli_json_report(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = subprocess.run([cli, "--no-config", "clean", "--json", str(f)], capture_output=True, text=True, check=True)
    expected = json.loads(out.stdout)
    del expected["path"]
    assert decruft.clean(ARTICLE) == expected


def test_a_separate_title_goes_first():
    r = decruft.clean("Share\nThe ferry added a second crossing on Friday.", title="Ferry adds a crossing")
    assert r["title"] == "Ferry adds a crossing"
    assert r["text"] == "The ferry added a second crossing on Friday."


def test_config_text_selects_rules_and_bad_config_is_a_value_error():
    r = decruft.clean(ARTICLE, config='disable = ["J002"]\n')
    assert "J002" not in [f["code"] for f in r["findings"]]
    assert "Share" in r["text"]
    with pytest.raises(ValueError, match="unknown rule"):
        decruft.clean(ARTICLE, config='disable = ["Q999"]\n')
    with pytest.raises(ValueError, match="config"):
        decruft.clean(ARTICLE, config="disable = [")


def test_clean_html_extracts_then_cleans():
    html = (
        "<html><head><title>Bridge closes</title></head><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
        "<article><h1>Bridge closes for repairs</h1><p>Engineers closed the old rail bridge on Monday to replace "
        "two corroded bearings, the council said in a statement.</p><p>Share</p></article></body></html>"
    )
    for page in [html, html.encode()]:
        r = decruft.clean_html(page, url="https://example.org/b")
        assert r["title"] == "Bridge closes for repairs"
        assert r["text"].startswith("Engineers closed the old rail bridge")
        assert "Share" not in r["text"]
        assert r["url"] == "https://example.org/b"
        assert "X001" in [f["code"] for f in r["findings"]]


def test_a_bad_jsonl_line_is_a_value_error_naming_the_problem():
    with pytest.raises(ValueError, match="line 1: no `text` or `html` field"):
        decruft.clean_jsonl_line('{"id": 1}')
    with pytest.raises(ValueError, match="invalid JSON"):
        decruft.clean_jsonl_line('{"text": ')
    with pytest.raises(ValueError, match="fields: unknown key"):
        decruft.clean_jsonl_line('{"text": "a"}', fields={"body": "text"})


def test_jsonl_lines_and_counts_equal_the_cli(cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 300)
    prof = tmp_path / "p.json"
    subprocess.run([cli, "--no-config", "learn", "-q", "-o", str(prof), str(dump)], check=False, capture_output=True)
    out, summ = tmp_path / "cli.jsonl", tmp_path / "s.json"
    run = subprocess.run(
        [cli, "--no-config", "clean", "-q", "--profile", str(prof), "--out", str(out), "--summary-json", str(summ), str(dump)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2, run.stderr  # the dump has two bad lines
    profile = decruft.Profile.from_json(prof.read_text())
    cleaner = decruft.Cleaner(profile=profile)
    lines = dump.read_text(encoding="utf-8").split("\n")[:-1]
    got = cleaner.clean_jsonl_lines(lines[:100]) + cleaner.clean_jsonl_lines(lines[100:], first_line=101)
    assert "\n".join(got) + "\n" == out.read_text(encoding="utf-8")
    expected = json.loads(summ.read_text())
    mine = cleaner.summary()
    for k in ["records", "changed", "bytes_in", "bytes_out", "removals", "errors"]:
        assert mine[k] == expected[k], k
    assert mine["removals"].get("J020", 0) > 0, mine
    messages = cleaner.take_messages()
    assert len(messages) == 2 and messages[0].startswith("line ") and cleaner.take_messages() == []
    # the one-record function agrees with the batch
    assert decruft.clean_jsonl_line(lines[0], profile=profile) == got[0]


def test_profiles_learn_merge_and_save_as_the_cli(cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 200, bad_lines=False)
    lines = dump.read_text(encoding="utf-8").splitlines()
    whole = decruft.Profile.learn(lines)
    parts = [decruft.Profile.learn(lines[i::3]) for i in range(3)]
    merged = parts[0].merge(parts[1]).merge(parts[2])
    assert merged == whole
    assert sum(whole.sites().values()) == 200
    assert decruft.Profile.from_json(whole.to_json()) == whole
    assert pickle.loads(pickle.dumps(whole)) == whole
    whole.prune(min_docs=4, min_share=0.05)
    prof = tmp_path / "p.json"
    subprocess.run([cli, "--no-config", "learn", "-q", "--min-docs", "4", "--min-share", "0.05", "-o", str(prof), str(dump)], check=True)
    assert whole.to_json() == prof.read_text()
    with pytest.raises(ValueError, match="min_share"):
        whole.prune(min_share=2.0)
    with pytest.raises(ValueError, match="not a decruft profile"):
        decruft.Profile.from_json("{}")
    with pytest.raises(ValueError, match="line 2"):
        decruft.Profile.learn([lines[0], "nope"])
    assert decruft.Profile().add([lines[0], "nope"], skip_errors=True) == 1
    a = decruft.Profile.learn(lines[:5])
    assert a.merge(a).sites() == {k: 2 * v for k, v in decruft.Profile.learn(lines[:5]).sites().items()}


def test_warc_pages_are_read_cleaned_and_learnt_as_the_cli(cli, tmp_path):
    data = warc_bytes(random.Random(3), 0, 40)
    warc = tmp_path / "a.warc"
    warc.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    reader = decruft.read_warc(str(warc))
    pages = list(reader)
    assert len(pages) == 40 and pages[0].url.startswith("https://") and "<article>" in pages[0].html
    assert reader.skipped == 41  # warcinfo + 40 requests
    assert len(reader.errors) == 1 and "a.warc: record 82" in reader.errors[0]
    assert [p.url for p in decruft.read_warc(data)] == [p.url for p in pages]
    prof = tmp_path / "p.json"
    subprocess.run([cli, "--no-config", "learn", "-q", "--min-docs", "3", "-o", str(prof), str(warc)], capture_output=True)
    learnt = decruft.Profile.learn(pages)
    learnt.prune(min_docs=3)
    assert learnt.to_json() == prof.read_text()
    out = tmp_path / "cli.jsonl"
    subprocess.run([cli, "--no-config", "clean", "-q", "--profile", str(prof), "--out", str(out), str(warc)], capture_output=True)
    lines = decruft.Cleaner(profile=learnt).clean_warc_records(pages, path=str(warc))
    assert "\n".join(lines) + "\n" == out.read_text(encoding="utf-8")
    with pytest.raises(OSError, match="missing.warc"):
        decruft.read_warc(str(tmp_path / "missing.warc"))


def test_threads_share_the_extension_and_get_the_same_results():
    texts = [ARTICLE.replace("Monday", day) for day in ["Monday", "Tuesday", "Friday"]] * 20
    expected = [decruft.clean(t) for t in texts]
    results = [None] * len(texts)

    def work(k):
        for i in range(k, len(texts), 4):
            results[i] = decruft.clean(texts[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_stubs_list_what_the_module_exports():
    stub = (Path(decruft.__file__).parent / "__init__.pyi").read_text()
    for name in decruft.__all__:
        assert name in stub, name
