"""Clean scraped news articles from Python.

The functions and classes come from the compiled extension ``decruft._decruft``; they run the
same library code as the ``decruft`` command, with the GIL released while Rust works.
"""

from ._decruft import (
    Cleaner,
    Profile,
    WarcReader,
    WarcRecord,
    __version__,
    clean,
    clean_html,
    clean_jsonl_line,
    read_warc,
)

__all__ = [
    "Cleaner",
    "Profile",
    "WarcReader",
    "WarcRecord",
    "__version__",
    "clean",
    "clean_html",
    "clean_jsonl_line",
    "read_warc",
]
