"""Split the corpus into a tune half and a test half, by a rule fixed before any tuning.

Per style: page 1 is tune, page 2 is test, page 3 goes to the half that the first hex digit
of the style name's SHA-256 picks (even: tune). The pages of each half live in their own
folder (corpus/tune/, corpus/test/) with gold.jsonl, the gold of its pages concatenated.
Run once, on the pages as the writers left them in corpus/: python corpus/split.py
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def half(name: str) -> str:
    style, n = re.fullmatch(r"(.+)-(\d+)", name).groups()
    if n == "1":
        return "tune"
    if n == "2":
        return "test"
    return "tune" if int(hashlib.sha256(style.encode()).hexdigest()[0], 16) % 2 == 0 else "test"


def main() -> None:
    for name in ("tune", "test"):
        (HERE / name).mkdir(exist_ok=True)
    for gold in sorted(HERE.glob("*-*.jsonl")):
        dest = HERE / half(gold.stem)
        gold.rename(dest / gold.name)
        gold.with_suffix(".txt").rename(dest / (gold.stem + ".txt"))
    for name in ("tune", "test"):
        golds = sorted((HERE / name).glob("*-*.jsonl"))
        text = "\n".join(g.read_text("utf-8").strip() for g in golds) + "\n"
        (HERE / name / "gold.jsonl").write_text(text, "utf-8")
        print(name, len(golds), "pages")


if __name__ == "__main__":
    main()
