"""No literal from an evaluation question in the code: a rule must name a convention that
any page or question shows, never a phrase one question happened to use.

Fails when a run of four Han characters of any question in the evaluation files appears
in a source file of `qa/` (comments included), the evaluation tooling (`qa/evaluate.py`)
aside.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXEMPT = {"qa/evaluate.py"}
HAN4 = re.compile(r"(?=([\u4e00-\u9fff]{4}))")


def _questions() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests" / "eval").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if isinstance(row.get("question"), str):
                    out.append(row["question"])
    return out


def test_the_evaluation_files_hold_questions():
    assert len(_questions()) >= 300


def test_no_four_character_run_of_a_question_is_in_the_code():
    runs = {m.group(1) for q in _questions() for m in HAN4.finditer(q)}
    found = []
    for path in sorted((ROOT / "qa").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in EXEMPT:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{rel}: {m.group(1)}" for m in HAN4.finditer(text) if m.group(1) in runs]
    assert not found, "literals from evaluation questions in qa/:\n" + "\n".join(sorted(set(found)))
