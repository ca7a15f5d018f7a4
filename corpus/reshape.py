"""The same pages in the other text shapes: flat copies re-wrapped as an e-paper export and as
printed columns, with their gold unchanged.

A customer's archive comes in three shapes (a paragraph a line, ~30-character e-paper
wrapping, column-width breaks), and a rule that reads one shape must read the others. The
gold files give every field with all whitespace removed, so a page re-wrapped keeps its gold
exactly. Only flat pages are re-wrapped: their lines are whole paragraphs, so the wrapping is
the only thing that changes. Three variants of each flat page:
- ``w30``: every line longer than 30 characters cut every 30 (an e-paper export);
- ``c15``: every line longer than 15 characters cut every 15 (a narrow printed column);
- ``c15i``: the same, each paragraph (a line ending a sentence) opening with the full-width indent
  (　　) a PDF text layer keeps.

With ``--blanks``, the pages' blank lines instead, which exports set or drop as they please:
- ``nb``: every page that has blank lines, without any (a PDF text layer that keeps none);
- ``dbl``: every flat page with a blank line after each of its lines (a web copy that puts
  one between all its paragraphs, so that a blank line no longer sets articles apart).

    python corpus/reshape.py corpus/tune /tmp/shapes-tune   # then qa eval --segmentation
    python corpus/reshape.py --blanks corpus/tune /tmp/blanks-tune
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# A paragraph ends a sentence: its stop, or a closing quote or bracket after one. A headline
# ending in a quote (…的“三本账”) is not a paragraph and is not indented.
SENTENCE_END = re.compile(r"[。！？…][”’）)」』]*$")
INDENT = "\u3000\u3000"


def wrap(line: str, width: int) -> list[str]:
    return [line[i : i + width] for i in range(0, len(line), width)] or [""]


def variant(text: str, name: str) -> str:
    width = 30 if name == "w30" else 15
    out: list[str] = []
    for line in text.split("\n"):
        if name == "c15i" and SENTENCE_END.search(line.strip()):
            line = INDENT + line.lstrip()
        out += wrap(line, width) if len(line) > width else [line]
    return "\n".join(out)


VARIANTS = ("w30", "c15", "c15i")


def blank_variants(text: str, shape: str) -> dict[str, str]:
    out = {}
    if re.search(r"\n[ \t\u3000]*\n", text.strip()):
        out["nb"] = re.sub(r"\n(?:[ \t\u3000]*\n)+", "\n", text)
    if shape == "flat":
        out["dbl"] = "\n\n".join(line for line in text.split("\n") if line.strip()) + "\n"
    return out


def main(src: Path, dest: Path, blanks: bool = False) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    gold: list[str] = []
    pages = 0
    for g in sorted(src.glob("*-*.jsonl")):
        rows = [json.loads(line) for line in g.read_text("utf-8").splitlines() if line.strip()]
        if not rows:
            continue
        text = g.with_suffix(".txt").read_text("utf-8")
        shape = rows[0].get("shape")
        if blanks:
            made = blank_variants(text, shape)
        elif shape == "flat":
            made = {name: variant(text, name) for name in VARIANTS}
        else:
            continue
        for name, new in made.items():
            page = f"{g.stem}~{name}.txt"
            (dest / page).write_text(new, "utf-8")
            if not blanks:
                shape = "wrapped" if name == "w30" else "column"
            gold += [
                json.dumps({**r, "source": page, "shape": shape}, ensure_ascii=False) for r in rows
            ]
            pages += 1
    (dest / "gold.jsonl").write_text("\n".join(gold) + "\n", "utf-8")
    print(f"{pages} pages in {dest}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--blanks"]
    main(Path(args[0]), Path(args[1]), blanks="--blanks" in sys.argv[1:])
