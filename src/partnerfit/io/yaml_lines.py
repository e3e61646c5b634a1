"""Where a YAML value ends in a file's lines: what the in-place editors replace, and nothing around it."""

from __future__ import annotations

from collections.abc import Sequence


def value_end(lines: Sequence[str], line: int, col: int) -> int:
    """The line after the value of the key at (``line``, ``col``): its deeper lines and comments, not trailing blanks.

    Trailing blank lines belong to what follows, so an edit leaves the file's spacing as it was.
    """
    end = last = line + 1
    while end < len(lines):
        body = lines[end].rstrip("\r\n")
        if body.strip() and len(body) - len(body.lstrip(" ")) <= col:
            break
        end += 1
        if body.strip():
            last = end
    return last
