"""Split the fresh questions into train and test, by a rule fixed before any scoring.

A question is in test when the first hex digit of the SHA-256 of its id is odd. Writes
train.jsonl and test.jsonl beside this file. Run: python tests/eval/fresh/split.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    halves: dict[str, list[str]] = {"train": [], "test": []}
    for path in sorted(HERE.glob("*-questions.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                qid = json.loads(line)["id"]
                odd = int(hashlib.sha256(qid.encode()).hexdigest()[0], 16) % 2
                halves["test" if odd else "train"].append(line)
    for name, lines in halves.items():
        (HERE / f"{name}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        print(name, len(lines))


if __name__ == "__main__":
    main()
