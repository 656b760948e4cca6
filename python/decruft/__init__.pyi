"""Typed interface of the decruft extension."""

import os
from typing import Iterable, Iterator, Literal, Mapping, Optional, TypedDict, Union

__version__: str

FieldName = Literal["text", "html", "title", "id", "url"]

class Finding(TypedDict):
    code: str
    name: str
    action: Literal["drop-line", "drop-span", "flag"]
    line: int
    start: int
    end: int
    text: str
    message: str

class Report(TypedDict, total=False):
    title: str
    text: str
    findings: list[Finding]
    url: str

class Summary(TypedDict):
    records: int
    changed: int
    bytes_in: int
    bytes_out: int
    removals: dict[str, int]
    errors: int

def clean(
    text: str, *, title: Optional[str] = None, config: Optional[str] = None
) -> Report:
    """Cleans one article given as text (title on the first line, or ``title``).

    Returns the fields of ``decruft clean --json``: the clean ``title``, the clean body as
    ``text``, and every finding with its byte offsets into the input. ``config`` is the text
    of a decruft.toml (its ``[per-file-ignores]`` do not apply: there is no file).
    """

def clean_html(
    html: Union[str, bytes], *, url: Optional[str] = None, config: Optional[str] = None
) -> Report:
    """Extracts the article of an HTML page and cleans it; findings point into the page's
    visible text, and blocks left out of the article are ``X001`` findings. Bytes are
    decoded by the page's declared charset."""

def clean_jsonl_line(
    line: str,
    *,
    profile: Optional[Profile] = None,
    config: Optional[str] = None,
    fields: Optional[Mapping[FieldName, str]] = None,
    site: Optional[str] = None,
) -> str:
    """The line ``decruft clean --out FILE.jsonl`` writes for one JSONL record (without the
    newline). Raises ValueError for a line that is not a valid record. Builds the engine on
    every call: use :class:`Cleaner` for many records."""

def read_warc(source: Union[str, os.PathLike[str], bytes]) -> WarcReader:
    """The HTML pages of a WARC archive (a path, plain or gzip, or the archive's bytes).
    Raises OSError when the file cannot be opened."""

class Cleaner:
    """An engine (and optional site profile) for cleaning many records; it counts what it
    did as ``decruft clean --summary-json`` does."""

    def __init__(
        self,
        *,
        config: Optional[str] = None,
        profile: Optional[Profile] = None,
        site: Optional[str] = None,
        fields: Optional[Mapping[FieldName, str]] = None,
    ) -> None: ...
    def clean_jsonl_line(self, line: str, *, number: int = 1) -> str:
        """The output line of one JSONL record; ValueError for a bad line."""
    def clean_jsonl_lines(self, lines: list[str], *, first_line: int = 1) -> list[str]:
        """The output lines of JSONL lines in order; blank lines are skipped, bad lines
        left out and counted as errors (see :meth:`take_messages`)."""
    def clean_warc_records(
        self, records: list[WarcRecord], *, path: str = ""
    ) -> list[str]:
        """The output lines of WARC pages in order."""
    def summary(self) -> Summary:
        """Records, changed records, bytes in and out, removals per rule code and errors
        so far."""
    def take_messages(self) -> list[str]:
        """Messages of the errors met since the last call."""

class Profile:
    """Per-site line statistics for rule J020 (site-boilerplate). Picklable."""

    def __init__(self) -> None: ...
    @staticmethod
    def learn(
        records: Iterable[Union[str, WarcRecord]],
        *,
        site: Optional[str] = None,
        fields: Optional[Mapping[FieldName, str]] = None,
    ) -> Profile:
        """Learns from JSONL lines or WARC pages, as ``decruft learn`` does; the site of a
        record is ``site`` when given, else the host of its URL. ValueError for a bad
        line."""
    def add(
        self,
        records: Iterable[Union[str, WarcRecord]],
        *,
        site: Optional[str] = None,
        fields: Optional[Mapping[FieldName, str]] = None,
        skip_errors: bool = False,
    ) -> int:
        """Learns from more records; returns the number of documents counted."""
    def merge(self, other: Profile) -> Profile:
        """Adds ``other``'s counts to this profile and returns it."""
    def prune(self, *, min_docs: int = 5, min_share: float = 0.2) -> None:
        """Keeps only the lines frequent for their site (``decruft learn --min-docs
        --min-share``)."""
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> Profile: ...
    def sites(self) -> dict[str, int]:
        """Documents learnt per site."""

class WarcRecord:
    """One HTML page of a WARC archive."""

    @property
    def number(self) -> int: ...
    @property
    def url(self) -> str: ...
    @property
    def record_id(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[str]: ...
    @property
    def encoding(self) -> str: ...
    @property
    def html(self) -> str: ...

class WarcReader(Iterator[WarcRecord]):
    """Streams the pages of an archive; broken records are passed over and named in
    ``errors``."""

    def __iter__(self) -> WarcReader: ...
    def __next__(self) -> WarcRecord: ...
    @property
    def errors(self) -> list[str]: ...
    @property
    def skipped(self) -> int: ...
