"""Marked text for the pages: runs of (text, classes, anchor id) that Jinja escapes."""

from __future__ import annotations

Span = tuple[int, int]


def runs(text: str, layers: list[tuple[str, list[Span]]], anchor: tuple[str, str] | None = None):
    """Split ``text`` into (piece, classes, id) runs; ``layers`` are (class, spans) pairs, and
    ``anchor`` (class, id) gives the first run of that class the id a link's #fragment names."""
    kinds: list[list[str]] = [[] for _ in text]
    for name, spans in layers:
        for a, b in spans:
            for i in range(max(a, 0), min(b, len(text))):
                if name not in kinds[i]:
                    kinds[i].append(name)
    out: list[list] = []
    for ch, k in zip(text, kinds):
        kind = " ".join(k)
        if out and out[-1][1] == kind:
            out[-1][0] += ch
        else:
            out.append([ch, kind, ""])
    if anchor:
        first = next((r for r in out if anchor[0] in r[1].split()), None)
        if first:
            first[2] = anchor[1]
    return [tuple(r) for r in out]


def lines(pieces):
    """Split runs at newlines into one list of runs a line (a paragraph)."""
    line: list[tuple[str, str, str]] = []
    for piece, kind, ident in pieces:
        parts = piece.split("\n")
        for i, part in enumerate(parts):
            if i:
                yield line
                line = []
                ident = ""
            if part:
                line.append((part, kind, ident))
    if line:
        yield line
